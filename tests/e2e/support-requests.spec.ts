// M1.1/M3.2b support requests through the browser: a station officer asks the cyber division for
// analysis support on the station's case; a cyber investigator finds it in the 支援要請 inbox and
// accepts it; the station sees it accepted, and the division now supports the case.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { actorOf, createUser, field, launchBrowser, logInFirstTime, openPage, shot, startKoban, unitIdOf } from './support.ts';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('a station asks the cyber division for support on its case and the division accepts it', async () => {
  const server = await startKoban();
  try {
    const mitoId = await unitIdOf(server, 'station_mito');
    const cyberId = await unitIdOf(server, 'cyber_investigation');
    const officer = await createUser(server.koban, 'mito.officer', ['station_officer'], '水戸 花子', { unitId: mitoId });
    const investigator = await createUser(server.koban, 'cyber.investigator', ['cyber_investigator'], '筑波 次郎', { unitId: cyberId });
    const opened = await server.koban.services.cases.create(
      actorOf(officer.user.id, mitoId, 'station_officer'),
      { title: '飲食店の予約サイト改ざん', priority: 'normal', sensitive: false, description: '' },
      null,
    );

    const station = await openPage(browser, server.baseUrl);
    await logInFirstTime(station.page, 'mito.officer', officer.initialPassword);
    await station.page.goto(`/cases/${opened.id}`);
    await station.page.getByRole('heading', { name: `事件 ${opened.caseNo}`, level: 1 }).waitFor();
    const form = station.page.getByRole('form', { name: '支援を要請する' });
    await form.getByRole('button', { name: '支援を要請する' }).click();
    await form.getByText('入力してください。').first().waitFor();
    await field(form, '回答期限').fill('2026-12-20T17:00');
    await field(form, '依頼内容').fill('改ざんされたページのログ解析を依頼します。<b>至急</b>');
    await form.getByRole('button', { name: '支援を要請する' }).click();
    const panel = station.page.getByTestId('case-support-requests');
    await panel.getByText('改ざんされたページのログ解析を依頼します。<b>至急</b>').waitFor();
    await shot(station.page, '120-support-requested');

    const division = await openPage(browser, server.baseUrl);
    await logInFirstTime(division.page, 'cyber.investigator', investigator.initialPassword);
    await division.page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '支援要請' }).click();
    const request = division.page.getByTestId('support-inbox').locator('article', { hasText: opened.caseNo });
    await request.getByRole('button', { name: '受諾する' }).click();
    await request.getByText('受諾').first().waitFor();
    await shot(division.page, '121-support-accepted');

    await station.page.reload();
    await station.page.getByTestId('case-support-requests').getByText('受諾').first().waitFor();
    const supportUnits = await server.koban.database.db.selectFrom('case_support_unit').select('unit_id').where('case_id', '=', opened.id).execute();
    assert.deepEqual(
      supportUnits.map((u) => u.unit_id),
      [cyberId],
    );
    assert.deepEqual(station.problems, []);
    assert.deepEqual(division.problems, []);
  } finally {
    await server.close();
  }
});
