// Unit administration: an administrator adds a unit under 生活安全部, finds it in the tree, edits
// its phone and English name; a duplicate code is refused; a station officer sees no controls.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createUser, field, launchBrowser, logInAdminFirstTime, logInFirstTime, openPage, shot, startKoban, type RunningKoban } from './support.ts';

let server: RunningKoban;
let browser: Browser;
let page: Page;
let problems: string[];

before(async () => {
  [server, browser] = await Promise.all([startKoban(), launchBrowser()]);
  ({ page, problems } = await openPage(browser, server.baseUrl));
  const { initialPassword } = await createUser(server.koban, 'kanri', ['admin'], '管理 太郎');
  await logInAdminFirstTime(page, 'kanri', initialPassword);
  await page.getByText('ようこそ、管理 太郎 さん。').waitFor();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openUnit(target: Page, name: string): Promise<void> {
  await target.getByRole('region', { name: '部署の階層' }).getByRole('link', { name, exact: true }).click();
  await target.getByRole('heading', { name, level: 2 }).waitFor();
}

test('admin adds a unit under 生活安全部, sees it in the tree and edits its phone and English name', async () => {
  await page.getByRole('navigation').getByRole('link', { name: '部署一覧' }).click();
  await page.getByRole('heading', { name: '部署一覧', level: 1 }).waitFor();
  await openUnit(page, '生活安全部');

  await page.getByRole('button', { name: '部署を追加' }).click();
  const dialog = page.getByRole('dialog', { name: '部署の追加' });
  await dialog.waitFor();
  assert.equal(await field(dialog, '上位部署').inputValue(), '生活安全部', 'the parent defaults to the selected unit');
  assert.equal(await field(dialog, '種別').inputValue(), '課', 'under a 部 the kind suggested is 課');

  await field(dialog, '部署コード').fill('Cyber Office');
  await dialog.getByRole('button', { name: '追加', exact: true }).click();
  assert.equal(await field(dialog, '部署コード').getAttribute('aria-invalid'), 'true');
  assert.equal(await field(dialog, '部署名(日本語)').getAttribute('aria-invalid'), 'true');
  await dialog.getByText('入力してください。').first().waitFor();

  await field(dialog, '部署コード').fill('cyber_strategy_office');
  await field(dialog, '部署名(日本語)').fill('サイバー戦略推進室');
  await field(dialog, '部署名(英語)').fill('Cyber Strategy Office');
  await field(dialog, '種別').click();
  await page.getByRole('option', { name: '室', exact: true }).click();
  await shot(page, '41-unit-create-form');
  await dialog.getByRole('button', { name: '追加', exact: true }).click();

  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { name: 'サイバー戦略推進室', level: 2 }).waitFor();
  const treeLink = page.getByRole('region', { name: '部署の階層' }).getByRole('link', { name: 'サイバー戦略推進室' });
  await treeLink.waitFor();
  assert.equal(await treeLink.getAttribute('aria-current'), 'true', 'the new unit is selected in the tree');
  const detail = page.getByTestId('unit-detail');
  await detail.getByRole('cell', { name: 'cyber_strategy_office' }).waitFor();
  await detail.getByRole('link', { name: '生活安全部' }).waitFor();
  await detail.getByText('室', { exact: true }).waitFor();

  await detail.getByRole('button', { name: '編集' }).click();
  const edit = page.getByRole('dialog', { name: '部署情報の編集: サイバー戦略推進室' });
  await edit.getByText('部署コード: cyber_strategy_office(変更できません)').waitFor();
  assert.equal(await field(edit, '部署名(英語)').inputValue(), 'Cyber Strategy Office');
  await field(edit, '電話番号').fill('029-301-0110');
  await field(edit, '部署名(英語)').fill('Cyber Strategy Promotion Office');
  await shot(page, '40-unit-edit');
  await edit.getByRole('button', { name: '保存' }).click();

  await edit.waitFor({ state: 'hidden' });
  await detail.getByRole('cell', { name: '029-301-0110' }).waitFor();
  await detail.getByText('Cyber Strategy Promotion Office').waitFor();
  await shot(page, '43-unit-edited');

  const unit = (await server.koban.services.units.list()).find((item) => item.code === 'cyber_strategy_office');
  assert.equal(unit?.phone, '029-301-0110');
  assert.equal(unit?.nameEn, 'Cyber Strategy Promotion Office');
  assert.equal(unit?.kind, 'office');
});

test('a duplicate unit code is refused with unit.code_taken; a unit cannot be moved under its own child', async () => {
  await page.getByRole('button', { name: '部署を追加' }).click();
  const dialog = page.getByRole('dialog', { name: '部署の追加' });
  await field(dialog, '部署コード').fill('cyber_strategy_office');
  await field(dialog, '部署名(日本語)').fill('サイバー戦略推進室(重複)');
  await field(dialog, '部署名(英語)').fill('Duplicate office');
  await dialog.getByRole('button', { name: '追加', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await alert.getByText('この部署コードは既に使われています。').waitFor();
  await alert.getByText('コード: unit.code_taken').waitFor();
  await shot(page, '42-unit-code-taken');
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
  await dialog.waitFor({ state: 'hidden' });

  await openUnit(page, '生活安全部');
  await page.getByTestId('unit-detail').getByRole('button', { name: '編集' }).click();
  const edit = page.getByRole('dialog', { name: '部署情報の編集: 生活安全部' });
  await field(edit, '上位部署').fill('サイバー戦略');
  await page.getByText('該当するものがありません').waitFor();
  await edit.getByRole('button', { name: 'キャンセル' }).click();
  await edit.waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
});

test('a station officer sees the new unit but no 編集 or 部署を追加 buttons', async () => {
  const officer = await openPage(browser, server.baseUrl);
  const { initialPassword } = await createUser(server.koban, 'mito.officer', ['station_officer'], '水戸 一郎');
  await logInFirstTime(officer.page, 'mito.officer', initialPassword);
  await officer.page.getByText('ようこそ、水戸 一郎 さん。').waitFor();
  await officer.page.getByRole('navigation').getByRole('link', { name: '部署一覧' }).click();
  await officer.page.getByRole('heading', { name: '部署一覧', level: 1 }).waitFor();
  await officer.page.getByRole('button', { name: '生活安全部 を展開' }).click();
  await openUnit(officer.page, 'サイバー戦略推進室');
  await officer.page.getByTestId('unit-detail').getByRole('cell', { name: '029-301-0110' }).waitFor();
  assert.equal(await officer.page.getByRole('button', { name: '部署を追加' }).count(), 0);
  assert.equal(await officer.page.getByRole('button', { name: '編集' }).count(), 0);
  assert.equal(await officer.page.getByRole('button', { name: '連携担当者を変更' }).count(), 0);
  await shot(officer.page, '44-unit-officer');
  assert.deepEqual(officer.problems, []);
  await officer.context.close();
});
