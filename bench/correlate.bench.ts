// Ingest of sightings into SQLite through the observables service, beside a raw better-sqlite3
// prepared-insert loop into the same tables in the same run; then bulk lookups against the store.
// Default: 10,000,000 sightings over 2,000,000 observables; `--scale 0.1` runs a tenth.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '#kernel/auth/index.ts';
import { loadConfig } from '#kernel/config.ts';
import { migrateToLatest, openSqlite } from '#kernel/db/index.ts';
import type { ObservableType, SightingInput } from '#modules/observables/index.ts';
import { openKoban } from '../src/server.ts';
import { machine } from './support.ts';

const BATCH = 50_000;

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

/** The k-th distinct observable: four types with realistic canonical values. */
function observableAt(k: number): { type: ObservableType; value: string } {
  switch (k % 4) {
    case 0:
      return { type: 'ipv4', value: `${45 + ((k >>> 24) & 0x7f)}.${(k >>> 16) & 0xff}.${(k >>> 8) & 0xff}.${k & 0xff}` };
    case 1:
      return { type: 'domain', value: `d${k.toString(36)}.bench-shop.jp` };
    case 2:
      return { type: 'url', value: `https://h${k.toString(36)}.bench-pay.com/login?id=${k}` };
    default:
      return { type: 'sha256', value: k.toString(16).padStart(64, '0') };
  }
}

function* sightingBatches(total: number, distinct: number): Generator<SightingInput[]> {
  const random = prng(7);
  const seenAt = '2026-11-25T00:00:00.000Z';
  for (let start = 0; start < total; start += BATCH) {
    const batch: SightingInput[] = [];
    for (let i = start; i < Math.min(total, start + BATCH); i += 1) {
      // Every observable once, then a skewed choice: a few are seen very often, most rarely.
      const k = i < distinct ? i : Math.floor(distinct * random() * random());
      const { type, value } = observableAt(k);
      batch.push({
        type,
        value,
        warning: null,
        attributes: null,
        sourceType: 'report',
        // A report or sensor event brings its sightings together: 50 per source, 200,000 sources at scale 1.
        sourceId: `r${Math.floor(i / 50)}`,
        ownerUnitId: null,
        restricted: false,
        seenAt,
        start: null,
        end: null,
      });
    }
    yield batch;
  }
}

function rawInsertLoop(path: string, total: number, distinct: number): number {
  const database = openSqlite(path);
  const sqlite = database.sqlite;
  if (!sqlite) throw new Error('no sqlite');
  const upsert = sqlite.prepare<unknown[], { id: number }>(
    `insert into observable (type, value, first_seen_at, last_seen_at) values (?, ?, ?, ?)
     on conflict (type, value) do update set last_seen_at = max(observable.last_seen_at, excluded.last_seen_at) returning id`,
  );
  const insert = sqlite.prepare('insert into sighting (observable_id, source_type, source_id, owner_unit_id, restricted, seen_at) values (?, ?, ?, ?, ?, ?)');
  const started = process.hrtime.bigint();
  for (const batch of sightingBatches(total, distinct)) {
    sqlite.transaction(() => {
      for (const s of batch) {
        const row = upsert.get(s.type, s.value, s.seenAt, s.seenAt);
        if (row) insert.run(row.id, s.sourceType, s.sourceId, null, 0, s.seenAt);
      }
    })();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  sqlite.close();
  return total / seconds;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const scaleIndex = args.indexOf('--scale');
  const scale = scaleIndex >= 0 ? Number(args[scaleIndex + 1] ?? '1') : 1;
  const total = Math.round(10_000_000 * scale);
  const distinct = Math.round(2_000_000 * scale);
  const dir = mkdtempSync(join(tmpdir(), 'koban-correlate-'));
  try {
    const rawPath = join(dir, 'raw', 'koban.db');
    const rawDatabase = openSqlite(rawPath);
    await migrateToLatest(rawDatabase);
    await rawDatabase.close();
    const rawPerSecond = rawInsertLoop(rawPath, total, distinct);

    const config = loadConfig({}, { KOBAN_DATA_DIR: join(dir, 'koban'), KOBAN_LOG_LEVEL: 'silent', KOBAN_SEED_UNITS: 'false' });
    const koban = await openKoban(config);
    const started = process.hrtime.bigint();
    for (const batch of sightingBatches(total, distinct)) await koban.services.observables.recordSightings(SYSTEM_ACTOR, batch, null);
    const ingestSeconds = Number(process.hrtime.bigint() - started) / 1e9;

    const random = prng(11);
    const times: number[] = [];
    for (let round = 0; round < 60; round += 1) {
      const values = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? observableAt(Math.floor(random() * distinct)).value : `198.18.${i % 250}.${round}`));
      const t0 = performance.now();
      const results = await koban.services.observables.lookup(values);
      if (round >= 10) times.push(performance.now() - t0);
      if (results.filter((r) => r.known).length < 400) throw new Error('lookup found too few known values');
    }
    times.sort((a, b) => a - b);
    await koban.close();
    return {
      bench: 'correlate',
      ingest_sightings_per_s: Math.round(total / ingestSeconds),
      raw_insert_per_s: Math.round(rawPerSecond),
      ingest_vs_raw: Number((total / ingestSeconds / rawPerSecond).toFixed(3)),
      lookup_p50_ms: Number(percentile(times, 50).toFixed(2)),
      lookup_p99_ms: Number(percentile(times, 99).toFixed(2)),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      sightings: total,
      observables: distinct,
      lookup_values: 1000,
      database: 'sqlite',
      machine: machine(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
