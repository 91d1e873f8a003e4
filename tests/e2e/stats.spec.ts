// M2.1/M3.2 statistics: an investigator opens 統計 from the menu, sees this year's counts with
// Japanese labels (categories, statuses, units), and downloads the figures as Excel and CSV.
// A station officer has no statistics menu. Screenshots at desktop and phone width.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { permissionsOf } from '#kernel/auth/index.ts';
import { createUser, launchBrowser, logInFirstTime, openPage, shot, startKoban } from './support.ts';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('an investigator reads the statistics with Japanese labels and downloads them as Excel and CSV', async () => {
  const server = await startKoban();
  try {
    const cyberId = (await server.koban.services.units.findIdByCode('cyber_investigation')) ?? '';
    const investigator = await createUser(server.koban, 'stats.investigator', ['cyber_investigator'], '水戸 一郎', { unitId: cyberId });
    const actor = {
      userId: investigator.user.id,
      username: 'stats.investigator',
      roles: ['cyber_investigator' as const],
      unitId: cyberId,
      permissions: permissionsOf(['cyber_investigator']),
      via: 'cli' as const,
      credentialId: 'e2e',
    };
    for (const title of ['フィッシングサイトによる不正送金', '偽ショッピングサイト']) {
      await server.koban.services.cases.create(actor, { title, category: 'fraud', priority: 'normal', sensitive: false, description: '' }, null);
    }

    const { page, problems } = await openPage(browser, server.baseUrl);
    await logInFirstTime(page, 'stats.investigator', investigator.initialPassword);
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '統計' }).click();
    await page.getByRole('heading', { name: '統計', level: 1 }).waitFor();
    await page.getByTestId('stats-cases-total').getByText('2').waitFor();
    const byCategory = page.getByRole('region', { name: '事件・分類別' });
    await byCategory.getByText('詐欺・悪質商法').waitFor();
    await page.getByRole('region', { name: '事件・状態別' }).getByText('認知').waitFor();
    await page.getByRole('region', { name: '事件・担当所属別' }).getByText('サイバー捜査課').waitFor();
    await shot(page, '110-stats');

    const xlsxHref = await page.getByTestId('stats-xlsx').getAttribute('href');
    assert.ok(xlsxHref);
    const xlsx = await page.request.get(new URL(xlsxHref, server.baseUrl).toString());
    assert.equal(xlsx.status(), 200);
    assert.equal(xlsx.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal((await xlsx.body()).subarray(0, 2).toString('latin1'), 'PK');
    const csvHref = await page.getByTestId('stats-csv').getAttribute('href');
    const csv = await page.request.get(new URL(csvHref ?? '', server.baseUrl).toString());
    assert.match(await csv.text(), /事件・分類,fraud,2/);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 3000 });
    await shot(page, '111-stats-phone');
    assert.deepEqual(problems, []);
  } finally {
    await server.close();
  }
});
