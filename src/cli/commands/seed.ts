// `koban seed demo`: demo data through the same services as HTTP, on a clock moved through the
// fictitious year 2026. Also run by `serve` when KOBAN_DEMO=1 finds an empty instance.
import { generateOneTimePassword } from '#kernel/auth/index.ts';
import { createManualClock } from '#kernel/clock.ts';
import type { Config } from '#kernel/config.ts';
import { t, type Locale } from '#kernel/i18n/index.ts';
import { countExistingWork, DEMO_YEAR_START, seedDemo, type DemoOptions, type DemoSummary } from '#modules/demo/index.ts';
import { openKoban } from '../../server.ts';
import { flagValue, UsageError, type Command, type ParsedArgs } from '../command.ts';

const DEFAULT_SEED = 2026;

/** Opens the instance on a clock of its own (the demo year), seeds it and closes it again. */
export async function runDemoSeed(config: Config, options: DemoOptions): Promise<DemoSummary> {
  const clock = createManualClock(new Date(DEMO_YEAR_START));
  const koban = await openKoban(config, { clock });
  try {
    return await seedDemo(koban.services, koban.database.db, clock, options);
  } finally {
    await koban.close();
  }
}

function numberFlag(args: ParsedArgs, name: string, fallback: number): number {
  const text = flagValue(args, name);
  if (args.flags.get(name) === true) throw new UsageError(`--${name} needs a value`);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || text.trim() === '') throw new UsageError(`--${name} must be a number`);
  return value;
}

function printSummary(summary: DemoSummary, password: string | null, locale: Locale, out: (line: string) => void): void {
  out(t(locale, 'cli.demo_seeded', { ...summary }));
  out(t(locale, 'cli.demo_users'));
  for (const officer of summary.officers) out(`  ${officer.username}\t${officer.role ?? ''}\t${officer.unitCode}\t${officer.displayName}`);
  out(password === null ? t(locale, 'cli.demo_password_given') : t(locale, 'cli.demo_password', { password }));
}

export const seedDemoCommand: Command = {
  name: 'seed demo',
  usage: 'koban seed demo [--seed N] [--scale S] [--password PASSWORD] [--force] [--json]',
  summary: "Fill an empty instance with a fictitious prefecture's year (demo data) / デモデータを投入",
  async run({ args, loadConfig, locale, out }) {
    const seed = numberFlag(args, 'seed', DEFAULT_SEED);
    const scale = numberFlag(args, 'scale', 1);
    const chosen = flagValue(args, 'password') ?? null;
    const password = chosen ?? generateOneTimePassword();
    const summary = await runDemoSeed(loadConfig(), { seed, scale, password, force: args.flags.has('force') });
    if (args.flags.has('json')) out(JSON.stringify({ ...summary, ...(chosen === null ? { password } : {}) }));
    else printSummary(summary, chosen === null ? password : null, locale, out);
  },
};

/** KOBAN_DEMO=1: on a start that finds no cases or intake items, seed the demo year first. */
export async function seedDemoOnFirstStart(config: Config, locale: Locale, out: (line: string) => void): Promise<void> {
  const probe = await openKoban(config);
  const existing = await countExistingWork(probe.database.db).finally(() => probe.close());
  if (existing > 0) return out(t(locale, 'cli.demo_skipped'));
  out(t(locale, 'cli.demo_seeding'));
  const password = generateOneTimePassword();
  printSummary(await runDemoSeed(config, { seed: DEFAULT_SEED, scale: 1, password, force: false }), password, locale, out);
}
