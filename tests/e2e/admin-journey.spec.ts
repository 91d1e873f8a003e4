// (a) An administrator's first log-in: one-time password → new password → TOTP enrolment →
// recovery codes → shell; log-out; log-in again with a TOTP code.
// (c) The administrator creates a user and sees the one-time password.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  createUser,
  field,
  freshTotpCode,
  launchBrowser,
  NEW_PASSWORD,
  openPage,
  shot,
  startKoban,
  submitLogin,
  totpCode,
  type RunningKoban,
} from './support.ts';

let server: RunningKoban;
let browser: Browser;
let page: Page;
let problems: string[];

before(async () => {
  [server, browser] = await Promise.all([startKoban(), launchBrowser()]);
  ({ page, problems } = await openPage(browser, server.baseUrl));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('(a) admin enrols TOTP on first log-in, logs out and logs in again with TOTP', async () => {
  const { initialPassword } = await createUser(server.koban, 'kanri', ['admin'], '管理 太郎');

  await page.goto('/home');
  await page.getByRole('heading', { name: 'ログイン' }).waitFor();
  assert.equal(await page.title(), 'ログイン | Koban');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
  await shot(page, '01-login');

  await submitLogin(page, 'kanri', 'wrong-password-123');
  await page.getByRole('alert').getByText('ユーザー名またはパスワードが正しくありません。').waitFor();
  await page.getByText('コード: auth.invalid_credentials').waitFor();
  await shot(page, '02-login-error');

  await submitLogin(page, 'kanri', initialPassword);
  await page.getByRole('heading', { name: 'パスワードの変更' }).waitFor();
  await field(page, '現在のパスワード(通知された初期パスワード)').fill(initialPassword);
  await field(page, '新しいパスワード').fill('short');
  await field(page, '新しいパスワード(確認)').fill('short');
  await page.getByRole('button', { name: 'パスワードを変更' }).click();
  await page.getByText('12 文字以上にしてください。').waitFor();
  await field(page, '新しいパスワード').fill(NEW_PASSWORD);
  await field(page, '新しいパスワード(確認)').fill(NEW_PASSWORD);
  await shot(page, '03-password-change');
  await page.getByRole('button', { name: 'パスワードを変更' }).click();

  await page.getByRole('heading', { name: '二要素認証の設定' }).waitFor();
  await page.getByRole('button', { name: '設定を開始' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  assert.match(secret, /^[A-Z2-7]{16,}$/, 'the TOTP secret is shown as base32 text');
  await page.getByText('otpauth://totp/').waitFor();
  await shot(page, '04-totp-enrolment');
  const enrolledAt = new Date();
  await field(page, '確認コード(6 桁)').fill(await totpCode(secret, enrolledAt));
  await page.getByRole('button', { name: '登録を完了' }).click();

  await page.getByRole('heading', { name: 'リカバリーコード' }).waitFor();
  const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
  assert.equal(codes.length, 10);
  for (const code of codes) assert.match(code.trim(), /^[a-z0-9]{5}-[a-z0-9]{5}$/);
  await shot(page, '05-recovery-codes');
  await page.getByRole('button', { name: '保管しました。続行する' }).click();

  await page.getByRole('heading', { name: 'ホーム' }).waitFor();
  await page.getByText('ようこそ、管理 太郎 さん。').waitFor();
  const nav = page.getByRole('navigation', { name: 'メインメニュー' });
  for (const item of ['部署一覧', '利用者管理', '監査ログ', 'APIトークン']) await nav.getByRole('link', { name: item }).waitFor();
  await nav.getByText('対抗措置', { exact: true }).waitFor();
  assert.equal(await nav.getByRole('link', { name: /対抗措置/ }).count(), 0, 'coming-soon modules are not links yet');
  assert.equal(await nav.getByText('事件', { exact: true }).count(), 0, 'cases are not listed without case.read');
  await nav.getByText('業務モジュール(準備中)').waitFor();
  await shot(page, '06-home');

  await page.getByRole('button', { name: 'ログアウト' }).click();
  await page.getByRole('heading', { name: 'ログイン' }).waitFor();
  await submitLogin(page, 'kanri', NEW_PASSWORD);
  await page.getByRole('heading', { name: '二要素認証' }).waitFor();
  await shot(page, '07-totp-login');
  await field(page, '確認コード').fill(await freshTotpCode(secret, enrolledAt));
  await page.getByRole('button', { name: '確認' }).click();
  await page.getByText('ようこそ、管理 太郎 さん。').waitFor();
});

test('units directory shows the tree, a unit with its liaison, and the general manager', async () => {
  await page.getByRole('navigation').getByRole('link', { name: '部署一覧' }).click();
  await page.getByRole('heading', { name: '部署一覧', level: 1 }).waitFor();
  assert.equal(await page.title(), '部署一覧 | Koban');
  await page.getByTestId('general-manager').getByText('サイバーセキュリティ総括責任者').waitFor();
  await page.getByRole('button', { name: '警察署(27)' }).click();
  await page.getByRole('link', { name: '水戸警察署' }).click();
  await page.getByRole('heading', { name: '水戸警察署', level: 2 }).waitFor();
  assert.match(page.url(), /\/units\/[^/]+$/);
  const liaison = page.getByTestId('unit-liaison');
  await liaison.getByText('未設定').waitFor();
  await liaison.getByRole('button', { name: '連携担当者を変更' }).click();
  await field(liaison, '連携担当者に指定する利用者').click();
  await page.getByRole('option', { name: '管理 太郎 (kanri)' }).click();
  await liaison.getByRole('button', { name: '保存' }).click();
  await liaison.getByText('管理 太郎(kanri)').waitFor();
  await shot(page, '08-units');
});

test('(c) admin creates a user and sees the one-time password once', async () => {
  await page.getByRole('navigation').getByRole('link', { name: '利用者管理' }).click();
  await page.getByRole('heading', { name: '利用者管理', level: 1 }).waitFor();
  await page.getByRole('button', { name: '利用者を追加' }).click();
  const dialog = page.getByRole('dialog', { name: '利用者の追加' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '追加' }).click();
  await dialog.getByText('役割を 1 つ以上選択してください。').waitFor();
  await field(dialog, 'ユーザー名').fill('mito.sato');
  await field(dialog, '表示名').fill('佐藤 花子');
  await dialog.getByRole('checkbox', { name: '警察署員' }).check();
  await shot(page, '09-create-user-form');
  await dialog.getByRole('button', { name: '追加' }).click();

  const done = page.getByRole('dialog', { name: '利用者を追加しました' });
  await done.getByText('佐藤 花子(mito.sato)の初期パスワード').first().waitFor();
  const password = (await done.getByTestId('initial-password').textContent())?.trim() ?? '';
  assert.ok(password.length >= 12, `one-time password shown (${password})`);
  await done.getByText('この値は今回限り表示されます。').waitFor();
  await shot(page, '10-created-user');
  await done.getByRole('button', { name: '閉じる' }).click();
  const row = page.locator('tr', { hasText: 'mito.sato' });
  await row.getByText('パスワード変更待ち').waitFor();

  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'mito.sato', password }),
  });
  assert.equal(login.status, 200, 'the password shown on screen is the one the server issued');
});

test('audit log lists entries and verifies the chain', async () => {
  await page.getByRole('navigation').getByRole('link', { name: '監査ログ' }).click();
  await page.getByRole('heading', { name: '監査ログ', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'user.created' }).first().waitFor();
  await page.getByRole('button', { name: '改ざん検証を実行' }).click();
  await page.getByTestId('audit-verdict').getByText('検証結果: 正常').waitFor();
  await shot(page, '11-audit');
  assert.deepEqual(problems, []);
});
