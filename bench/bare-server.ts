// The baseline: a bare Fastify hello-world JSON server on the same machine, same run.
import Fastify from 'fastify';

const app = Fastify();
app.get('/', () => Promise.resolve({ hello: 'world' }));
const port = Number(process.argv[2] ?? '0');
await app.listen({ host: '127.0.0.1', port });
process.stdout.write('ready\n');
