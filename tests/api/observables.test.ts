import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { loginAs, type Agent } from '../support/sessions.ts';

let ctx: TestContext;
let analyst: Agent;
let mitoId: string;
before(async () => {
  ctx = await makeTestContext();
  analyst = await loginAs(ctx, ['cyber_analyst']);
  mitoId = (await ctx.koban.services.units.findIdByCode('station_mito')) ?? '';
});
after(async () => ctx.close());

const REPORT = '至急 hxxps://secure-login[.]amaz0n-jp[.]com/verify にアクセス。連絡先 ０９０－１２３４－５６７８、送金先 45.137.21.9。8.8.8.8 は無関係。';

describe('M2.2a observables API', () => {
  it('records a text as sightings and finds each value again in any written form', async () => {
    const recorded = await analyst.request('POST', '/api/observables/sightings', { sourceType: 'report', sourceId: 'IB-2026-000001', text: REPORT });
    assert.equal(recorded.statusCode, 201);
    assert.deepEqual(
      recorded.json().items.map((o: { type: string; value: string }) => `${o.type}:${o.value}`),
      ['url:https://secure-login.amaz0n-jp.com/verify', 'phone:+819012345678', 'ipv4:45.137.21.9', 'ipv4:8.8.8.8'],
    );
    const search = await analyst.request('GET', `/api/observables/search?q=${encodeURIComponent('090 1234 5678')}`);
    assert.equal(search.json().value, '+819012345678');
    assert.ok(search.json().observableId);
    const detail = await analyst.request('GET', `/api/observables/${search.json().observableId as number}`);
    assert.equal(detail.json().enrichment.lineType, 'mobile');
    assert.equal(detail.json().sightings[0].sourceId, 'IB-2026-000001');
    const ip = await analyst.request('GET', `/api/observables/search?q=${encodeURIComponent('45[.]137[.]21[.]9')}`);
    const ipDetail = (await analyst.request('GET', `/api/observables/${ip.json().observableId as number}`)).json();
    assert.equal(ipDetail.enrichment.geoDataDate, '2026-06-17');
  });

  it('records the host of a URL too, so reports linking to one host correlate', async () => {
    await analyst.request('POST', '/api/observables/sightings', {
      sourceType: 'report',
      sourceId: 'host-a',
      text: 'https://login.kit-host.top/a/b にアクセス',
    });
    await analyst.request('POST', '/api/observables/sightings', {
      sourceType: 'report',
      sourceId: 'host-b',
      text: '別のURL hxxp://login.kit-host[.]top/other?id=1',
    });
    const search = (await analyst.request('GET', '/api/observables/search?q=login.kit-host.top')).json();
    assert.equal(search.type, 'domain');
    assert.ok(search.observableId);
    const correlated = (await analyst.request('GET', '/api/observables/correlations?sourceType=report&sourceId=host-a')).json().items;
    assert.deepEqual(
      correlated.map((c: { sourceId: string }) => c.sourceId),
      ['host-b'],
    );
    const detail = (await analyst.request('GET', `/api/observables/${search.observableId as number}`)).json();
    assert.equal(detail.attributes.derivedFrom, 'url');
    assert.ok(detail.related.some((r: { type: string }) => r.type === 'url'));
  });

  it('looks up values in bulk: known, unknown and unrecognisable', async () => {
    const response = await analyst.request('POST', '/api/observables/lookup', {
      values: ['４５．１３７．２１．９', 'hxxps://secure-login[.]amaz0n-jp[.]com/verify', '203.0.113.200', 'not a value'],
    });
    const items = response.json().items;
    assert.deepEqual(
      items.map((i: { known: boolean; type: string | null }) => [i.known, i.type]),
      [
        [true, 'ipv4'],
        [true, 'url'],
        [false, 'ipv4'],
        [false, null],
      ],
    );
    assert.equal(items[0].sightings, 1);
    const tooMany = await analyst.request('POST', '/api/observables/lookup', { values: Array.from({ length: 10_001 }, (_, i) => `10.0.${i >> 8}.${i & 255}`) });
    assert.equal(tooMany.statusCode, 400);
  });

  it('correlates sources through shared observables and tells a viewer only that a restricted source matches, and its unit', async () => {
    await ctx.koban.services.observables.recordText(
      { type: 'system', id: null },
      { sourceType: 'case', sourceId: 'secret-case', ownerUnitId: mitoId, restricted: true },
      '送金先は 45.137.21.9 でした',
      null,
    );
    await ctx.koban.services.observables.recordText(
      { type: 'system', id: null },
      { sourceType: 'report', sourceId: 'IB-2026-000002', ownerUnitId: null, restricted: false },
      'DNS 8.8.8.8 だけ',
      null,
    );
    const correlated = (await analyst.request('GET', '/api/observables/correlations?sourceType=report&sourceId=IB-2026-000001')).json().items;
    assert.deepEqual(correlated, [
      { sourceType: 'case', sourceId: null, ownerUnitId: mitoId, restricted: true, shared: 1, lastSeenAt: correlated[0].lastSeenAt },
    ]);
    const withWarnings = (await analyst.request('GET', '/api/observables/correlations?sourceType=report&sourceId=IB-2026-000001&includeWarnings=true')).json()
      .items;
    assert.deepEqual(withWarnings.map((c: { sourceId: string | null }) => c.sourceId).sort(), [null, 'IB-2026-000002'].sort());
    const ip = await analyst.request('GET', '/api/observables/search?q=45.137.21.9');
    const sightings = (await analyst.request('GET', `/api/observables/${ip.json().observableId as number}`)).json().sightings;
    assert.ok(sightings.some((s: { restricted: boolean; sourceId: string | null }) => s.restricted && s.sourceId === null));
  });

  it('refuses text over the limit with a coded error and stores nothing', async () => {
    const before = await ctx.koban.database.db.selectFrom('sighting').select('id').execute();
    const response = await analyst.request('POST', '/api/observables/extract', { text: 'a'.repeat(5_000_001) });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'request.invalid');
    const after = await ctx.koban.database.db.selectFrom('sighting').select('id').execute();
    assert.equal(after.length, before.length);
    assert.equal((await analyst.request('GET', '/api/observables/search?q=hello')).json().error.code, 'observable.unrecognised_value');
  });

  it('lets station officers read but not record, and partners neither', async () => {
    const officer = await loginAs(ctx, ['station_officer']);
    assert.equal((await officer.request('POST', '/api/observables/lookup', { values: ['45.137.21.9'] })).statusCode, 200);
    assert.equal((await officer.request('POST', '/api/observables/sightings', { sourceType: 'report', sourceId: 'x', text: '45.137.21.9' })).statusCode, 403);
    const partner = await loginAs(ctx, ['partner']);
    assert.equal((await partner.request('POST', '/api/observables/lookup', { values: ['45.137.21.9'] })).statusCode, 403);
  });
});
