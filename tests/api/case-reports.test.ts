// Linked reports and consultations of a case (M2.1 → M3.2): a later report about the same harm is
// added to an existing case by its number; the case lists its reports, sights their observables,
// and a unit that cannot see the case cannot add to it or learn it exists.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { multipart } from '../support/multipart.ts';
import { loginAs, type Agent } from '../support/sessions.ts';

let ctx: TestContext;
let investigator: Agent;
let hitachiOfficer: Agent;

async function report(summary: string, url: string): Promise<string> {
  const body = multipart({
    report: JSON.stringify({
      kind: 'report',
      reporterType: 'individual',
      category: 'unauthorized_access_malware',
      subcategory: 'phishing',
      summary,
      description: `SMS のリンク ${url} を開いてしまいました。`,
    }),
  });
  const response = await ctx.app.inject({ method: 'POST', url: '/api/public/reports', payload: body.payload, headers: body.headers });
  assert.equal(response.statusCode, 201, response.body);
  await ctx.koban.services.intake.drain();
  const queue = (await investigator.request('GET', '/api/intake/queue')).json<{ items: { id: string; receiptNo: string }[] }>();
  const found = queue.items.find((i) => i.receiptNo === response.json().receiptNo);
  assert.ok(found);
  return found.id;
}

before(async () => {
  ctx = await makeTestContext({ KOBAN_REPORT_RATE_LIMIT_PER_HOUR: '1000' });
  const cyberId = (await ctx.koban.services.units.findIdByCode('cyber_investigation')) ?? '';
  const hitachiId = (await ctx.koban.services.units.findIdByCode('station_hitachi')) ?? '';
  investigator = await loginAs(ctx, ['cyber_investigator'], 'link1', { unitId: cyberId });
  hitachiOfficer = await loginAs(ctx, ['station_officer'], 'link2', { unitId: hitachiId });
});
after(async () => ctx.close());

describe('reports linked to a case', () => {
  it('adds a later report to the case by number, lists both and sights the new observables', async () => {
    const first = await report('宅配業者を装う SMS', 'https://delivery-check.example-phish.top/a');
    const second = await report('同じ文面の SMS が届いた', 'https://parcel-redelivery.example-bad.xyz/b');
    const opened = await investigator.request('POST', `/api/intake/items/${first}/case`, {});
    assert.equal(opened.statusCode, 201, opened.body);
    const { caseId, caseNo } = opened.json();

    const refused = await hitachiOfficer.request('POST', `/api/intake/items/${second}/link-case`, { caseNo });
    assert.equal(refused.statusCode, 404);

    const linked = await investigator.request('POST', `/api/intake/items/${second}/link-case`, { caseNo: caseNo.toLowerCase() });
    assert.equal(linked.statusCode, 200, linked.body);
    assert.deepEqual(linked.json(), { caseId, caseNo });
    const item = (await investigator.request('GET', `/api/intake/items/${second}`)).json();
    assert.equal(item.status, 'case_opened');

    const reports = (await investigator.request('GET', `/api/cases/${caseId}/reports`)).json();
    assert.deepEqual(
      reports.items.map((r: { id: string }) => r.id),
      [first, second],
    );
    assert.ok(reports.items.every((r: { mayOpen: boolean }) => r.mayOpen));
    const observables = (await investigator.request('GET', `/api/cases/${caseId}/observables`)).json();
    assert.ok(observables.observables.some((o: { value: string }) => o.value.includes('parcel-redelivery.example-bad.xyz')));

    const again = await investigator.request('POST', `/api/intake/items/${second}/link-case`, { caseNo });
    assert.equal(again.json().error.code, 'intake.not_open');
    const unknown = await investigator.request('POST', `/api/intake/items/${first}/link-case`, { caseNo: 'IB-C-2099-9999' });
    assert.equal(unknown.statusCode, 409);
    assert.equal((await hitachiOfficer.request('GET', `/api/cases/${caseId}/reports`)).statusCode, 404);
  });

  it('refuses an unknown case number with a coded error', async () => {
    const third = await report('別件の SMS', 'https://other.example-phish.top/c');
    const unknown = await investigator.request('POST', `/api/intake/items/${third}/link-case`, { caseNo: 'IB-C-2099-9999' });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, 'intake.unknown_case');
  });
});
