// Browser-test support: a real Koban (fresh SQLite in a temp dir, serving the built web/dist),
// Debian's chromium through playwright-core, log-in helpers that drive the real UI, and
// screenshots in /tmp/koban-shots for a human to look at.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { permissionsOf, totpCode, type Actor, type Role } from '#kernel/auth/index.ts';
import type { Clock } from '#kernel/clock.ts';
import { loadConfig } from '#kernel/config.ts';
import { buildHttpApp, openKoban, type Koban } from '../../src/server.ts';

export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');
export const SHOTS_DIR = '/tmp/koban-shots';
export const NEW_PASSWORD = 'kasumigaura-2026-tsukuba';
const STEP_MS = 30_000;

export type RunningKoban = { koban: Koban; baseUrl: string; close(): Promise<void> };

/**
 * `clock`: a manual clock (createManualClock) the server runs on, for deadlines and escalation.
 * `env`: further configuration, e.g. KOBAN_SMTP_URL or KOBAN_DUTY_DESK_EMAIL; it wins over the defaults here.
 */
export type StartOptions = { clock?: Clock; env?: Readonly<Record<string, string>> };

export async function startKoban(options: StartOptions = {}): Promise<RunningKoban> {
  assert.ok(existsSync(join(WEB_DIST, 'index.html')), `web/dist is not built (${WEB_DIST}); run npm run build:web`);
  const dataDir = mkdtempSync(join(tmpdir(), 'koban-e2e-'));
  const config = loadConfig(
    {},
    {
      KOBAN_DATA_DIR: dataDir,
      KOBAN_LOG_LEVEL: 'silent',
      KOBAN_PORT: '0',
      KOBAN_HOST: '127.0.0.1',
      KOBAN_WEB_DIST: WEB_DIST,
      KOBAN_RATE_LIMIT_PER_MINUTE: '100000',
      KOBAN_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      ...options.env,
    },
  );
  const koban = await openKoban(config, options.clock ? { clock: options.clock } : {});
  const app = await buildHttpApp(koban);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  assert.ok(address !== null && typeof address === 'object', 'server has no TCP address');
  const { port } = address;
  return {
    koban,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await koban.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type UserOptions = { unitId?: string | null; email?: string | null };

export async function createUser(koban: Koban, username: string, roles: Role[], displayName: string, options: UserOptions = {}) {
  return koban.services.users.create(
    { type: 'system', id: null },
    { username, displayName, roles, unitId: options.unitId ?? null, email: options.email ?? null },
    null,
  );
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A page that fails the test on script errors and CSP violations. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  viewport = { width: 1280, height: 860 },
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'ja-JP', timezoneId: 'UTC' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

/** An input by its whole label, ignoring the required-field asterisk Mantine appends. */
export function field(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}\\s*\\*?$`));
}

export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await field(page, 'ユーザー名').fill(username);
  await field(page, 'パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

/** Logs a user without TOTP in through the UI with its one-time password and sets a new one. */
export async function logInFirstTime(page: Page, username: string, initialPassword: string): Promise<void> {
  await page.goto('/home');
  await submitLogin(page, username, initialPassword);
  await page.getByRole('heading', { name: 'パスワードの変更' }).waitFor();
  await field(page, '現在のパスワード(通知された初期パスワード)').fill(initialPassword);
  await field(page, '新しいパスワード').fill(NEW_PASSWORD);
  await field(page, '新しいパスワード(確認)').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'パスワードを変更' }).click();
}

/** Logs an administrator in for the first time: new password, TOTP enrolment, recovery codes. */
export async function logInAdminFirstTime(page: Page, username: string, initialPassword: string): Promise<void> {
  await logInFirstTime(page, username, initialPassword);
  await page.getByRole('heading', { name: '二要素認証の設定' }).waitFor();
  await page.getByRole('button', { name: '設定を開始' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  await field(page, '確認コード(6 桁)').fill(await totpCode(secret, new Date()));
  await page.getByRole('button', { name: '登録を完了' }).click();
  await page.getByRole('heading', { name: 'リカバリーコード' }).waitFor();
  await page.getByRole('button', { name: '保管しました。続行する' }).click();
}

/**
 * A TOTP code the server has not seen yet. The server accepts one step either side of now and
 * refuses a step already used, so after using step N we present the code an app would show
 * in step N+1 instead of waiting up to 30 s.
 */
export async function freshTotpCode(secret: string, lastUsedAt: Date): Promise<string> {
  const lastStep = Math.floor(lastUsedAt.getTime() / STEP_MS);
  const now = Date.now();
  const at = Math.floor(now / STEP_MS) > lastStep ? new Date(now) : new Date((lastStep + 1) * STEP_MS + 1_000);
  return totpCode(secret, at);
}

export { totpCode };

/** Clicks 日本語 or English in the visible language switch (its radios are visually hidden). */
export async function switchLanguage(page: Page, label: '日本語' | 'English'): Promise<void> {
  await page.locator('label', { hasText: label }).filter({ visible: true }).click();
}

/** An in-process actor for seeding through the services (a role of a unit), as the CLI acts. */
export function actorOf(userId: string, unitId: string, role: Role): Actor {
  return { userId, username: userId, roles: [role], unitId, permissions: permissionsOf([role]), via: 'cli', credentialId: 'e2e' };
}

/** The id of a seeded unit by its code. */
export async function unitIdOf(server: RunningKoban, code: string): Promise<string> {
  const unitId = await server.koban.services.units.findIdByCode(code);
  assert.ok(unitId, `the seed has ${code}`);
  return unitId;
}
