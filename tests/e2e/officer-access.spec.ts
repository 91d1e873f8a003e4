// (b) Language switch to English and back; (d) a station officer gets the 403 page for the
// users admin page; 404 page; API tokens; (e) phone width: login page and burger navigation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  createUser,
  field,
  launchBrowser,
  logInFirstTime,
  NEW_PASSWORD,
  openPage,
  shot,
  startKoban,
  submitLogin,
  switchLanguage,
  type RunningKoban,
} from './support.ts';

let server: RunningKoban;
let browser: Browser;
let page: Page;
let problems: string[];

before(async () => {
  [server, browser] = await Promise.all([startKoban(), launchBrowser()]);
  ({ page, problems } = await openPage(browser, server.baseUrl));
  const { initialPassword } = await createUser(server.koban, 'mito.officer', ['station_officer'], '水戸 一郎');
  await logInFirstTime(page, 'mito.officer', initialPassword);
  await page.getByText('ようこそ、水戸 一郎 さん。').waitFor();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('(d) a station officer opening the users admin page gets the 403 page', async () => {
  const nav = page.getByRole('navigation', { name: 'メインメニュー' });
  await nav.getByRole('link', { name: '部署一覧' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: '利用者管理' }).count(), 0, 'no users admin link without user.manage');
  assert.equal(await nav.getByRole('link', { name: '監査ログ' }).count(), 0, 'no audit link without audit.read');

  await page.goto('/admin/users');
  await page.getByRole('heading', { name: 'アクセス権限がありません (403)', level: 1 }).waitFor();
  await page.getByText('このページを表示する権限がありません。').waitFor();
  assert.equal(await page.getByRole('heading', { name: '利用者管理' }).count(), 0);
  assert.equal(await page.title(), 'アクセス権限がありません (403) | Koban');
  await shot(page, '20-forbidden');

  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: '本文へ移動' });
  assert.equal(await skipLink.evaluate((link) => link === document.activeElement), true, 'the skip link is the first stop');
  assert.equal(await skipLink.isVisible(), true);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');

  await page.goto('/audit');
  await page.getByTestId('forbidden-page').waitFor();

  await page.goto('/no-such-page');
  await page.getByRole('heading', { name: 'ページが見つかりません (404)', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'ホームへ戻る' }).click();
  await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
});

test('(b) the language switches to English and back, with html lang and titles', async () => {
  await switchLanguage(page, 'English');
  await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
  await page.getByText('Welcome, 水戸 一郎.').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.title(), 'Home | Koban');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Units' }).waitFor();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  const cookies = await page.context().cookies();
  assert.equal(cookies.find((cookie) => cookie.name === 'koban_lang')?.value, 'en');
  await shot(page, '21-home-english');

  await page.reload();
  await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the choice survives a reload');

  await page.goto('/admin/users');
  await page.getByRole('heading', { name: 'Access denied (403)', level: 1 }).waitFor();

  await switchLanguage(page, '日本語');
  await page.getByRole('heading', { name: 'アクセス権限がありません (403)', level: 1 }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
  assert.equal((await page.context().cookies()).find((cookie) => cookie.name === 'koban_lang')?.value, 'ja');
});

test('API tokens: create one, see it once, revoke it', async () => {
  await page.getByRole('navigation').getByRole('link', { name: 'APIトークン' }).click();
  await page.getByRole('heading', { name: 'APIトークン', level: 1 }).waitFor();
  await page.getByText('発行済みのトークンはありません。').waitFor();
  await field(page, '名前').fill('集計スクリプト');
  await page.getByRole('checkbox', { name: '部署の閲覧 (unit.read)' }).check();
  await page.getByRole('button', { name: '発行', exact: true }).click();
  const token = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
  assert.ok(token.length > 20, 'the new token is shown');
  const row = page.locator('tr', { hasText: '集計スクリプト' });
  await row.waitFor();
  await shot(page, '22-tokens');

  const units = await fetch(`${server.baseUrl}/api/units`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(units.status, 200, 'the token shown on screen works');

  await row.getByRole('button', { name: 'トークン「集計スクリプト」を失効' }).click();
  await page.getByRole('dialog', { name: 'トークンの失効' }).getByRole('button', { name: '失効' }).click();
  await row.getByText('失効済み').waitFor();
  const revoked = await fetch(`${server.baseUrl}/api/units`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(revoked.status, 401);
  assert.deepEqual(problems, []);
});

test('(e) phone width 375×740: login page and burger navigation work', async () => {
  const phone = await openPage(browser, server.baseUrl, { width: 375, height: 740 });
  const mobile = phone.page;
  await mobile.goto('/units');
  await mobile.getByRole('heading', { name: 'ログイン' }).waitFor();
  await shot(mobile, '30-phone-login');
  assert.equal(await mobile.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no horizontal scrolling on the login page');
  await submitLogin(mobile, 'mito.officer', NEW_PASSWORD);

  await mobile.getByRole('heading', { name: '部署一覧', level: 1 }).waitFor();
  const burger = mobile.getByRole('button', { name: 'メニューを開閉' });
  await burger.waitFor();
  const navLink = mobile.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'APIトークン' });
  assert.equal(await navLink.isVisible(), false, 'the navbar is collapsed at phone width');
  await shot(mobile, '31-phone-units');

  await burger.click();
  await navLink.waitFor({ state: 'visible' });
  assert.equal(await burger.getAttribute('aria-expanded'), 'true');
  await shot(mobile, '32-phone-nav-open');
  await navLink.click();
  await mobile.getByRole('heading', { name: 'APIトークン', level: 1 }).waitFor();
  await navLink.waitFor({ state: 'hidden' });

  await burger.click();
  await mobile.getByRole('navigation').getByRole('button', { name: 'ログアウト' }).click();
  await mobile.getByRole('heading', { name: 'ログイン' }).waitFor();
  assert.deepEqual(phone.problems, []);
  await phone.context.close();
});
