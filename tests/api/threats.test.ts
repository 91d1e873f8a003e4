// M2.2a threat catalogue through the HTTP API: the seeded groups and families found by any alias
// (case- and width-insensitive), threat.manage for changes, case attribution within need-to-know,
// the ransomware profile (NPA survey items) and the NPA-style ransomware summary.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { loginAs, type Agent } from '../support/sessions.ts';

let ctx: TestContext;
let lead: Agent;
let analyst: Agent;
let mitoOfficer: Agent;
let cyberId: string;
let mitoId: string;

before(async () => {
  ctx = await makeTestContext();
  cyberId = (await ctx.koban.services.units.findIdByCode('cyber_investigation')) ?? '';
  mitoId = (await ctx.koban.services.units.findIdByCode('station_mito')) ?? '';
  lead = await loginAs(ctx, ['cyber_investigator'], 'tlead', { unitId: cyberId });
  analyst = await loginAs(ctx, ['cyber_analyst'], 'tanalyst', { unitId: cyberId });
  mitoOfficer = await loginAs(ctx, ['station_officer'], 'tmito', { unitId: mitoId });
});
after(async () => ctx.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON answer freely
async function openCase(agent: Agent, body: Record<string, unknown> = {}): Promise<any> {
  const response = await agent.request('POST', '/api/cases', {
    title: 'ランサムウェア被害',
    category: 'unauthorized_access_malware',
    subcategory: 'ransomware',
    ...body,
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await ctx.koban.database.db.selectFrom('audit_entry').select('action').where('target_id', '=', targetId).orderBy('seq').execute();
  return rows.map((r) => r.action);
}

async function search(agent: Agent, q: string): Promise<{ id: string; matchedAlias: string | null }[]> {
  const response = await agent.request('GET', `/api/threats?q=${encodeURIComponent(q)}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ items: { id: string; matchedAlias: string | null }[] }>().items;
}

describe('M2.2a threat catalogue', () => {
  it('is seeded with the groups and families that matter for Japan', async () => {
    const all = (await mitoOfficer.request('GET', '/api/threats')).json().items;
    assert.ok(all.length >= 25, `seeded ${all.length}`);
    const lazarus = (await mitoOfficer.request('GET', '/api/threats/lazarus')).json();
    assert.equal(lazarus.mitreId, 'G0032');
    assert.equal(lazarus.mitreUrl, 'https://attack.mitre.org/groups/G0032/');
    assert.equal(lazarus.stateSponsored, true);
    assert.equal(lazarus.origin, 'KP');
    assert.ok(lazarus.aliases.includes('HIDDEN COBRA'));
    const ransomware = (await mitoOfficer.request('GET', '/api/threats?kind=ransomware')).json().items;
    assert.ok(ransomware.every((t: { kind: string }) => t.kind === 'ransomware'));
    assert.ok(ransomware.some((t: { id: string }) => t.id === 'qilin'));
  });

  it('finds an entry by any alias, case- and width-insensitively', async () => {
    const alphv = await search(mitoOfficer, 'alphv');
    assert.equal(alphv[0]?.id, 'blackcat');
    assert.equal(alphv[0]?.matchedAlias, 'ALPHV');
    assert.equal((await search(mitoOfficer, 'ＬｏｃｋＢｉｔ'))[0]?.id, 'lockbit');
    assert.equal((await search(mitoOfficer, 'earth kasha'))[0]?.id, 'mirrorface');
    assert.equal((await search(mitoOfficer, 'MENUPASS'))[0]?.id, 'apt10');
    assert.equal((await search(mitoOfficer, 'bronze-butler'))[0]?.id, 'tick');
    assert.equal((await search(mitoOfficer, 'Agenda'))[0]?.id, 'qilin');
    assert.equal((await search(mitoOfficer, 'Royal'))[0]?.id, 'blacksuit');
    assert.deepEqual(await search(mitoOfficer, 'no such group'), []);
  });

  it('lets only threat.manage add and edit entries and aliases, each audited', async () => {
    const entry = { kind: 'ransomware', name: 'Kotodama', aliases: ['Kotodama Locker'], firstSeen: '2026-10' };
    const refused = await mitoOfficer.request('POST', '/api/threats', entry);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'auth.forbidden');
    const created = await analyst.request('POST', '/api/threats', entry);
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    assert.deepEqual(created.json().aliases, ['Kotodama Locker']);
    const duplicate = await analyst.request('POST', '/api/threats', { ...entry, name: 'ＫＯＴＯＤＡＭＡ' });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.json().error.code, 'threat.duplicate_name');

    assert.equal((await mitoOfficer.request('POST', `/api/threats/${id}/aliases`, { alias: '言霊' })).statusCode, 403);
    const aliased = await analyst.request('POST', `/api/threats/${id}/aliases`, { alias: '言霊' });
    assert.equal(aliased.statusCode, 200, aliased.body);
    assert.equal((await search(mitoOfficer, '言霊'))[0]?.id, id);
    const edited = await analyst.request('PATCH', `/api/threats/${id}`, { version: aliased.json().version, description: '国内の製造業を狙う' });
    assert.equal(edited.statusCode, 200, edited.body);
    const stale = await lead.request('PATCH', `/api/threats/${id}`, { version: aliased.json().version, lastSeen: '2026-11' });
    assert.equal(stale.json().error.code, 'threat.version_conflict');
    const unaliased = await analyst.request('DELETE', `/api/threats/${id}/aliases/${encodeURIComponent('言霊')}`);
    assert.equal(unaliased.statusCode, 200, unaliased.body);
    assert.deepEqual(await search(mitoOfficer, '言霊'), []);
    assert.deepEqual(await auditActions(id), ['threat.created', 'threat.alias_added', 'threat.updated', 'threat.alias_removed']);
  });
});

describe('M2.2a case attribution', () => {
  it('links a case to an entry with a confidence, audited, and only within need-to-know', async () => {
    const created = await openCase(lead);
    const url = `/api/cases/${created.id as string}/attributions`;
    const added = await lead.request('POST', url, { threatId: 'blackcat', confidence: 'medium', note: 'ランサムノートの書式が一致' });
    assert.equal(added.statusCode, 200, added.body);
    assert.deepEqual(
      added.json().items.map((a: { threatId: string; confidence: string; kind: string }) => [a.threatId, a.confidence, a.kind]),
      [['blackcat', 'medium', 'ransomware']],
    );
    const raised = await analyst.request('POST', url, { threatId: 'blackcat', confidence: 'high' });
    assert.equal(raised.json().items[0].confidence, 'high');

    for (const [method, path] of [
      ['GET', url],
      ['POST', url],
      ['DELETE', `${url}/blackcat`],
    ] as const) {
      const other = await mitoOfficer.request(method, path, method === 'POST' ? { threatId: 'lockbit', confidence: 'low' } : undefined);
      assert.equal(other.statusCode, 404, `${method} ${path}`);
      assert.equal(other.json().error.code, 'case.not_found');
    }
    const unknown = await lead.request('POST', url, { threatId: 'no-such-threat', confidence: 'low' });
    assert.equal(unknown.json().error.code, 'threat.not_found');

    const removed = await lead.request('DELETE', `${url}/blackcat`);
    assert.equal(removed.statusCode, 200, removed.body);
    assert.deepEqual(removed.json().items, []);
    const again = await lead.request('DELETE', `${url}/blackcat`);
    assert.equal(again.json().error.code, 'threat.attribution_not_found');
    const actions = await auditActions(created.id);
    assert.deepEqual(
      actions.filter((a) => a.startsWith('case.attribution')),
      ['case.attribution_added', 'case.attribution_changed', 'case.attribution_removed'],
    );
  });

  it('names on the entry page only the attributed cases the viewer may open', async () => {
    const visible = await openCase(lead, { title: '共有された事件' });
    const hidden = await openCase(lead, { title: '秘匿: 国家背景', sensitive: true });
    await lead.request('POST', `/api/cases/${visible.id as string}/attributions`, { threatId: 'mirrorface', confidence: 'low' });
    await lead.request('POST', `/api/cases/${hidden.id as string}/attributions`, { threatId: 'mirrorface', confidence: 'high' });

    const forLead = (await lead.request('GET', '/api/threats/mirrorface')).json();
    assert.deepEqual(forLead.cases.items.map((c: { caseId: string }) => c.caseId).sort(), [visible.id, hidden.id].sort());
    assert.equal(forLead.cases.hiddenCount, 0);

    const forColleague = await analyst.request('GET', '/api/threats/mirrorface');
    assert.deepEqual(
      forColleague.json().cases.items.map((c: { caseNo: string }) => c.caseNo),
      [visible.caseNo],
    );
    assert.equal(forColleague.json().cases.hiddenCount, 1);
    for (const leak of [hidden.id, hidden.caseNo, hidden.title]) assert.ok(!forColleague.body.includes(leak), `leaks ${leak as string}`);

    const forStation = await mitoOfficer.request('GET', '/api/threats/mirrorface');
    assert.deepEqual(forStation.json().cases.items, []);
    assert.equal(forStation.json().cases.hiddenCount, 2);
    for (const leak of [visible.id, visible.caseNo, hidden.id, hidden.caseNo]) assert.ok(!forStation.body.includes(leak), `leaks ${leak as string}`);
  });
});

describe('M2.2a ransomware profile', () => {
  it('keeps NPA survey items per case and refuses values outside them', async () => {
    const created = await openCase(lead);
    const url = `/api/cases/${created.id as string}/ransomware`;
    assert.deepEqual((await lead.request('GET', url)).json(), { profile: null });

    const badRoute = await lead.request('PUT', url, { infectionRoute: 'wifi' });
    assert.equal(badRoute.statusCode, 400);
    assert.equal(badRoute.json().error.code, 'request.invalid');
    assert.match(JSON.stringify(badRoute.json().error.details), /infectionRoute/);
    const amountOnly = await lead.request('PUT', url, { infectionRoute: 'vpn', ransomDemanded: false, ransomAmountYen: 5_000_000 });
    assert.equal(amountOnly.statusCode, 400);
    assert.equal(amountOnly.json().error.code, 'threat.ransom_amount_without_demand');

    const saved = await lead.request('PUT', url, {
      infectionRoute: 'vpn',
      encrypted: true,
      doubleExtortion: true,
      dataLeaked: false,
      ransomDemanded: true,
      ransomAmountYen: 30_000_000,
      backupState: 'restore_failed',
      recoveryPeriod: '1w_1m',
      recoveryCost: '10m_50m',
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const profile = (await analyst.request('GET', url)).json().profile;
    assert.equal(profile.infectionRoute, 'vpn');
    assert.equal(profile.method, 'double_extortion');
    assert.equal(profile.ransomAmountYen, 30_000_000);
    assert.equal(profile.updatedBy, lead.userId);
    assert.equal((await mitoOfficer.request('GET', url)).statusCode, 404);
    assert.ok((await auditActions(created.id)).includes('case.ransomware_profile_saved'));
  });
});

describe('M2.2a ransomware summary', () => {
  it('counts ransomware cases by industry, size, route, family and Japanese month', async () => {
    // Far from the other tests' cases; agents log in anew at that time.
    ctx.clock.set(new Date('2027-03-31T14:59:00Z')); // 2027-03-31 23:59 JST
    const investigator = await loginAs(ctx, ['cyber_investigator'], 'tsum', { unitId: cyberId });
    const march = await openCase(investigator, { victim: { kind: 'organisation', industry: 'manufacturing', orgSize: 'sme' } });
    await investigator.request('PUT', `/api/cases/${march.id as string}/ransomware`, { infectionRoute: 'vpn', encrypted: true, doubleExtortion: true });
    await investigator.request('POST', `/api/cases/${march.id as string}/attributions`, { threatId: 'lockbit', confidence: 'high' });
    await investigator.request('POST', `/api/cases/${march.id as string}/attributions`, { threatId: 'lazarus', confidence: 'low' });

    ctx.clock.set(new Date('2027-03-31T15:00:00Z')); // 2027-04-01 00:00 JST
    const april = await openCase(investigator, { victim: { kind: 'organisation', industry: 'medical_welfare', orgSize: 'organization' } });
    await investigator.request('PUT', `/api/cases/${april.id as string}/ransomware`, { infectionRoute: 'rdp', encrypted: false, doubleExtortion: false });
    // Counted through its family although its sub-category is something else.
    const byFamily = await openCase(investigator, { subcategory: 'data_leak', victim: { kind: 'organisation', industry: 'manufacturing', orgSize: 'large' } });
    await investigator.request('POST', `/api/cases/${byFamily.id as string}/attributions`, { threatId: 'akira', confidence: 'medium' });
    // Not counted: neither ransomware nor attributed to a ransomware family.
    const emotet = await openCase(investigator, { subcategory: 'targeted_email', victim: { kind: 'organisation', industry: 'education' } });
    await investigator.request('POST', `/api/cases/${emotet.id as string}/attributions`, { threatId: 'emotet', confidence: 'high' });
    await openCase(investigator, { subcategory: 'phishing' });
    ctx.clock.set(new Date('2027-05-01T00:00:00Z')); // outside the range; a month on, sessions have expired
    const reader = await loginAs(ctx, ['cyber_analyst'], 'tsumreader', { unitId: cyberId });
    await openCase(reader);

    const station = await loginAs(ctx, ['station_officer'], 'tsumstation', { unitId: mitoId });
    assert.equal((await station.request('GET', '/api/threats/ransomware-summary?from=2027-03&to=2027-04')).statusCode, 403);
    const response = await reader.request('GET', '/api/threats/ransomware-summary?from=2027-03&to=2027-04');
    assert.equal(response.statusCode, 200, response.body);
    const summary = response.json();
    const counts = (list: { key: string; count: number }[]) => Object.fromEntries(list.map((c) => [c.key, c.count]));
    assert.equal(summary.total, 3);
    assert.equal(summary.profiled, 2);
    assert.equal(summary.doubleExtortion, 1);
    assert.deepEqual(counts(summary.byMonth), { '2027-03': 1, '2027-04': 2 });
    assert.deepEqual(counts(summary.byIndustry), { manufacturing: 2, medical_welfare: 1 });
    assert.deepEqual(counts(summary.byOrgSize), { sme: 1, organization: 1, large: 1 });
    assert.deepEqual(counts(summary.byRoute), { vpn: 1, rdp: 1, not_recorded: 1 });
    assert.deepEqual(counts(summary.byMethod), { double_extortion: 1, no_encryption: 1, not_recorded: 1 });
    assert.deepEqual(counts(summary.byFamily), { lockbit: 1, akira: 1, unattributed: 1 });
    assert.equal(summary.byFamily.find((f: { key: string }) => f.key === 'lockbit').name, 'LockBit');

    const marchOnly = (await reader.request('GET', '/api/threats/ransomware-summary?from=2027-03-01&to=2027-03-31')).json();
    assert.equal(marchOnly.total, 1);
    assert.deepEqual(counts(marchOnly.byMonth), { '2027-03': 1 });
    const backwards = await reader.request('GET', '/api/threats/ransomware-summary?from=2027-04&to=2027-03');
    assert.equal(backwards.json().error.code, 'threat.invalid_range');

    const direct = await ctx.koban.services.threats.ransomwareSummary({ from: '2027-03-31T15:00:00.000Z', to: '2027-04-30T15:00:00.000Z' });
    assert.equal(direct.total, 2);
  });
});
