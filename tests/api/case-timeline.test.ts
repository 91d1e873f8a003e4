// M3.2a the case timeline through the HTTP API: events of every source table newest first with
// structured params, paged by an instant cursor, filtered by kind, within need-to-know (another
// unit learns nothing, a sensitive case's read is audited, a report the viewer may not open shows
// its receipt number only).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { multipart } from '../support/multipart.ts';
import { loginAs, type Agent } from '../support/sessions.ts';

let ctx: TestContext;
let lead: Agent;
let colleague: Agent;
let mitoOfficer: Agent;
let hitachiOfficer: Agent;
let mitoId: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON answer freely
type Json = any;
type Event = { id: string; kind: string; at: string; actorId: string | null; params: Record<string, unknown>; link: { type: string; id: string } | null };
type Page = { events: Event[]; nextBefore: string | null };

before(async () => {
  ctx = await makeTestContext({ KOBAN_REPORT_RATE_LIMIT_PER_HOUR: '1000' });
  const units = ctx.koban.services.units;
  const cyberId = (await units.findIdByCode('cyber_investigation')) ?? '';
  mitoId = (await units.findIdByCode('station_mito')) ?? '';
  const hitachiId = (await units.findIdByCode('station_hitachi')) ?? '';
  lead = await loginAs(ctx, ['cyber_investigator'], 'tl_lead', { unitId: cyberId });
  colleague = await loginAs(ctx, ['cyber_analyst'], 'tl_colleague', { unitId: cyberId });
  mitoOfficer = await loginAs(ctx, ['station_officer'], 'tl_mito', { unitId: mitoId });
  hitachiOfficer = await loginAs(ctx, ['station_officer'], 'tl_hitachi', { unitId: hitachiId });
});
after(async () => ctx.close());

async function ok(response: Promise<{ statusCode: number; body: string; json: () => Json }>, status = 200): Promise<Json> {
  const answered = await response;
  assert.equal(answered.statusCode, status, answered.body);
  return answered.json();
}

/** Each step a minute after the last, so the order of events is the order of the steps. */
function later(): void {
  ctx.clock.advanceMinutes(1);
}

async function timeline(agent: Agent, caseId: string, query = ''): Promise<Page> {
  const response = await agent.request('GET', `/api/cases/${caseId}/timeline${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<Page>();
}

describe('M3.2a case timeline', () => {
  let caseId: string;
  let caseNo: string;
  let all: Event[];

  it('lists events of many kinds newest first, with params to put into words', async () => {
    later();
    const opened = await ok(lead.request('POST', '/api/cases', { title: 'VPN 経由のランサムウェア被害', category: 'unauthorized_access_malware' }), 201);
    caseId = opened.id;
    caseNo = opened.caseNo;
    later();
    await ok(lead.request('POST', `/api/cases/${caseId}/status`, { to: 'investigating', reason: '捜査開始', version: opened.version }));
    later();
    const body = `初動メモ <b>太字にしない</b> ${'あ'.repeat(250)}`;
    await ok(lead.request('POST', `/api/cases/${caseId}/notes`, { body }));
    later();
    const tasked = await ok(lead.request('POST', `/api/cases/${caseId}/tasks`, { title: 'プロバイダへ照会', assigneeId: colleague.userId }));
    const taskId = tasked.tasks[0].id as string;
    later();
    await ok(colleague.request('POST', `/api/cases/${caseId}/tasks/${taskId}/done`));
    later();
    const upload = multipart({ meta: JSON.stringify({ kind: 'file', title: 'VPN 認証ログ' }) }, [
      { field: 'file', filename: 'vpn.log', type: 'text/plain', content: Buffer.from('login admin from 203.0.113.45\n') },
    ]);
    const evidence = await ok(lead.request('POST', `/api/cases/${caseId}/evidence`, upload.payload, upload.headers), 201);
    later();
    await ok(lead.request('POST', `/api/cases/${caseId}/evidence/${evidence.id as string}/handover`, { toUserId: colleague.userId, location: '保管庫 A-3' }));
    later();
    const download = await colleague.request('GET', `/api/cases/${caseId}/evidence/${evidence.id as string}/file`);
    assert.equal(download.statusCode, 200, 'a read of the file is logged in custody, not in the timeline');
    later();
    await ok(lead.request('POST', `/api/cases/${caseId}/attributions`, { threatId: 'lockbit', confidence: 'high' }));
    later();
    await ok(
      lead.request('POST', `/api/cases/${caseId}/external-cooperation`, { kind: 'joint_investigation', counterpart: 'tokyo', summary: '警視庁と共同捜査' }),
      201,
    );
    later();
    await ok(lead.request('POST', `/api/cases/${caseId}/support-units`, { unitId: mitoId }));

    const answer = await timeline(lead, caseId);
    all = answer.events;
    assert.equal(answer.nextBefore, null);
    assert.deepEqual(
      all.map((e) => e.kind),
      [
        'support_unit_added',
        'joint_recorded',
        'attributed',
        'custody_handed_over',
        'evidence_collected',
        'task_done',
        'task_added',
        'note_added',
        'status_changed',
        'status_changed',
        'member_added',
      ],
      'newest first',
    );
    const sorted = [...all].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    assert.deepEqual(
      all.map((e) => e.at),
      sorted.map((e) => e.at),
    );
    const byKind = (kind: string): Event => {
      const found = all.find((e) => e.kind === kind);
      assert.ok(found, kind);
      return found;
    };
    assert.deepEqual(byKind('support_unit_added').params, { unitId: mitoId });
    assert.deepEqual(byKind('joint_recorded').params, { externalKind: 'joint_investigation', counterpart: 'tokyo', to: 'proposed' });
    assert.equal(byKind('joint_recorded').link?.type, 'external_cooperation');
    assert.deepEqual(byKind('attributed').params, { threatName: 'LockBit', threatKind: 'ransomware', confidence: 'high' });
    assert.deepEqual(byKind('custody_handed_over').params, {
      evidenceNo: `${caseNo}-E001`,
      title: 'VPN 認証ログ',
      toHolderId: colleague.userId,
      location: '保管庫 A-3',
    });
    assert.deepEqual(byKind('evidence_collected').link, { type: 'evidence', id: evidence.id });
    assert.equal(byKind('evidence_collected').actorId, lead.userId);
    assert.deepEqual(byKind('task_done').params, { title: 'プロバイダへ照会' });
    assert.deepEqual(byKind('task_added').params, { title: 'プロバイダへ照会', assigneeId: colleague.userId, dueAt: null });
    const note = byKind('note_added');
    assert.equal(note.params.excerpt, body.slice(0, 200), 'the first 200 characters, as written');
    assert.equal(note.params.truncated, true);
    assert.equal(note.actorId, lead.userId);
    const statuses = all.filter((e) => e.kind === 'status_changed').map((e) => e.params);
    assert.deepEqual(statuses, [
      { from: 'recognized', to: 'investigating', reason: '捜査開始' },
      { from: null, to: 'recognized', reason: '' },
    ]);
    assert.deepEqual(byKind('member_added').params, { userId: lead.userId });
    assert.ok(!all.some((e) => e.kind.startsWith('custody_accessed')));
    assert.equal(new Set(all.map((e) => e.id)).size, all.length, 'ids are unique');
  });

  it('pages with limit and before, without gaps or repeats', async () => {
    const seen: Event[] = [];
    let query = '?limit=3';
    for (let page = 0; page < 10; page += 1) {
      const answer = await timeline(lead, caseId, query);
      assert.ok(answer.events.length <= 3);
      seen.push(...answer.events);
      if (answer.nextBefore === null) break;
      assert.equal(answer.nextBefore, answer.events.at(-1)?.at);
      query = `?limit=3&before=${encodeURIComponent(answer.nextBefore)}`;
    }
    assert.deepEqual(
      seen.map((e) => e.id),
      all.map((e) => e.id),
    );
    const refused = await lead.request('GET', `/api/cases/${caseId}/timeline?limit=501`);
    assert.equal(refused.statusCode, 400);
  });

  it('keeps events of one instant on the same page', async () => {
    // Opening the case wrote its first status and its lead as member in the same instant.
    const oldestTwo = all.slice(-2);
    assert.equal(oldestTwo[0]?.at, oldestTwo[1]?.at);
    const third = all.at(-3);
    const fourth = all.at(-4);
    assert.ok(third && fourth);
    const before = third.at;
    const answer = await timeline(lead, caseId, `?limit=1&before=${encodeURIComponent(before)}`);
    assert.deepEqual(
      answer.events.map((e) => e.id),
      oldestTwo.map((e) => e.id),
      'a group larger than the page comes whole',
    );
    assert.equal(answer.nextBefore, null);
    const split = await timeline(lead, caseId, `?limit=2&before=${encodeURIComponent(fourth.at)}`);
    assert.deepEqual(
      split.events.map((e) => e.id),
      [third.id],
      'the page stops before a group it cannot hold',
    );
    assert.equal(split.nextBefore, third.at);
  });

  it('filters by kind', async () => {
    const answer = await timeline(lead, caseId, '?kinds=note_added,task_done,custody_handed_over');
    assert.deepEqual(
      answer.events.map((e) => e.kind),
      ['custody_handed_over', 'task_done', 'note_added'],
    );
    const unknown = await lead.request('GET', `/api/cases/${caseId}/timeline?kinds=note_added,made_up`);
    assert.equal(unknown.statusCode, 400);
  });

  it('answers "not found" to an officer of a unit that may not see the case', async () => {
    const refused = await hitachiOfficer.request('GET', `/api/cases/${caseId}/timeline`);
    assert.equal(refused.statusCode, 404);
    assert.equal(refused.json().error.code, 'case.not_found');
  });

  it('audits each read of a sensitive case timeline', async () => {
    const secret = await ok(lead.request('POST', '/api/cases', { title: '秘匿: 標的型攻撃', category: 'unauthorized_access_malware', sensitive: true }), 201);
    assert.equal((await colleague.request('GET', `/api/cases/${secret.id as string}/timeline`)).statusCode, 404, 'same unit, not a member');
    await timeline(lead, secret.id);
    const reads = await ctx.koban.database.db
      .selectFrom('audit_entry')
      .select(['actor_id', 'changes'])
      .where('action', '=', 'case.read')
      .where('target_id', '=', secret.id)
      .execute();
    const timelineReads = reads.filter((r) => (JSON.parse(r.changes) as { part?: string }).part === 'timeline');
    assert.equal(timelineReads.length, 1);
    assert.equal(timelineReads[0]?.actor_id, lead.userId);
  });

  it("shows a linked report outside the viewer's unit by its receipt number only", async () => {
    const form = multipart({
      report: JSON.stringify({
        kind: 'report',
        reporterType: 'individual',
        category: 'unauthorized_access_malware',
        subcategory: 'phishing',
        summary: '宅配業者を装う SMS',
        description: 'SMS のリンク https://delivery-check.example-phish.top/a を開いてしまいました。',
      }),
    });
    const sent = await ok(ctx.app.inject({ method: 'POST', url: '/api/public/reports', payload: form.payload, headers: form.headers }), 201);
    await ctx.koban.services.intake.drain();
    const queue = await ok(lead.request('GET', '/api/intake/queue'));
    const item = queue.items.find((i: Json) => i.receiptNo === sent.receiptNo);
    assert.ok(item);
    later();
    const opened = await ok(lead.request('POST', `/api/intake/items/${item.id as string}/case`, {}), 201);
    later();
    await ok(lead.request('POST', `/api/cases/${opened.caseId as string}/support-units`, { unitId: mitoId }));

    const ours = (await timeline(lead, opened.caseId, '?kinds=report_linked')).events;
    assert.equal(ours.length, 1);
    assert.deepEqual(ours[0]?.params, { receiptNo: sent.receiptNo, mayOpen: true, reportKind: 'report', summary: '宅配業者を装う SMS' });
    assert.deepEqual(ours[0]?.link, { type: 'report', id: item.id });

    const theirs = (await timeline(mitoOfficer, opened.caseId, '?kinds=report_linked')).events;
    assert.equal(theirs.length, 1);
    assert.deepEqual(theirs[0]?.params, { receiptNo: sent.receiptNo, mayOpen: false, reportKind: null, summary: null });
    assert.equal(theirs[0]?.link, null);
    assert.ok(!JSON.stringify(theirs).includes('宅配業者'));
  });
});
