// 観測情報: an analyst records a text with a defanged URL, a full-width phone number and an IP
// through the UI, finds them again by defanged search, sees the IP's country/AS enrichment and a
// sighting in a source of another unit shown only by its owner; then a bulk lookup of a known, an
// unknown and an unrecognisable value. Screenshots at desktop and phone width.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { createUser, field, launchBrowser, logInFirstTime, NEW_PASSWORD, openPage, shot, startKoban, submitLogin, type RunningKoban } from './support.ts';

const REPORT = [
  '相談者から転送されたSMSの内容です。',
  '「お荷物をお届けにあがりましたが不在のため持ち帰りました。hxxps://evil-shop[.]example-pay.top/login で確認してください」',
  '折り返し先: ０９０－１２３４－５６７８',
  '不正ログイン元: 45.137.21.9(社内ルーター 192.168.1.1 経由)',
].join('\n');
const SOURCE_ID = '水戸-相談-2026-0117';

let server: RunningKoban;
let browser: Browser;
let page: Page;
let problems: string[];
let ipPath = '';

before(async () => {
  [server, browser] = await Promise.all([startKoban(), launchBrowser()]);
  ({ page, problems } = await openPage(browser, server.baseUrl));
  const { initialPassword } = await createUser(server.koban, 'tsukuba.analyst', ['cyber_analyst'], '筑波 花子');
  await logInFirstTime(page, 'tsukuba.analyst', initialPassword);
  await page.getByText('ようこそ、筑波 花子 さん。').waitFor();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function searchFor(target: Page, value: string): Promise<void> {
  await field(target, '値を検索').fill(value);
  await target.getByRole('button', { name: '検索', exact: true }).click();
}

/**
 * Sets a long multi-line value in one input event, as a paste does. locator.fill() types it with
 * Chromium's insertText, which takes seconds per thousand lines.
 */
async function pasteInto(target: Locator, text: string): Promise<void> {
  await target.evaluate((element, value) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    setValue?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** A full-page screenshot from the top, so the fixed header is not drawn over the middle. */
async function shotFromTop(target: Page, name: string): Promise<void> {
  await target.evaluate(() => window.scrollTo(0, 0));
  await shot(target, name);
}

async function fitsWidth(target: Page): Promise<boolean> {
  return target.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test('the analyst extracts and records a text, then finds the URL by a defanged search', async () => {
  const nav = page.getByRole('navigation', { name: 'メインメニュー' });
  await nav.getByRole('link', { name: '観測情報' }).click();
  await page.getByRole('heading', { name: '観測情報', level: 1 }).waitFor();

  await field(page, 'テキストから抽出').fill(REPORT);
  await page.getByRole('button', { name: '抽出', exact: true }).click();
  const hits = page.getByTestId('extract-table');
  await hits.waitFor();
  for (const value of ['https://evil-shop.example-pay.top/login', '+819012345678', '45.137.21.9', '192.168.1.1']) {
    await hits.getByText(value, { exact: true }).waitFor();
  }
  await hits.locator('tr', { hasText: '192.168.1.1' }).getByText('警告: プライベートアドレス').waitFor();
  assert.equal(await hits.getByRole('link').count(), 0, 'extracted values are inert text, not links');

  await field(page, '資料ID').fill(SOURCE_ID);
  await page.getByRole('button', { name: '記録', exact: true }).click();
  await page
    .getByTestId('record-result')
    .getByText(/件の観測情報を記録しました/)
    .waitFor();
  await shotFromTop(page, '52-observables-extract');

  // The bare domain may or may not be stored on its own (the URL is): either answer is fine here.
  await searchFor(page, 'evil-shop[.]example-pay[.]top');
  const unknown = page.getByTestId('search-unknown');
  await Promise.race([unknown.waitFor(), page.getByRole('heading', { name: '観測情報の詳細', level: 1 }).waitFor()]);
  if (await unknown.isVisible()) {
    await unknown.getByText('未登録の値です').waitFor();
    await unknown.getByText('ドメイン', { exact: true }).waitFor();
    await unknown.getByText('evil-shop.example-pay.top', { exact: true }).waitFor();
  } else {
    await page.goto('/observables');
  }

  await searchFor(page, 'hxxps://evil-shop[.]example-pay[.]top/login');
  await page.getByRole('heading', { name: '観測情報の詳細', level: 1 }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/observables\/\d+$/);
  await page.getByTestId('observable-type').getByText('URL').waitFor();
  assert.equal((await page.getByTestId('observable-value').textContent())?.trim(), 'https://evil-shop.example-pay.top/login');
  assert.equal(await page.getByTestId('observable-summary').getByRole('link').count(), 0, 'the value is not a link');
  const sightings = page.getByTestId('sightings-table');
  await sightings.locator('tr', { hasText: SOURCE_ID }).getByText('手入力').waitFor();
  await sightings
    .getByText(/JST|GMT\+9/)
    .first()
    .waitFor();
});

test('the IP page shows country and AS with their data date, and a restricted sighting by its unit', async () => {
  const mito = (await server.koban.services.units.list()).find((unit) => unit.code === 'station_mito');
  assert.ok(mito, 'the seed has 水戸警察署');
  await server.koban.services.observables.recordText(
    { type: 'system', id: null },
    { sourceType: 'case', sourceId: 'R8-水戸-0042', ownerUnitId: mito.id, restricted: true },
    '攻撃元 45.137.21.9',
    null,
  );

  await page.goto('/observables');
  await searchFor(page, '４５．１３７．２１．９');
  await page.getByRole('heading', { name: '観測情報の詳細', level: 1 }).waitFor();
  ipPath = new URL(page.url()).pathname;
  await page.getByTestId('observable-type').getByText('IPv4アドレス').waitFor();
  const enrichment = page.getByTestId('enrichment-table');
  const geo = enrichment.locator('tr[data-key="country"], tr[data-key="asn"]');
  assert.ok((await geo.count()) > 0, 'a country or AS row is shown for 45.137.21.9');
  await enrichment
    .getByText(/^データ日付 \d{4}-\d{2}-\d{2}$/)
    .first()
    .waitFor();

  const sightings = page.getByTestId('sightings-table');
  await sightings.getByText(SOURCE_ID).waitFor();
  await sightings.getByText('閲覧権限のない資料に一致(所管: 水戸警察署)').waitFor();
  assert.equal(await sightings.getByText('R8-水戸-0042').count(), 0, 'the restricted source id is not shown');
  await shotFromTop(page, '50-observable');
});

test('bulk lookup: the 10,000 limit is enforced, then known / unknown / unrecognised are told apart', async () => {
  await page.getByRole('navigation', { name: '観測情報のページ' }).getByRole('link', { name: '一括照合' }).click();
  await page.getByRole('heading', { name: '一括照合', level: 1 }).waitFor();
  const values = field(page, '照合する値(1 行に 1 件)');

  await pasteInto(values, Array.from({ length: 10_001 }, (_, index) => `198.51.100.${String(index % 250)}`).join('\n'));
  await page.getByTestId('lookup-count').getByText('10,001 件 / 上限 10,000 件').waitFor();
  await page.getByRole('button', { name: '照合', exact: true }).click();
  await page.getByText('一度に照合できるのは 10,000 件までです(現在 10,001 件)。分割してください。').waitFor();
  assert.equal(await values.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByTestId('lookup-table').count(), 0, 'nothing was sent');

  await values.fill(['45[.]137[.]21[.]9', 'hxxp://unseen-parcel[.]example/track', 'これは値ではありません'].join('\n'));
  await page.getByTestId('lookup-count').getByText('3 件 / 上限 10,000 件').waitFor();
  await page.getByRole('button', { name: '照合', exact: true }).click();
  await page.getByTestId('lookup-summary').getByText('既知 1 件 / 3 件').waitFor();
  const rows = page.getByTestId('lookup-table').locator('tbody tr');
  assert.equal(await rows.count(), 3);
  const results = await page.getByTestId('lookup-result').allTextContents();
  assert.deepEqual(
    results.map((text) => text.trim()),
    ['既知詳細', '未登録', '認識できません'],
  );
  await rows.nth(0).getByText('45.137.21.9', { exact: true }).waitFor();
  await rows.nth(0).getByRole('cell', { name: '2', exact: true }).first().waitFor();
  await rows.nth(1).getByText('http://unseen-parcel.example/track', { exact: true }).waitFor();
  await shotFromTop(page, '51-lookup');

  await page.getByRole('switch', { name: '既知のみ表示' }).check({ force: true });
  assert.equal(await rows.count(), 1);
  await rows.first().getByRole('link', { name: '45.137.21.9 の詳細' }).click();
  await page.getByRole('heading', { name: '観測情報の詳細', level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, ipPath);
  assert.deepEqual(problems, []);
});

test('phone width 375: the observable and lookup pages fit', async () => {
  const phone = await openPage(browser, server.baseUrl, { width: 375, height: 740 });
  const mobile = phone.page;
  await mobile.goto(ipPath);
  await submitLogin(mobile, 'tsukuba.analyst', NEW_PASSWORD);
  await mobile.getByRole('heading', { name: '観測情報の詳細', level: 1 }).waitFor();
  await mobile.getByTestId('enrichment-table').waitFor();
  assert.equal(await fitsWidth(mobile), true, 'no horizontal scrolling on the observable page');
  await shotFromTop(mobile, '50-observable-375');

  await mobile.goto('/observables/lookup');
  await mobile.getByRole('heading', { name: '一括照合', level: 1 }).waitFor();
  await field(mobile, '照合する値(1 行に 1 件)').fill(['45.137.21.9', 'hxxps://evil-shop[.]example-pay.top/login', '8.8.8.8', 'foo'].join('\n'));
  await mobile.getByRole('button', { name: '照合', exact: true }).click();
  await mobile.getByTestId('lookup-summary').getByText('既知 2 件 / 4 件').waitFor();
  assert.equal(await fitsWidth(mobile), true, 'no horizontal scrolling on the lookup page');
  await shotFromTop(mobile, '51-lookup-375');

  await mobile.goto('/observables');
  await mobile.getByRole('heading', { name: '観測情報', level: 1 }).waitFor();
  assert.equal(await fitsWidth(mobile), true, 'no horizontal scrolling on the search page');
  await shotFromTop(mobile, '52-observables-375');
  assert.deepEqual(phone.problems, []);
  await phone.context.close();
});
