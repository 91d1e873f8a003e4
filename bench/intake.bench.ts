// Public submissions with a 100 KB attachment each, sustained against a running Koban (its own
// process, SQLite) for BENCH_SECONDS (default 60), from CONNECTIONS concurrent clients in this
// process. Every attachment is distinct content, so each one is really written and fsynced. After the
// run the server is stopped and every receipt it answered is looked up in the database: `missing`
// counts accepted reports that are not there. Goal: ≥ 300/s, p99 < 200 ms, zero missing.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { freePort, machine, startProcess } from './support.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? '60');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? '16');
const ATTACHMENT_BYTES = 100 * 1024;

const REPORT = JSON.stringify({
  kind: 'report',
  reporterType: 'individual',
  category: 'unauthorized_access_malware',
  subcategory: 'phishing',
  summary: '宅配業者を装ったSMSのリンクを開いた',
  description: '「お荷物をお届けにあがりましたが不在の為持ち帰りました」 hxxps://sagawa-exp[.]delivery-check[.]top/track と 090-1234-5678 から届きました。',
  details: { phishing: { receivedVia: 'sms', url: 'https://sagawa-exp.delivery-check.top/track', sender: '090-1234-5678' } },
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function run(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'koban-intake-bench-'));
  const port = await freePort();
  const env = {
    KOBAN_DATA_DIR: dataDir,
    KOBAN_PORT: String(port),
    KOBAN_HOST: '127.0.0.1',
    KOBAN_LOG_LEVEL: 'warn',
    KOBAN_RATE_LIMIT_PER_MINUTE: '100000000',
    KOBAN_REPORT_RATE_LIMIT_PER_HOUR: '100000000',
    // The proof-of-work challenge is what the portal asks under load; this measures the path without it.
    KOBAN_POW_THRESHOLD_PER_MINUTE: '100000000',
  };
  // BENCH_PROFILE_DIR=/tmp/x writes a CPU profile of the server there when it stops.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE_DIR] : [];
  const koban = await startProcess([...profile, 'bin/koban.js', 'serve'], env, /Koban .*(起動|listening)/);
  const url = `http://127.0.0.1:${port}/api/public/reports`;
  const base = randomBytes(ATTACHMENT_BYTES);
  let counter = 0;
  const receipts: string[] = [];
  const latencies: number[] = [];
  let failures = 0;
  const firstFailure: string[] = [];

  async function submitOne(): Promise<void> {
    counter += 1;
    const content = Buffer.from(base);
    content.writeUInt32BE(counter, 0);
    content.writeUInt32BE(process.pid, 4);
    const form = new FormData();
    form.append('report', REPORT);
    form.append('attachments', new Blob([content], { type: 'text/plain' }), `log-${counter}.txt`);
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', body: form });
    const body = await response.text();
    latencies.push(performance.now() - started);
    if (response.status === 201) receipts.push((JSON.parse(body) as { receiptNo: string }).receiptNo);
    else {
      failures += 1;
      if (firstFailure.length === 0) firstFailure.push(`${response.status} ${body.slice(0, 200)}`);
    }
  }

  async function loop(until: number): Promise<void> {
    while (performance.now() < until) await submitOne();
  }

  try {
    // Warm-up, then the measured run.
    await Promise.all(Array.from({ length: CONNECTIONS }, () => loop(performance.now() + 3000)));
    receipts.length = 0;
    latencies.length = 0;
    failures = 0;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await Promise.all(Array.from({ length: CONNECTIONS }, () => loop(started + SECONDS * 1000)));
    const elapsed = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    // The load generator shares this 2-core machine with the server: report how much it took.
    const clientCpuShare = (cpu.user + cpu.system) / 1e6 / elapsed;
    const accepted = receipts.length;
    koban.kill('SIGTERM');
    await new Promise((resolve) => koban.once('exit', resolve));
    const sqlite = new Database(join(dataDir, 'koban.db'), { readonly: true });
    const lookup = sqlite.prepare('select 1 from intake_item where receipt_no = ?');
    const withFile = sqlite.prepare('select count(*) as n from intake_attachment a join intake_item i on i.id = a.item_id where i.receipt_no = ?');
    let missing = 0;
    for (const receipt of receipts) if (!lookup.get(receipt) || (withFile.get(receipt) as { n: number }).n !== 1) missing += 1;
    const triaged = (sqlite.prepare('select count(*) as n from intake_item where triaged_at is not null').get() as { n: number }).n;
    sqlite.close();
    latencies.sort((a, b) => a - b);
    return {
      bench: 'intake',
      submissions_per_s: Math.round(accepted / elapsed),
      p50_ms: Number(percentile(latencies, 50).toFixed(1)),
      p99_ms: Number(percentile(latencies, 99).toFixed(1)),
      missing,
      accepted,
      failed: failures,
      first_failure: firstFailure[0] ?? null,
      triaged_by_shutdown: triaged,
      client_cpu_cores: Number(clientCpuShare.toFixed(2)),
      seconds: SECONDS,
      connections: CONNECTIONS,
      attachment_bytes: ATTACHMENT_BYTES,
      database: 'sqlite',
      machine: machine(),
    };
  } finally {
    if (koban.exitCode === null) koban.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
