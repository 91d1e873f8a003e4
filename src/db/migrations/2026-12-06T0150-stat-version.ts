import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../../kernel/db/dialect.ts';

// Statistics keep each Japanese day's figures until that day's rows change. The database itself
// counts the changes: triggers on the counted tables bump the version of the day (of the row's
// created_at, in Japan time) whenever a counted column changes, so no write path in the code can
// forget to, and several server processes agree.
const COUNTED = {
  intake_item: { scope: 'intake', columns: ['category', 'kind', 'priority', 'status', 'triaged_at', 'claimed_at', 'case_id', 'created_at'] },
  case_record: { scope: 'case', columns: ['category', 'status', 'owner_unit_id', 'damage_yen', 'created_at'] },
} as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stat_version')
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('stat_version_pk', ['scope', 'day'])
    .execute();

  if (isSqlite(db)) {
    const bump = (scope: string, row: 'NEW' | 'OLD') =>
      `insert into stat_version (scope, day, version) values ('${scope}', strftime('%Y-%m-%d', ${row}.created_at, '+9 hours'), 1) on conflict (scope, day) do update set version = version + 1;`;
    for (const [table, { scope, columns }] of Object.entries(COUNTED)) {
      const changed = columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
      await sql.raw(`create trigger ${table}_stat_insert after insert on ${table} begin ${bump(scope, 'NEW')} end`).execute(db);
      await sql
        .raw(`create trigger ${table}_stat_update after update on ${table} when ${changed} begin ${bump(scope, 'OLD')} ${bump(scope, 'NEW')} end`)
        .execute(db);
      await sql.raw(`create trigger ${table}_stat_delete after delete on ${table} begin ${bump(scope, 'OLD')} end`).execute(db);
    }
    return;
  }
  await sql`
    create function stat_version_bump() returns trigger language plpgsql as $$
    declare
      scope text := TG_ARGV[0];
    begin
      if TG_OP in ('UPDATE', 'DELETE') then
        insert into stat_version (scope, day, version)
        values (scope, to_char((OLD.created_at::timestamptz at time zone 'Asia/Tokyo'), 'YYYY-MM-DD'), 1)
        on conflict on constraint stat_version_pk do update set version = stat_version.version + 1;
      end if;
      if TG_OP in ('INSERT', 'UPDATE') then
        insert into stat_version (scope, day, version)
        values (scope, to_char((NEW.created_at::timestamptz at time zone 'Asia/Tokyo'), 'YYYY-MM-DD'), 1)
        on conflict on constraint stat_version_pk do update set version = stat_version.version + 1;
      end if;
      return null;
    end $$`.execute(db);
  for (const [table, { scope, columns }] of Object.entries(COUNTED)) {
    const changed = columns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');
    await sql
      .raw(`create trigger ${table}_stat_insert after insert or delete on ${table} for each row execute function stat_version_bump('${scope}')`)
      .execute(db);
    await sql
      .raw(`create trigger ${table}_stat_update after update on ${table} for each row when (${changed}) execute function stat_version_bump('${scope}')`)
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of Object.keys(COUNTED)) {
    for (const suffix of ['insert', 'update', 'delete'])
      await sql.raw(`drop trigger if exists ${table}_stat_${suffix}${isSqlite(db) ? '' : ` on ${table}`}`).execute(db);
  }
  if (!isSqlite(db)) await sql`drop function if exists stat_version_bump()`.execute(db);
  await db.schema.dropTable('stat_version').execute();
}
