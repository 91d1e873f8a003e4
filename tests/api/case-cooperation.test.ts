// M1.1, M3.2c/d, M4 working across units through the HTTP API: support requests (支援要請) from a
// station to the cyber division — accepted (the division then supports the case), declined with a
// reason, done, escalated once past the deadline; joint investigations and NCU referrals; and
// international requests, each with its append-only history and audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { NEW_PASSWORD, loginAs, makeAgent, type Agent } from '../support/sessions.ts';

let ctx: TestContext;
let mitoOfficer: Agent;
let hitachiOfficer: Agent;
let investigator: Agent;
let cyberId: string;
let mitoId: string;
let hitachiId: string;

before(async () => {
  ctx = await makeTestContext({ KOBAN_DUTY_DESK_EMAIL: 'duty@cyber.example.jp' });
  cyberId = (await ctx.koban.services.units.findIdByCode('cyber_investigation')) ?? '';
  mitoId = (await ctx.koban.services.units.findIdByCode('station_mito')) ?? '';
  hitachiId = (await ctx.koban.services.units.findIdByCode('station_hitachi')) ?? '';
  mitoOfficer = await loginAs(ctx, ['station_officer'], 'coop_mito', { unitId: mitoId, email: 'mito@mito.example.jp' });
  hitachiOfficer = await loginAs(ctx, ['station_officer'], 'coop_hitachi', { unitId: hitachiId });
  investigator = await loginAs(ctx, ['cyber_investigator'], 'coop_inv', { unitId: cyberId, email: 'inv@cyber.example.jp' });
  await ctx.koban.services.units.setLiaison({ type: 'system', id: null }, cyberId, investigator.userId, null);
});
after(async () => ctx.close());

async function signInAgain(agent: Agent): Promise<Agent> {
  const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: agent.username, password: NEW_PASSWORD } });
  assert.equal(login.statusCode, 200, login.body);
  const cookie = login.cookies.find((c) => c.name === 'koban_session');
  assert.ok(cookie);
  return makeAgent(ctx, { ...agent, cookie: `koban_session=${cookie.value}`, csrf: login.json<{ csrfToken: string }>().csrfToken });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON answer freely
type Json = any;

async function openStationCase(title: string, extra: Record<string, unknown> = {}): Promise<Json> {
  const response = await mitoOfficer.request('POST', '/api/cases', { title, category: 'fraud', subcategory: 'fake_shop', ...extra });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

function inHours(hours: number): string {
  return new Date(ctx.clock.now().getTime() + hours * 3_600_000).toISOString();
}

async function requestSupport(caseId: string, hours = 24): Promise<Json> {
  const response = await mitoOfficer.request('POST', `/api/cases/${caseId}/support-requests`, {
    kind: 'analysis',
    text: '押収したスマートフォンの解析を依頼します。<b>至急</b>',
    deadlineAt: inHours(hours),
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

async function auditActions(caseId: string): Promise<string[]> {
  const rows = await ctx.koban.database.db.selectFrom('audit_entry').select('action').where('target_id', '=', caseId).orderBy('seq').execute();
  return rows.map((r) => r.action);
}

async function noticeKinds(agent: Agent): Promise<string[]> {
  const response = await agent.request('GET', '/api/notifications');
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ items: { kind: string }[] }>().items.map((n) => n.kind);
}

describe('M1.1 support requests to the cyber division', () => {
  it('goes from a station to the cyber division, which accepts (and then supports the case) and marks it done', async () => {
    const opened = await openStationCase('偽ショッピングサイト(水戸署)');
    const caseId = opened.id as string;
    assert.equal((await investigator.request('GET', `/api/cases/${caseId}/cooperation`)).statusCode, 404, 'not yet supporting');
    const created = await requestSupport(caseId);
    assert.equal(created.status, 'requested');
    assert.equal(created.targetUnitId, cyberId);
    assert.equal(created.requesterUnitId, mitoId);
    assert.deepEqual(created.allowedTransitions, ['accepted', 'declined']);
    assert.equal(created.text, '押収したスマートフォンの解析を依頼します。<b>至急</b>', 'kept as written');

    const inbox = (await investigator.request('GET', '/api/support-requests')).json();
    const listed = inbox.items.find((r: { id: string }) => r.id === created.id);
    assert.ok(listed, 'addressed to the cyber division');
    assert.equal(listed.caseNo, opened.caseNo);
    assert.equal(listed.caseTitle, '偽ショッピングサイト(水戸署)');
    assert.equal(listed.overdue, false);
    assert.ok((await noticeKinds(investigator)).includes('case.support_requested'));
    assert.deepEqual((await hitachiOfficer.request('GET', '/api/support-requests')).json().items, [], 'other units are not addressed');

    const byOther = await hitachiOfficer.request('POST', `/api/support-requests/${created.id as string}/answer`, { to: 'accepted' });
    assert.equal(byOther.statusCode, 404, 'who may not see the case learns nothing');
    const byRequester = await mitoOfficer.request('POST', `/api/support-requests/${created.id as string}/answer`, { to: 'accepted' });
    assert.equal(byRequester.statusCode, 403);
    assert.equal(byRequester.json().error.code, 'cooperation.not_addressed');

    const accepted = await investigator.request('POST', `/api/support-requests/${created.id as string}/answer`, { to: 'accepted' });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().status, 'accepted');
    assert.equal(accepted.json().answeredBy, investigator.userId);
    const detail = (await investigator.request('GET', `/api/cases/${caseId}`)).json();
    assert.ok(
      detail.supportUnits.some((u: { unitId: string }) => u.unitId === cyberId),
      'the cyber division supports the case',
    );

    const again = await investigator.request('POST', `/api/support-requests/${created.id as string}/answer`, { to: 'declined', reason: '後から辞退' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'cooperation.invalid_transition');
    assert.equal(again.json().error.details.allowed, 'done');
    assert.match(again.json().error.message, /done/);

    const done = await investigator.request('POST', `/api/support-requests/${created.id as string}/answer`, { to: 'done', reason: '解析結果を報告済み' });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().status, 'done');
    assert.ok(done.json().doneAt);
    assert.deepEqual(
      done.json().history.map((h: { action: string }) => h.action),
      ['requested', 'accepted', 'done'],
    );
    const kinds = await noticeKinds(mitoOfficer);
    assert.ok(kinds.includes('case.support_accepted') && kinds.includes('case.support_done'), kinds.join());

    const view = (await mitoOfficer.request('GET', `/api/cases/${caseId}/cooperation`)).json();
    assert.equal(view.cyberDivisionUnitId, cyberId);
    assert.equal(view.supportRequests[0].status, 'done');
    assert.deepEqual(
      (await investigator.request('GET', '/api/support-requests')).json().items.filter((r: { id: string }) => r.id === created.id),
      [],
      'done requests leave the open list',
    );
    assert.equal(
      (await investigator.request('GET', '/api/support-requests?status=all')).json().items.some((r: { id: string }) => r.id === created.id),
      true,
    );
    const actions = await auditActions(caseId);
    for (const action of ['case.support_requested', 'case.support_accepted', 'case.support_unit_added', 'case.support_done'])
      assert.ok(actions.includes(action), action);
  });

  it('is declined only with a reason, and a declined request adds no support', async () => {
    const opened = await openStationCase('SNS型投資詐欺(水戸署)');
    const created = await requestSupport(opened.id as string);
    const bare = await investigator.request('POST', `/api/support-requests/${created.id as string}/answer`, { to: 'declined' });
    assert.equal(bare.statusCode, 400);
    assert.equal(bare.json().error.code, 'cooperation.reason_required');
    const declined = await investigator.request('POST', `/api/support-requests/${created.id as string}/answer`, {
      to: 'declined',
      reason: '本件は署で対応可能な範囲です',
    });
    assert.equal(declined.statusCode, 200, declined.body);
    assert.equal(declined.json().status, 'declined');
    assert.equal(declined.json().declineReason, '本件は署で対応可能な範囲です');
    assert.deepEqual(declined.json().allowedTransitions, []);
    assert.equal((await investigator.request('GET', `/api/cases/${opened.id as string}`)).statusCode, 404, 'still not supporting');
    assert.ok((await noticeKinds(mitoOfficer)).includes('case.support_declined'));
    assert.ok((await auditActions(opened.id as string)).includes('case.support_declined'));
  });

  it('is refused for a case the requester may not see, and for a case the cyber division owns', async () => {
    const opened = await openStationCase('他署からは見えない事件');
    const foreign = await hitachiOfficer.request('POST', `/api/cases/${opened.id as string}/support-requests`, {
      kind: 'investigation',
      text: '支援を',
      deadlineAt: inHours(4),
    });
    assert.equal(foreign.statusCode, 404);
    assert.equal(foreign.json().error.code, 'case.not_found');
    assert.equal((await hitachiOfficer.request('GET', `/api/cases/${opened.id as string}/cooperation`)).statusCode, 404);
    const own = await investigator.request('POST', '/api/cases', { title: 'サイバー部門の事件' });
    const refused = await investigator.request('POST', `/api/cases/${own.json().id as string}/support-requests`, {
      kind: 'technical_advice',
      text: '自分宛て',
      deadlineAt: inHours(4),
    });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, 'cooperation.own_unit');
  });

  it('makes a named member of whoever accepts support on a sensitive case', async () => {
    const opened = await openStationCase('秘匿: 署の内部事案', { sensitive: true });
    const created = await requestSupport(opened.id as string);
    const listed = (await investigator.request('GET', '/api/support-requests')).json().items.find((r: { id: string }) => r.id === created.id);
    assert.equal(listed.caseTitle, null, 'the title of a sensitive case is withheld');
    const accepted = await investigator.request('POST', `/api/support-requests/${created.id as string}/answer`, { to: 'accepted' });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const detail = await investigator.request('GET', `/api/cases/${opened.id as string}`);
    assert.equal(detail.statusCode, 200, 'named member');
    assert.ok(detail.json().members.some((m: { userId: string }) => m.userId === investigator.userId));
  });

  it('escalates an unanswered request once past its deadline to the liaison and the duty desk', async () => {
    const opened = await openStationCase('期限超過の支援要請');
    const created = await requestSupport(opened.id as string, 2);
    assert.equal(await ctx.koban.services.cooperation.escalateOverdueSupport(), 0, 'not yet due');
    ctx.clock.advanceMinutes(2 * 60 + 1);
    investigator = await signInAgain(investigator);
    mitoOfficer = await signInAgain(mitoOfficer);
    hitachiOfficer = await signInAgain(hitachiOfficer);
    const listed = (await investigator.request('GET', '/api/support-requests')).json().items;
    const overdue = listed.find((r: { id: string }) => r.id === created.id);
    assert.equal(overdue.overdue, true);
    assert.equal(listed[0].overdue, true, 'overdue unanswered requests come first');
    assert.equal(await ctx.koban.services.cooperation.escalateOverdueSupport(), 1);
    assert.equal(await ctx.koban.services.cooperation.escalateOverdueSupport(), 0, 'escalated once');
    const view = (await mitoOfficer.request('GET', `/api/cases/${opened.id as string}/cooperation`)).json();
    const escalated = view.supportRequests.find((r: { id: string }) => r.id === created.id);
    assert.equal(escalated.escalatedAt, ctx.clock.now().toISOString());
    assert.equal(escalated.status, 'requested', 'still waiting for an answer');
    assert.ok(escalated.history.some((h: { action: string; actorId: string | null }) => h.action === 'escalated' && h.actorId === null));
    assert.ok((await noticeKinds(investigator)).includes('case.support_overdue'), 'the liaison');
    assert.ok((await noticeKinds(mitoOfficer)).includes('case.support_overdue'), 'the requester');
    const outbox = await ctx.koban.database.db.selectFrom('mail_outbox').select(['recipients', 'subject', 'body']).execute();
    const mail = outbox.find((m) => m.subject.includes(opened.caseNo as string));
    assert.ok(mail, 'mail queued');
    assert.deepEqual((JSON.parse(mail.recipients) as string[]).sort(), ['duty@cyber.example.jp', 'inv@cyber.example.jp']);
    assert.match(mail.body, /JST/);
    assert.match(mail.body, /水戸警察署/);
    assert.ok((await auditActions(opened.id as string)).includes('case.support_escalated'));
  });
});

describe('M3.2d joint investigations and NCU referrals', () => {
  it('records a joint investigation with another prefecture and its updates, append-only', async () => {
    const opened = await openStationCase('広域フィッシング事件');
    const caseId = opened.id as string;
    const bad = await mitoOfficer.request('POST', `/api/cases/${caseId}/external-cooperation`, {
      kind: 'joint_investigation',
      counterpart: 'atlantis',
      summary: 'x',
    });
    assert.equal(bad.statusCode, 400);
    const mismatch = await mitoOfficer.request('POST', `/api/cases/${caseId}/external-cooperation`, {
      kind: 'ncu_referral',
      counterpart: 'tokyo',
      summary: 'x',
    });
    assert.equal(mismatch.statusCode, 400, 'an NCU referral goes to the NCU');
    const created = await mitoOfficer.request('POST', `/api/cases/${caseId}/external-cooperation`, {
      kind: 'joint_investigation',
      counterpart: 'tokyo',
      summary: '警視庁と同一のフィッシングサイト群を共同で捜査',
      sharedObservables: [{ value: 'secure-check.example.top', count: 12 }, { value: '203.0.113.7' }],
      contactName: '警視庁サイバー犯罪対策課 山田',
    });
    assert.equal(created.statusCode, 201, created.body);
    const record = created.json();
    assert.equal(record.status, 'proposed');
    assert.equal(record.recordedBy, mitoOfficer.userId);
    assert.equal(record.sharedObservables[0].count, 12);
    const illegal = await mitoOfficer.request('POST', `/api/cases/${caseId}/external-cooperation/${record.id as string}/updates`, {
      status: 'accepted',
      note: 'x',
    });
    assert.equal(illegal.statusCode, 409);
    assert.equal(illegal.json().error.details.allowed, 'active, ended');
    const active = await mitoOfficer.request('POST', `/api/cases/${caseId}/external-cooperation/${record.id as string}/updates`, {
      status: 'active',
      note: '合同捜査会議(12/8)で開始を確認',
    });
    assert.equal(active.statusCode, 200, active.body);
    const noted = await mitoOfficer.request('POST', `/api/cases/${caseId}/external-cooperation/${record.id as string}/updates`, {
      note: 'ログ解析結果を共有',
      contactName: '警視庁 佐藤',
    });
    assert.equal(noted.json().status, 'active');
    assert.equal(noted.json().contactName, '警視庁 佐藤');
    assert.deepEqual(
      noted.json().history.map((h: { action: string; toStatus: string | null }) => [h.action, h.toStatus]),
      [
        ['recorded', 'proposed'],
        ['status_changed', 'active'],
        ['noted', null],
      ],
    );
    assert.equal(
      (await hitachiOfficer.request('POST', `/api/cases/${caseId}/external-cooperation/${record.id as string}/updates`, { note: 'x' })).statusCode,
      404,
    );
    const actions = await auditActions(caseId);
    assert.ok(actions.includes('case.external_cooperation_recorded') && actions.includes('case.external_cooperation_updated'));
  });

  it('records a referral to the NCU that may be accepted and returned', async () => {
    const opened = await openStationCase('重大サイバー事案(ランサムウェア)');
    const caseId = opened.id as string;
    const created = await mitoOfficer.request('POST', `/api/cases/${caseId}/external-cooperation`, {
      kind: 'ncu_referral',
      counterpart: 'ncu',
      summary: 'LockBit 系の被害。リークサイトと暗号資産アドレスを共有',
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().status, 'referred');
    assert.deepEqual(created.json().allowedTransitions, ['accepted', 'declined', 'returned']);
    const path = `/api/cases/${caseId}/external-cooperation/${created.json().id as string}/updates`;
    assert.equal((await mitoOfficer.request('POST', path, { status: 'accepted', note: '受理の連絡あり' })).json().status, 'accepted');
    const returned = await mitoOfficer.request('POST', path, { status: 'returned', note: '被疑者特定後に返還' });
    assert.equal(returned.json().status, 'returned');
    assert.deepEqual(returned.json().allowedTransitions, []);
    const view = (await mitoOfficer.request('GET', `/api/cases/${caseId}/cooperation`)).json();
    assert.equal(view.external.length, 1);
    assert.equal(view.external[0].history.length, 3);
  });
});

describe('M4 international requests', () => {
  it('moves along drafting → sent → acknowledged → answered → closed and refuses an illegal move, naming the allowed ones', async () => {
    const opened = await openStationCase('海外サーバ経由の不正アクセス');
    const caseId = opened.id as string;
    const badCountry = await mitoOfficer.request('POST', `/api/cases/${caseId}/international-requests`, {
      direction: 'outgoing',
      countryCode: 'XX',
      agency: 'FBI',
      channel: 'mlat',
      text: 'x',
    });
    assert.equal(badCountry.statusCode, 400);
    const created = await mitoOfficer.request('POST', `/api/cases/${caseId}/international-requests`, {
      direction: 'outgoing',
      countryCode: 'us',
      agency: 'FBI',
      channel: 'network_24_7',
      text: 'サーバログの保全を要請',
      deadlineAt: inHours(72),
      ourReference: 'IB-国際-2026-001',
    });
    assert.equal(created.statusCode, 201, created.body);
    const record = created.json();
    assert.equal(record.countryCode, 'US');
    assert.equal(record.status, 'drafting');
    const path = `/api/cases/${caseId}/international-requests/${record.id as string}/updates`;
    const illegal = await mitoOfficer.request('POST', path, { status: 'answered', note: 'x' });
    assert.equal(illegal.statusCode, 409);
    assert.equal(illegal.json().error.code, 'cooperation.invalid_transition');
    assert.equal(illegal.json().error.details.allowed, 'sent, closed');
    assert.match(illegal.json().error.message, /sent, closed/);
    for (const status of ['sent', 'acknowledged', 'answered', 'closed']) {
      const moved = await mitoOfficer.request('POST', path, {
        status,
        note: `${status} の記録`,
        ...(status === 'acknowledged' ? { theirReference: 'FBI-24x7-889' } : {}),
      });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().status, status);
    }
    const view = (await mitoOfficer.request('GET', `/api/cases/${caseId}/cooperation`)).json();
    const final = view.international[0];
    assert.equal(final.theirReference, 'FBI-24x7-889');
    assert.equal(final.ourReference, 'IB-国際-2026-001');
    assert.deepEqual(
      final.history.map((h: { toStatus: string }) => h.toStatus),
      ['drafting', 'sent', 'acknowledged', 'answered', 'closed'],
    );
    const incoming = await mitoOfficer.request('POST', `/api/cases/${caseId}/international-requests`, {
      direction: 'incoming',
      countryCode: 'DE',
      agency: 'BKA',
      channel: 'icpo',
      text: '国内 IP アドレスの契約者照会',
    });
    assert.equal(incoming.json().status, 'sent', 'an incoming request has been sent to us');
    const refused = await mitoOfficer.request('POST', `/api/cases/${caseId}/international-requests/${incoming.json().id as string}/updates`, {
      status: 'refused',
      note: '双罰性なし',
    });
    assert.equal(refused.json().status, 'refused');
    assert.equal((await hitachiOfficer.request('GET', `/api/cases/${caseId}/cooperation`)).statusCode, 404);
    const manager = await loginAs(ctx, ['manager'], 'coop_manager', { unitId: mitoId });
    assert.equal((await manager.request('GET', `/api/cases/${caseId}/cooperation`)).json().international.length, 2, 'reads with case.read');
    const readOnly = await manager.request('POST', `/api/cases/${caseId}/international-requests/${incoming.json().id as string}/updates`, { note: 'x' });
    assert.equal(readOnly.statusCode, 403, 'writes need case.write');
    const actions = await auditActions(caseId);
    assert.equal(actions.filter((a) => a === 'case.international_updated').length, 5);
    assert.equal(actions.filter((a) => a === 'case.international_recorded').length, 2);
  });

  it('reminds the recorder once when a waiting international request passes its deadline', async () => {
    const opened = await openStationCase('海外 C2 サーバの差押え依頼');
    const caseId = opened.id as string;
    const created = await mitoOfficer.request('POST', `/api/cases/${caseId}/international-requests`, {
      direction: 'outgoing',
      countryCode: 'NL',
      agency: 'Politie',
      channel: 'mlat',
      text: 'C2 サーバの保全と差押え',
      deadlineAt: inHours(24),
    });
    assert.equal(created.statusCode, 201, created.body);
    const closedEarly = await mitoOfficer.request('POST', `/api/cases/${caseId}/international-requests`, {
      direction: 'outgoing',
      countryCode: 'SG',
      agency: 'SPF',
      channel: 'icpo',
      text: '完了済み',
      deadlineAt: inHours(24),
    });
    await mitoOfficer.request('POST', `/api/cases/${caseId}/international-requests/${closedEarly.json().id as string}/updates`, {
      status: 'closed',
      note: '取り下げ',
    });
    assert.equal(await ctx.koban.services.cooperation.remindOverdueInternational(), 0, 'not yet due');
    ctx.clock.advanceMinutes(24 * 60 + 1);
    mitoOfficer = await signInAgain(mitoOfficer);
    investigator = await signInAgain(investigator);
    hitachiOfficer = await signInAgain(hitachiOfficer);
    assert.equal(await ctx.koban.services.cooperation.remindOverdueInternational(), 1, 'only the waiting one');
    assert.equal(await ctx.koban.services.cooperation.remindOverdueInternational(), 0, 'once');
    assert.ok((await noticeKinds(mitoOfficer)).includes('case.international_overdue'));
    const view = (await mitoOfficer.request('GET', `/api/cases/${caseId}/cooperation`)).json();
    const record = view.international.find((r: { id: string }) => r.id === created.json().id);
    assert.ok(record.history.some((h: { action: string; actorId: string | null }) => h.action === 'reminded' && h.actorId === null));
    const mail = await ctx.koban.database.db.selectFrom('mail_outbox').select(['recipients', 'subject']).where('subject', 'like', '%国際捜査%').execute();
    assert.equal(mail.length, 1);
    assert.match(mail[0]?.recipients ?? '', /mito@mito\.example\.jp/);
    assert.ok((await auditActions(caseId)).includes('case.international_overdue'));
  });
});
