import { createDatabase, migrateToLatest } from '#kernel/db/index.ts';
import { t } from '#kernel/i18n/index.ts';
import type { Command } from '../command.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'koban migrate',
  summary: 'Apply pending database migrations / データベースを最新化',
  async run({ loadConfig, locale, out }) {
    const database = createDatabase(loadConfig());
    try {
      const applied = await migrateToLatest(database);
      out(t(locale, 'cli.migrated', { count: applied.length }));
    } finally {
      await database.close();
    }
  },
};
