import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openSqlite } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { reusableQuery } from './reusable-query.ts';

describe('reusableQuery', () => {
  it('compiles once and runs with each call’s values, keeping constant parameters in place', async () => {
    const database = openSqlite(join(mkdtempSync(join(tmpdir(), 'koban-rq-')), 'k.db'));
    await migrateToLatest(database);
    const now = new Date().toISOString();
    const unit = (code: string, kind: string) => ({
      id: code,
      code,
      parent_id: null,
      kind,
      name_ja: code,
      name_en: code,
      sort_order: 0,
      phone: null,
      liaison_user_id: null,
      created_at: now,
      updated_at: now,
    });
    await database.db
      .insertInto('unit')
      .values([unit('a', 'station'), unit('b', 'station'), unit('c', 'hq')])
      .execute();
    let builds = 0;
    const stationsNamed = reusableQuery(2, (db, code: string, other: string) => {
      builds += 1;
      return db.selectFrom('unit').select('code').where('kind', '=', 'station').where('code', 'in', [code, other]).orderBy('code');
    });
    assert.deepEqual(await stationsNamed(database.db, 'a', 'c'), [{ code: 'a' }]);
    assert.deepEqual(await stationsNamed(database.db, 'b', 'a'), [{ code: 'a' }, { code: 'b' }]);
    assert.deepEqual(await stationsNamed(database.db, 'c', 'zz'), []);
    assert.equal(builds, 1);
    await database.close();
  });
});
