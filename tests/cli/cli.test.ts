// The `koban` CLI as a user runs it: a real process on a real SQLite file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { loadConfig } from '#kernel/config.ts';
import { buildHttpApp, openKoban } from '../../src/server.ts';

const BIN = join(import.meta.dirname, '../../bin/koban.js');
let root: string;
let dataDir: string;

function koban(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', KOBAN_DATA_DIR: dataDir, KOBAN_LOG_LEVEL: 'silent', ...env },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'koban-cli-'));
  dataDir = join(root, 'data');
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('koban CLI', () => {
  it('prints help for every command and exits 0; an unknown command exits 1', () => {
    const help = koban(['--help']);
    assert.equal(help.code, 0);
    for (const name of ['serve', 'migrate', 'user create', 'user reset-password', 'user disable', 'unit list', 'audit verify', 'backup', 'restore'])
      assert.ok(help.out.includes(`koban ${name}`), name);
    assert.equal(koban(['user', 'create', '--help']).code, 0);
    assert.match(koban(['user', 'create', '--help']).out, /--role/);
    assert.equal(koban(['frobnicate']).code, 1);
  });

  it('stops with every bad configuration variable named, exit 1', () => {
    const result = koban(['migrate'], { KOBAN_PORT: 'eighty', KOBAN_SESSION_IDLE_MINUTES: '-5', KOBAN_DATABASE_URL: 'mysql://x' });
    assert.equal(result.code, 1);
    for (const variable of ['KOBAN_PORT', 'KOBAN_SESSION_IDLE_MINUTES', 'KOBAN_DATABASE_URL']) assert.match(result.err, new RegExp(variable));
  });

  it('migrates, creates users, lists units and refuses bad usage with exit 1', () => {
    assert.equal(koban(['migrate']).code, 0);
    const created = koban(['user', 'create', 'tanaka', '--role', 'cyber_investigator', '--name', '田中 一郎', '--unit', 'cyber_investigation']);
    assert.equal(created.code, 0, created.err);
    assert.match(created.out, /tanaka.*[A-Za-z0-9]{16}/);
    const duplicate = koban(['user', 'create', 'tanaka', '--role', 'cyber_analyst']);
    assert.equal(duplicate.code, 1);
    assert.match(duplicate.err, /user\.username_taken/);
    assert.equal(koban(['user', 'create', 'suzuki', '--role', 'wizard']).code, 1);
    assert.equal(koban(['user', 'create']).code, 1);
    const units = koban(['unit', 'list']);
    assert.equal(units.code, 0);
    assert.match(units.out, /茨城県警察本部 \(ibaraki_hq\)/);
    assert.match(units.out, /\n {2}水戸警察署 \(station_mito\)/);
    assert.match(koban(['unit', 'list'], { KOBAN_LOCALE: 'en' }).out, /Mito Police Station/);
    const reset = koban(['user', 'reset-password', 'tanaka']);
    assert.equal(reset.code, 0);
    assert.equal(koban(['user', 'disable', 'tanaka']).code, 0);
    assert.equal(koban(['user', 'disable', 'nobody']).code, 1);
  });

  it('audit verify says OK, then names a row edited by hand in SQLite', () => {
    const ok = koban(['audit', 'verify']);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /^OK/);
    const sqlite = new Database(join(dataDir, 'koban.db'));
    const row = sqlite.prepare("select seq from audit_entry where action = 'user.created' order by seq limit 1").get() as { seq: number };
    sqlite.prepare('update audit_entry set changes = \'{"username":"someone-else"}\' where seq = ?').run(row.seq);
    sqlite.close();
    const broken = koban(['audit', 'verify']);
    assert.equal(broken.code, 1);
    assert.match(broken.err, new RegExp(`NG 監査ログ #${row.seq} が改ざんされています`));
  });

  it('catches entries cut off the end of the chain given a head recorded earlier', () => {
    const tailDir = join(root, 'tail-data');
    assert.equal(koban(['user', 'create', 'kato', '--role', 'csirt'], { KOBAN_DATA_DIR: tailDir }).code, 0);
    const first = koban(['audit', 'verify'], { KOBAN_DATA_DIR: tailDir });
    const head = /head (\d+:[0-9a-f]{64})/.exec(first.out)?.[1] ?? '';
    assert.ok(head, first.out);
    const sqlite = new Database(join(tailDir, 'koban.db'));
    sqlite.prepare('delete from audit_entry where seq = (select max(seq) from audit_entry)').run();
    sqlite.close();
    assert.equal(koban(['audit', 'verify'], { KOBAN_DATA_DIR: tailDir }).code, 0);
    const checked = koban(['audit', 'verify', '--expect-head', head], { KOBAN_DATA_DIR: tailDir });
    assert.equal(checked.code, 1);
    assert.match(checked.err, /NG/);
    assert.equal(koban(['user', 'create', 'Bad Name', '--role', 'csirt'], { KOBAN_DATA_DIR: tailDir }).code, 1);
  });

  it('backs up online and restores into an empty directory that starts and verifies', async () => {
    const fresh = join(root, 'fresh-data');
    const freshEnv = { KOBAN_DATA_DIR: fresh };
    assert.equal(koban(['user', 'create', 'sato', '--role', 'csirt'], freshEnv).code, 0);
    const backupDir = join(root, 'backup');
    const backup = koban(['backup', backupDir], freshEnv);
    assert.equal(backup.code, 0, backup.err);
    assert.ok(readdirSync(backupDir).includes('koban.db'));
    assert.equal(koban(['backup', backupDir], freshEnv).code, 1);
    const restored = join(root, 'restored');
    const restore = koban(['restore', backupDir], { KOBAN_DATA_DIR: restored });
    assert.equal(restore.code, 0, restore.err);
    assert.match(restore.out, /OK/);
    assert.equal(koban(['restore', backupDir], { KOBAN_DATA_DIR: restored }).code, 1);
    const config = loadConfig({}, { KOBAN_DATA_DIR: restored, KOBAN_LOG_LEVEL: 'silent', KOBAN_WEB_DIST: join(root, 'none') });
    const instance = await openKoban(config);
    const app = await buildHttpApp(instance);
    try {
      assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
      assert.ok(await instance.services.users.findIdByUsername('sato'));
    } finally {
      await app.close();
      await instance.close();
    }
  });

  it('tells PostgreSQL users to back up with pg_dump', () => {
    const result = koban(['backup', join(root, 'pg-backup')], { KOBAN_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    assert.equal(result.code, 0);
    assert.match(result.out, /pg_dump/);
  });
});

describe('koban extract and lookup', () => {
  function kobanWithInput(args: string[], input: string | Buffer) {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      input,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', KOBAN_DATA_DIR: dataDir, KOBAN_LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  }

  it('prints canonical values as JSON, with offsets and warning-listed values on request', () => {
    const text = '連絡先 ０９０－１２３４－５６７８ と hxxps://evil[.]example-shop[.]jp/login、DNS 8.8.8.8';
    const plain = kobanWithInput(['extract'], text);
    assert.equal(plain.code, 0, plain.err);
    assert.deepEqual(JSON.parse(plain.out), [
      { type: 'phone', value: '+819012345678' },
      { type: 'url', value: 'https://evil.example-shop.jp/login' },
    ]);
    const withAll = JSON.parse(kobanWithInput(['extract', '--offsets', '--warn'], text).out);
    assert.equal(withAll.length, 3);
    assert.equal(text.slice(withAll[0].start, withAll[0].end), '０９０－１２３４－５６７８');
    assert.equal(withAll[2].warning, 'public_resolver');
  });

  it('survives binary input', () => {
    const binary = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256));
    const result = kobanWithInput(['extract'], binary);
    assert.equal(result.code, 0, result.err);
    assert.ok(Array.isArray(JSON.parse(result.out)));
  });

  it('looks values up in the store', () => {
    const result = koban(['lookup', '45[.]137[.]21[.]9', 'nonsense']);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /45\[\.\]137\[\.\]21\[\.\]9\tipv4\t45\.137\.21\.9\tunknown/);
    assert.match(result.out, /nonsense\t-\t-\tunknown/);
  });
});

describe('koban serve', () => {
  it('creates the first administrator once, serves, and shuts down gracefully on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const serveDir = join(root, 'serve-data');
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        PATH: process.env.PATH ?? '',
        KOBAN_DATA_DIR: serveDir,
        KOBAN_LOG_LEVEL: 'silent',
        KOBAN_PORT: '0',
        KOBAN_HOST: '127.0.0.1',
        KOBAN_WEB_DIST: join(root, 'none'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${String(code)}: ${output}`)));
    });
    assert.match(output, /ユーザー名: admin 初期パスワード\(一度だけ表示\): [A-Za-z0-9]{16}/);
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    const exitCode = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exitCode, 0);
    const again = koban(['unit', 'list'], { KOBAN_DATA_DIR: serveDir });
    assert.equal(again.code, 0);
  });
});
