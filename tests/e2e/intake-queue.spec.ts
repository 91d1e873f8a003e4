// M2.1b triage: two citizens report the same phishing URL through the public API; a cyber
// investigator finds the second report in the queue, sees the URL among its observables and a hit
// naming the first report's receipt number, takes it and opens a case. Then escalation: an item
// left unclaimed past its deadline (on a manual clock) mails the cyber division's liaison through
// a real SMTP server and rings the bell in the header. Screenshots at desktop and phone width.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '#kernel/auth/index.ts';
import { createManualClock } from '#kernel/clock.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createUser, launchBrowser, logInFirstTime, openPage, shot, startKoban, type RunningKoban } from './support.ts';

const PHISHING_URL = 'https://secure-login.example-bank-jp.top/verify/account';
const CYBER_DIVISION = 'cyber_investigation';
const PHONE = { width: 390, height: 844 };
/** Markup a reporter typed: it must come back as the same characters, never as elements. */
const MARKUP = '<img src=x onerror="document.title=1"><b>太字</b>';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function submitPhishingReport(baseUrl: string, summary: string, remark = ''): Promise<string> {
  const response = await fetch(`${baseUrl}/api/public/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'ja' },
    body: JSON.stringify({
      kind: 'report',
      reporterType: 'individual',
      category: 'unauthorized_access_malware',
      subcategory: 'phishing',
      summary,
      description: `銀行を名乗るSMSが届き、${PHISHING_URL} に誘導されました。${remark}`,
      details: { phishing: { url: PHISHING_URL } },
    }),
  });
  const body = await response.text();
  assert.equal(response.status, 201, body);
  const receipt: unknown = JSON.parse(body);
  assert.ok(typeof receipt === 'object' && receipt !== null && 'receiptNo' in receipt && typeof receipt.receiptNo === 'string');
  return receipt.receiptNo;
}

async function cyberDivisionId(server: RunningKoban): Promise<string> {
  const unitId = await server.koban.services.units.findIdByCode(CYBER_DIVISION);
  assert.ok(unitId, 'the seed has the cyber division');
  return unitId;
}

/** A full-page screenshot from the top, so the fixed header is not drawn over the middle. */
async function shotFromTop(target: Page, name: string): Promise<void> {
  await target.evaluate(() => window.scrollTo(0, 0));
  await shot(target, name);
}

/** True once nothing is wider than the window (the shell's navbar slides away after a resize). */
async function fitsWidth(target: Page): Promise<boolean> {
  return target
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 3000 })
    .then(() => true)
    .catch(() => false);
}

test('an investigator finds the second phishing report, sees the shared URL and the first receipt, takes it and opens a case', async () => {
  const server = await startKoban();
  try {
    const unitId = await cyberDivisionId(server);
    const { initialPassword } = await createUser(server.koban, 'mito.investigator', ['cyber_investigator'], '水戸 一郎', { unitId });
    const first = await submitPhishingReport(server.baseUrl, '銀行を装うSMSのリンクを開いてしまった');
    const second = await submitPhishingReport(server.baseUrl, '同じ銀行名のSMSが家族にも届いた', MARKUP);
    await server.koban.services.intake.drain();

    const { page, problems } = await openPage(browser, server.baseUrl);
    await logInFirstTime(page, 'mito.investigator', initialPassword);
    await page.getByText('ようこそ、水戸 一郎 さん。').waitFor();

    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '受理・振分け' }).click();
    await page.getByRole('heading', { name: '振分けキュー', level: 1 }).waitFor();
    const queue = page.getByTestId('queue-table');
    const row = queue.locator('tr', { hasText: second });
    await row.waitFor();
    await row.getByText('通常').waitFor();
    await row.getByText('不正アクセス・コンピュータウイルス / フィッシング').waitFor();
    await row.getByText('サイバー捜査課').waitFor();
    await row.getByText('振分け済み').waitFor();
    await row.getByText(/JST|GMT\+9/).waitFor();
    await queue.locator('tr', { hasText: first }).waitFor();
    await shotFromTop(page, '60-intake-queue');

    await page.setViewportSize(PHONE);
    const card = page.getByTestId('queue-cards').locator('li', { hasText: second });
    await card.getByRole('link', { name: second }).waitFor();
    assert.equal(await fitsWidth(page), true, 'the queue fits a phone screen');
    await shotFromTop(page, '61-intake-queue-phone');
    await page.setViewportSize({ width: 1280, height: 860 });

    await row.getByRole('link', { name: second }).click();
    await page.getByRole('heading', { name: `受理案件 ${second}`, level: 1 }).waitFor();
    await page.getByTestId('item-title').getByText('同じ銀行名のSMSが家族にも届いた').waitFor();
    await page.getByTestId('item-details').getByText(PHISHING_URL, { exact: true }).waitFor();
    await page.getByTestId('item-description').getByText(MARKUP, { exact: false }).waitFor();
    assert.equal(await page.getByTestId('item-description').locator('img, b').count(), 0, 'reporter text is not parsed as HTML');
    const observables = page.getByTestId('item-observables');
    await observables.getByRole('link', { name: PHISHING_URL, exact: true }).waitFor();
    const hits = page.getByTestId('item-hits');
    await hits.getByRole('link', { name: first }).waitFor();
    await hits
      .getByText(/所管: サイバー捜査課/)
      .first()
      .waitFor();
    await page
      .getByTestId('rules-applied')
      .getByText(/unauthorized_access/)
      .waitFor();
    await shotFromTop(page, '62-intake-item');

    await page.setViewportSize(PHONE);
    await page.getByRole('heading', { name: `受理案件 ${second}`, level: 1 }).waitFor();
    assert.equal(await fitsWidth(page), true, 'the item page fits a phone screen');
    await shotFromTop(page, '63-intake-item-phone');
    await page.setViewportSize({ width: 1280, height: 860 });

    const actions = page.getByTestId('item-actions');
    await actions.getByRole('button', { name: '担当する' }).click();
    await actions.getByTestId('claimed-by-me').waitFor();
    await page.getByTestId('item-summary').getByText('対応中').waitFor();
    await page.getByTestId('item-summary').getByText('水戸 一郎').waitFor();

    await actions.getByRole('button', { name: '事件化' }).click();
    const dialog = page.getByRole('dialog', { name: `${second} を事件化` });
    await dialog.getByRole('button', { name: '事件化する' }).click();
    const opened = page.getByTestId('case-opened');
    const caseLine = opened.getByText(/事件番号: [A-Z]{2,4}-C-\d{4}-\d{4,}/);
    await caseLine.waitFor();
    const caseNo = ((await caseLine.textContent()) ?? '').replace(/^.*事件番号: /, '').trim();
    await page.getByTestId('item-summary').getByTestId('status').getByText('事件化').waitFor();
    await page.getByTestId('item-summary').getByText(caseNo, { exact: true }).waitFor();
    const caseHit = page.getByTestId('item-hits').locator('li[data-source-type="case"]', { hasText: caseNo });
    await caseHit.getByText('事件', { exact: true }).waitFor();
    await caseHit.getByRole('link', { name: caseNo }).waitFor();
    await page.getByTestId('item-finished').waitFor();
    assert.equal(await page.getByRole('button', { name: '担当する' }).count(), 0, 'no actions on a finished item');
    await shotFromTop(page, '64-intake-case-opened');

    await page.getByTestId('item-summary').getByRole('link', { name: caseNo }).click();
    await page.getByRole('heading', { name: `事件 ${caseNo}`, level: 1 }).waitFor();
    await page.getByTestId('case-summary').getByText('同じ銀行名のSMSが家族にも届いた').waitFor();
    await page.getByTestId('case-opened-from').click();
    await page.getByRole('heading', { name: `受理案件 ${second}`, level: 1 }).waitFor();

    assert.deepEqual(problems, []);
    await page.context().close();
  } finally {
    await server.close();
  }
});

test('an item unclaimed past its deadline mails the liaison and rings the bell', async () => {
  const smtp: TestSmtpServer = await startTestSmtpServer();
  const clock = createManualClock(new Date());
  const server = await startKoban({ clock, env: { KOBAN_SMTP_URL: smtp.url, KOBAN_DUTY_DESK_EMAIL: 'duty-desk@police.pref.example.jp' } });
  try {
    const unitId = await cyberDivisionId(server);
    const liaison = await createUser(server.koban, 'kasama.liaison', ['cyber_investigator'], '笠間 花子', {
      unitId,
      email: 'kasama.liaison@police.pref.example.jp',
    });
    await server.koban.services.units.setLiaison(SYSTEM_ACTOR, unitId, liaison.user.id, null);
    const receiptNo = await submitPhishingReport(server.baseUrl, 'フィッシングSMSの通報(未対応のまま)');
    await server.koban.services.intake.drain();

    clock.advanceMinutes(25 * 60);
    assert.equal(await server.koban.services.intake.escalateOverdue(), 1);
    const mail = await smtp.waitFor((message) => message.subject.includes(receiptNo));
    assert.match(mail.subject, /期限超過/);
    assert.ok(mail.to.includes('kasama.liaison@police.pref.example.jp'), `sent to ${mail.to.join(', ')}`);
    assert.ok(mail.to.includes('duty-desk@police.pref.example.jp'), 'the duty desk is copied');

    const { page, problems } = await openPage(browser, server.baseUrl);
    await logInFirstTime(page, 'kasama.liaison', liaison.initialPassword);
    await page.getByText('ようこそ、笠間 花子 さん。').waitFor();
    const bell = page.getByRole('button', { name: 'お知らせ(未読 1 件)' });
    await bell.click();
    const notice = page.getByTestId('notification-menu').getByRole('menuitem', { name: new RegExp(`期限超過: ${receiptNo}`) });
    await notice.waitFor();
    assert.equal(await notice.getAttribute('data-unread'), 'true');
    await page.waitForFunction(() => {
      const menu = document.querySelector('[data-testid="notification-menu"]');
      return menu !== null && getComputedStyle(menu).opacity === '1';
    });
    await shot(page, '65-intake-bell');

    await notice.click();
    await page.getByRole('heading', { name: `受理案件 ${receiptNo}`, level: 1 }).waitFor();
    await page.getByTestId('item-summary').getByTestId('overdue').waitFor();
    await page.getByRole('button', { name: 'お知らせ(未読 0 件)' }).waitFor();

    await page.goto('/intake?overdue=true');
    const row = page.getByTestId('queue-table').locator('tr', { hasText: receiptNo });
    await row.getByTestId('overdue').waitFor();
    await shotFromTop(page, '66-intake-queue-overdue');

    assert.deepEqual(problems, []);
    await page.context().close();
  } finally {
    await server.close();
    await smtp.close();
  }
});
