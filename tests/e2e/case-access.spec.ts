// M3.2c need-to-know across units: a cyber investigator and a 水戸署 officer each record the same
// attacker IP on their own case through the 観測情報 panel. The officer sees the match only as
// 他所属の事件(サイバー捜査課), without its number, and asks for access; the cyber case's lead
// sees the request (its reason as text), grants it, and the officer can then open the case.
// Screenshots of both panels at desktop and phone width.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { actorOf, createUser, field, launchBrowser, logInFirstTime, openPage, shot, startKoban, unitIdOf } from './support.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };
const ATTACKER_IP = '45.137.21.9';
const REASON = '同一 IP からの不正アクセスを捜査中。<b>照合</b>のため閲覧したい。';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Opens a case page and records a text through the observables textarea. */
async function recordOnCase(page: Page, caseId: string, caseNo: string, text: string): Promise<void> {
  await page.goto(`/cases/${caseId}`);
  await page.getByRole('heading', { name: `事件 ${caseNo}`, level: 1 }).waitFor();
  const panel = page.getByTestId('case-observables');
  await panel.getByText('観測情報はまだ登録されていません。').waitFor();
  await field(panel, '資料のテキスト').fill(text);
  await panel.getByRole('button', { name: 'テキストから観測情報を登録' }).click();
  await panel.getByTestId('case-observables-recorded').getByText('登録しました。新しい観測情報: 1 件').waitFor();
  const entry = panel.getByTestId('case-observable-list').locator('li');
  await entry.getByText('IPv4アドレス').waitFor();
  await entry.getByRole('link', { name: ATTACKER_IP }).waitFor();
}

/** Both widths: nothing wider than a phone, and a screenshot of the panel at each. */
async function shootPanels(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
  await page.setViewportSize(PHONE);
  await page.waitForFunction(() => (document.querySelector('h1')?.getBoundingClientRect().left ?? 0) < 24, null, { timeout: 3000 });
  const fits = await page
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 3000 })
    .then(() => true)
    .catch(() => false);
  assert.equal(fits, true, `${name} fits a phone screen`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

test('a station officer finds a cyber case through a shared IP, asks for access; the lead grants it', async () => {
  const server = await startKoban();
  try {
    const cyberId = await unitIdOf(server, 'cyber_investigation');
    const mitoId = await unitIdOf(server, 'station_mito');
    const lead = await createUser(server.koban, 'tsukuba.investigator', ['cyber_investigator'], '筑波 次郎', { unitId: cyberId });
    const officer = await createUser(server.koban, 'mito.officer', ['station_officer'], '水戸 四郎', { unitId: mitoId });
    const cases = server.koban.services.cases;
    const cyberCase = await cases.create(
      actorOf(lead.user.id, cyberId, 'cyber_investigator'),
      { title: '製造業者へのランサムウェア攻撃', priority: 'high', sensitive: false, description: '' },
      null,
    );
    const mitoCase = await cases.create(
      actorOf(officer.user.id, mitoId, 'station_officer'),
      { title: '通販サイトへの不正ログイン', priority: 'normal', sensitive: false, description: '' },
      null,
    );

    const cyber = await openPage(browser, server.baseUrl);
    await logInFirstTime(cyber.page, 'tsukuba.investigator', lead.initialPassword);
    await cyber.page.getByText('ようこそ、筑波 次郎 さん。').waitFor();
    await recordOnCase(cyber.page, cyberCase.id, cyberCase.caseNo, `VPN ログ: 不審な接続元 ${ATTACKER_IP} (2026-11-20 03:12)`);
    await cyber.page.getByTestId('case-hits').getByText('一致する事件・受理案件はありません。').waitFor();
    assert.equal(await cyber.page.getByTestId('case-access-requests').count(), 0, 'no access-request card before anyone asks');

    const mito = await openPage(browser, server.baseUrl);
    await logInFirstTime(mito.page, 'mito.officer', officer.initialPassword);
    await mito.page.getByText('ようこそ、水戸 四郎 さん。').waitFor();
    await recordOnCase(mito.page, mitoCase.id, mitoCase.caseNo, `ログイン元 ${ATTACKER_IP}`);
    const hits = mito.page.getByTestId('case-hits');
    const hidden = hits.getByTestId('case-hit-hidden');
    await hidden.getByText('他所属の事件(サイバー捜査課)と一致: 共通 1 件').waitFor();
    assert.equal(await hits.getByText(cyberCase.caseNo).count(), 0, 'the other unit’s case number is not shown');
    assert.equal(await mito.page.getByText('製造業者へのランサムウェア攻撃').count(), 0, 'nor its title');

    await hits.getByRole('button', { name: '閲覧を申請' }).click();
    await hits.getByRole('button', { name: '申請する' }).click();
    await hits.getByText('入力してください', { exact: false }).waitFor();
    await field(hits, '申請理由').fill(REASON);
    await shootPanels(mito.page, '90-case-hit-request');
    await hits.getByRole('button', { name: '申請する' }).click();
    await hits.getByTestId('access-requested').getByText('申請しました').waitFor();

    await mito.page.goto(`/cases/${cyberCase.id}`);
    await mito.page.getByTestId('not-found-page').waitFor();
    // The officer starts a second request, which the lead's grant below overtakes.
    await mito.page.goto(`/cases/${mitoCase.id}`);
    await hits.getByRole('button', { name: '閲覧を申請' }).click();
    await field(hits, '申請理由').fill('再申請');

    await cyber.page.reload();
    const requests = cyber.page.getByTestId('case-access-requests');
    const request = requests.locator('li[data-status="pending"]');
    await request.getByText('水戸 四郎').waitFor();
    await request.getByText('審査中').waitFor();
    const reason = request.getByTestId('access-request-reason');
    assert.equal(await reason.textContent(), REASON, 'the reason is shown as written');
    assert.equal(await reason.locator('*').count(), 0, 'the reason is text, not markup');
    await shootPanels(cyber.page, '91-case-access-requests');
    await request.getByRole('button', { name: '水戸 四郎 の申請を許可' }).click();
    await requests.locator('li[data-status="granted"]').getByText('許可').waitFor();
    await requests.getByText(/処理: .*(筑波 次郎)/).waitFor();
    await cyber.page.getByTestId('case-members').locator(`li[data-user-id="${officer.user.id}"]`).getByText('水戸 四郎').waitFor();
    assert.equal(await requests.getByRole('button', { name: /申請を(許可|却下)$/ }).count(), 0, 'a decided request has no buttons');
    await shootPanels(cyber.page, '92-case-access-granted');

    await hits.getByRole('button', { name: '申請する' }).click();
    await hits.getByRole('alert').getByText('既にこの事件を閲覧できます。').waitFor();
    await mito.page.reload();
    await hits.getByRole('link', { name: `事件 ${cyberCase.caseNo}` }).click();
    await mito.page.getByRole('heading', { name: `事件 ${cyberCase.caseNo}`, level: 1 }).waitFor();
    await mito.page.getByTestId('case-title').getByText('製造業者へのランサムウェア攻撃').waitFor();
    assert.equal(await mito.page.getByTestId('case-access-requests').getByRole('button', { name: /許可/ }).count(), 0, 'only the lead decides');

    assert.deepEqual(cyber.problems, []);
    assert.deepEqual(mito.problems, []);
    await cyber.context.close();
    await mito.context.close();
  } finally {
    await server.close();
  }
});
