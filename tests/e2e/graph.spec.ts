// M2.2a link graph in the browser: a 水戸署 officer opens their case, sees its link graph drawn
// (cytoscape, loaded on demand), expands the attacker IP one hop, and finds the cyber division's
// case listed only as 他所属の事件(サイバー捜査課), without its number or title, with 閲覧を申請.
// Screenshots of the graph at desktop width.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { actorOf, createUser, launchBrowser, logInFirstTime, openPage, shot, SHOTS_DIR, startKoban } from './support.ts';

const ATTACKER_IP = '45.137.21.9';
const MULE_ACCOUNT = '振込先 三菱UFJ銀行 渋谷支店 普通 1234567 カ)サンプル';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test("a station officer expands the case's link graph and meets another unit's case, unnamed", async () => {
  const server = await startKoban();
  try {
    const cyberId = (await server.koban.services.units.findIdByCode('cyber_investigation')) ?? '';
    const mitoId = (await server.koban.services.units.findIdByCode('station_mito')) ?? '';
    const lead = await createUser(server.koban, 'graph.investigator', ['cyber_investigator'], '筑波 次郎', { unitId: cyberId });
    const officer = await createUser(server.koban, 'graph.officer', ['station_officer'], '水戸 四郎', { unitId: mitoId });
    const cases = server.koban.services.cases;
    const leadActor = actorOf(lead.user.id, cyberId, 'cyber_investigator');
    const officerActor = actorOf(officer.user.id, mitoId, 'station_officer');
    const cyberCase = await cases.create(leadActor, { title: '製造業者へのランサムウェア攻撃', priority: 'high', sensitive: false, description: '' }, null);
    const mitoCase = await cases.create(officerActor, { title: '通販サイトへの不正ログイン', priority: 'normal', sensitive: false, description: '' }, null);
    await cases.recordObservables(leadActor, cyberCase.id, `C2 ${ATTACKER_IP}`, null);
    await cases.recordObservables(officerActor, mitoCase.id, `ログイン元 ${ATTACKER_IP} / ${MULE_ACCOUNT}`, null);

    const { context, page, problems } = await openPage(browser, server.baseUrl);
    await logInFirstTime(page, 'graph.officer', officer.initialPassword);
    await page.getByText('ようこそ、水戸 四郎 さん。').waitFor();
    await page.goto(`/cases/${mitoCase.id}`);
    const section = page.getByTestId('case-graph');
    await section.getByRole('heading', { name: 'リンク図' }).waitFor();
    const canvas = section.getByTestId('graph-canvas');
    await canvas.locator('canvas').first().waitFor();
    await section.locator('[data-testid="graph-canvas"][data-ready="true"]').waitFor();
    const table = section.getByTestId('graph-node-table');
    await table.locator('tr[data-node-kind="case"]').getByText(mitoCase.caseNo).waitFor();
    await table.locator('tr[data-node-kind="observable"]').getByText(ATTACKER_IP).waitFor();
    await table.locator('tr[data-node-kind="observable"]').getByText('0005-135-1-1234567').waitFor();
    await section.getByTestId('graph-legend').getByText('攻撃グループ(赤・六角形)').waitFor();
    const drawn = await canvas.evaluate((element) => Number(element.getAttribute('data-node-count')));
    assert.equal(drawn, 3, 'the case and its two observables are drawn');

    await table.getByRole('button', { name: `${ATTACKER_IP} を1ホップ展開` }).click();
    const hidden = table.locator('tr[data-node-kind="hidden"]');
    await hidden.getByText('他所属の事件(サイバー捜査課)').waitFor();
    await hidden.getByText('サイバー捜査課', { exact: true }).waitFor();
    await section.locator('[data-testid="graph-canvas"][data-node-count="4"]').waitFor();
    assert.equal(await page.getByText(cyberCase.caseNo).count(), 0, 'the other unit’s case number is not shown');
    assert.equal(await page.getByText('製造業者へのランサムウェア攻撃').count(), 0, 'nor its title');
    assert.ok(!(await page.content()).includes(cyberCase.id), 'nor its id, anywhere in the page');

    await hidden.getByRole('button', { name: '他所属の事件(サイバー捜査課) を選択' }).click();
    const panel = section.getByTestId('graph-panel');
    await panel.getByText('閲覧権限がないため', { exact: false }).waitFor();
    await panel.getByRole('button', { name: '閲覧を申請' }).click();
    await panel.getByLabel(/^申請理由/).fill('同一 IP からの不正ログイン。照合のため閲覧したい。');
    await section.screenshot({ path: join(SHOTS_DIR, '95-case-link-graph.png') });
    await panel.getByRole('button', { name: '申請する' }).click();
    await panel.getByTestId('graph-access-requested').waitFor();
    const requests = await cases.accessRequests(leadActor, cyberCase.id);
    assert.equal(requests.items.length, 1);
    assert.equal(requests.items[0]?.requesterId, officer.user.id);

    await page.goto(`/graph?node=${encodeURIComponent(`observable:${String(await observableIdOf(server.koban, ATTACKER_IP))}`)}`);
    await page.getByRole('heading', { name: 'リンク図', level: 1 }).waitFor();
    await page.getByTestId('graph-node-table').locator('tr[data-node-kind="hidden"]').getByText('他所属の事件(サイバー捜査課)').waitFor();
    await page.locator('[data-testid="graph-canvas"][data-ready="true"]').waitFor();
    await shot(page, '96-graph-page');

    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await server.close();
  }
});

async function observableIdOf(koban: { services: { observables: { findByValue(input: string): Promise<{ observableId: number | null }> } } }, value: string) {
  const found = await koban.services.observables.findByValue(value);
  assert.ok(found.observableId !== null);
  return found.observableId;
}
