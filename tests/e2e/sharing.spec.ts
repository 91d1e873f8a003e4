// M3.2c information sharing through the browser: a cyber analyst creates the sharing group
// 「全国都道府県警察」 at TLP:GREEN and adds a member organisation, whose TAXII token is shown once;
// uploads a STIX bundle with one broken indicator and sees it refused with its reason; marks an
// e-mail observable; publishes a case to the group (refused at TLP:AMBER, sent at TLP:GREEN); and
// polls the group's own TAXII collection with the member's token through a subscription.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { actorOf, createUser, field, launchBrowser, logInFirstTime, openPage, shot, SHOTS_DIR, startKoban, switchLanguage, unitIdOf } from './support.ts';

const GROUP = '全国都道府県警察';
const MEMBER = '警察庁 サイバー警察局';
const PHISHING_DOMAIN = 'smbc-card-login.top';
const C2_ADDRESS = '45.67.89.10';
const VICTIM_MAIL = 'kanri@shiro-seika.co.jp';
const BROKEN_INDICATOR = 'indicator--0b5f1c1e-52a4-4d7c-9a57-3f2f1d4e7a01';
const TAXII_ACCEPT = 'application/taxii+json;version=2.1';

/** Two good indicators and one whose pattern never closes its bracket. */
function stixBundle(): string {
  const indicator = (id: string, name: string, pattern: string) => ({
    type: 'indicator',
    spec_version: '2.1',
    id,
    created: '2026-11-20T01:00:00.000Z',
    modified: '2026-11-20T01:00:00.000Z',
    name,
    indicator_types: ['malicious-activity'],
    pattern,
    pattern_type: 'stix',
    valid_from: '2026-11-20T00:00:00Z',
  });
  return JSON.stringify({
    type: 'bundle',
    id: 'bundle--4c1f0a57-7a0e-4d3f-8d53-0f2b8e6a9c11',
    objects: [
      indicator('indicator--6f1e3a0c-8d7b-4f1e-9c2a-5b4d3e2f1a10', 'フィッシングサイト', "[domain-name:value = 'jcb-secure-check.top']"),
      indicator('indicator--9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60', 'C2 サーバ', "[ipv4-addr:value = '203.0.113.77']"),
      indicator(BROKEN_INDICATOR, '壊れた指標', "[ipv4-addr:value = '198.51.100.23'"),
    ],
  });
}

async function shotFromTop(target: Page, name: string): Promise<void> {
  await target.evaluate(() => window.scrollTo(0, 0));
  await shot(target, name);
}

/** One part of a long page (the case page is several screens tall). */
async function shotOf(part: Locator, name: string): Promise<void> {
  await part.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
}

/** Picks an option of a Mantine Select (a combobox; its option list is in a portal). */
async function choose(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

let browser: Browser;
let fileDir: string;

before(async () => {
  browser = await launchBrowser();
  fileDir = mkdtempSync(join(tmpdir(), 'koban-sharing-e2e-'));
});

after(async () => {
  await browser?.close();
  if (fileDir) rmSync(fileDir, { recursive: true, force: true });
});

test('an analyst shares through a group: member token once, a STIX upload with a refusal, a case published at its TLP', async () => {
  const server = await startKoban();
  try {
    const cyberId = await unitIdOf(server, 'cyber_investigation');
    const analyst = await createUser(server.koban, 'sharing.analyst', ['cyber_analyst'], '筑波 共有', { unitId: cyberId });
    const actor = actorOf(analyst.user.id, cyberId, 'cyber_analyst');
    const opened = await server.koban.services.cases.create(
      actor,
      { title: '青果卸売業者を狙ったフィッシング', priority: 'high', sensitive: false, description: '' },
      null,
    );
    await server.koban.services.cases.recordObservables(actor, opened.id, `誘導先 ${PHISHING_DOMAIN} / C2 ${C2_ADDRESS} / 被害者 ${VICTIM_MAIL}`, null);

    const { page, problems } = await openPage(browser, server.baseUrl);
    await logInFirstTime(page, 'sharing.analyst', analyst.initialPassword);
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '情報共有' }).click();
    await page.getByRole('heading', { name: '情報共有', level: 1 }).waitFor();

    // A group at TLP:GREEN, and a member whose token is shown once.
    const create = page.getByTestId('sharing-group-new');
    await create.getByRole('button', { name: '作成する' }).click();
    await create.getByText('入力してください。').waitFor();
    await field(create, 'グループ名').fill(GROUP);
    await choose(page, create, '受け取れる TLP の上限', 'TLP:GREEN');
    await field(create, '説明').fill('全国の都道府県警察サイバー部門との共有。');
    await create.getByRole('button', { name: '作成する' }).click();
    await page.getByRole('heading', { name: GROUP, level: 1 }).waitFor();
    assert.equal(await page.getByTestId('group-tlp').textContent(), 'TLP:GREEN');
    const groupId = page.url().split('/').pop() ?? '';
    await page.getByTestId('sharing-group-taxii').getByText(`${server.koban.config.publicUrl}/taxii2/`, { exact: true }).waitFor();

    const members = page.getByTestId('sharing-members');
    await field(members, '組織名').fill(MEMBER);
    await members.getByRole('button', { name: '追加してトークンを発行' }).click();
    const token = (await page.getByTestId('member-token-value').textContent()) ?? '';
    assert.match(token, /^kbt_/);
    await page.getByText('この値は今回限り表示されます', { exact: false }).waitFor();
    await members
      .getByRole('row', { name: new RegExp(MEMBER) })
      .getByText(`…${token.slice(-4)}`)
      .waitFor();
    await shotFromTop(page, '130-sharing-group');
    await page.reload();
    await page.getByRole('heading', { name: GROUP, level: 1 }).waitFor();
    await members.getByRole('row', { name: new RegExp(MEMBER) }).waitFor();
    assert.equal(await page.getByTestId('member-token-value').count(), 0, 'the token is not shown again');

    await page.getByRole('navigation', { name: '情報共有のページ' }).getByRole('link', { name: '共有グループ' }).click();
    await page.getByTestId('sharing-group-table').getByRole('link', { name: GROUP }).waitFor();
    await shotFromTop(page, '131-sharing-groups');

    // A STIX bundle with one broken indicator: two imported, one refused with its reason.
    const bundlePath = join(fileDir, 'jc3-phishing-2026-11.json');
    writeFileSync(bundlePath, stixBundle());
    await page.getByRole('navigation', { name: '情報共有のページ' }).getByRole('link', { name: '取込' }).click();
    const upload = page.getByTestId('sharing-import-new');
    await upload.locator('input[type="file"]').setInputFiles(bundlePath);
    assert.equal(await upload.getByRole('combobox', { name: '形式', exact: true }).inputValue(), 'STIX 2.1');
    await upload.getByRole('button', { name: '取り込む' }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    assert.match(await result.locator('[data-count="refused"]').innerText(), /^拒否\s+1$/);
    assert.match(await result.locator('[data-count="imported"]').innerText(), /^取込\s+2$/);
    const refusal = result.getByTestId('import-problems').getByRole('row').nth(1);
    await refusal.getByText(BROKEN_INDICATOR).waitFor();
    const reason = await refusal.locator('td').last().innerText();
    assert.ok(reason.length > 0, 'the refusal gives its reason');
    await page.getByTestId('sharing-batch-table').getByText('upload:jc3-phishing-2026-11.json').waitFor();
    await shotFromTop(page, '132-sharing-import');
    await result.getByRole('link', { name: '取込記録を開く' }).click();
    await page.getByRole('heading', { name: '取込記録', level: 1 }).waitFor();
    await page.getByTestId('sharing-batch-problems').getByText(BROKEN_INDICATOR).waitFor();
    await shotFromTop(page, '133-sharing-batch');

    // A `koban import stix` whose process was killed an hour ago: its batch still says running.
    const killedAt = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    await server.koban.database.db
      .insertInto('import_batch')
      .values({
        id: 'e2e-killed-import',
        kind: 'stix',
        source: 'file:/srv/feeds/jc3-weekly.json',
        actor_kind: 'cli',
        actor_id: null,
        actor_label: 'cyber-ops',
        default_tlp: 'amber',
        status: 'running',
        total: 7500,
        imported: 7500,
        started_at: killedAt,
        updated_at: killedAt,
      })
      .execute();
    await page.getByRole('link', { name: '取込一覧へ戻る' }).click();
    const killedRow = page.getByTestId('sharing-batch-table').locator('tr[data-batch-id="e2e-killed-import"]');
    await killedRow.getByText('中断', { exact: true }).waitFor();
    await killedRow.getByRole('link').click();
    await page
      .getByTestId('batch-interrupted-note')
      .getByText(/途中で止まりました/)
      .waitFor();
    await page.getByTestId('sharing-batch-summary').getByText('最終更新', { exact: true }).waitFor();
    await shotFromTop(page, '134-sharing-batch-interrupted');

    // The e-mail address goes out only when marked.
    const mail = await server.koban.services.observables.findByValue(VICTIM_MAIL);
    assert.ok(mail.observableId !== null);
    await page.goto(`/observables/${mail.observableId}`);
    const marking = page.getByTestId('observable-marking');
    await marking.getByText('指定なし(提供する事件の TLP に従う)', { exact: true }).first().waitFor();
    await choose(page, marking, 'TLP を指定', 'TLP:GREEN');
    await marking.getByRole('button', { name: '保存' }).click();
    await marking.getByTestId('observable-tlp').getByText('TLP:GREEN').waitFor();
    await shotFromTop(page, '134-observable-tlp');

    // The case at its default TLP:AMBER is refused; at TLP:GREEN it goes.
    await page.goto(`/cases/${opened.id}`);
    await page.getByRole('heading', { name: `事件 ${opened.caseNo}`, level: 1 }).waitFor();
    assert.equal(await page.getByTestId('case-tlp').textContent(), 'TLP:AMBER');
    const sharing = page.getByTestId('case-sharing');
    await choose(page, sharing, '提供先の共有グループ', `${GROUP}(TLP:GREEN まで)`);
    await sharing.getByRole('button', { name: '共有グループへ提供' }).click();
    await sharing.getByRole('alert').getByText(`「${GROUP}」には出せません`, { exact: false }).waitFor();
    await sharing.getByText('sharing.tlp_too_high', { exact: false }).waitFor();
    await shotOf(sharing, '135-case-publish-refused');

    await page.getByTestId('case-summary').getByRole('button', { name: '編集' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog, 'TLP(共有時の取扱い)', 'TLP:GREEN');
    await shotOf(dialog, '136-case-tlp-edit');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('case-tlp').getByText('TLP:GREEN').waitFor();
    await sharing.getByRole('button', { name: '共有グループへ提供' }).click();
    const sent = sharing.getByTestId('case-sharing-result');
    await sent.getByText(`「${GROUP}」へ`, { exact: false }).waitFor();
    assert.match(await sent.innerText(), /\d+ 件のオブジェクトを提供しました\(うち新規 \d+ 件\)/);
    await shotOf(page.getByTestId('case-summary'), '137-case-summary-tlp');
    await shotOf(sharing, '138-case-published');

    // The member reads the group's collection with its token: the report and the marked address.
    const objects = await fetch(`${server.baseUrl}/taxii2/api/collections/${groupId}/objects/`, {
      headers: { authorization: `Bearer ${token}`, accept: TAXII_ACCEPT },
    });
    assert.equal(objects.status, 200);
    const envelope = (await objects.json()) as { objects?: { type: string; value?: string }[] };
    const types = new Set((envelope.objects ?? []).map((object) => object.type));
    assert.ok(types.has('report'), 'the case went out as a report');
    assert.ok(
      (envelope.objects ?? []).some((object) => object.type === 'email-addr' && object.value === VICTIM_MAIL),
      'the marked e-mail address went out',
    );

    const feed = await fetch(`${server.baseUrl}/misp-feeds/${groupId}/manifest.json`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(feed.status, 200, 'the MISP feed takes the same token');
    await page.goto(`/sharing/groups/${groupId}`);
    await page.getByTestId('sharing-group-taxii').getByText(`${server.koban.config.publicUrl}/misp-feeds/${groupId}/`, { exact: true }).waitFor();

    // 出力: a download link per receiver.
    await page.goto('/sharing/export');
    const exporter = page.getByTestId('sharing-export');
    assert.equal(await exporter.getByTestId('export-download').getAttribute('href'), '/api/sharing/export?format=stix&tlp=green');
    await exporter.getByText('脅威カタログを含める', { exact: true }).click();
    assert.equal(await exporter.getByTestId('export-download').getAttribute('href'), '/api/sharing/export?format=stix&tlp=green&catalogue=true');
    await exporter.getByText('共有グループで指定', { exact: true }).click();
    await exporter.getByText('MISP', { exact: true }).click();
    assert.equal(await exporter.getByTestId('export-download').getAttribute('href'), `/api/sharing/export?format=misp&groupId=${groupId}`);
    await shotFromTop(page, '139-sharing-export');

    // A subscription to the group's own collection with the member's token, polled at once.
    await page.getByRole('navigation', { name: '情報共有のページ' }).getByRole('link', { name: 'TAXII 購読' }).click();
    const subscribe = page.getByTestId('taxii-subscription-new');
    await field(subscribe, '名称').fill('自組織コレクション(動作確認)');
    await field(subscribe, 'API ルート URL').fill(`${server.baseUrl}/taxii2/api/`);
    await field(subscribe, 'コレクション ID').fill(groupId);
    await field(subscribe, 'トークン').fill(token);
    await subscribe.getByRole('button', { name: '追加する' }).click();
    const row = page.getByTestId('taxii-subscription-table').locator('tr', { hasText: '自組織コレクション(動作確認)' });
    await row.getByText('認証情報: 設定済み').waitFor();
    assert.equal(await page.getByText(token).count(), 0, 'the secret is not shown back');
    await row.getByRole('button', { name: '今すぐ取得' }).click();
    await page.getByText('取得しました', { exact: true }).waitFor();
    await row.getByText('成功', { exact: true }).waitFor();
    await shotFromTop(page, '140-sharing-taxii');

    await switchLanguage(page, 'English');
    await page.goto(`/sharing/groups/${groupId}`);
    await page.getByRole('heading', { name: 'TAXII and MISP feed connection details' }).waitFor();
    await shotFromTop(page, '141-sharing-group-en');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => (document.querySelector('h1')?.getBoundingClientRect().left ?? 0) < 24);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the group page fits a phone screen');
    await shotFromTop(page, '142-sharing-group-phone');
    for (const [path, heading, name] of [
      ['/sharing/imports', 'Imports', '143-sharing-imports-phone'],
      ['/sharing/taxii', 'TAXII subscriptions', '144-sharing-taxii-phone'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path} fits a phone screen`);
      await shotFromTop(page, name);
    }

    assert.deepEqual(problems, []);
  } finally {
    await server.close();
  }
});
