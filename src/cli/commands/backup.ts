// Online backup of the embedded SQLite database (and the file store, once there is one), and
// restore into an empty data directory. PostgreSQL deployments use pg_dump.
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { verifyAuditChain } from '#kernel/audit/index.ts';
import { openSqlite } from '#kernel/db/index.ts';
import { t } from '#kernel/i18n/index.ts';
import { describeVerdict } from '#modules/audit/index.ts';
import type { Config } from '#kernel/config.ts';
import { requirePositional, UsageError, type Command, type ParsedArgs } from '../command.ts';
import { AuditChainBroken } from './audit.ts';

const DB_FILE = 'koban.db';
const FILES_DIR = 'files';

function isEmptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

function sqliteTarget(args: ParsedArgs, loadConfig: () => Config) {
  return { dir: resolve(requirePositional(args, 0, 'DIR')), config: loadConfig() };
}

export const backupCommand: Command = {
  name: 'backup',
  usage: 'koban backup DIR',
  summary: 'Online backup of the SQLite database into an empty DIR / バックアップ',
  async run({ args, loadConfig, locale, out }) {
    const { dir, config } = sqliteTarget(args, loadConfig);
    if (config.databaseUrl) return out(t(locale, 'cli.backup_postgres'));
    if (!isEmptyOrMissing(dir)) throw new UsageError(t(locale, 'cli.restore_target_not_empty', { dir }));
    if (!existsSync(config.sqlitePath)) throw new UsageError(t(locale, 'cli.backup_missing', { dir: config.dataDir }));
    mkdirSync(dir, { recursive: true });
    const database = openSqlite(config.sqlitePath);
    try {
      await database.sqlite?.backup(join(dir, DB_FILE));
    } finally {
      await database.close();
    }
    const files = join(config.dataDir, FILES_DIR);
    if (existsSync(files)) cpSync(files, join(dir, FILES_DIR), { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: 'koban-backup-1', createdAt: new Date().toISOString(), database: DB_FILE }, null, 2));
    out(t(locale, 'cli.backup_done', { dir }));
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'koban restore DIR',
  summary: 'Restore a backup into the (empty) data directory and verify it / 復元',
  async run({ args, loadConfig, locale, out }) {
    const { dir, config } = sqliteTarget(args, loadConfig);
    if (config.databaseUrl) return out(t(locale, 'cli.backup_postgres'));
    if (!existsSync(join(dir, DB_FILE))) throw new UsageError(t(locale, 'cli.backup_missing', { dir }));
    if (!isEmptyOrMissing(config.dataDir)) throw new UsageError(t(locale, 'cli.restore_target_not_empty', { dir: config.dataDir }));
    mkdirSync(config.dataDir, { recursive: true });
    cpSync(join(dir, DB_FILE), config.sqlitePath);
    if (existsSync(join(dir, FILES_DIR))) cpSync(join(dir, FILES_DIR), join(config.dataDir, FILES_DIR), { recursive: true });
    const database = openSqlite(config.sqlitePath);
    try {
      const verdict = await verifyAuditChain(database.db);
      if (!verdict.ok) throw new AuditChainBroken(describeVerdict(verdict, locale));
      out(t(locale, 'cli.restore_done', { dir }));
      out(`OK ${describeVerdict(verdict, locale)}`);
    } finally {
      await database.close();
    }
  },
};
