// M1.4 evidence and chain of custody: a cyber investigator uploads a VPN log as evidence and sees
// its SHA-256 and the 取得・押収 event, hands it to a colleague with a new storage location (引継ぎ
// in the custody log) and asks the forensic unit (情報通信部) for analysis. An analyst there finds
// the request through the bell on /analysis-requests, takes the file, accepts and answers with a
// report file; the investigator sees the result, and the custody record PDF answers as a PDF. A
// stored file changed behind Koban's back shows ハッシュ不一致, and 過去に不一致を検知 once restored.
// Screenshots at desktop and phone width.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { actorOf, createUser, field, launchBrowser, logInFirstTime, openPage, shot, SHOTS_DIR, startKoban, unitIdOf } from './support.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };
const LOG = Buffer.from('2026-11-28T02:14:07+09:00 vpn-gw auth ok user=admin from 203.0.113.45\n'.repeat(200));
const LOG_SHA256 = createHash('sha256').update(LOG).digest('hex');
const QUESTION = 'ログから侵入経路と初回侵入日時を特定してください。<b>至急</b>';
const RESULT = '初回侵入は 11/28 02:14(JST)、VPN 機器の既知脆弱性を悪用したものと判断。';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Picks an option of a Mantine Select (its option list is in a portal). */
async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope
    .getByRole('textbox', { name: label })
    .or(scope.getByRole('combobox', { name: label }))
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The shell's navbar slides away after a resize to phone width: wait until the heading is at the edge. */
async function settleWidth(page: Page): Promise<void> {
  await page.waitForFunction(
    (width) => window.innerWidth > width || (document.querySelector('h1')?.getBoundingClientRect().left ?? 0) < 24,
    DESKTOP.width - 1,
    {
      timeout: 3000,
    },
  );
}

/** `target` (or the page) at desktop width, then at phone width (nothing wider than the screen). */
async function shootBothWidths(page: Page, name: string, target?: Locator): Promise<void> {
  const take = async (file: string) => (target ? target.screenshot({ path: join(SHOTS_DIR, `${file}.png`) }) : shot(page, file));
  await take(name);
  await page.setViewportSize(PHONE);
  await settleWidth(page);
  const fits = await page
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 3000 })
    .then(() => true)
    .catch(() => false);
  assert.equal(fits, true, `${name} fits a phone screen`);
  await take(`${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

/**
 * The open dialog at desktop and phone width (full screen there): the viewport only, as the page
 * behind is not what is looked at, scrolled through the dialog in screen-high steps.
 */
async function shootDialog(page: Page, name: string): Promise<void> {
  for (const [size, suffix] of [
    [DESKTOP, ''],
    [PHONE, '-phone'],
  ] as const) {
    await page.setViewportSize(size);
    await settleWidth(page);
    const steps = await page.evaluate(() => {
      const content = document.querySelector('.mantine-Modal-content');
      return content ? Math.min(4, Math.ceil(content.scrollHeight / content.clientHeight)) : 1;
    });
    for (let step = 0; step < steps; step += 1) {
      await page.evaluate((index) => {
        const content = document.querySelector('.mantine-Modal-content');
        if (content) content.scrollTop = index * content.clientHeight * 0.9;
      }, step);
      await page.screenshot({ path: join(SHOTS_DIR, `${name}${suffix}-${String(step + 1)}.png`) });
    }
    const fits = await page
      .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 3000 })
      .then(() => true)
      .catch(() => false);
    assert.equal(fits, true, `${name} fits the screen at ${String(size.width)} px`);
  }
  await page.setViewportSize(DESKTOP);
  await page.evaluate(() => document.querySelector('.mantine-Modal-content')?.scrollTo(0, 0));
}

function custodyRow(dialog: Locator, action: string): Locator {
  return dialog.getByTestId('evidence-custody').locator(`tr[data-action="${action}"]`);
}

test('an investigator registers and hands over evidence, the forensic unit answers an analysis request', async () => {
  const server = await startKoban();
  try {
    const cyberId = await unitIdOf(server, 'cyber_investigation');
    const forensicId = await unitIdOf(server, 'ibaraki_info_comm');
    const lead = await createUser(server.koban, 'tsukuba.investigator', ['cyber_investigator'], '筑波 次郎', { unitId: cyberId });
    await createUser(server.koban, 'tsuchiura.analyst', ['cyber_analyst'], '土浦 三郎', { unitId: cyberId });
    const analyst = await createUser(server.koban, 'mito.forensic', ['cyber_analyst'], '水戸 解析', { unitId: forensicId });
    const opened = await server.koban.services.cases.create(
      actorOf(lead.user.id, cyberId, 'cyber_investigator'),
      { title: 'VPN 機器経由のランサムウェア被害', priority: 'high', sensitive: false, description: '' },
      null,
    );
    const evidenceNo = `${opened.caseNo}-E001`;

    // The investigator registers the log file.
    const cyber = await openPage(browser, server.baseUrl, DESKTOP);
    await logInFirstTime(cyber.page, 'tsukuba.investigator', lead.initialPassword);
    await cyber.page.getByText('ようこそ、筑波 次郎 さん。').waitFor();
    await cyber.page.goto(`/cases/${opened.id}`);
    await cyber.page.getByRole('heading', { name: `事件 ${opened.caseNo}`, level: 1 }).waitFor();
    const section = cyber.page.getByTestId('case-evidence');
    await section.getByText('証拠品はまだ登録されていません。').waitFor();
    await section.getByRole('button', { name: '証拠品を登録' }).click();
    const form = section.getByTestId('evidence-form');
    await form.getByRole('button', { name: '登録する' }).click();
    await form.getByText('入力してください', { exact: false }).first().waitFor();
    await form.getByText('ファイルを選択してください。').waitFor();
    await field(form, '品名').fill('VPN 機器の認証ログ');
    await form.locator('input[type="file"]').setInputFiles({ name: 'vpn-auth.log', mimeType: 'text/plain', buffer: LOG });
    await field(form, '取得・押収場所').fill('被害企業 サーバ室');
    await field(form, '保管場所').fill('サイバー捜査課 証拠品保管庫 A-3');
    await shot(cyber.page, '100-evidence-form');
    await form.getByRole('button', { name: '登録する' }).click();

    // The new item opens: its full SHA-256 and the 取得・押収 event, the chain verified.
    const dialog = cyber.page.getByRole('dialog', { name: `証拠品 ${evidenceNo}` });
    await dialog.getByTestId('evidence-detail-title').getByText('VPN 機器の認証ログ').waitFor();
    assert.equal(await dialog.getByTestId('evidence-sha256').textContent(), LOG_SHA256, 'the detail shows the whole SHA-256');
    const collected = custodyRow(dialog, 'collected');
    await collected.getByText('取得・押収').waitFor();
    await collected.getByText(`SHA-256 ${LOG_SHA256} / ${LOG.length} B`).waitFor();
    await dialog.getByTestId('custody-chain').getByText('連鎖確認済み').waitFor();

    // 引継ぎ to the colleague, to a new place.
    await dialog.getByRole('button', { name: '引継ぎ', exact: true }).click();
    const handover = dialog.getByRole('form', { name: '引継ぎ' });
    await handover.getByRole('button', { name: '引き継ぐ' }).click();
    await handover.getByText('入力してください', { exact: false }).waitFor();
    await choose(cyber.page, handover, '引継ぎ先', '土浦 三郎');
    await field(handover, '新しい保管場所').fill('解析室 ロッカー 2');
    await field(handover, '備考').fill('解析準備のため引継ぎ');
    await handover.getByRole('button', { name: '引き継ぐ' }).click();
    const handedOver = custodyRow(dialog, 'handed_over');
    await handedOver.getByText('筑波 次郎 → 土浦 三郎').waitFor();
    await handedOver.getByText('解析室 ロッカー 2').waitFor();
    await handedOver.getByText('解析準備のため引継ぎ').waitFor();
    await handedOver.getByText('引継ぎ', { exact: true }).waitFor();
    await dialog.getByTestId('evidence-detail-location').getByText('解析室 ロッカー 2').waitFor();
    // No longer the holder, but the case's lead: every action stays open.
    await dialog.getByRole('button', { name: '保管場所の変更', exact: true }).waitFor();

    // 解析依頼, to the forensic unit by default.
    await dialog.getByRole('button', { name: '解析依頼', exact: true }).click();
    const analysisForm = dialog.getByRole('form', { name: '解析依頼' });
    assert.equal(await field(analysisForm, '依頼先').inputValue(), '関東管区警察局茨城県情報通信部', 'the forensic unit is the default');
    await field(analysisForm, '依頼内容').fill(QUESTION);
    await field(analysisForm, '回答期限').fill('2099-12-20');
    await analysisForm.getByRole('button', { name: '解析を依頼' }).click();
    const requested = dialog.getByTestId('evidence-analysis').locator('li[data-status="requested"]');
    await requested.getByText('依頼中').waitFor();
    assert.equal(await requested.getByTestId('analysis-question').textContent(), QUESTION, 'the question is shown as written');
    await custodyRow(dialog, 'analysis_requested').getByText('解析依頼').waitFor();
    await dialog.getByTestId('custody-chain').getByText('連鎖確認済み').waitFor();
    await shootDialog(cyber.page, '101-evidence-detail');

    // The court record: a PDF.
    const pdfHref = await dialog.getByTestId('evidence-custody-pdf').getAttribute('href');
    assert.ok(pdfHref, 'the custody record is a link');
    const pdf = await cyber.page.request.get(pdfHref);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');

    // The list: number, holder, place and the shortened hash.
    await dialog.getByRole('button', { name: '閉じる' }).or(cyber.page.locator('.mantine-Modal-close')).first().click();
    const line = section.locator(`li[data-evidence-no="${evidenceNo}"]`);
    await line.getByText('土浦 三郎').waitFor();
    await line.getByTestId('evidence-status').getByText('解析中').waitFor();
    assert.equal(await line.getByTestId('evidence-sha256').textContent(), `${LOG_SHA256.slice(0, 12)}…`);
    assert.equal(await line.getByTestId('evidence-hash-mismatch').count(), 0, 'an intact file has no mismatch badge');
    await shootBothWidths(cyber.page, '102-evidence-list', section);

    // The forensic unit: the bell leads to the request.
    const forensic = await openPage(browser, server.baseUrl, DESKTOP);
    await logInFirstTime(forensic.page, 'mito.forensic', analyst.initialPassword);
    await forensic.page.getByText('ようこそ、水戸 解析 さん。').waitFor();
    await forensic.page.getByTestId('notification-bell').click();
    await forensic.page.getByRole('menuitem', { name: new RegExp(`解析依頼: ${evidenceNo}`) }).click();
    await forensic.page.getByRole('heading', { name: '解析依頼', level: 1 }).waitFor();
    const card = forensic.page.getByTestId('analysis-requests').locator('li[data-status="requested"]');
    await card.getByText(evidenceNo).waitFor();
    assert.equal(await card.getByTestId('analysis-question').textContent(), QUESTION);
    assert.equal(await card.getByTestId('analysis-question').locator('*').count(), 0, 'the question is text, not markup');
    const fileHref = await card.getByTestId('analysis-evidence-file').getAttribute('href');
    assert.ok(fileHref, 'the evidence file is a link');
    const file = await forensic.page.request.get(fileHref);
    assert.equal(file.status(), 200);
    assert.deepEqual(await file.body(), LOG);
    await shootBothWidths(forensic.page, '103-analysis-requests');

    await card.getByRole('button', { name: `${evidenceNo} の解析依頼を受け付ける` }).click();
    const accepted = forensic.page.getByTestId('analysis-requests').locator('li[data-status="accepted"]');
    await accepted.getByText('受付済み').waitFor();
    await accepted.getByText('担当: 水戸 解析').waitFor();
    await accepted.getByRole('button', { name: '回答する' }).click();
    const answer = accepted.getByRole('form', { name: '回答する' });
    await field(answer, '解析結果').fill(RESULT);
    await answer.locator('input[type="file"]').setInputFiles({ name: '解析報告書.txt', mimeType: 'text/plain', buffer: Buffer.from('解析報告書 本文') });
    await shot(forensic.page, '104-analysis-answer-form');
    await answer.getByRole('button', { name: '回答を送る' }).click();
    const done = forensic.page.getByTestId('analysis-requests').locator('li[data-status="done"]');
    await done.getByText('回答済み').waitFor();
    await done.getByTestId('analysis-result').getByText(RESULT).waitFor();
    await forensic.page.getByTestId('analysis-open-count').getByText('未処理 0 件').waitFor();
    await shootBothWidths(forensic.page, '105-analysis-answered');

    // The investigator sees the result, its file, and the analyst's steps in the custody log.
    await cyber.page.reload();
    await section.getByRole('button', { name: `${evidenceNo} の詳細・保管記録` }).click();
    const answered = dialog.getByTestId('evidence-analysis').locator('li[data-status="done"]');
    await answered.getByText('回答済み').waitFor();
    await answered.getByTestId('analysis-result').getByText(RESULT).waitFor();
    const resultHref = await answered.getByTestId('analysis-result-file').getAttribute('href');
    assert.ok(resultHref);
    await answered.getByText('結果ファイル: 解析報告書.txt').waitFor();
    assert.equal((await cyber.page.request.get(resultHref)).status(), 200);
    await custodyRow(dialog, 'accessed').getByText('水戸 解析').waitFor();
    await custodyRow(dialog, 'analysis_accepted').getByText('解析受付').waitFor();
    await custodyRow(dialog, 'analysis_result').getByText('解析結果').waitFor();
    await dialog.getByTestId('custody-chain').getByText('連鎖確認済み').waitFor();
    await dialog.getByTestId('evidence-status').getByText('保管中').waitFor();
    await shootDialog(cyber.page, '106-evidence-result');

    // Someone changes the stored file: every view says ハッシュ不一致, and once the original bytes
    // are back, that it was detected before.
    const stored = join(server.koban.config.filesDir, LOG_SHA256.slice(0, 2), LOG_SHA256.slice(2, 4), LOG_SHA256);
    await writeFile(stored, Buffer.from(LOG.toString('utf8').replace('203.0.113.45', '203.0.113.46')));
    await cyber.page.reload();
    await line.getByTestId('evidence-hash-mismatch').getByText('ハッシュ不一致').waitFor();
    await shootBothWidths(cyber.page, '107-evidence-mismatch-list', section);
    await section.getByRole('button', { name: `${evidenceNo} の詳細・保管記録` }).click();
    await dialog.getByTestId('evidence-mismatch-alert').waitFor();
    await custodyRow(dialog, 'integrity_failed').getByText('ハッシュ不一致を検知').waitFor();
    await cyber.page.screenshot({ path: join(SHOTS_DIR, '108-evidence-mismatch-detail.png') });
    await writeFile(stored, LOG);
    await cyber.page.reload();
    await line.getByTestId('evidence-past-mismatch').getByText('過去に不一致を検知').waitFor();
    assert.equal(await line.getByTestId('evidence-hash-mismatch').count(), 0, 'the restored file no longer counts as altered');

    assert.deepEqual(cyber.problems, []);
    assert.deepEqual(forensic.problems, []);
    await cyber.context.close();
    await forensic.context.close();
  } finally {
    await server.close();
  }
});
