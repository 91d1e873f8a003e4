// The dataset of the cases benchmark: 1,000,000 intake items and 100,000 cases (× scale) with
// observables, sightings and the full-text index at the demo generator's proportions (per case 2
// members, 0.6 supporting units, 2 notes, 2 tasks, 4 status changes; 3.8 sightings per report and 5
// per case, over the demo's shared-infrastructure pools grown with the scale). Written with raw
// better-sqlite3 prepared statements in one transaction, after the app itself has migrated the file
// and seeded the units; the search rows match what indexDocument writes (NFKC, search_key + search_fts).
import type SqliteDatabase from 'better-sqlite3';
import { createManualClock } from '#kernel/clock.ts';
import { loadConfig } from '#kernel/config.ts';
import { newId } from '#kernel/ids.ts';
import { createRandom, draftReport, drawInfrastructure, fictitiousName, pickShared, type DraftReport, type Random } from '#modules/demo/index.ts';
import { extractObservables } from '#modules/observables/index.ts';
import { openKoban } from '../src/server.ts';

export const BENCH_USER = 'bench-investigator';
export const BENCH_PASSWORD = 'bench passphrase 2026';
const YEAR_START = Date.UTC(2025, 11, 31, 15);
const YEAR_MS = 334 * 24 * 3_600_000;
const CASE_STATUSES = [
  ['pending', 30],
  ['closed', 30],
  ['sent_to_prosecutor', 12],
  ['investigating', 10],
  ['cleared', 5],
  ['suspect_identified', 5],
  ['joint_investigation', 3],
  ['recognized', 5],
] as const;
const NOTES = [
  '被害者から事情聴取を行い、被害状況と経緯を確認した。',
  '関係プロバイダに対し通信履歴の保全を要請した。',
  '振込先口座について金融機関に取引停止等を依頼した。',
];

type Units = { cyber: string; forensic: string; stations: string[] };

function detailWords(details: Record<string, unknown>): string[] {
  const words: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') words.push(value);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
  };
  collect(details);
  return words;
}

function routeOf(draft: DraftReport, random: Random, units: Units): string {
  if (draft.category === 'unauthorized_access_malware' || random.chance(0.2)) return units.cyber;
  return random.pick(units.stations);
}

/** Migrates, seeds units and the bench user through the app, then bulk-writes the rest. */
export async function buildCasesDataset(dataDir: string, scale: number): Promise<Record<string, number>> {
  const config = loadConfig({}, { KOBAN_DATA_DIR: dataDir, KOBAN_LOG_LEVEL: 'warn' });
  const koban = await openKoban(config, { clock: createManualClock(new Date(YEAR_START - 86_400_000)) });
  try {
    const all = await koban.services.units.list();
    const idOf = (code: string) => all.find((u) => u.code === code)?.id ?? '';
    const units: Units = {
      cyber: idOf('cyber_investigation'),
      forensic: idOf('ibaraki_info_comm'),
      stations: all.filter((u) => u.kind === 'station').map((u) => u.id),
    };
    const bench = await koban.services.users.create(
      { type: 'cli', id: null },
      { username: BENCH_USER, displayName: 'ベンチ 捜査員', roles: ['cyber_investigator'], unitId: units.cyber },
      null,
    );
    await koban.services.users.setPassword({ type: 'cli', id: null }, bench.user.id, BENCH_PASSWORD, null);
    const sqlite = koban.database.sqlite;
    if (!sqlite) throw new Error('the cases bench runs on SQLite');
    return writeBulk(sqlite, units, scale);
  } finally {
    await koban.close();
  }
}

function writeBulk(sqlite: SqliteDatabase.Database, units: Units, scale: number): Record<string, number> {
  const random = createRandom(2026);
  const infra = drawInfrastructure(random.fork('infrastructure'), 333 * scale);
  const items = Math.round(1_000_000 * scale);
  const everyNthOpens = 10;
  const insert = {
    user: sqlite.prepare(`insert into app_user (id, username, display_name, unit_id, password_hash, must_change_password, password_changed_at, failed_logins, totp_enabled, locale, created_at, updated_at)
      values (?, ?, ?, ?, 'x', 1, ?, 0, 0, 'ja', ?, ?)`),
    item: sqlite.prepare(`insert into intake_item (id, receipt_no, origin, kind, reporter_type, category, subcategory, channel, station_unit_id, summary, description, details,
      retention_until, status, priority, flags, assigned_unit_id, case_id, triaged_at, claimed_at, closed_at, created_at, updated_at)
      values (?, ?, 'public', ?, ?, ?, ?, 'web_portal', ?, ?, ?, ?, ?, ?, 'normal', '[]', ?, ?, ?, ?, ?, ?, ?)`),
    caseRow:
      sqlite.prepare(`insert into case_record (id, case_no, title, status, owner_unit_id, category, subcategory, opened_from_item_id, created_by, created_at, updated_at,
      priority, lead_user_id, sensitive, description, victim, damage_yen, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'normal', ?, ?, ?, ?, ?, 1)`),
    member: sqlite.prepare('insert or ignore into case_member (case_id, user_id, added_by, added_at) values (?, ?, ?, ?)'),
    support: sqlite.prepare('insert into case_support_unit (case_id, unit_id, added_by, added_at) values (?, ?, ?, ?)'),
    status: sqlite.prepare('insert into case_status_change (id, case_id, from_status, to_status, reason, changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?)'),
    note: sqlite.prepare('insert into case_note (id, case_id, body, author_id, created_at) values (?, ?, ?, ?, ?)'),
    task: sqlite.prepare('insert into case_task (id, case_id, title, assignee_id, due_at, done_at, created_by, created_at) values (?, ?, ?, ?, null, ?, ?, ?)'),
    observable: sqlite.prepare('insert into observable (type, value, warning, first_seen_at, last_seen_at) values (?, ?, null, ?, ?) returning id'),
    sighting: sqlite.prepare('insert into sighting (observable_id, source_type, source_id, owner_unit_id, restricted, seen_at) values (?, ?, ?, ?, ?, ?)'),
    searchKey: sqlite.prepare('insert into search_key (kind, ref_id) values (?, ?) returning id'),
    searchFts: sqlite.prepare('insert into search_fts (rowid, title, body) values (?, ?, ?)'),
  };
  const observableIds = new Map<string, number>();
  const counts = { items: 0, cases: 0, observables: 0, sightings: 0, users: 0 };
  const officers = new Map<string, string[]>();
  const observe = (text: string, sourceType: string, sourceId: string, owner: string, restricted: number, at: string) => {
    const found: { type: string; value: string }[] = extractObservables(text);
    // Triage also records the host of each URL and e-mail address as a domain (derived-hosts.ts).
    for (const o of [...found]) {
      if (o.type === 'url') found.push({ type: 'domain', value: new URL(o.value).hostname });
      if (o.type === 'email') found.push({ type: 'domain', value: o.value.slice(o.value.lastIndexOf('@') + 1) });
    }
    const seen = new Set<string>();
    for (const o of found) {
      if (seen.has(`${o.type}\u0000${o.value}`)) continue;
      seen.add(`${o.type}\u0000${o.value}`);
      const key = `${o.type}\u0000${o.value}`;
      let id = observableIds.get(key);
      if (id === undefined) {
        id = (insert.observable.get(o.type, o.value, at, at) as { id: number }).id;
        observableIds.set(key, id);
        counts.observables += 1;
      }
      insert.sighting.run(id, sourceType, sourceId, owner, restricted, at);
      counts.sightings += 1;
    }
  };
  const index = (kind: string, refId: string, title: string, body: string) => {
    const { id } = insert.searchKey.get(kind, refId) as { id: number };
    insert.searchFts.run(id, title.normalize('NFKC'), body.normalize('NFKC'));
  };
  sqlite.transaction(() => {
    const at0 = new Date(YEAR_START - 86_400_000).toISOString();
    for (const unitId of [units.cyber, units.forensic, ...units.stations]) {
      const ids = Array.from({ length: unitId === units.cyber ? 20 : 4 }, (_, n) => {
        const id = newId();
        insert.user.run(id, `bench-${unitId.slice(-8)}-${n}`, fictitiousName(random), unitId, at0, at0, at0);
        counts.users += 1;
        return id;
      });
      officers.set(unitId, ids);
    }
    for (let i = 0; i < items; i += 1) {
      const draft = draftReport(random, infra);
      const createdMs = YEAR_START + Math.floor((i / items) * YEAR_MS) + random.int(0, 600_000);
      const at = new Date(createdMs).toISOString();
      const later = new Date(createdMs + random.int(1, 600) * 60_000).toISOString();
      const itemId = newId(createdMs);
      const receipt = `IB-2026-${String(i + 1).padStart(6, '0')}`;
      const unit = routeOf(draft, random, units);
      const opens = i % everyNthOpens === 0;
      const caseId = opens ? newId(createdMs + 3_600_000) : null;
      const status = opens
        ? 'case_opened'
        : random.weighted([
            ['closed', 6],
            ['queued', 2],
            ['in_progress', 2],
          ] as const);
      const details = JSON.stringify(draft.details);
      insert.item.run(
        itemId,
        receipt,
        draft.kind,
        draft.reporterType,
        draft.category,
        draft.subcategory ?? null,
        random.chance(0.5) ? random.pick(units.stations) : null,
        draft.summary,
        draft.description,
        details,
        '2029-12-31T00:00:00.000Z',
        status,
        unit,
        caseId,
        later,
        status === 'queued' ? null : later,
        status === 'closed' || opens ? later : null,
        at,
        later,
      );
      index('report', itemId, `${receipt} ${draft.summary}`, [draft.description, ...detailWords(draft.details)].join('\n'));
      observe(draft.description, 'report', itemId, unit, 0, at);
      counts.items += 1;
      if (caseId) writeCase(caseId, itemId, draft, unit, createdMs + 3_600_000);
    }
  })();

  function writeCase(caseId: string, itemId: string, draft: DraftReport, unit: string, openedMs: number): void {
    counts.cases += 1;
    const at = new Date(openedMs).toISOString();
    const team = officers.get(unit) ?? [];
    const lead = random.pick(team);
    const sensitive = random.chance(0.02) ? 1 : 0;
    const status = random.weighted(CASE_STATUSES);
    const victim = draft.organisation
      ? { kind: 'organisation', name: draft.organisation.name, industry: draft.organisation.industry, orgSize: draft.organisation.orgSize }
      : { kind: 'person' };
    const caseNo = `IB-C-2026-${String(counts.cases).padStart(4, '0')}`;
    const updated = new Date(openedMs + random.int(1, 24 * 60) * 3_600_000).toISOString();
    insert.caseRow.run(
      caseId,
      caseNo,
      draft.caseTitle ?? draft.summary,
      status,
      unit,
      draft.category,
      draft.subcategory ?? null,
      itemId,
      lead,
      at,
      updated,
      lead,
      sensitive,
      draft.description,
      JSON.stringify(victim),
      draft.damageYen ?? null,
    );
    insert.member.run(caseId, lead, lead, at);
    insert.member.run(caseId, random.pick(team), lead, at);
    if (random.chance(0.6)) insert.support.run(caseId, unit === units.cyber ? units.forensic : units.cyber, lead, at);
    let from: string | null = null;
    for (const to of ['recognized', 'investigating', status === 'recognized' ? null : status].filter((s) => s !== null)) {
      insert.status.run(newId(), caseId, from, to, '', lead, updated);
      from = to;
    }
    const notes = random.sample(NOTES, 2);
    for (const body of notes) insert.note.run(newId(), caseId, body, lead, updated);
    for (let t = 0; t < 2; t += 1)
      insert.task.run(
        newId(),
        caseId,
        random.pick(['通信履歴の保全要請', '捜査関係事項照会（プロバイダ）', '参考人聴取']),
        lead,
        random.chance(0.6) ? updated : null,
        lead,
        at,
      );
    index('case', caseId, `${caseNo} ${draft.caseTitle ?? draft.summary}`, [draft.description, ...notes].join('\n'));
    const findings = `${draft.description} 関連: ${pickShared(random, infra.c2Addresses)} ${pickShared(random, infra.muleAccounts).text}`;
    observe(findings, 'case', caseId, unit, sensitive, at);
  }
  return counts;
}
