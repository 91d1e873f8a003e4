// STIX bulk import and export (issue 6): a bundle of 1,000,000 indicators is written to a file,
// read back with the streaming reader alone (the baseline: reading and JSON.parse, no storing),
// imported into a fresh SQLite instance through the sharing service (validation, store,
// observables and sightings, provenance), then exported again to a file. `--scale 0.1` runs a tenth.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { loadConfig } from '#kernel/config.ts';
import { openBundleFile, readBundleObjects } from '#modules/sharing/index.ts';
import { openKoban } from '../src/server.ts';
import { machine } from './support.ts';

const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';

function hex(k: number, length: number): string {
  return k.toString(16).padStart(length, '0');
}

function patternAt(k: number): string {
  switch (k % 4) {
    case 0:
      return `[ipv4-addr:value = '${45 + ((k >>> 24) & 0x7f)}.${(k >>> 16) & 0xff}.${(k >>> 8) & 0xff}.${k & 0xff}']`;
    case 1:
      return `[domain-name:value = 'd${k.toString(36)}.bench-shop.jp']`;
    case 2:
      return `[url:value = 'https://h${k.toString(36)}.bench-pay.com/login?id=${k}']`;
    default:
      return `[file:hashes.'SHA-256' = '${hex(k, 64)}']`;
  }
}

function indicatorAt(k: number): string {
  const id = `indicator--${hex(k, 8)}-0000-4000-8000-${hex(k, 12)}`;
  return JSON.stringify({
    type: 'indicator',
    spec_version: '2.1',
    id,
    created: '2026-11-01T00:00:00.000Z',
    modified: '2026-11-01T00:00:00.000Z',
    name: `bench indicator ${k}`,
    indicator_types: ['malicious-activity'],
    pattern: patternAt(k),
    pattern_type: 'stix',
    valid_from: '2026-11-01T00:00:00Z',
    object_marking_refs: [GREEN],
  });
}

async function writeBundle(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('{"type":"bundle","id":"bundle--00000000-0000-4000-8000-000000000001","objects":[\n');
  for (let start = 0; start < count; start += 10_000) {
    const parts: string[] = [];
    for (let k = start; k < Math.min(count, start + 10_000); k += 1) parts.push(indicatorAt(k));
    const text = (start === 0 ? '' : ',\n') + parts.join(',\n');
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end('\n]}\n');
  await finished(out);
}

function scaleOf(args: string[]): number {
  const at = args.indexOf('--scale');
  const value = at >= 0 ? Number(args[at + 1]) : 1;
  return Number.isFinite(value) && value > 0 ? value : 1;
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

export async function run(args: string[]) {
  const count = Math.round(1_000_000 * scaleOf(args));
  const dir = mkdtempSync(join(tmpdir(), 'koban-bench-sharing-'));
  const bundle = join(dir, 'bundle.json');
  const exported = join(dir, 'export.json');
  try {
    await writeBundle(bundle, count);
    const fileMb = statSync(bundle).size / 1024 / 1024;

    const koban = await openKoban(loadConfig({ ...process.env, KOBAN_DATA_DIR: join(dir, 'data'), KOBAN_LOG_LEVEL: 'warn', KOBAN_DATABASE_URL: undefined }));
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    try {
      let started = process.hrtime.bigint();
      const summary = await koban.services.sharing.importFile(bundle, {
        kind: 'stix',
        source: `file:${bundle}`,
        actor: { kind: 'cli', id: null, label: 'bench', audit: { type: 'cli', id: null } },
        defaultTlp: 'amber',
        locale: 'en',
      });
      const importSeconds = seconds(started);
      const afterImport = process.memoryUsage();
      if (summary.imported !== count) throw new Error(`imported ${summary.imported} of ${count}: ${JSON.stringify(summary.problems.slice(0, 3))}`);

      started = process.hrtime.bigint();
      const out = createWriteStream(exported);
      const written = await koban.services.sharing.exportBundle(out, { allowed: 'green' });
      out.end();
      await finished(out);
      const exportSeconds = seconds(started);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      clearInterval(sampler);
      const maxRss = process.resourceUsage().maxRSS;

      // The baseline comes last, so that its garbage does not count in the import's memory.
      let parsed = 0;
      started = process.hrtime.bigint();
      for await (const entry of readBundleObjects(openBundleFile(bundle))) if (JSON.parse(entry.text)) parsed += 1;
      const parseSeconds = seconds(started);

      return {
        bench: 'sharing',
        objects: count,
        bundle_mb: Math.round(fileMb),
        import_per_s: Math.round(count / importSeconds),
        import_seconds: Number(importSeconds.toFixed(1)),
        export_per_s: Math.round(written / exportSeconds),
        export_seconds: Number(exportSeconds.toFixed(1)),
        exported: written,
        peak_rss_mb: Math.round(peakRss / 1024 / 1024),
        /** The process's high-water mark before the baseline ran (bundle generation included). */
        max_rss_mb_process: Math.round(maxRss / 1024),
        after_import_mb: {
          rss: Math.round(afterImport.rss / 1048576),
          heap_used: Math.round(afterImport.heapUsed / 1048576),
          external: Math.round(afterImport.external / 1048576),
        },
        baseline_read_parse_per_s: Math.round(parsed / parseSeconds),
        import_vs_read_parse: Number((parsed / parseSeconds / (count / importSeconds)).toFixed(2)),
        database: 'sqlite',
        machine: machine(),
      };
    } finally {
      clearInterval(sampler);
      await koban.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
