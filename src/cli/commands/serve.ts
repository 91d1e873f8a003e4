import { SYSTEM_ACTOR } from '#kernel/auth/index.ts';
import { t } from '#kernel/i18n/index.ts';
import { buildHttpApp, openKoban } from '../../server.ts';
import type { Command } from '../command.ts';
import { seedDemoOnFirstStart } from './seed.ts';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'koban serve',
  summary: 'Migrate, seed on first start and serve HTTP / マイグレーション後にサーバを起動',
  async run({ loadConfig, locale, out }) {
    const config = loadConfig();
    const koban = await openKoban(config);
    const first = await koban.services.users.createFirstAdministrator(SYSTEM_ACTOR, (await koban.services.units.findIdByCode('cyber_planning')) ?? null);
    if (first) out(t(locale, 'cli.first_admin', { username: first.username, password: first.initialPassword }));
    // After the administrator, so a demo instance still gets one; the seeder uses its own clock and instance.
    if (config.demo) await seedDemoOnFirstStart(config, locale, out);
    const app = await buildHttpApp(koban);
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      koban.logger.info({ signal }, 'shutting down');
      await app.close();
      await koban.close();
      process.exit(0);
    };
    process.once('SIGINT', (s) => void shutdown(s));
    process.once('SIGTERM', (s) => void shutdown(s));
    await app.listen({ host: config.host, port: config.port });
    koban.startBackgroundJobs();
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    out(t(locale, 'cli.listening', { url: `http://${shownHost}:${port}` }));
    await new Promise(() => undefined);
  },
};
