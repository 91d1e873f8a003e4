// M2.2a/M3.2 search: a cyber investigator finds a case by 電子カルテ, by a two-character word (詐欺)
// that only a note holds, and by full-width ＶＰＮ; the matches are <mark>ed and the note's script
// stays text. The kind filter splits the case from a citizen's report with the same word; the
// words stay in the URL on the way back from a hit. An officer of another station finds neither.
// Screenshots at desktop and phone width.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { permissionsOf, type Actor } from '#kernel/auth/index.ts';
import { createUser, field, launchBrowser, logInFirstTime, openPage, shot, startKoban, switchLanguage, type RunningKoban } from './support.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };
const TITLE = '病院の電子カルテサーバへの不正アクセス';
const NOTE = '<script>window.__xss=1</script>詐欺を名乗る脅迫メールも届いている。';
const REPORT_SUMMARY = '宅配業者を装う詐欺SMSのリンクを開いてしまった';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function unitIdOf(server: RunningKoban, code: string): Promise<string> {
  const unitId = await server.koban.services.units.findIdByCode(code);
  assert.ok(unitId, `the seed has ${code}`);
  return unitId;
}

function investigatorActor(userId: string, unitId: string): Actor {
  return {
    userId,
    username: 'tsukuba.investigator',
    roles: ['cyber_investigator'],
    unitId,
    permissions: permissionsOf(['cyber_investigator']),
    via: 'cli',
    credentialId: 'e2e',
  };
}

async function submitReport(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/public/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'ja' },
    body: JSON.stringify({
      kind: 'report',
      reporterType: 'individual',
      category: 'unauthorized_access_malware',
      subcategory: 'phishing',
      summary: REPORT_SUMMARY,
      description: '不在通知のSMSからサイトに誘導され、IDとパスワードを入力した。',
    }),
  });
  const body = await response.text();
  assert.equal(response.status, 201, body);
  const receipt: unknown = JSON.parse(body);
  assert.ok(typeof receipt === 'object' && receipt !== null && 'receiptNo' in receipt && typeof receipt.receiptNo === 'string');
  return receipt.receiptNo;
}

async function shotFromTop(target: Page, name: string): Promise<void> {
  await target.evaluate(() => window.scrollTo(0, 0));
  await shot(target, name);
}

/** True once nothing is wider than the window (after the navbar slides away on a resize). */
async function fitsWidth(target: Page): Promise<boolean> {
  await target.waitForFunction(() => (document.querySelector('h1')?.getBoundingClientRect().left ?? 0) < 24, null, { timeout: 3000 });
  return target
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 3000 })
    .then(() => true)
    .catch(() => false);
}

async function search(page: Page, words: string): Promise<void> {
  await field(page, '検索語').fill(words);
  await page.getByRole('search').getByRole('button', { name: '検索' }).click();
}

/** Clicks an option of the kind filter (a segmented control; its radios are visually hidden). */
async function chooseKind(page: Page, label: string): Promise<void> {
  await page
    .getByRole('radiogroup', { name: '対象' })
    .locator('label', { hasText: new RegExp(`^${label}$`) })
    .click();
}

/** The texts inside <mark> in a hit (its title, or the snippet below it). */
async function markedIn(hit: Locator): Promise<string[]> {
  return hit.locator('mark').allTextContents();
}

/** Waits for the answer to the last search (the button shows a loader until then). */
async function settled(page: Page): Promise<void> {
  await page.getByRole('search').locator('button[type="submit"]:not([data-loading])').waitFor();
}

test('an investigator finds a case by title, by a two-character word in a note and by full-width letters; another station finds nothing', async () => {
  const server = await startKoban();
  try {
    const cyberId = await unitIdOf(server, 'cyber_investigation');
    const hitachiId = await unitIdOf(server, 'station_hitachi');
    const investigator = await createUser(server.koban, 'tsukuba.investigator', ['cyber_investigator'], '筑波 次郎', { unitId: cyberId });
    const hitachi = await createUser(server.koban, 'hitachi.officer', ['station_officer'], '日立 五郎', { unitId: hitachiId });
    const actor = investigatorActor(investigator.user.id, cyberId);
    const opened = await server.koban.services.cases.create(
      actor,
      { title: TITLE, priority: 'high', sensitive: false, description: '院内ネットワークのVPN機器経由で侵入され、電子カルテが閲覧できなくなった。' },
      null,
    );
    await server.koban.services.cases.addNote(actor, opened.id, NOTE, null);
    const receiptNo = await submitReport(server.baseUrl);
    await server.koban.services.intake.drain();

    const { page, problems } = await openPage(browser, server.baseUrl);
    await logInFirstTime(page, 'tsukuba.investigator', investigator.initialPassword);
    await page.getByText('ようこそ、筑波 次郎 さん。').waitFor();
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '検索' }).click();
    await page.getByRole('heading', { name: '検索', level: 1 }).waitFor();
    await page.getByTestId('search-empty').waitFor();
    await page.getByText('2文字以下の語も検索できます。全角・半角は区別しません。', { exact: false }).waitFor();

    const results = page.getByTestId('search-results');
    const caseHit = results.locator(`li[data-label="${opened.caseNo}"]`);
    await search(page, '電子カルテ');
    await caseHit.waitFor();
    assert.equal(await results.locator('li').count(), 1, 'only the case holds 電子カルテ');
    await caseHit.getByTestId('search-kind').getByText('事件').waitFor();
    await caseHit.getByTestId('case-status').getByText('認知').waitFor();
    assert.equal(await caseHit.getByTestId('search-title').textContent(), TITLE);
    assert.deepEqual(await caseHit.getByTestId('search-title').locator('mark').allTextContents(), ['電子カルテ'], 'a title match is marked in the title');
    assert.equal(await caseHit.getByTestId('search-snippet').count(), 0, 'and not repeated below it');
    assert.equal(new URL(page.url()).searchParams.get('q'), '電子カルテ', 'the words are kept in the URL');
    await settled(page);
    await shotFromTop(page, '80-search-title');

    await search(page, '詐欺');
    // The snippet starts a little before the match, so it may cut into the tag's first characters.
    await caseHit.getByTestId('search-snippet').getByText('window.__xss=1</script>詐欺', { exact: false }).waitFor();
    assert.deepEqual(
      await caseHit.getByTestId('search-snippet').locator('mark').allTextContents(),
      ['詐欺'],
      'a two-character word in a note is found and marked',
    );
    assert.equal(await caseHit.getByTestId('search-snippet').locator('script').count(), 0, 'the snippet holds no elements but <mark>');
    assert.equal(await page.evaluate(() => typeof Reflect.get(window, '__xss')), 'undefined', 'the script in the note never ran');
    const reportHit = results.locator(`li[data-label="${receiptNo}"]`);
    await reportHit.getByTestId('search-kind').getByText('受理案件').waitFor();
    await reportHit.getByTestId('status').getByText('振分け済み').waitFor();
    assert.equal(await reportHit.getByTestId('search-title').textContent(), REPORT_SUMMARY);
    assert.deepEqual(await markedIn(reportHit), ['詐欺']);
    await page.getByTestId('search-count').getByText('2 件').waitFor();
    await settled(page);
    await shotFromTop(page, '81-search-short-word');
    await page.setViewportSize(PHONE);
    assert.equal(await fitsWidth(page), true, 'the results fit a phone screen');
    await shotFromTop(page, '82-search-phone');
    await page.setViewportSize(DESKTOP);

    await chooseKind(page, '受理案件');
    await caseHit.waitFor({ state: 'detached' });
    await reportHit.waitFor();
    assert.equal(new URL(page.url()).searchParams.get('kind'), 'report');
    await chooseKind(page, '事件');
    await reportHit.waitFor({ state: 'detached' });
    await caseHit.waitFor();
    await chooseKind(page, 'すべて');
    await reportHit.waitFor();

    await search(page, 'ＶＰＮ機器');
    await caseHit.waitFor();
    assert.deepEqual(await markedIn(caseHit), ['VPN機器'], 'full-width letters find half-width ones');
    await caseHit.getByRole('link', { name: opened.caseNo }).click();
    await page.getByRole('heading', { name: `事件 ${opened.caseNo}`, level: 1 }).waitFor();
    await page.goBack();
    await caseHit.waitFor();
    assert.equal(await page.getByLabel('検索語').inputValue(), 'ＶＰＮ機器', 'the way back lands on the same search');

    await search(page, 'ランサムウェア');
    await page.getByTestId('search-no-results').getByText('「ランサムウェア」に一致する事件・受理案件はありません', { exact: false }).waitFor();
    await switchLanguage(page, 'English');
    await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
    await page.getByText('Nothing you may open matches “ランサムウェア”.').waitFor();
    await page.getByText('Words of two characters or fewer can be searched too.', { exact: false }).waitFor();
    await settled(page);
    await shotFromTop(page, '83-search-no-results-en');
    assert.deepEqual(problems, []);
    await page.context().close();

    const other = await openPage(browser, server.baseUrl, PHONE);
    await logInFirstTime(other.page, 'hitachi.officer', hitachi.initialPassword);
    await other.page.getByText('ようこそ、日立 五郎 さん。').waitFor();
    await other.page.goto(`/search?q=${encodeURIComponent('電子カルテ')}`);
    await other.page.getByTestId('search-no-results').waitFor();
    await settled(other.page);
    assert.equal(await other.page.getByText(opened.caseNo).count(), 0, 'another station does not find the case');
    await shotFromTop(other.page, '84-search-hidden-phone');
    assert.deepEqual(other.problems, []);
    await other.context.close();
  } finally {
    await server.close();
  }
});
