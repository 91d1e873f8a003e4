// Authenticated JSON reads per second against a running Koban (separate process, real SQLite),
// beside a bare Fastify hello-world measured in the same run. Goal: reads ≥ half the bare figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, machine, runAutocannon, ROOT, startProcess } from './support.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? '10');
const CONNECTIONS = 20;

async function authenticatedHeaders(base: string): Promise<Record<string, string>> {
  const { spawnSync } = await import('node:child_process');
  const created = spawnSync(process.execPath, ['bin/koban.js', 'user', 'create', 'bench', '--role', 'cyber_analyst'], {
    cwd: ROOT,
    env: process.env,
    encoding: 'utf8',
  });
  const password = /([A-Za-z0-9]{16})\s*$/.exec(created.stdout)?.[1];
  if (!password) throw new Error(`user create failed: ${created.stdout}${created.stderr}`);
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const changed = await fetch(`${base}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ currentPassword: password, newPassword: 'load test passphrase 2026' }),
  });
  if (changed.status !== 200) throw new Error(`password change failed: ${await changed.text()}`);
  return { cookie };
}

export async function run(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'koban-bench-'));
  const kobanPort = await freePort();
  const barePort = await freePort();
  const env = {
    KOBAN_DATA_DIR: dataDir,
    KOBAN_PORT: String(kobanPort),
    KOBAN_HOST: '127.0.0.1',
    KOBAN_LOG_LEVEL: 'warn',
    KOBAN_RATE_LIMIT_PER_MINUTE: '100000000',
  };
  Object.assign(process.env, env);
  const koban = await startProcess(['bin/koban.js', 'serve'], env, /Koban .*(起動|listening)/);
  const bare = await startProcess(['--import', 'tsx', 'bench/bare-server.ts', String(barePort)], {}, /ready/);
  try {
    const base = `http://127.0.0.1:${kobanPort}`;
    const headers = await authenticatedHeaders(base);
    const units = (await (await fetch(`${base}/api/units`, { headers })).json()) as { items: { id: string; code: string }[] };
    const station = units.items.find((u) => u.code === 'station_mito');
    const endpoint = `/api/units/${station?.id ?? ''}`;
    runAutocannon(`${base}${endpoint}`, { connections: CONNECTIONS, seconds: 2, headers });
    runAutocannon(`http://127.0.0.1:${barePort}/`, { connections: CONNECTIONS, seconds: 2 });
    const bareResult = runAutocannon(`http://127.0.0.1:${barePort}/`, { connections: CONNECTIONS, seconds: SECONDS });
    const reads = runAutocannon(`${base}${endpoint}`, { connections: CONNECTIONS, seconds: SECONDS, headers });
    const list = runAutocannon(`${base}/api/units`, { connections: CONNECTIONS, seconds: SECONDS, headers });
    const session = runAutocannon(`${base}/api/auth/session`, { connections: CONNECTIONS, seconds: SECONDS, headers });
    return {
      bench: 'http',
      reads_per_s: Math.round(reads.requestsPerSecond),
      p99_ms: reads.p99Ms,
      bare_per_s: Math.round(bareResult.requestsPerSecond),
      bare_p99_ms: bareResult.p99Ms,
      ratio: Number((reads.requestsPerSecond / bareResult.requestsPerSecond).toFixed(3)),
      endpoint: 'GET /api/units/:id (session cookie)',
      non2xx: reads.non2xx + list.non2xx + session.non2xx,
      list_per_s: Math.round(list.requestsPerSecond),
      list_p99_ms: list.p99Ms,
      list_endpoint: 'GET /api/units (57 units)',
      session_per_s: Math.round(session.requestsPerSecond),
      session_p99_ms: session.p99Ms,
      session_endpoint: 'GET /api/auth/session',
      connections: CONNECTIONS,
      seconds: SECONDS,
      database: 'sqlite',
      machine: machine(),
    };
  } finally {
    koban.kill('SIGTERM');
    bare.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
