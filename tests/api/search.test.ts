// Japanese full-text search (FTS5 trigram on SQLite, pg_trgm on PostgreSQL): 3+ character words,
// 1–2 character words through the fallback, full-width forms, notes, and need-to-know filtering.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { multipart } from '../support/multipart.ts';
import { loginAs, type Agent } from '../support/sessions.ts';

let ctx: TestContext;
let investigator: Agent;
let hitachiOfficer: Agent;

type Hit = { kind: string; id: string; label: string; title: string; snippet: string; highlights: [number, number][] };

before(async () => {
  ctx = await makeTestContext({ KOBAN_REPORT_RATE_LIMIT_PER_HOUR: '1000' });
  const cyberId = (await ctx.koban.services.units.findIdByCode('cyber_investigation')) ?? '';
  const hitachiId = (await ctx.koban.services.units.findIdByCode('station_hitachi')) ?? '';
  investigator = await loginAs(ctx, ['cyber_investigator'], 'searcher', { unitId: cyberId });
  hitachiOfficer = await loginAs(ctx, ['station_officer'], 'hitachi-s', { unitId: hitachiId });
  const created = await investigator.request('POST', '/api/cases', {
    title: 'ランサムウェアによる病院の電子カルテ停止',
    description: 'ＶＰＮ機器の脆弱性を突かれた可能性。',
  });
  assert.equal(created.statusCode, 201, created.body);
  await investigator.request('POST', `/api/cases/${created.json().id as string}/notes`, { body: '身代金要求の文面にTelegramのIDあり' });
  const body = multipart({
    report: JSON.stringify({
      kind: 'report',
      reporterType: 'individual',
      category: 'fraud',
      subcategory: 'fake_shop',
      summary: '偽通販サイトで詐欺にあった',
      description: '代金を振り込んだが商品が届かない',
    }),
  });
  const report = await ctx.app.inject({ method: 'POST', url: '/api/public/reports', payload: body.payload, headers: body.headers });
  assert.equal(report.statusCode, 201, report.body);
  await ctx.koban.services.intake.drain();
});
after(async () => ctx.close());

async function search(agent: Agent, q: string): Promise<Hit[]> {
  const response = await agent.request('GET', `/api/search?q=${encodeURIComponent(q)}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ items: Hit[] }>().items;
}

describe('M3.2 Japanese search', () => {
  it('finds a case by a Japanese word of three or more characters, with the match highlighted', async () => {
    const hits = await search(investigator, '電子カルテ');
    assert.equal(hits.length, 1);
    assert.equal(hits[0]?.kind, 'case');
    assert.match(hits[0]?.label ?? '', /^IB-C-2026-\d{4}$/);
    const [start, end] = hits[0]?.highlights[0] ?? [0, 0];
    assert.equal(hits[0]?.snippet.slice(start, end), '電子カルテ');
  });

  it('finds two-character words through the fallback, and every word must match', async () => {
    const fraud = await search(investigator, '詐欺');
    assert.deepEqual(
      fraud.map((h) => h.kind),
      ['report'],
    );
    assert.equal((await search(investigator, '詐欺 病院')).length, 0);
    assert.equal((await search(investigator, '病院 停止')).length, 1);
  });

  it('matches full-width and half-width forms, and words in notes', async () => {
    assert.equal((await search(investigator, 'VPN機器')).length, 1);
    assert.equal((await search(investigator, 'ｔｅｌｅｇｒａｍ')).length, 1);
  });

  it("finds a report by words in an officer's note added later", async () => {
    const [report] = await search(investigator, '偽通販');
    assert.ok(report);
    const noted = await investigator.request('POST', `/api/intake/items/${report.id}/notes`, { body: '振込先は楽天銀行の名義人口座' });
    assert.equal(noted.statusCode, 200, noted.body);
    assert.deepEqual(
      (await search(investigator, '名義人口座')).map((h) => h.id),
      [report.id],
    );
  });

  it('never shows a case or report the viewer may not open', async () => {
    assert.equal((await search(hitachiOfficer, '電子カルテ')).length, 0);
    assert.equal((await search(hitachiOfficer, '詐欺')).length, 0);
  });

  it('treats LIKE wildcards and FTS syntax in a query as plain characters', async () => {
    assert.equal((await search(investigator, '%')).length, 0);
    assert.equal((await search(investigator, '"OR" NEAR(a b)')).length, 0);
  });
});
