// M3.2a/b case workspace: a cyber investigator registers a case through the UI, moves it 認知 →
// 捜査中, asks the 水戸警察署 for support, keeps a Markdown note with markup in it (script shown as text, never
// run), adds a task and meets a colleague's earlier save (version conflict, reload). Need-to-know:
// an officer of the supporting station sees the case, one of another station neither lists nor
// opens it. Screenshots at desktop and phone width.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { permissionsOf, type Actor } from '#kernel/auth/index.ts';
import { createUser, field, launchBrowser, logInFirstTime, openPage, shot, SHOTS_DIR, startKoban, type RunningKoban } from './support.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };
const TITLE = '県内製造業者に対するランサムウェア攻撃';
const NOTE = '## 初動\n- VPN 機器のログを保全依頼\n<script>window.__xss=1</script>';

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

async function shotFromTop(target: Page, name: string): Promise<void> {
  await target.evaluate(() => window.scrollTo(0, 0));
  await shot(target, name);
}

/**
 * True once nothing is wider than the window. The shell's navbar slides away after a resize, so
 * first wait for the page heading to reach the left edge.
 */
async function fitsWidth(target: Page): Promise<boolean> {
  await target.waitForFunction(() => (document.querySelector('h1')?.getBoundingClientRect().left ?? 0) < 24, null, { timeout: 3000 });
  return target
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 3000 })
    .then(() => true)
    .catch(() => false);
}

/** Picks an option of a Mantine Select (a combobox; its option list is labelled the same). */
async function choose(page: Page, label: string, option: string, scope: Page | Locator = page): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function checkPhoneWidth(page: Page, name: string, what: string): Promise<void> {
  await page.setViewportSize(PHONE);
  assert.equal(await fitsWidth(page), true, `${what} fits a phone screen`);
  await shotFromTop(page, name);
  await page.setViewportSize(DESKTOP);
}

test('an investigator opens a case, moves it to 捜査中, asks 水戸署 for support; 水戸署 sees it, 日立署 does not', async () => {
  const server = await startKoban();
  try {
    const cyberId = await unitIdOf(server, 'cyber_investigation');
    const mitoId = await unitIdOf(server, 'station_mito');
    const hitachiId = await unitIdOf(server, 'station_hitachi');
    const investigator = await createUser(server.koban, 'tsukuba.investigator', ['cyber_investigator'], '筑波 次郎', { unitId: cyberId });
    const colleague = await createUser(server.koban, 'koga.investigator', ['cyber_investigator'], '古河 三郎', { unitId: cyberId });
    const mito = await createUser(server.koban, 'mito.officer', ['station_officer'], '水戸 四郎', { unitId: mitoId });
    const hitachi = await createUser(server.koban, 'hitachi.officer', ['station_officer'], '日立 五郎', { unitId: hitachiId });

    const { page, problems } = await openPage(browser, server.baseUrl);
    await logInFirstTime(page, 'tsukuba.investigator', investigator.initialPassword);
    await page.getByText('ようこそ、筑波 次郎 さん。').waitFor();
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '事件' }).click();
    await page.getByRole('heading', { name: '事件一覧', level: 1 }).waitFor();
    await page.getByTestId('cases-empty').waitFor();

    await page.getByRole('link', { name: '事件登録' }).click();
    await page.getByRole('heading', { name: '事件登録', level: 1 }).waitFor();
    await field(page, '事件名').fill(TITLE);
    await choose(page, '区分', '不正アクセス・コンピュータウイルス');
    await choose(page, '小分類', 'ランサムウェア');
    await choose(page, '優先度', '高');
    assert.equal(await page.getByRole('combobox', { name: '主管所属' }).inputValue(), 'サイバー捜査課', 'the owner unit defaults to the officer’s own');
    await page.getByText('秘匿事件は指名されたメンバーだけが閲覧でき、閲覧はすべて記録されます。', { exact: false }).waitFor();
    await page.getByRole('textbox', { name: '事件の内容' }).fill('VPN 機器経由で侵入され、基幹サーバが暗号化された。');
    await page.locator('label', { hasText: '法人・団体' }).click();
    await field(page, '法人・団体名').fill('株式会社かすみ精機');
    await choose(page, '業種', '製造業');
    await choose(page, '規模', '中小企業');
    await field(page, '復旧状況').fill('生産ラインは手作業で一部再開。');
    await field(page, '被害額').fill('1200000');
    await shotFromTop(page, '70-case-new');
    await checkPhoneWidth(page, '71-case-new-phone', 'the new-case form');
    await page.getByRole('button', { name: '登録する' }).click();

    const heading = page.getByRole('heading', { name: /^事件 [A-Z]{2,4}-C-\d{4}-\d{4,}$/, level: 1 });
    await heading.waitFor();
    const caseNo = ((await heading.textContent()) ?? '').replace(/^事件 /, '').trim();
    const caseUrl = page.url();
    const summary = page.getByTestId('case-summary');
    await summary.getByTestId('case-title').getByText(TITLE).waitFor();
    await summary.getByTestId('case-status').getByText('認知').waitFor();
    await summary.getByText('サイバー捜査課').waitFor();
    await summary.getByText('筑波 次郎').waitFor();
    await page.getByTestId('case-description').getByText('法人・団体: 株式会社かすみ精機').waitFor();
    await page
      .getByTestId('case-description')
      .getByText(/1,200,000/)
      .waitFor();

    const statusCard = page.getByTestId('case-status-card');
    assert.equal(await statusCard.getByRole('radio').count(), 3, 'only the statuses allowed from 認知 are offered');
    for (const status of ['捜査中', '未検挙・保留', '終結']) await statusCard.getByRole('radio', { name: status }).waitFor();
    await statusCard.getByRole('radio', { name: '捜査中' }).check();
    await field(statusCard, '理由').fill('被害届を受理し、捜査に着手。');
    await statusCard.getByRole('button', { name: '状態を変更' }).click();
    await summary.getByTestId('case-status').getByText('捜査中').waitFor();
    await page.getByTestId('case-history').getByText('認知 → 捜査中').waitFor();
    await page.getByTestId('case-history').getByText('被害届を受理し、捜査に着手。').waitFor();
    await statusCard.getByRole('radio', { name: '共同捜査' }).waitFor();

    const supportUnits = page.getByTestId('case-support-units');
    await supportUnits.getByRole('combobox', { name: '応援所属を追加' }).fill('水戸');
    await page.getByRole('option', { name: '水戸警察署', exact: true }).click();
    await supportUnits.getByRole('button', { name: '追加' }).click();
    await supportUnits.locator(`li[data-unit-id="${mitoId}"]`).getByText('水戸警察署').waitFor();

    const notes = page.getByTestId('case-notes');
    await field(notes, '新しいメモ').fill(NOTE);
    await notes.getByRole('button', { name: 'メモを追加' }).click();
    const noteBody = notes.getByTestId('case-note-body');
    await noteBody.waitFor();
    await noteBody.getByRole('heading', { name: '初動' }).waitFor();
    assert.deepEqual(await noteBody.getByRole('listitem').allTextContents(), ['VPN 機器のログを保全依頼'], 'the Markdown list is rendered');
    await noteBody.getByText('<script>window.__xss=1</script>').waitFor();
    assert.equal(await noteBody.locator('script, a').count(), 0, 'markup in the note stays text and nothing is a link');
    assert.equal(await page.evaluate(() => typeof Reflect.get(window, '__xss')), 'undefined', 'the script in the note never ran');
    const timeline = page.getByTestId('case-timeline');
    await timeline.locator('[data-kind="note_added"]').getByText('<script>window.__xss=1</script>', { exact: false }).waitFor();
    assert.equal(await timeline.locator('script').count(), 0, 'the timeline shows the note as text too');

    const tasks = page.getByTestId('case-tasks');
    await field(tasks, 'タスク名').fill('VPN 機器ログの差押え');
    await choose(page, '担当者', '筑波 次郎', tasks);
    await field(tasks, '期限日').fill('2020-04-01');
    await tasks.getByRole('button', { name: 'タスクを追加' }).click();
    const task = tasks.locator('li', { hasText: 'VPN 機器ログの差押え' });
    await task.getByTestId('overdue').waitFor();
    await task.getByText(/担当: 筑波 次郎 · 期限: 2020\/04\/01 23:59/).waitFor();
    await shotFromTop(page, '72-case-page');
    await checkPhoneWidth(page, '73-case-page-phone', 'the case page');
    await task.getByRole('button', { name: '「VPN 機器ログの差押え」を完了にする' }).click();
    await task.getByTestId('task-done').waitFor();
    assert.equal(await task.getByTestId('overdue').count(), 0, 'a done task is not overdue');

    // A colleague saves first; the investigator's edit, made on the older version, is refused.
    const detail = await server.koban.services.cases.detail(actorOf(colleague.user.id, cyberId), caseUrl.split('/').pop() ?? '', null);
    await page.getByTestId('case-summary').getByRole('button', { name: '編集' }).click();
    await server.koban.services.cases.update(actorOf(colleague.user.id, cyberId), detail.id, { version: detail.version, priority: 'urgent' }, null);
    const dialog = page.getByRole('dialog', { name: `${caseNo} を編集` });
    await field(dialog, '事件名').fill(`${TITLE}(続報)`);
    await dialog.getByRole('button', { name: '保存' }).click();
    const conflict = dialog.getByTestId('case-conflict');
    await conflict.getByText('他の人が先にこの事件を更新しました', { exact: false }).waitFor();
    await conflict.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS_DIR, '74-case-conflict.png') });
    await dialog.getByRole('button', { name: '最新の内容を読み込む' }).click();
    await summary.getByTestId('priority').getByText('至急').waitFor();
    await summary.getByTestId('case-title').getByText(TITLE, { exact: true }).waitFor();

    await page.goto('/cases');
    const row = page.getByTestId('case-table').locator('tr', { hasText: caseNo });
    await row.getByText(TITLE).waitFor();
    await row.getByText('捜査中').waitFor();
    await row.getByText('至急').waitFor();
    await row.getByText('サイバー捜査課').waitFor();
    await row.getByText(/JST|GMT\+9/).waitFor();
    await shotFromTop(page, '75-cases-list');
    await page.setViewportSize(PHONE);
    await page.getByTestId('case-cards').locator('li', { hasText: caseNo }).getByRole('link', { name: caseNo }).waitFor();
    assert.equal(await fitsWidth(page), true, 'the case list fits a phone screen');
    await shotFromTop(page, '76-cases-list-phone');
    assert.deepEqual(problems, []);
    await page.context().close();

    const mitoPage = await openPage(browser, server.baseUrl);
    await logInFirstTime(mitoPage.page, 'mito.officer', mito.initialPassword);
    await mitoPage.page.getByText('ようこそ、水戸 四郎 さん。').waitFor();
    await mitoPage.page.goto('/cases');
    await mitoPage.page.getByTestId('case-table').getByRole('link', { name: caseNo }).click();
    await mitoPage.page.getByRole('heading', { name: `事件 ${caseNo}`, level: 1 }).waitFor();
    await mitoPage.page.getByTestId('case-notes').getByTestId('case-note-body').waitFor();
    assert.deepEqual(mitoPage.problems, []);
    await mitoPage.context.close();

    const hitachiPage = await openPage(browser, server.baseUrl);
    await logInFirstTime(hitachiPage.page, 'hitachi.officer', hitachi.initialPassword);
    await hitachiPage.page.getByText('ようこそ、日立 五郎 さん。').waitFor();
    await hitachiPage.page.goto('/cases');
    await hitachiPage.page.getByTestId('cases-empty').waitFor();
    assert.equal(await hitachiPage.page.getByText(caseNo).count(), 0, 'another station does not list the case');
    await hitachiPage.page.goto(new URL(caseUrl).pathname);
    await hitachiPage.page.getByTestId('not-found-page').waitFor();
    assert.equal(await hitachiPage.page.getByText(TITLE).count(), 0, 'nor opens it');
    await shotFromTop(hitachiPage.page, '77-case-hidden');
    await hitachiPage.context.close();
  } finally {
    await server.close();
  }
});

function actorOf(userId: string, unitId: string): Actor {
  return {
    userId,
    username: 'colleague',
    roles: ['cyber_investigator'],
    unitId,
    permissions: permissionsOf(['cyber_investigator']),
    via: 'cli',
    credentialId: 'e2e',
  };
}
