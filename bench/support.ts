import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts a process and resolves once it prints a line matching `ready`. */
export function startProcess(args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`process exited ${String(code)} before ready:\n${output}`)));
  });
}

export type LoadResult = { requestsPerSecond: number; p99Ms: number; p50Ms: number; non2xx: number; errors: number };

/** Runs autocannon as its own process, so the load generator does not share the server's event loop. */
export function runAutocannon(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): LoadResult {
  const headerArgs = Object.entries(options.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/autocannon/autocannon.js'), '-j', '-c', String(options.connections), '-d', String(options.seconds), ...headerArgs, url],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`autocannon failed: ${result.stderr}`);
  const json = JSON.parse(result.stdout) as { requests: { average: number }; latency: { p99: number; p50: number }; non2xx: number; errors: number };
  return { requestsPerSecond: json.requests.average, p99Ms: json.latency.p99, p50Ms: json.latency.p50, non2xx: json.non2xx, errors: json.errors };
}

export function machine() {
  return { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
}
