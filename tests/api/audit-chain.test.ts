import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '#kernel/auth/index.ts';
import { hashAuditEntry, verifyAuditChain } from '#kernel/audit/index.ts';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { loginAs } from '../support/sessions.ts';

let ctx: TestContext;
before(async () => {
  ctx = await makeTestContext();
});
after(async () => ctx.close());

async function writeEntries(count: number) {
  const { db } = ctx.koban.database;
  for (let i = 0; i < count; i += 1) {
    await db
      .transaction()
      .execute((trx) =>
        ctx.koban.deps().audit.record(trx, { actor: SYSTEM_ACTOR, action: 'test.entry', target: { type: 'test', id: String(i) }, changes: { i } }),
      );
  }
}

describe('audit chain', () => {
  it('links every entry to its predecessor and verifies', async () => {
    await writeEntries(5);
    const verdict = await verifyAuditChain(ctx.koban.database.db);
    assert.equal(verdict.ok, true);
    assert.ok(verdict.count >= 6);
  });

  it('keeps one chain under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, () => writeEntries(1)));
    assert.equal((await verifyAuditChain(ctx.koban.database.db)).ok, true);
  });

  it('names an altered, a removed and an inserted entry', async () => {
    const { db } = ctx.koban.database;
    await writeEntries(3);
    const last = await db.selectFrom('audit_entry').select(['seq', 'changes']).orderBy('seq', 'desc').limit(3).execute();
    const [newest, middle, oldest] = last;
    assert.ok(newest && middle && oldest);

    await db.updateTable('audit_entry').set({ changes: '{"i":999}' }).where('seq', '=', middle.seq).execute();
    assert.deepEqual(await verifyAuditChain(db), { ok: false, count: middle.seq - 1, seq: middle.seq, problem: 'altered' });
    await db.updateTable('audit_entry').set({ changes: middle.changes }).where('seq', '=', middle.seq).execute();
    assert.equal((await verifyAuditChain(db)).ok, true);

    const removed = await db.selectFrom('audit_entry').selectAll().where('seq', '=', middle.seq).executeTakeFirstOrThrow();
    await db.deleteFrom('audit_entry').where('seq', '=', middle.seq).execute();
    const gap = await verifyAuditChain(db);
    assert.equal(gap.ok, false);
    assert.equal(gap.ok ? null : gap.problem, 'removed');
    assert.equal(gap.ok ? null : gap.seq, newest.seq);
    await db.insertInto('audit_entry').values(removed).execute();

    await sql`update audit_entry set seq = seq + 1000 where seq >= ${newest.seq}`.execute(db);
    await sql`update audit_entry set seq = seq - 999 where seq >= ${newest.seq + 1000}`.execute(db);
    const forged = { ...removed, seq: newest.seq, id: 'forged', prev_hash: removed.hash, changes: '{"forged":true}' };
    await db
      .insertInto('audit_entry')
      .values({ ...forged, hash: hashAuditEntry(forged) })
      .execute();
    const inserted = await verifyAuditChain(db);
    assert.deepEqual(inserted, { ok: false, count: newest.seq, seq: newest.seq + 1, problem: 'inserted' });
  });

  it('is served to permitted users over HTTP with a localised verdict', async () => {
    const admin = await loginAs(ctx, ['admin']);
    const verdict = await admin.request('GET', '/api/audit/verify', undefined, { 'accept-language': 'en' });
    assert.equal(verdict.statusCode, 200);
    assert.equal(verdict.json().ok, false);
    assert.match(verdict.json().message, /^An entry was inserted before audit entry #\d+\.$/);
  });
});
