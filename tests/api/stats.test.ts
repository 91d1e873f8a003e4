// Statistics over Japanese months: counts by category, kind, status and unit, hand-off medians,
// and a CSV that Excel opens as UTF-8 with Japanese headers and no formula injection.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { multipart } from '../support/multipart.ts';
import { loginAs, type Agent } from '../support/sessions.ts';

let ctx: TestContext;
let investigator: Agent;

async function report(category: string, summary: string) {
  const body = multipart({ report: JSON.stringify({ kind: 'report', reporterType: 'individual', category, summary }) });
  const response = await ctx.app.inject({ method: 'POST', url: '/api/public/reports', payload: body.payload, headers: body.headers });
  assert.equal(response.statusCode, 201, response.body);
}

before(async () => {
  ctx = await makeTestContext({ KOBAN_REPORT_RATE_LIMIT_PER_HOUR: '1000' });
  const cyberId = (await ctx.koban.services.units.findIdByCode('cyber_investigation')) ?? '';
  investigator = await loginAs(ctx, ['cyber_investigator'], 'stat1', { unitId: cyberId });
  // The test clock stands at 2026-11-25T01:00Z, 10:00 in Tokyo on 25 November.
  await report('fraud', '=HYPERLINK("http://evil.example")');
  await report('fraud', '偽サイト');
  await report('unauthorized_access_malware', '不正ログイン');
  await ctx.koban.services.intake.drain();
  const queue = (await investigator.request('GET', '/api/intake/queue')).json<{ items: { id: string; category: string }[] }>();
  const target = queue.items.find((i) => i.category === 'unauthorized_access_malware');
  assert.ok(target);
  ctx.clock.advanceMinutes(20);
  await investigator.request('POST', `/api/intake/items/${target.id}/claim`);
  ctx.clock.advanceMinutes(20);
  const opened = await investigator.request('POST', `/api/intake/items/${target.id}/case`, {});
  assert.equal(opened.statusCode, 201, opened.body);
});
after(async () => ctx.close());

describe('statistics', () => {
  it('counts by category, kind and Japanese month, with hand-off medians', async () => {
    const response = await investigator.request('GET', '/api/stats?from=2026-11&to=2026-11');
    assert.equal(response.statusCode, 200, response.body);
    const stats = response.json();
    assert.equal(stats.intake.total, 3);
    assert.deepEqual(stats.intake.byCategory[0], { key: 'fraud', count: 2 });
    assert.deepEqual(stats.intake.byMonth, [{ key: '2026-11', count: 3 }]);
    assert.equal(stats.intake.medianMinutesToHandOff, 20);
    assert.equal(stats.intake.medianMinutesToCase, 40);
    assert.equal(stats.cases.total, 1);
    assert.deepEqual(stats.cases.byStatus, [{ key: 'recognized', count: 1 }]);
    const october = (await investigator.request('GET', '/api/stats?from=2026-10&to=2026-10')).json();
    assert.equal(october.intake.total, 0);
  });

  it("keeps each Japanese day's figures until its rows change, then counts the change (a new report, a status change)", async () => {
    const before = (await investigator.request('GET', '/api/stats?from=2026-10&to=2026-11')).json();
    const versions = async () => ctx.koban.database.db.selectFrom('stat_version').selectAll().orderBy('scope').orderBy('day').execute();
    const seen = await versions();
    assert.ok(
      seen.some((v) => v.scope === 'intake' && v.day === '2026-11-25' && v.version > 0),
      JSON.stringify(seen),
    );
    // The same answer again, unchanged rows: nothing new to count.
    assert.deepEqual((await investigator.request('GET', '/api/stats?from=2026-10&to=2026-11')).json(), before);
    await report('spam', '迷惑メールが毎日届く');
    await ctx.koban.services.intake.drain();
    const afterReport = (await investigator.request('GET', '/api/stats?from=2026-10&to=2026-11')).json();
    assert.equal(afterReport.intake.total, (before.intake.total as number) + 1);
    assert.ok(afterReport.intake.byCategory.some((c: { key: string; count: number }) => c.key === 'spam' && c.count === 1));
    const caseId = (await investigator.request('GET', '/api/cases')).json().items[0].id as string;
    const detail = (await investigator.request('GET', `/api/cases/${caseId}`)).json();
    const moved = await investigator.request('POST', `/api/cases/${caseId}/status`, { version: detail.version, to: 'investigating', reason: '捜査開始' });
    assert.equal(moved.statusCode, 200, moved.body);
    const afterStatus = (await investigator.request('GET', '/api/stats?from=2026-10&to=2026-11')).json();
    assert.ok(
      afterStatus.cases.byStatus.some((c: { key: string; count: number }) => c.key === 'investigating' && c.count === 1),
      JSON.stringify(afterStatus.cases.byStatus),
    );
    // Only the day of the changed rows moved (the reports' 25 November; the clock has moved on
    // since, but a row counts on the day it was created).
    const changedDays = (await versions()).filter((v) => !seen.some((s) => s.scope === v.scope && s.day === v.day && s.version === v.version));
    assert.deepEqual([...new Set(changedDays.map((v) => v.day))], ['2026-11-25']);
  });

  it('exports CSV with a BOM, Japanese headers and formula-safe cells', async () => {
    const response = await investigator.request('GET', '/api/stats.csv?from=2026-11&to=2026-11');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/csv/);
    assert.ok(response.body.startsWith('\uFEFF区分,項目,件数\r\n'));
    assert.match(response.body, /受理・分類,fraud,2/);
    assert.doesNotMatch(response.body, /^=/m);
  });

  it('exports an Excel workbook with Japanese sheet names, headers and labels, figures as numbers', async () => {
    const ransomware = await investigator.request('POST', '/api/cases', {
      title: 'ランサムウェア(製造業)',
      category: 'unauthorized_access_malware',
      subcategory: 'ransomware',
      victim: { kind: 'organisation', industry: 'manufacturing', orgSize: 'sme' },
    });
    assert.equal(ransomware.statusCode, 201, ransomware.body);
    const response = await investigator.request('GET', '/api/stats.xlsx?from=2026-11&to=2026-11');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    const names = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(names.slice(0, 3), ['概要', '受理・分類別', '受理・種別']);
    const byCategory = strFromU8(files['xl/worksheets/sheet2.xml']!);
    assert.match(byCategory, />区分<.*>コード<.*>件数</);
    assert.match(byCategory, /詐欺・悪質商法<\/t><\/is><\/c><c r="B\d+" t="inlineStr"><is><t xml:space="preserve">fraud<\/t><\/is><\/c><c r="C\d+"><v>2<\/v>/);
    const byUnit = strFromU8(files['xl/worksheets/sheet8.xml']!);
    assert.match(byUnit, /サイバー捜査課/);
    const sheetNamed = (name: string) => strFromU8(files[`xl/worksheets/sheet${names.indexOf(name) + 1}.xml`]!);
    const allNames = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
    names.splice(0, names.length, ...allNames);
    assert.match(sheetNamed('ランサム・業種別'), /製造業.*manufacturing.*<v>1<\/v>/);
    assert.match(sheetNamed('ランサム・感染経路別'), /未記録/);
    const csv = (await investigator.request('GET', '/api/stats.csv?from=2026-11&to=2026-11')).body;
    assert.match(csv, /ランサムウェア被害\(件\),,1\r\n/);
    assert.match(csv, /ランサムウェア・業種,manufacturing,1/);
    const english = await investigator.request('GET', '/api/stats.xlsx?from=2026-11&to=2026-11&lang=en');
    assert.match(strFromU8(unzipSync(new Uint8Array(english.rawPayload))['xl/workbook.xml']!), /Intake by category/);
  });

  it('refuses a bad range with a coded error, and a station officer may not read statistics', async () => {
    assert.equal((await investigator.request('GET', '/api/stats?from=2026-12&to=2026-11')).json().error.code, 'request.invalid');
    assert.equal((await investigator.request('GET', '/api/stats?from=2026-13&to=2026-11')).statusCode, 400);
    const officer = await loginAs(ctx, ['station_officer'], 'stat2');
    assert.equal((await officer.request('GET', '/api/stats?from=2026-11&to=2026-11')).statusCode, 403);
  });
});
