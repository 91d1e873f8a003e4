// M1.4 evidence and chain of custody through the HTTP API: SHA-256 at intake, hand-over and access
// in an append-only, hash-chained custody log the database refuses to rewrite, files that no longer
// match their hash flagged on every read, analysis requests to the forensic unit, and the custody
// record as a PDF with Japanese text.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { multipart } from '../support/multipart.ts';
import { pdfText } from '../support/pdf-text.ts';
import { loginAs, type Agent } from '../support/sessions.ts';

let ctx: TestContext;
let lead: Agent;
let colleague: Agent;
let hitachiOfficer: Agent;
let analyst: Agent;
let caseId: string;
let caseNo: string;

const LOG = Buffer.from('2026-12-01T10:00:00+09:00 VPN login admin from 203.0.113.45\n'.repeat(400));
const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex');

before(async () => {
  ctx = await makeTestContext();
  const units = ctx.koban.services.units;
  const cyberId = (await units.findIdByCode('cyber_investigation')) ?? '';
  const hitachiId = (await units.findIdByCode('station_hitachi')) ?? '';
  const forensicId = (await units.findIdByCode('ibaraki_info_comm')) ?? '';
  lead = await loginAs(ctx, ['cyber_investigator'], 'evlead', { unitId: cyberId });
  colleague = await loginAs(ctx, ['cyber_analyst'], 'evcolleague', { unitId: cyberId });
  hitachiOfficer = await loginAs(ctx, ['station_officer'], 'evhitachi', { unitId: hitachiId });
  analyst = await loginAs(ctx, ['cyber_analyst'], 'evforensic', { unitId: forensicId });
  const opened = await lead.request('POST', '/api/cases', { title: 'VPN 機器経由のランサムウェア被害', category: 'unauthorized_access_malware' });
  assert.equal(opened.statusCode, 201, opened.body);
  caseId = opened.json().id;
  caseNo = opened.json().caseNo;
});
after(async () => ctx.close());

async function uploadFile(agent: Agent, meta: object, content: Buffer, filename = 'vpn.log') {
  const body = multipart({ meta: JSON.stringify(meta) }, [{ field: 'file', filename, type: 'text/plain', content }]);
  return agent.request('POST', `/api/cases/${caseId}/evidence`, body.payload, body.headers);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON answer freely
let logItem: any;

describe('M1.4 evidence intake', () => {
  it('stores a file with its SHA-256, numbers it within the case and logs its collection', async () => {
    const response = await uploadFile(
      lead,
      { kind: 'file', title: 'VPN 機器の認証ログ', collectedFrom: '被害企業 サーバ室', storageLocation: 'サイバー捜査課 証拠品保管庫 A-3' },
      LOG,
    );
    assert.equal(response.statusCode, 201, response.body);
    logItem = response.json();
    assert.equal(logItem.evidenceNo, `${caseNo}-E001`);
    assert.equal(logItem.sha256, sha256Of(LOG));
    assert.equal(logItem.size, LOG.length);
    assert.equal(logItem.holderId, lead.userId);
    assert.equal(logItem.integrity, 'intact');
    assert.equal(logItem.chainIntact, true);
    assert.deepEqual(
      logItem.custody.map((e: { action: string }) => e.action),
      ['collected'],
    );
    assert.match(logItem.custody[0].note, new RegExp(logItem.sha256));
  });

  it('takes a physical item without a file, and refuses a file item without one or a physical item with one', async () => {
    const physical = await lead.request('POST', `/api/cases/${caseId}/evidence`, {
      kind: 'physical',
      title: '被疑者の USB メモリ',
      storageLocation: '保管庫 B-1',
    });
    assert.equal(physical.statusCode, 201, physical.body);
    assert.equal(physical.json().evidenceNo, `${caseNo}-E002`);
    assert.equal(physical.json().integrity, 'not_applicable');
    const noFile = await lead.request('POST', `/api/cases/${caseId}/evidence`, { kind: 'file', title: 'ファイルなし' });
    assert.equal(noFile.statusCode, 400);
    assert.equal(noFile.json().error.code, 'evidence.file_required');
    const withFile = await uploadFile(lead, { kind: 'physical', title: '物件' }, Buffer.from('x'));
    assert.equal(withFile.statusCode, 400);
    assert.equal(withFile.json().error.code, 'evidence.file_not_allowed');
    const badTitle = await uploadFile(lead, { kind: 'file', title: '' }, Buffer.from('x'));
    assert.equal(badTitle.statusCode, 400);
  });

  it('accepts files larger than the public attachment limit', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024, 0x41);
    const response = await uploadFile(lead, { kind: 'file', title: 'メモリダンプ(抜粋)' }, big, 'memory.bin');
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().size, big.length);
  });

  it('is invisible to another unit (404, no existence leak)', async () => {
    const list = await hitachiOfficer.request('GET', `/api/cases/${caseId}/evidence`);
    assert.equal(list.statusCode, 404);
    const file = await hitachiOfficer.request('GET', `/api/cases/${caseId}/evidence/${logItem.id}/file`);
    assert.equal(file.statusCode, 404);
    const upload = await uploadFile(hitachiOfficer, { kind: 'file', title: 'x' }, Buffer.from('x'));
    assert.equal(upload.statusCode, 404);
  });
});

describe('M1.4 chain of custody', () => {
  it('hands over from the holder to a colleague with place and note; only holder or lead may', async () => {
    const moved = await colleague.request('POST', `/api/cases/${caseId}/evidence/${logItem.id}/handover`, { toUserId: colleague.userId });
    assert.equal(moved.statusCode, 403);
    assert.equal(moved.json().error.code, 'evidence.not_holder');
    const handed = await lead.request('POST', `/api/cases/${caseId}/evidence/${logItem.id}/handover`, {
      toUserId: colleague.userId,
      location: '解析室 ロッカー 2',
      note: '解析のため引継ぎ',
    });
    assert.equal(handed.statusCode, 200, handed.body);
    const detail = handed.json();
    assert.equal(detail.holderId, colleague.userId);
    assert.equal(detail.storageLocation, '解析室 ロッカー 2');
    const last = detail.custody.at(-1);
    assert.equal(last.action, 'handed_over');
    assert.equal(last.fromHolderId, lead.userId);
    assert.equal(last.toHolderId, colleague.userId);
    const unknown = await colleague.request('POST', `/api/cases/${caseId}/evidence/${logItem.id}/handover`, { toUserId: 'nobody' });
    assert.equal(unknown.json().error.code, 'evidence.unknown_user');
    const leaver = await loginAs(ctx, ['cyber_analyst'], 'evleaver', { unitId: null });
    await ctx.koban.database.db.updateTable('app_user').set({ disabled_at: ctx.clock.now().toISOString() }).where('id', '=', leaver.userId).execute();
    const disabled = await colleague.request('POST', `/api/cases/${caseId}/evidence/${logItem.id}/handover`, { toUserId: leaver.userId });
    assert.equal(disabled.json().error.code, 'evidence.unknown_user');
  });

  it('records every download of the file as an access, and the chain stays intact', async () => {
    const download = await colleague.request('GET', `/api/cases/${caseId}/evidence/${logItem.id}/file`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/octet-stream');
    assert.equal(download.headers['x-koban-integrity'], 'intact');
    assert.deepEqual(download.rawPayload, LOG);
    const detail = (await lead.request('GET', `/api/cases/${caseId}/evidence/${logItem.id}`)).json();
    const access = detail.custody.at(-1);
    assert.equal(access.action, 'accessed');
    assert.equal(access.actorId, colleague.userId);
    assert.equal(detail.chainIntact, true);
    assert.deepEqual(
      detail.custody.map((e: { seq: number }) => e.seq),
      [1, 2, 3],
    );
  });

  it('is append-only in the database itself: updating or deleting a custody event fails', async () => {
    const db = ctx.koban.database.db;
    await assert.rejects(sql`update custody_event set note = 'rewritten' where evidence_id = ${logItem.id}`.execute(db), /append-only/);
    await assert.rejects(sql`delete from custody_event where evidence_id = ${logItem.id}`.execute(db), /append-only/);
  });

  it('flags a file that no longer matches its SHA-256 on every read, and logs the first detection once', async () => {
    const path = join(ctx.config.filesDir, logItem.sha256.slice(0, 2), logItem.sha256.slice(2, 4), logItem.sha256);
    await writeFile(path, Buffer.from(LOG.toString('utf8').replace('203.0.113.45', '203.0.113.46')));
    const list = (await lead.request('GET', `/api/cases/${caseId}/evidence`)).json();
    const listed = list.items.find((i: { id: string }) => i.id === logItem.id);
    assert.equal(listed.integrity, 'altered');
    assert.ok(listed.integrityFailedAt);
    const detail = (await lead.request('GET', `/api/cases/${caseId}/evidence/${logItem.id}`)).json();
    assert.equal(detail.integrity, 'altered');
    const download = await colleague.request('GET', `/api/cases/${caseId}/evidence/${logItem.id}/file`);
    assert.equal(download.headers['x-koban-integrity'], 'altered');
    const again = (await lead.request('GET', `/api/cases/${caseId}/evidence/${logItem.id}`)).json();
    assert.equal(again.custody.filter((e: { action: string }) => e.action === 'integrity_failed').length, 1);
    // Putting the original bytes back makes it intact again, while the record of the failure stays.
    await writeFile(path, LOG);
    const restored = (await lead.request('GET', `/api/cases/${caseId}/evidence/${logItem.id}`)).json();
    assert.equal(restored.integrity, 'intact');
    assert.ok(restored.integrityFailedAt);
    const audit = await ctx.koban.database.db.selectFrom('audit_entry').select('action').where('action', '=', 'evidence.integrity_failed').execute();
    assert.equal(audit.length, 1);
  });
});

describe('M1.4 analysis requests (解析依頼)', () => {
  let requestId: string;

  it('goes to the forensic unit by default and notifies its officers, who see the request but not the case', async () => {
    const response = await lead.request('POST', `/api/cases/${caseId}/evidence/${logItem.id}/analysis-requests`, {
      question: 'ログから侵入経路と初回侵入日時を特定してください。',
      dueAt: '2026-12-20T08:00:00.000Z',
    });
    assert.equal(response.statusCode, 201, response.body);
    requestId = response.json().id;
    assert.equal(response.json().status, 'requested');
    const incoming = (await analyst.request('GET', '/api/analysis-requests')).json();
    assert.deepEqual(
      incoming.items.map((i: { id: string }) => i.id),
      [requestId],
    );
    assert.equal(incoming.items[0].evidenceNo, logItem.evidenceNo);
    assert.equal(incoming.items[0].evidenceHasFile, true);
    const notices = (await analyst.request('GET', '/api/notifications')).json();
    assert.ok(notices.items.some((n: { kind: string }) => n.kind === 'evidence.analysis_requested'));
    assert.equal((await analyst.request('GET', `/api/cases/${caseId}`)).statusCode, 404);
    assert.equal((await hitachiOfficer.request('GET', `/api/analysis-requests/${requestId}`)).statusCode, 404);
    assert.equal((await hitachiOfficer.request('GET', '/api/analysis-requests')).json().items.length, 0);
  });

  it('lets the forensic unit take the file (logged), accept and answer with a result file; the requester is told', async () => {
    const refused = await lead.request('POST', `/api/analysis-requests/${requestId}/accept`);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'evidence.not_analysis_unit');
    const file = await analyst.request('GET', `/api/analysis-requests/${requestId}/evidence-file`);
    assert.equal(file.statusCode, 200);
    assert.deepEqual(file.rawPayload, LOG);
    const accepted = await analyst.request('POST', `/api/analysis-requests/${requestId}/accept`);
    assert.equal(accepted.json().status, 'accepted');
    const report = Buffer.from('解析結果: 2026-11-28 02:14 JST に 203.0.113.45 から VPN 認証成功。');
    const body = multipart({ meta: JSON.stringify({ result: '初回侵入は 11/28 02:14、VPN 機器の既知脆弱性を悪用。' }) }, [
      { field: 'file', filename: '解析報告書.txt', type: 'text/plain', content: report },
    ]);
    const done = await analyst.request('POST', `/api/analysis-requests/${requestId}/result`, body.payload, body.headers);
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().status, 'done');
    assert.equal(done.json().resultFile.sha256, sha256Of(report));
    const again = await analyst.request('POST', `/api/analysis-requests/${requestId}/decline`, { reason: '重複' });
    assert.equal(again.statusCode, 409);
    const resultFile = await lead.request('GET', `/api/analysis-requests/${requestId}/result-file`);
    assert.deepEqual(resultFile.rawPayload, report);
    const detail = (await lead.request('GET', `/api/cases/${caseId}/evidence/${logItem.id}`)).json();
    assert.equal(detail.status, 'held');
    const actions = detail.custody.map((e: { action: string }) => e.action);
    assert.deepEqual(actions.slice(-4), ['analysis_requested', 'accessed', 'analysis_accepted', 'analysis_result']);
    assert.equal(detail.custody.at(-3).actorId, analyst.userId);
    assert.equal(detail.chainIntact, true);
    const notices = (await lead.request('GET', '/api/notifications')).json();
    assert.ok(notices.items.some((n: { kind: string }) => n.kind === 'evidence.analysis_done'));
  });
});

describe('M1.4 custody record for court (PDF)', () => {
  it('exports a PDF whose text is Japanese and names the item, its hash, every event and the exporter', async () => {
    const response = await lead.request('GET', `/api/cases/${caseId}/evidence/${logItem.id}/custody.pdf`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.equal(response.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.match(response.rawPayload.toString('latin1'), /NotoSansJP/);
    // Cells wrap inside their column: compare without line breaks.
    const text = pdfText(response.rawPayload).replace(/\n/g, '');
    for (const expected of ['証拠品保管記録', logItem.evidenceNo, caseNo, 'VPN 機器の認証ログ', '引継ぎ', '解析結果', '完全性の不一致を検知', 'JST']) {
      assert.ok(text.includes(expected), `PDF text lacks ${expected}`);
    }
    assert.ok(text.replace(/\s/g, '').includes(logItem.sha256), 'PDF text lacks the SHA-256');
    assert.ok(text.includes('不一致(ファイルが取得時から変わっています)'), 'the integrity failure is shown in words');
    const english = await lead.request('GET', `/api/cases/${caseId}/evidence/${logItem.id}/custody.pdf?lang=en`);
    assert.ok(pdfText(english.rawPayload).includes('Evidence chain of custody record'));
    const audit = await ctx.koban.database.db.selectFrom('audit_entry').select('action').where('action', '=', 'evidence.custody_exported').execute();
    assert.equal(audit.length, 2);
  });
});

describe('M1.4 release', () => {
  it('returns an item to its owner, after which it cannot change', async () => {
    const released = await colleague.request('POST', `/api/cases/${caseId}/evidence/${logItem.id}/release`, { action: 'returned', note: '被害企業へ還付' });
    assert.equal(released.statusCode, 200, released.body);
    assert.equal(released.json().status, 'returned');
    assert.equal(released.json().holderId, null);
    const moved = await lead.request('POST', `/api/cases/${caseId}/evidence/${logItem.id}/move`, { location: '別の棚' });
    assert.equal(moved.statusCode, 409);
    assert.equal(moved.json().error.code, 'evidence.released');
  });
});
