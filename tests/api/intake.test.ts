// M2.1a/M2.1b/M3.1 intake through the real HTTP API: public reports with attachments, receipts and
// the status page; triage (observables, correlation, routing, deadlines); the queue's actions;
// escalation by e-mail over a real SMTP server on loopback.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { multipart, PHISHING_EML } from '../support/multipart.ts';
import { loginAs, makeAgent, NEW_PASSWORD, type Agent } from '../support/sessions.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

let ctx: TestContext;
let smtp: TestSmtpServer;
let investigator: Agent;
let officer: Agent;
let otherOfficer: Agent;
let admin: Agent;
let cyberId: string;
let mitoId: string;
let hitachiId: string;

before(async () => {
  smtp = await startTestSmtpServer();
  ctx = await makeTestContext({ KOBAN_SMTP_URL: smtp.url, KOBAN_DUTY_DESK_EMAIL: 'duty@cyber.example.jp', KOBAN_REPORT_RATE_LIMIT_PER_HOUR: '1000' });
  cyberId = (await ctx.koban.services.units.findIdByCode('cyber_investigation')) ?? '';
  mitoId = (await ctx.koban.services.units.findIdByCode('station_mito')) ?? '';
  hitachiId = (await ctx.koban.services.units.findIdByCode('station_hitachi')) ?? '';
  investigator = await loginAs(ctx, ['cyber_investigator'], 'inv1', { unitId: cyberId, email: 'inv1@cyber.example.jp' });
  officer = await loginAs(ctx, ['station_officer'], 'mito1', { unitId: mitoId, email: 'mito1@mito.example.jp' });
  otherOfficer = await loginAs(ctx, ['station_officer'], 'hitachi1', { unitId: hitachiId });
  admin = await loginAs(ctx, ['admin'], 'admin1');
  await ctx.koban.services.units.setLiaison({ type: 'system', id: null }, cyberId, investigator.userId, null);
  await ctx.koban.services.units.setLiaison({ type: 'system', id: null }, mitoId, officer.userId, null);
});
after(async () => {
  await ctx.close();
  await smtp.close();
});

type Receipt = { receiptNo: string; followUpSecret: string };

const phishing = (summary: string, url: string, extra: Record<string, unknown> = {}) => ({
  kind: 'report',
  reporterType: 'individual',
  category: 'unauthorized_access_malware',
  subcategory: 'phishing',
  summary,
  description: `SMS で届いたリンク ${url} を開いてしまいました。`,
  details: { phishing: { receivedVia: 'sms', url } },
  ...extra,
});

async function submit(report: object, files: Parameters<typeof multipart>[1] = [], headers: Record<string, string> = {}) {
  const body = multipart({ report: JSON.stringify(report) }, files);
  return ctx.app.inject({ method: 'POST', url: '/api/public/reports', payload: body.payload, headers: { ...body.headers, ...headers } });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON answer freely
async function itemByReceipt(agent: Agent, receiptNo: string): Promise<any> {
  await ctx.koban.services.intake.drain();
  const queue = (await agent.request('GET', '/api/intake/queue?open=false&limit=200')).json<{ items: { id: string; receiptNo: string }[] }>();
  const found = queue.items.find((i) => i.receiptNo === receiptNo);
  assert.ok(found, `${receiptNo} not in queue`);
  return (await agent.request('GET', `/api/intake/items/${found.id}`)).json();
}

/** Sessions expire when the test clock jumps a day: sign the same user in again. */
async function signInAgain(agent: Agent): Promise<Agent> {
  const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: agent.username, password: NEW_PASSWORD } });
  assert.equal(login.statusCode, 200, login.body);
  const cookie = login.cookies.find((c) => c.name === 'koban_session');
  assert.ok(cookie);
  return makeAgent(ctx, { ...agent, cookie: `koban_session=${cookie.value}`, csrf: login.json<{ csrfToken: string }>().csrfToken });
}

function filesInStore(): string[] {
  const root = join(ctx.dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

describe('M2.1a public portal', () => {
  let first: Receipt;

  it('takes a phishing report with an .eml, answers a receipt, and stores the file content-addressed', async () => {
    const response = await submit(phishing('偽アマゾンのメール', 'hxxps://amazon-co-jp[.]secure-check[.]top/signin'), [
      { filename: 'mail.eml', type: 'message/rfc822', content: PHISHING_EML },
    ]);
    assert.equal(response.statusCode, 201, response.body);
    first = response.json<Receipt>();
    assert.match(first.receiptNo, /^IB-2026-\d{6}$/);
    assert.ok(first.followUpSecret.length >= 20);
    const item = await itemByReceipt(investigator, first.receiptNo);
    assert.equal(item.attachments.length, 1);
    assert.equal(item.attachments[0].sniffedType, 'message/rfc822');
    assert.equal(item.attachments[0].opaque, false);
    assert.ok(filesInStore().some((f) => f.endsWith(item.attachments[0].sha256)));
    const values = item.observables.map((o: { type: string; value: string }) => `${o.type}:${o.value}`);
    assert.ok(values.includes('url:https://amazon-co-jp.secure-check.top/signin'), values.join(' '));
    // From the .eml: the sender's relay address and the link in the body.
    assert.ok(values.includes('ipv4:45.137.21.9'), values.join(' '));
    assert.ok(values.includes('url:https://amazon-co-jp.secure-check.top/signin?id=8812'), values.join(' '));
    assert.equal(item.assignedUnitId, cyberId, 'unauthorised access goes to the cyber division');
    assert.equal(item.status, 'queued');
    assert.equal(item.deadlineAt, '2026-11-26T01:00:00.000Z', '24 hours at normal priority');
  });

  it('shows the reporter the stage and nothing personal, and refuses a wrong code alike', async () => {
    const status = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/reports/status',
      payload: { receiptNo: first.receiptNo, secret: first.followUpSecret },
    });
    assert.equal(status.statusCode, 200);
    assert.deepEqual(Object.keys(status.json()).sort(), ['additions', 'receiptNo', 'stage', 'submittedAt', 'updatedAt']);
    assert.equal(status.json().stage, 'reviewing');
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/public/reports/status', payload: { receiptNo: first.receiptNo, secret: 'guess' } });
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/reports/status',
      payload: { receiptNo: 'IB-2026-999999', secret: first.followUpSecret },
    });
    assert.equal(wrong.statusCode, 404);
    assert.equal(wrong.json().error.code, 'intake.status_not_found');
    assert.equal(unknown.json().error.code, wrong.json().error.code);
  });

  it('lets the reporter add information, and its new observables are recorded', async () => {
    const body = multipart({ receiptNo: first.receiptNo, secret: first.followUpSecret, text: '追加:送金先は 0120-444-555 と言われました' });
    const added = await ctx.app.inject({ method: 'POST', url: '/api/public/reports/additions', payload: body.payload, headers: body.headers });
    assert.equal(added.statusCode, 200, added.body);
    assert.equal(added.json().additions.length, 1);
    const item = await itemByReceipt(investigator, first.receiptNo);
    assert.ok(item.observables.some((o: { value: string }) => o.value === '+81120444555'));
    assert.ok(item.notes.some((n: { authorKind: string }) => n.authorKind === 'reporter'));
  });

  it('correlates a later report with the earlier one through the shared URL', async () => {
    const second = (await submit(phishing('同じURLのSMS', 'https://amazon-co-jp.secure-check.top/signin'))).json<Receipt>();
    const item = await itemByReceipt(investigator, second.receiptNo);
    const hit = item.hits.find((h: { label: string | null }) => h.label === first.receiptNo);
    assert.ok(hit, JSON.stringify(item.hits));
    assert.equal(hit.sourceType, 'report');
    // A station officer of another unit learns that a report matches and who owns it, not which.
    const reassigned = await investigator.request('POST', `/api/intake/items/${item.id}/reassign`, { unitId: hitachiId, note: '日立署で対応' });
    assert.equal(reassigned.statusCode, 200, reassigned.body);
    const seenByStation = (await otherOfficer.request('GET', `/api/intake/items/${item.id}`)).json();
    const hidden = seenByStation.hits.find((h: { ownerUnitId: string | null }) => h.ownerUnitId === cyberId);
    assert.ok(hidden, JSON.stringify(seenByStation.hits));
    assert.equal(hidden.sourceId, null);
    assert.equal(hidden.label, null);
    assert.equal(hidden.restricted, true);
  });

  it('makes one report from a retried submission with the same Idempotency-Key', async () => {
    const key = 'retry-key-0123456789abcdef';
    const a = await submit(phishing('再送テスト', 'https://retry.example-phish.top/'), [], { 'idempotency-key': key });
    const b = await submit(phishing('再送テスト', 'https://retry.example-phish.top/'), [], { 'idempotency-key': key });
    assert.equal(a.statusCode, 201);
    assert.equal(b.statusCode, 201);
    assert.deepEqual(b.json(), a.json());
    await ctx.koban.services.intake.drain();
    const queue = (await investigator.request('GET', '/api/intake/queue?limit=200')).json<{ items: { summary: string }[] }>();
    assert.equal(queue.items.filter((i) => i.summary === '再送テスト').length, 1);
    const bad = await submit(phishing('x', 'https://x.example-phish.top/'), [], { 'idempotency-key': 'short' });
    assert.equal(bad.json().error.code, 'intake.idempotency_key_invalid');
  });

  it('answers field-level errors in Japanese and English and stores nothing', async () => {
    const before = filesInStore().length;
    const ja = await submit({ kind: 'report', reporterType: 'individual', category: 'fraud', summary: '' }, [
      { filename: 'a.txt', type: 'text/plain', content: 'hello' },
    ]);
    assert.equal(ja.statusCode, 400);
    assert.equal(ja.json().error.code, 'request.invalid');
    const issue = ja.json().error.details.issues.find((i: { path: string }) => i.path === 'body.summary');
    assert.equal(issue.message, '必須項目です。');
    const en = await submit({ kind: 'report', reporterType: 'individual', category: 'nonsense', summary: 'x' }, [], { 'accept-language': 'en' });
    assert.equal(en.json().error.details.issues[0].path, 'body.category');
    assert.match(en.json().error.message, /[A-Za-z]/);
    const sub = await submit({ kind: 'report', reporterType: 'individual', category: 'fraud', subcategory: 'ransomware', summary: 'x' });
    assert.equal(sub.json().error.code, 'intake.invalid_subcategory');
    const consultation = await submit({ kind: 'consultation', reporterType: 'individual', category: 'fraud', summary: 'x' });
    assert.equal(consultation.json().error.code, 'intake.contact_required');
    const noConsent = await submit({
      kind: 'consultation',
      reporterType: 'individual',
      category: 'fraud',
      summary: 'x',
      contact: { name: '茨城 太郎', phone: '029-301-0110' },
    });
    assert.equal(noConsent.json().error.code, 'intake.consent_required');
    const noWayToReach = await submit({
      kind: 'consultation',
      reporterType: 'individual',
      category: 'fraud',
      summary: 'x',
      contact: { name: '茨城 太郎' },
      consent: true,
    });
    assert.equal(noWayToReach.json().error.code, 'intake.contact_required');
    const tooMany = await submit(
      phishing('多すぎる添付', 'https://many.example-phish.top/'),
      Array.from({ length: 11 }, (_, i) => ({ filename: `f${i}.txt`, type: 'text/plain', content: `file ${i}` })),
    );
    assert.equal(tooMany.statusCode, 413);
    assert.equal(tooMany.json().error.code, 'intake.too_many_files');
    assert.equal(filesInStore().length, before, 'no file kept from a refused submission');
  });

  it('refuses an oversized file with 413 and a readable message, leaving no report and no file', async () => {
    const small = await makeTestContext({ KOBAN_ATTACHMENT_MAX_BYTES: '1000' });
    try {
      const body = multipart({ report: JSON.stringify(phishing('大きすぎる', 'https://big.example-phish.top/')) }, [
        { filename: 'big.log', type: 'text/plain', content: 'x'.repeat(5000) },
      ]);
      const response = await small.app.inject({ method: 'POST', url: '/api/public/reports', payload: body.payload, headers: body.headers });
      assert.equal(response.statusCode, 413);
      assert.match(response.json().error.message, /1000/);
      await small.koban.services.intake.drain();
      assert.equal((await small.koban.database.db.selectFrom('intake_item').select('id').execute()).length, 0);
      const tmp = join(small.dataDir, 'files', 'tmp');
      assert.deepEqual(existsSync(tmp) ? readdirSync(tmp) : [], []);
    } finally {
      await small.close();
    }
  });

  it('leaves no report and no orphan file when an upload is cut off half-way', async () => {
    const before = filesInStore().length;
    const body = multipart({ report: JSON.stringify(phishing('途中で切断', 'https://cut.example-phish.top/')) }, [
      { filename: 'x.log', type: 'text/plain', content: 'y'.repeat(50_000) },
    ]);
    const cut = body.payload.subarray(0, body.payload.length - 20_000);
    const response = await ctx.app.inject({ method: 'POST', url: '/api/public/reports', payload: cut, headers: body.headers });
    assert.ok(response.statusCode >= 400, `status ${response.statusCode}`);
    await ctx.koban.services.intake.drain();
    const queue = (await investigator.request('GET', '/api/intake/queue?limit=200')).json<{ items: { summary: string }[] }>();
    assert.equal(queue.items.filter((i) => i.summary === '途中で切断').length, 0);
    assert.equal(filesInStore().length, before);
  });

  it('drops a honeypot submission and keeps an executable claimed as an image only as opaque data', async () => {
    const bot = await submit({ ...phishing('bot', 'https://bot.example-phish.top/'), website: 'http://spam.example' });
    assert.equal(bot.statusCode, 400);
    assert.equal(bot.json().error.code, 'intake.rejected');
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200)]);
    const receipt = (
      await submit(phishing('画像と称する実行ファイル', 'https://exe.example-phish.top/'), [{ filename: 'photo.png', type: 'image/png', content: exe }])
    ).json<Receipt>();
    const item = await itemByReceipt(investigator, receipt.receiptNo);
    assert.equal(item.attachments[0].opaque, true);
    assert.equal(item.attachments[0].sniffedType, 'application/x-msdownload');
    const download = await investigator.request('GET', `/api/intake/items/${item.id as string}/attachments/${item.attachments[0].id as string}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/octet-stream');
    assert.match(String(download.headers['content-disposition']), /^attachment;/);
    assert.match(String(download.headers['content-security-policy']), /sandbox/);
    assert.equal(download.rawPayload.length, exe.length);
  });

  it('asks for proof of work under load and accepts a solved challenge', async () => {
    const busy = await makeTestContext({ KOBAN_POW_THRESHOLD_PER_MINUTE: '1', KOBAN_POW_DIFFICULTY_BITS: '8' });
    try {
      const { solveChallenge } = await import('#modules/intake/index.ts');
      const send = (report: object) => {
        const body = multipart({ report: JSON.stringify(report) });
        return busy.app.inject({ method: 'POST', url: '/api/public/reports', payload: body.payload, headers: body.headers });
      };
      assert.equal((await send(phishing('1件目', 'https://a.example-phish.top/'))).statusCode, 201);
      const refused = await send(phishing('2件目', 'https://b.example-phish.top/'));
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.json().error.code, 'intake.proof_of_work_required');
      const challenge = (await busy.app.inject({ method: 'GET', url: '/api/public/report/challenge' })).json<{
        required: boolean;
        challenge: string;
        difficultyBits: number;
      }>();
      assert.equal(challenge.required, true);
      const nonce = solveChallenge(challenge.challenge, challenge.difficultyBits);
      assert.equal((await send({ ...phishing('2件目', 'https://b.example-phish.top/'), powChallenge: challenge.challenge, powNonce: nonce })).statusCode, 201);
      await busy.koban.services.intake.drain();
    } finally {
      await busy.close();
    }
  });
});

describe('M2.1b triage and routing', () => {
  it('sends ransomware with stopped operations to the cyber division as urgent early-recovery care', async () => {
    const receipt = (
      await submit({
        kind: 'report',
        reporterType: 'organisation',
        category: 'unauthorized_access_malware',
        subcategory: 'ransomware',
        summary: '社内サーバが暗号化された',
        details: {
          incident: {
            organisationName: '株式会社つくば製作所',
            industry: 'manufacturing',
            infectionVector: 'vpn',
            encryptedExtension: '.lockbit',
            operationsStopped: true,
          },
        },
        stationUnitId: mitoId,
      })
    ).json<Receipt>();
    const item = await itemByReceipt(investigator, receipt.receiptNo);
    assert.equal(item.assignedUnitId, cyberId);
    assert.equal(item.priority, 'urgent');
    assert.ok(item.flags.includes('early_recovery'));
    assert.equal(item.details.incident.encryptedExtension, '.lockbit');
    assert.equal(item.deadlineAt, '2026-11-25T02:00:00.000Z');
  });

  it('marks an ongoing transfer urgent on the freeze path and notifies the liaison in-app', async () => {
    const receipt = (
      await submit({
        kind: 'report',
        reporterType: 'individual',
        category: 'fraud',
        subcategory: 'sns_investment_romance',
        summary: '投資話で送金を求められている',
        details: {
          fraud: { amountYen: 3_000_000, paymentMethod: 'bank_transfer', destinationAccount: '三菱UFJ銀行 渋谷支店 普通 1234567', transferOngoing: true },
        },
      })
    ).json<Receipt>();
    const item = await itemByReceipt(investigator, receipt.receiptNo);
    assert.equal(item.priority, 'urgent');
    assert.deepEqual(item.flags, ['freeze_path']);
    assert.ok(item.observables.some((o: { type: string; value: string }) => o.type === 'bank_account_jp' && o.value.endsWith('-1-1234567')));
    const notices = (await investigator.request('GET', '/api/notifications')).json();
    assert.ok(
      notices.items.some((n: { kind: string; params: { receiptNo: string } }) => n.kind === 'intake.urgent' && n.params.receiptNo === receipt.receiptNo),
    );
    assert.ok(notices.unread >= 1);
  });

  it('keeps defamation with the chosen station, with referral guidance', async () => {
    const receipt = (
      await submit({
        kind: 'consultation',
        reporterType: 'individual',
        category: 'defamation_harassment',
        subcategory: 'defamation',
        summary: '掲示板で誹謗中傷',
        details: { defamation: { platform: '5ch', urls: ['https://example-bbs.jp/thread/1'] } },
        stationUnitId: mitoId,
        contact: { name: '水戸 花子', phone: '029-000-0000', preferred: 'phone' },
        consent: true,
      })
    ).json<Receipt>();
    const item = await itemByReceipt(officer, receipt.receiptNo);
    assert.equal(item.assignedUnitId, mitoId);
    assert.deepEqual(item.guidance, ['defamation_referral']);
    assert.equal(item.contact.name, '水戸 花子');
    assert.ok(item.consentAt);
    // Another station does not see it at all.
    assert.equal((await otherOfficer.request('GET', `/api/intake/items/${item.id as string}`)).statusCode, 404);
  });

  it('uses a new routing rule version once an administrator saves it, and audits the change', async () => {
    const current = (await admin.request('GET', '/api/intake/rules')).json();
    const rules = {
      ...current.current.rules,
      rules: [
        { id: 'card_to_hitachi', when: { categories: ['credit_card_fraud'] }, route: 'station_hitachi', priority: 'low' },
        ...current.current.rules.rules,
      ],
    };
    const refused = await investigator.request('POST', '/api/intake/rules', { rules, comment: 'x' });
    assert.equal(refused.statusCode, 403);
    const invalid = await admin.request('POST', '/api/intake/rules', { rules: { ...rules, deadlineMinutes: { urgent: 0 } }, comment: 'bad' });
    assert.equal(invalid.statusCode, 400);
    const saved = await admin.request('POST', '/api/intake/rules', { rules, comment: 'カード被害は日立署で試行' });
    assert.equal(saved.statusCode, 201, saved.body);
    const receipt = (await submit({ kind: 'tip', reporterType: 'individual', category: 'credit_card_fraud', summary: 'カード不正利用' })).json<Receipt>();
    const item = await itemByReceipt(investigator, receipt.receiptNo);
    assert.equal(item.assignedUnitId, hitachiId);
    assert.equal(item.priority, 'low');
    assert.equal(item.ruleVersion, saved.json().version);
    const audit = await ctx.koban.database.db.selectFrom('audit_entry').select(['action']).where('action', '=', 'intake.rules_saved').execute();
    assert.equal(audit.length, 1);
  });
});

describe('M2.1b queue actions and M3.1 station intake', () => {
  it('records a station consultation with channel and outcome, linked to a report', async () => {
    const report = (await submit(phishing('駅で相談する人の元通報', 'https://station-link.example-phish.top/'))).json<Receipt>();
    await itemByReceipt(investigator, report.receiptNo);
    const response = await officer.request('POST', '/api/intake/consultations', {
      reporterType: 'individual',
      category: 'fraud',
      subcategory: 'support_scam',
      summary: 'サポート詐欺の画面が出た',
      description: '画面の番号 050-1234-5678 に電話してしまった',
      channel: 'walk_in',
      outcome: 'prevention_guidance',
      contact: { name: '来署 次郎', phone: '029-111-2222' },
      linkedItemIds: [report.receiptNo],
    });
    assert.equal(response.statusCode, 201, response.body);
    const item = response.json();
    assert.equal(item.channel, 'walk_in');
    assert.equal(item.status, 'closed');
    assert.equal(item.outcome, 'prevention_guidance');
    assert.equal(item.stationUnitId, mitoId);
    assert.deepEqual(
      item.links.map((l: { receiptNo: string }) => l.receiptNo),
      [report.receiptNo],
    );
    await ctx.koban.services.intake.drain();
    const triaged = (await officer.request('GET', `/api/intake/items/${item.id as string}`)).json();
    assert.ok(triaged.observables.some((o: { value: string }) => o.value === '+815012345678'));
    assert.equal(triaged.status, 'closed', 'triage does not reopen a consultation handled at the desk');
  });

  it('keeps an open desk consultation with its officer, and opens a case when the outcome is 事件化', async () => {
    const open = await officer.request('POST', '/api/intake/consultations', {
      reporterType: 'individual',
      category: 'credit_card_fraud',
      subcategory: 'card_number_theft',
      summary: '身に覚えのないカード請求',
      channel: 'phone',
    });
    assert.equal(open.statusCode, 201, open.body);
    await ctx.koban.services.intake.drain();
    const triaged = (await officer.request('GET', `/api/intake/items/${open.json().id as string}`)).json();
    assert.equal(triaged.status, 'in_progress');
    assert.equal(triaged.claimedBy, officer.userId);
    assert.equal(triaged.deadlineAt, null, 'no claim deadline: an officer already has it');
    const refused = await officer.request('POST', `/api/intake/items/${open.json().id as string}/close`, { outcome: 'case_opened' });
    assert.equal(refused.json().error.code, 'intake.outcome_needs_action');
    const withCase = await officer.request('POST', '/api/intake/consultations', {
      reporterType: 'individual',
      category: 'fraud',
      subcategory: 'fake_shop',
      summary: '偽ショップに振り込んだ',
      description: '振込先 三井住友銀行 本店営業部 普通 7654321',
      channel: 'walk_in',
      outcome: 'case_opened',
    });
    assert.equal(withCase.statusCode, 201, withCase.body);
    const item = (await officer.request('GET', `/api/intake/items/${withCase.json().id as string}`)).json();
    assert.equal(item.status, 'case_opened');
    assert.match(item.caseNo, /^IB-C-2026-\d{4}$/);
  });

  it('claims, merges a duplicate, closes with an outcome, and opens a case that later reports correlate with', async () => {
    const a = (await submit(phishing('重複元', 'https://dup.example-phish.top/login'))).json<Receipt>();
    const b = (await submit(phishing('重複', 'https://dup.example-phish.top/login'))).json<Receipt>();
    const itemA = await itemByReceipt(investigator, a.receiptNo);
    const itemB = await itemByReceipt(investigator, b.receiptNo);
    const claimed = await investigator.request('POST', `/api/intake/items/${itemA.id as string}/claim`);
    assert.equal(claimed.json().status, 'in_progress');
    assert.equal((await officer.request('POST', `/api/intake/items/${itemA.id as string}/claim`)).statusCode, 404, 'not visible to a station');
    const merged = await investigator.request('POST', `/api/intake/items/${itemB.id as string}/merge`, { intoItemId: itemA.id });
    assert.equal(merged.json().status, 'merged');
    assert.equal((await investigator.request('POST', `/api/intake/items/${itemB.id as string}/claim`)).json().error.code, 'intake.not_open');
    const opened = await investigator.request('POST', `/api/intake/items/${itemA.id as string}/case`, { title: 'フィッシング dup 事件' });
    assert.equal(opened.statusCode, 201, opened.body);
    assert.match(opened.json().caseNo, /^IB-C-2026-\d{4}$/);
    const later = (await submit({ ...phishing('事件と同じURL', 'https://dup.example-phish.top/login'), stationUnitId: hitachiId })).json<Receipt>();
    const laterItem = await itemByReceipt(investigator, later.receiptNo);
    assert.equal(laterItem.assignedUnitId, cyberId);
    assert.ok(laterItem.flags.includes('correlated_case'));
    assert.ok(laterItem.hits.some((h: { sourceType: string; label: string }) => h.sourceType === 'case' && h.label === opened.json().caseNo));
    const closed = await investigator.request('POST', `/api/intake/items/${laterItem.id as string}/close`, {
      outcome: 'referred_external',
      referredAgency: 'フィッシング対策協議会',
    });
    assert.equal(closed.json().status, 'closed');
    assert.equal(closed.json().referredAgency, 'フィッシング対策協議会');
    const actions = (
      await ctx.koban.database.db.selectFrom('audit_entry').select('action').where('target_id', 'in', [itemA.id, itemB.id, laterItem.id]).execute()
    ).map((r) => r.action);
    for (const action of ['intake.reported', 'intake.triaged', 'intake.claimed', 'intake.merged', 'intake.case_opened', 'intake.closed'])
      assert.ok(actions.includes(action), action);
  });

  it('escalates an unclaimed item past its deadline to the liaisons and the duty desk by e-mail', async () => {
    const receipt = (
      await submit({ ...phishing('期限超過テスト', 'https://late.example-phish.top/'), category: 'fraud', subcategory: 'fake_shop', stationUnitId: mitoId })
    ).json<Receipt>();
    const item = await itemByReceipt(officer, receipt.receiptNo);
    assert.equal(item.assignedUnitId, mitoId);
    assert.equal(await ctx.koban.services.intake.escalateOverdue(), 0, 'not yet due');
    ctx.clock.advanceMinutes(24 * 60 + 1);
    officer = await signInAgain(officer);
    const overdueResponse = await officer.request('GET', '/api/intake/queue?overdue=true');
    assert.equal(overdueResponse.statusCode, 200, overdueResponse.body);
    const overdueQueue = overdueResponse.json<{ items: { receiptNo: string; overdue: boolean }[] }>();
    assert.ok(overdueQueue.items.some((i) => i.receiptNo === receipt.receiptNo && i.overdue));
    assert.ok((await ctx.koban.services.intake.escalateOverdue()) >= 1);
    const mail = await smtp.waitFor((m) => m.subject.includes(receipt.receiptNo));
    assert.deepEqual([...mail.to].sort(), ['duty@cyber.example.jp', 'inv1@cyber.example.jp', 'mito1@mito.example.jp']);
    assert.match(mail.text, /期限/);
    assert.match(mail.text, /水戸警察署/);
    assert.match(mail.text, /2026\/11\/26 10:00 JST/, 'deadline in Japan time');
    assert.match(mail.text, /passed its deadline/);
    const notices = (await officer.request('GET', '/api/notifications')).json();
    const notice = notices.items.find(
      (n: { kind: string; params: { receiptNo: string } }) => n.kind === 'intake.overdue' && n.params.receiptNo === receipt.receiptNo,
    );
    assert.ok(notice);
    assert.equal((await officer.request('POST', `/api/notifications/${notice.id as string}/read`)).json().updated, true);
    assert.ok((await officer.request('POST', '/api/notifications/read-all')).json().updated >= 0);
    assert.equal((await officer.request('GET', '/api/notifications')).json().unread, 0);
    assert.equal(await ctx.koban.services.intake.escalateOverdue(), 0, 'escalated once');
  });

  it('erases contact details once their retention period has passed, keeping the report', async () => {
    const receipt = (
      await submit({
        kind: 'consultation',
        reporterType: 'individual',
        category: 'fraud',
        summary: '保存期間テスト',
        contact: { name: '保存 期間', email: 'hozon@example.jp', preferred: 'email' },
        consent: true,
      })
    ).json<Receipt>();
    await ctx.koban.services.intake.drain();
    assert.equal(await ctx.koban.services.intake.purgeExpiredContacts(), 0);
    ctx.clock.advanceMinutes(3 * 366 * 24 * 60);
    assert.ok((await ctx.koban.services.intake.purgeExpiredContacts()) >= 1);
    investigator = await signInAgain(investigator);
    const item = await itemByReceipt(investigator, receipt.receiptNo);
    assert.equal(item.contact, null);
    assert.equal(item.summary, '保存期間テスト');
  });
});
