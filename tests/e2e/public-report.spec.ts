// 公開通報窓口 (M2.1a) on a phone, with no account: a citizen reports a phishing e-mail (.eml
// attached) whose summary and description carry script payloads, gets a receipt number and a
// follow-up code, checks the stage and adds information. Also: Japanese field errors before
// anything is sent, a retry after a lost answer makes one report, and the proof of work under load.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { permissionsOf, type Actor } from '#kernel/auth/index.ts';
import { PHISHING_EML } from '../support/multipart.ts';
import { createUser, field, launchBrowser, openPage, shot, startKoban, switchLanguage, type RunningKoban } from './support.ts';

const PHONE = { width: 390, height: 844 };
const SUMMARY_PAYLOAD = '<img src=x onerror="window.__xss=1"> Amazonを名乗るメール';
const DESCRIPTION = [
  '<script>window.__xss=2</script>',
  '「アカウントが停止されました」というメールが届き、リンク先でパスワードを入力しかけました。',
  'リンク: hxxps://amazon-co-jp[.]secure-check[.]top/signin?id=8812',
].join('\n');

let server: RunningKoban;
let browser: Browser;
let page: Page;
let problems: string[];
let emlDir = '';
let emlPath = '';
const receipt = { receiptNo: '', code: '' };

before(async () => {
  [server, browser] = await Promise.all([startKoban(), launchBrowser()]);
  ({ page, problems } = await openPage(browser, server.baseUrl, PHONE));
  emlDir = mkdtempSync(join(tmpdir(), 'koban-eml-'));
  emlPath = join(emlDir, 'phishing.eml');
  writeFileSync(emlPath, PHISHING_EML);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (emlDir) rmSync(emlDir, { recursive: true, force: true });
});

/** An officer who may read every intake item, to check on the server what arrived. */
async function intakeReader(): Promise<Actor> {
  const { user } = await createUser(server.koban, `reader${String(Date.now())}`, ['cyber_analyst'], '確認 用');
  return {
    userId: user.id,
    username: user.username,
    roles: ['cyber_analyst'],
    unitId: null,
    permissions: permissionsOf(['cyber_analyst']),
    via: 'cli',
    credentialId: 'e2e',
  };
}

async function findItem(receiptNo: string) {
  await server.koban.services.intake.drain();
  const actor = await intakeReader();
  const { items } = await server.koban.services.intake.queue(actor, { open: 'false', limit: 200 });
  const found = items.find((item) => item.receiptNo === receiptNo);
  assert.ok(found, `${receiptNo} is not in the queue`);
  return server.koban.services.intake.get(actor, found.id);
}

async function xssValue(target: Page): Promise<unknown> {
  return target.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

async function fitsWidth(target: Page): Promise<boolean> {
  return target.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** The text of the error Mantine ties to an input through aria-describedby. */
async function errorOf(input: Locator): Promise<string> {
  return input.evaluate((element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
}

async function chooseKind(target: Page, kind: string, reporter: string): Promise<void> {
  await target.getByRole('radio', { name: kind, exact: true }).check();
  await target.getByRole('radio', { name: reporter, exact: true }).check();
}

async function shotFromTop(target: Page, name: string): Promise<void> {
  await target.evaluate(() => window.scrollTo(0, 0));
  await shot(target, name);
}

test('the form opens at /report without an account, with the warnings people expect', async () => {
  const response = await page.goto('/report');
  assert.equal(response?.status(), 200, 'a deep link to /report is answered with the page');
  await page.getByRole('heading', { name: 'サイバー事案の通報・相談', level: 1 }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'ログイン' }).count(), 0, 'no log-in step');
  assert.equal(await page.getByRole('navigation', { name: 'メインメニュー' }).count(), 0, 'no staff navigation');
  await page.getByTestId('warning-emergency').getByText('すぐに110番へ').waitFor();
  const notes = page.getByTestId('warning-notes');
  await notes.getByText(/「被害届」ではありません/).waitFor();
  await notes.getByText(/捜査の進み具合/).waitFor();
  await notes.getByText(/数日かかる/).waitFor();
  await page.getByRole('radio', { name: '情報提供', exact: true }).waitFor();
  assert.ok(await fitsWidth(page), 'the form fits a 390 px screen');
  await shotFromTop(page, '80-report-form-phone');
});

test('an empty summary is refused beside the field in Japanese, before anything is sent', async () => {
  const sent: string[] = [];
  const onRequest = (request: { method(): string; url(): string }) => {
    if (request.method() === 'POST') sent.push(request.url());
  };
  page.on('request', onRequest);
  await chooseKind(page, '通報', '個人');
  await field(page, '分類').selectOption({ label: '詐欺・悪質商法' });
  await page.getByRole('button', { name: '送信する' }).click();
  const summary = field(page, '概要(200文字以内)');
  await page.getByTestId('report-field-errors').waitFor();
  assert.equal(await summary.getAttribute('aria-invalid'), 'true');
  assert.match(await errorOf(summary), /必須項目です。/);
  assert.deepEqual(sent, [], 'nothing was posted');
  await shot(page, '81-report-summary-required');

  await switchLanguage(page, 'English');
  await page.getByRole('heading', { name: 'Report a cyber incident', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByText('This is required.').first().waitFor();
  await switchLanguage(page, '日本語');
  page.off('request', onRequest);
});

test('a citizen reports a phishing e-mail with script payloads and gets a receipt number', async () => {
  await page.goto('/report');
  await chooseKind(page, '通報', '個人');
  await field(page, '分類').selectOption({ label: '不正アクセス・コンピュータウイルス' });
  await field(page, '詳しい分類').selectOption({ label: 'フィッシング' });
  await page.getByRole('group', { name: '届いたメッセージについて' }).waitFor();

  await field(page, '概要(200文字以内)').fill(SUMMARY_PAYLOAD);
  await field(page, '詳しい内容').fill(DESCRIPTION);
  await field(page, '受け取った方法').selectOption({ label: 'メール' });
  await field(page, '誘導されたURL').fill('hxxps://amazon-co-jp[.]secure-check[.]top/signin?id=8812');
  await page.getByRole('checkbox', { name: 'IDやパスワード、カード番号などを入力してしまった' }).check();
  await page.getByText(/\.eml ファイルで添付してください/).waitFor();

  await page.getByTestId('attachments').locator('input[type="file"]').setInputFiles(emlPath);
  const attached = page.getByTestId('attachment-item');
  await attached.getByText('phishing.eml', { exact: true }).waitFor();
  await attached.getByText(/\d+(\.\d)? (byte|KB|kB)/).waitFor();
  await page.getByText(/3年間保管し/).waitFor();
  assert.equal(await page.locator('#report-website').getAttribute('tabindex'), '-1', 'the honeypot is out of the tab order');
  assert.equal(await xssValue(page), undefined);
  await shotFromTop(page, '82-report-phishing-filled');

  await page.getByRole('button', { name: '送信する' }).click();
  await page.getByRole('heading', { name: '受け付けました', level: 1 }).waitFor();
  receipt.receiptNo = (await page.getByTestId('receipt-no').textContent())?.trim() ?? '';
  receipt.code = (await page.getByTestId('follow-up-code').textContent())?.trim() ?? '';
  assert.match(receipt.receiptNo, /^IB-\d{4}-\d{6}$/);
  assert.ok(receipt.code.length >= 16, 'a follow-up code is shown');
  await page
    .getByTestId('receipt-write-down')
    .getByText(/この画面でしか表示されません/)
    .waitFor();
  assert.equal((await page.getByTestId('receipt-summary').textContent())?.trim(), SUMMARY_PAYLOAD, 'the payload is literal text');
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'no element was made from the payload');
  assert.ok(!page.url().includes(receipt.code), 'the code is not in the URL');
  assert.equal(await xssValue(page), undefined);
  assert.ok(await fitsWidth(page));
  await shotFromTop(page, '83-report-receipt');

  const item = await findItem(receipt.receiptNo);
  assert.equal(item.summary, SUMMARY_PAYLOAD.trim());
  assert.equal(item.description, DESCRIPTION);
  assert.equal(item.kind, 'report');
  assert.equal(item.category, 'unauthorized_access_malware');
  assert.equal(item.subcategory, 'phishing');
  assert.equal(item.channel, 'web_portal');
  assert.equal(item.contact, null);
  assert.deepEqual(item.details.phishing, { receivedVia: 'email', url: 'hxxps://amazon-co-jp[.]secure-check[.]top/signin?id=8812', credentialsEntered: true });
  assert.deepEqual(
    item.attachments.map((a) => a.filename),
    ['phishing.eml'],
  );
});

test('the citizen checks the stage with number and code, and adds information', async () => {
  await page.getByRole('link', { name: '受付状況を確認する' }).first().click();
  await page.getByRole('heading', { name: '受付状況の確認', level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/report/status');

  await field(page, '受理番号').fill(receipt.receiptNo);
  await field(page, '確認用コード').fill('wrong-code-1234567890abcd');
  await page.getByRole('button', { name: '確認する' }).click();
  await page.getByTestId('report-error').getByText('受理番号または確認用コードが正しくありません。').waitFor();

  await field(page, '確認用コード').fill(receipt.code);
  await page.getByRole('button', { name: '確認する' }).click();
  await page.getByTestId('status-stage').getByText('現在の状況: 確認中').waitFor();
  assert.equal(
    await page
      .locator('.stage-step[aria-current="step"]')
      .textContent()
      .then((text) => text?.includes('確認中')),
    true,
  );
  await page
    .getByTestId('status-submitted-at')
    .getByText(/JST|GMT\+9/)
    .waitFor();
  assert.ok(!page.url().includes(receipt.code), 'the code is not in the URL');
  const statusText = (await page.getByTestId('report-status').textContent()) ?? '';
  assert.ok(!statusText.includes('Amazon'), 'the status page shows nothing of the report itself');
  await shotFromTop(page, '84-report-status');

  await field(page, '追加する内容').fill('<b>追伸</b> 同じ送信元からSMSも届きました。');
  await page.getByTestId('add-attachments').locator('input[type="file"]').setInputFiles(emlPath);
  await page.getByRole('button', { name: '追加して送信' }).click();
  await page.getByTestId('add-done').waitFor();
  await page
    .getByTestId('status-additions')
    .getByText(/添付ファイル 1 件/)
    .waitFor();
  assert.equal(await xssValue(page), undefined);
  assert.ok(await fitsWidth(page));
  await shotFromTop(page, '85-report-status-added');

  const item = await findItem(receipt.receiptNo);
  assert.ok(item.notes.some((note) => note.authorKind === 'reporter' && note.body === '<b>追伸</b> 同じ送信元からSMSも届きました。'));
  assert.equal(item.attachments.length, 2);
});

test('a retry after a lost answer makes one report (Idempotency-Key)', async () => {
  await page.goto('/report');
  await chooseKind(page, '情報提供', '個人');
  await page.getByTestId('contact-not-asked').waitFor();
  await field(page, '分類').selectOption({ label: '違法・有害情報' });
  await field(page, '内容の種類').selectOption({ label: '犯罪実行者募集(闇バイト)' });
  await field(page, '概要(200文字以内)').fill('掲示板で「高額バイト」の募集を見つけた');
  await field(page, 'URL').fill('hxxps://bbs[.]example/thread/42');

  // The first answer is lost on the way back: the server has the report, the browser does not know.
  let lost = 0;
  await page.route('**/api/public/reports', async (route) => {
    if (lost > 0) return route.continue();
    lost += 1;
    await route.fetch();
    return route.abort('connectionreset');
  });
  await page.getByRole('button', { name: '送信する' }).click();
  await page
    .getByTestId('report-error')
    .getByText(/二重に受け付けられることはありません/)
    .waitFor();
  await page.getByRole('button', { name: '送信する' }).click();
  await page.getByRole('heading', { name: '受け付けました', level: 1 }).waitFor();
  await page.unroute('**/api/public/reports');
  const receiptNo = (await page.getByTestId('receipt-no').textContent())?.trim() ?? '';

  await server.koban.services.intake.drain();
  const actor = await intakeReader();
  const { items } = await server.koban.services.intake.queue(actor, { open: 'false', limit: 200 });
  assert.equal(items.filter((item) => item.summary === '掲示板で「高額バイト」の募集を見つけた').length, 1, 'one report, not two');
  const item = await findItem(receiptNo);
  assert.equal(item.kind, 'tip');
  assert.deepEqual(item.details.illegal, { url: 'hxxps://bbs[.]example/thread/42', ihcCategory: 'crime_recruitment' });
});

test('under load the browser solves the proof of work and the report still goes through', async () => {
  const { pow } = server.koban.services.intake;
  while (!pow.isRequired()) pow.noteSubmission();
  await page.goto('/report');
  await chooseKind(page, '相談', '会社・団体');
  await field(page, '分類').selectOption({ label: '不正アクセス・コンピュータウイルス' });
  await field(page, '詳しい分類').selectOption({ label: 'ランサムウェア' });
  await page.getByRole('checkbox', { name: '業務が停止している' }).check();
  await field(page, '侵入経路と思われるもの').selectOption({ label: 'VPN機器' });
  await field(page, '概要(200文字以内)').fill('社内のファイルサーバが暗号化された');
  await field(page, '氏名(会社・団体の場合はご担当者名)').fill('筑波 花子');
  await field(page, 'メールアドレス').fill('hanako@example.co.jp');
  await page.getByRole('button', { name: '送信する' }).click();
  await page.getByRole('checkbox', { name: /上記の目的と保管期間に同意して/ }).waitFor();
  assert.match(await errorOf(page.getByRole('checkbox', { name: /上記の目的と保管期間に同意して/ })), /同意が必要です/);
  await page.getByRole('checkbox', { name: /上記の目的と保管期間に同意して/ }).check();
  await shotFromTop(page, '86-report-consultation-contact');

  await page.getByRole('button', { name: '送信する' }).click();
  await page.getByTestId('report-pow-wait').waitFor({ timeout: 5_000 });
  await page.getByRole('heading', { name: '受け付けました', level: 1 }).waitFor({ timeout: 120_000 });
  const receiptNo = (await page.getByTestId('receipt-no').textContent())?.trim() ?? '';
  const item = await findItem(receiptNo);
  assert.equal(item.kind, 'consultation');
  assert.equal(item.contact?.email, 'hanako@example.co.jp');
  assert.ok(item.consentAt, 'consent is recorded');
  assert.deepEqual(item.details.incident, { infectionVector: 'vpn', operationsStopped: true });
});

test('no script errors or CSP violations', () => {
  assert.deepEqual(problems, []);
});
