// M3.2a–d case workspace through the HTTP API: need-to-know per unit, member and sensitivity;
// status transitions with history; version checks against racing edits; members, supporting
// units, notes and tasks, each audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { loginAs, type Agent } from '../support/sessions.ts';

let ctx: TestContext;
let lead: Agent;
let colleague: Agent;
let mitoOfficer: Agent;
let hitachiOfficer: Agent;
let cyberId: string;
let mitoId: string;
let hitachiId: string;

before(async () => {
  ctx = await makeTestContext();
  cyberId = (await ctx.koban.services.units.findIdByCode('cyber_investigation')) ?? '';
  mitoId = (await ctx.koban.services.units.findIdByCode('station_mito')) ?? '';
  hitachiId = (await ctx.koban.services.units.findIdByCode('station_hitachi')) ?? '';
  lead = await loginAs(ctx, ['cyber_investigator'], 'lead1', { unitId: cyberId });
  colleague = await loginAs(ctx, ['cyber_analyst'], 'colleague1', { unitId: cyberId });
  mitoOfficer = await loginAs(ctx, ['station_officer'], 'mito9', { unitId: mitoId });
  hitachiOfficer = await loginAs(ctx, ['station_officer'], 'hitachi9', { unitId: hitachiId });
});
after(async () => ctx.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON answer freely
async function openCase(agent: Agent, body: Record<string, unknown>): Promise<any> {
  const response = await agent.request('POST', '/api/cases', {
    title: 'ランサムウェア被害(製造業)',
    category: 'unauthorized_access_malware',
    subcategory: 'ransomware',
    ...body,
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

describe('M3.2 the case', () => {
  it('opens with a number, the opener as lead and member, and 認知 in its history', async () => {
    const created = await openCase(lead, {
      priority: 'high',
      victim: { kind: 'organisation', name: '株式会社つくば製作所', industry: 'manufacturing', orgSize: 'sme', recoveryState: '基幹系停止中' },
      damageYen: 12_000_000,
    });
    assert.match(created.caseNo, /^IB-C-2026-\d{4}$/);
    assert.equal(created.status, 'recognized');
    assert.equal(created.leadUserId, lead.userId);
    assert.equal(created.ownerUnitId, cyberId);
    assert.deepEqual(
      created.members.map((m: { userId: string }) => m.userId),
      [lead.userId],
    );
    assert.equal(created.statusHistory[0].to, 'recognized');
    assert.equal(created.victim.recoveryState, '基幹系停止中');
    assert.equal(created.damageYen, 12_000_000);
    assert.deepEqual(created.allowedTransitions, ['investigating', 'pending', 'closed']);
  });

  it('refuses an illegal transition, naming the allowed ones, and keeps the history of legal ones', async () => {
    const created = await openCase(lead, {});
    const illegal = await lead.request('POST', `/api/cases/${created.id as string}/status`, { to: 'sent_to_prosecutor', version: created.version });
    assert.equal(illegal.statusCode, 409);
    assert.equal(illegal.json().error.code, 'case.invalid_transition');
    assert.equal(illegal.json().error.details.allowed, 'investigating, pending, closed');
    assert.match(illegal.json().error.message, /investigating, pending, closed/);
    const moved = await lead.request('POST', `/api/cases/${created.id as string}/status`, {
      to: 'investigating',
      reason: '捜査開始',
      version: created.version,
    });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().status, 'investigating');
    assert.deepEqual(
      moved.json().statusHistory.map((h: { to: string }) => h.to),
      ['recognized', 'investigating'],
    );
  });

  it('detects edits racing on the same case instead of overwriting', async () => {
    const created = await openCase(lead, {});
    const first = await lead.request('PATCH', `/api/cases/${created.id as string}`, { version: created.version, title: '先に保存した題名' });
    assert.equal(first.statusCode, 200);
    const second = await colleague.request('PATCH', `/api/cases/${created.id as string}`, { version: created.version, title: '後から保存した題名' });
    assert.equal(second.statusCode, 409);
    assert.equal(second.json().error.code, 'case.version_conflict');
    assert.equal(second.json().error.details.current, first.json().version);
    const now = (await lead.request('GET', `/api/cases/${created.id as string}`)).json();
    assert.equal(now.title, '先に保存した題名');
  });
});

describe('M3.2b need-to-know', () => {
  it('shows a case to its owner unit and supporting units only; others get "not found"', async () => {
    const created = await openCase(lead, { title: '水戸署と共同の事件' });
    assert.equal((await colleague.request('GET', `/api/cases/${created.id as string}`)).statusCode, 200, 'same unit');
    assert.equal((await mitoOfficer.request('GET', `/api/cases/${created.id as string}`)).statusCode, 404);
    assert.ok(!(await mitoOfficer.request('GET', '/api/cases')).json().items.some((c: { id: string }) => c.id === created.id));
    const supported = await lead.request('POST', `/api/cases/${created.id as string}/support-units`, { unitId: mitoId });
    assert.equal(supported.statusCode, 200, supported.body);
    assert.equal((await mitoOfficer.request('GET', `/api/cases/${created.id as string}`)).statusCode, 200);
    assert.ok((await mitoOfficer.request('GET', '/api/cases')).json().items.some((c: { id: string }) => c.id === created.id));
    assert.equal((await hitachiOfficer.request('GET', `/api/cases/${created.id as string}`)).statusCode, 404);
    const added = await lead.request('POST', `/api/cases/${created.id as string}/members`, { userId: hitachiOfficer.userId });
    assert.equal(added.statusCode, 200);
    assert.equal((await hitachiOfficer.request('GET', `/api/cases/${created.id as string}`)).statusCode, 200, 'named member');
    const withdrawn = await lead.request('DELETE', `/api/cases/${created.id as string}/support-units/${mitoId}`);
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal((await mitoOfficer.request('GET', `/api/cases/${created.id as string}`)).statusCode, 404, 'support withdrawn');
  });

  it('shows a sensitive case to named members only and audits every read', async () => {
    const created = await openCase(lead, { title: '秘匿: 国家背景の標的型攻撃', sensitive: true });
    assert.equal((await colleague.request('GET', `/api/cases/${created.id as string}`)).statusCode, 404, 'same unit, not a member');
    assert.ok(!(await colleague.request('GET', '/api/cases')).json().items.some((c: { id: string }) => c.id === created.id));
    await lead.request('GET', `/api/cases/${created.id as string}`);
    await lead.request('GET', `/api/cases/${created.id as string}`);
    const reads = await ctx.koban.database.db
      .selectFrom('audit_entry')
      .select('actor_id')
      .where('action', '=', 'case.read')
      .where('target_id', '=', created.id)
      .execute();
    assert.ok(reads.length >= 3, `reads audited: ${reads.length}`);
    assert.ok(reads.every((r) => r.actor_id === lead.userId));
    const last = await lead.request('DELETE', `/api/cases/${created.id as string}/members/${lead.userId}`);
    assert.equal(last.json().error.code, 'case.last_member_of_sensitive');
    const open = await openCase(lead, {});
    assert.equal((await lead.request('DELETE', `/api/cases/${open.id as string}/members/${lead.userId}`)).json().error.code, 'case.lead_must_stay');
  });

  it('changes the lead and the sensitive mark; both the new lead and whoever marks it sensitive stay able to see it', async () => {
    const created = await openCase(lead, {});
    const handedOver = await lead.request('PATCH', `/api/cases/${created.id as string}`, { version: created.version, leadUserId: colleague.userId });
    assert.equal(handedOver.statusCode, 200, handedOver.body);
    assert.equal(handedOver.json().leadUserId, colleague.userId);
    assert.ok(handedOver.json().members.some((m: { userId: string }) => m.userId === colleague.userId));
    const other = await loginAs(ctx, ['cyber_analyst'], 'marker1', { unitId: cyberId });
    const marked = await other.request('PATCH', `/api/cases/${created.id as string}`, { version: handedOver.json().version, sensitive: true });
    assert.equal(marked.statusCode, 200, marked.body);
    assert.equal(marked.json().sensitive, true);
    assert.ok(
      marked.json().members.some((m: { userId: string }) => m.userId === other.userId),
      'the marker became a named member',
    );
    assert.equal((await other.request('GET', `/api/cases/${created.id as string}`)).statusCode, 200);
  });

  it('keeps notes and tasks with the case, audited', async () => {
    const created = await openCase(lead, {});
    const noted = await lead.request('POST', `/api/cases/${created.id as string}/notes`, {
      body: '## 初動\n- VPN 機器のログ保全を依頼 <script>alert(1)</script>',
    });
    assert.equal(noted.json().notes.length, 1);
    assert.equal(noted.json().version, created.version, 'a note does not invalidate an open edit');
    const tasked = await lead.request('POST', `/api/cases/${created.id as string}/tasks`, {
      title: 'プロバイダへ照会',
      assigneeId: colleague.userId,
      dueAt: '2026-12-01T09:00:00.000Z',
    });
    const task = tasked.json().tasks[0];
    assert.equal(task.assigneeId, colleague.userId);
    const done = await colleague.request('POST', `/api/cases/${created.id as string}/tasks/${task.id as string}/done`);
    assert.ok(done.json().tasks[0].doneAt);
    const actions = (await ctx.koban.database.db.selectFrom('audit_entry').select('action').where('target_id', '=', created.id).execute()).map((r) => r.action);
    for (const action of ['case.opened', 'case.noted', 'case.task_added', 'case.task_done']) assert.ok(actions.includes(action), action);
  });

  it("shows a correlation with another unit's case without naming it, and lets its lead grant access", async () => {
    const ours = await openCase(lead, { title: 'C2 サーバ 203.0.113.77 ではない本物の C2' });
    const theirs = await openCase(mitoOfficer, { title: '水戸署のサポート詐欺事件' });
    const a = await lead.request('POST', `/api/cases/${ours.id as string}/observables`, { text: '通信先 45.137.21.9 と 050-1234-9999' });
    assert.equal(a.statusCode, 200, a.body);
    const b = await mitoOfficer.request('POST', `/api/cases/${theirs.id as string}/observables`, { text: '被害者PCの通信先 45[.]137[.]21[.]9' });
    assert.equal(b.statusCode, 200, b.body);
    const seenResponse = await mitoOfficer.request('GET', `/api/cases/${theirs.id as string}/observables`);
    assert.ok(!seenResponse.body.includes(ours.id as string), 'the hidden case id is not in the answer at all');
    assert.ok(!seenResponse.body.includes(ours.caseNo as string));
    const seen = seenResponse.json();
    assert.ok(seen.observables.some((o: { value: string }) => o.value === '45.137.21.9'));
    const hit = seen.hits.find((h: { sourceType: string; mayOpen: boolean }) => h.sourceType === 'case' && !h.mayOpen);
    assert.ok(hit, JSON.stringify(seen.hits));
    assert.match(hit.sourceId, /^hidden:/, 'a sealed reference stands for it');
    assert.equal(hit.label, null, 'not named to a unit that may not open it');
    assert.equal(hit.ownerUnitId, cyberId);
    assert.equal((await mitoOfficer.request('GET', `/api/cases/${ours.id as string}`)).statusCode, 404);
    const forged = await hitachiOfficer.request('POST', `/api/cases/${encodeURIComponent(hit.sourceId)}/access-requests`, { reason: '他人の参照' });
    assert.equal(forged.statusCode, 404, 'a reference works only for the viewer it was given to');
    assert.ok(!forged.body.includes(ours.id as string));
    const asked = await mitoOfficer.request('POST', `/api/cases/${encodeURIComponent(hit.sourceId)}/access-requests`, {
      reason: '同一 C2 の可能性。照合したい。',
    });
    assert.equal(asked.statusCode, 201, asked.body);
    assert.ok(!asked.body.includes(ours.id as string), 'the answer names the request by the reference');
    const notices = (await lead.request('GET', '/api/notifications')).json();
    assert.ok(notices.items.some((n: { kind: string; subjectId: string }) => n.kind === 'case.access_requested' && n.subjectId === ours.id));
    const notLead = await colleague.request('POST', `/api/cases/${ours.id as string}/access-requests/${asked.json().id as string}`, { decision: 'grant' });
    assert.equal(notLead.json().error.code, 'case.not_lead');
    const granted = await lead.request('POST', `/api/cases/${ours.id as string}/access-requests/${asked.json().id as string}`, { decision: 'grant' });
    assert.equal(granted.json().status, 'granted');
    assert.equal((await mitoOfficer.request('GET', `/api/cases/${ours.id as string}`)).statusCode, 200);
    const named = (await mitoOfficer.request('GET', `/api/cases/${theirs.id as string}/observables`)).json();
    assert.equal(named.hits.find((h: { sourceId: string | null }) => h.sourceId === ours.id).label, ours.caseNo);
    const again = await lead.request('POST', `/api/cases/${ours.id as string}/access-requests/${asked.json().id as string}`, { decision: 'refuse' });
    assert.equal(again.json().error.code, 'case.request_decided');
  });
});
