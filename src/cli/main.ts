// The `koban` CLI: another adapter over the same services as HTTP. Exit 0 ok, 1 user error, 2 internal error.
import { AppError } from '#kernel/errors.ts';
import { ConfigError, loadConfig } from '#kernel/config.ts';
import { t, type Locale } from '#kernel/i18n/index.ts';
import { CommandExit, parseArgs, UsageError, type Command } from './command.ts';
import { auditVerifyCommand, AuditChainBroken } from './commands/audit.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { migrateCommand } from './commands/migrate.ts';
import { extractCommand, lookupCommand } from './commands/observables.ts';
import { serveCommand } from './commands/serve.ts';
import { seedDemoCommand } from './commands/seed.ts';
import { stixValidateCommand } from './commands/stix.ts';
import { exportCsvCommand, exportStixCommand, importCsvCommand, importMispCommand, importStixCommand, mispFeedCommand } from './commands/sharing.ts';
import { unitListCommand } from './commands/unit.ts';
import { userCreateCommand, userDisableCommand, userResetPasswordCommand } from './commands/user.ts';

const COMMANDS: Command[] = [
  serveCommand,
  migrateCommand,
  userCreateCommand,
  userResetPasswordCommand,
  userDisableCommand,
  unitListCommand,
  auditVerifyCommand,
  backupCommand,
  restoreCommand,
  extractCommand,
  lookupCommand,
  seedDemoCommand,
  stixValidateCommand,
  importStixCommand,
  importCsvCommand,
  importMispCommand,
  exportStixCommand,
  exportCsvCommand,
  mispFeedCommand,
];

function helpText(commands: Command[]): string {
  return [
    'Koban — サイバー業務基盤 / cyber-operations platform',
    '',
    'Usage:',
    ...commands.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    '  --help   このヘルプ / this help',
  ].join('\n');
}

function findCommand(words: string[]): { command: Command; rest: string[] } | { group: Command[] } | null {
  for (const command of COMMANDS) {
    const parts = command.name.split(' ');
    if (parts.every((part, i) => words[i] === part)) return { command, rest: words.slice(parts.length) };
  }
  const group = COMMANDS.filter((c) => words[0] !== undefined && c.name.split(' ')[0] === words[0]);
  return group.length > 0 ? { group } : null;
}

function cliLocale(): Locale {
  try {
    return loadConfig().locale;
  } catch {
    return 'ja';
  }
}

export async function runCli(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const parsed = parseArgs(argv);
  const wantsHelp = parsed.flags.has('help') || parsed.positionals.length === 0;
  const found = findCommand(parsed.positionals);
  if (!found || 'group' in found) {
    const list = found && 'group' in found ? found.group : COMMANDS;
    (wantsHelp ? out : err)(helpText(list));
    return wantsHelp ? 0 : 1;
  }
  if (wantsHelp) {
    out(`Usage: ${found.command.usage}\n  ${found.command.summary}`);
    return 0;
  }
  const locale = cliLocale();
  try {
    await found.command.run({ args: { positionals: found.rest, flags: parsed.flags }, loadConfig: () => loadConfig(), locale, out });
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      err([t(locale, 'config.invalid'), ...error.problems.map((p) => `  ${p.variable}: ${p.message}`)].join('\n'));
      return 1;
    }
    if (error instanceof UsageError) {
      err(`${t(locale, 'cli.usage_error', { message: error.message })}\nUsage: ${found.command.usage}`);
      return 1;
    }
    if (error instanceof CommandExit) {
      if (error.message) err(error.message);
      return error.exitCode;
    }
    if (error instanceof AuditChainBroken) {
      err(`NG ${error.message}`);
      return 1;
    }
    if (error instanceof AppError && error.status < 500) {
      err(`${error.code}: ${t(locale, error.code, error.details)}`);
      return 1;
    }
    err(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 2;
  }
}

const isMain =
  process.argv[1] !== undefined && (import.meta.url.endsWith(process.argv[1]) || process.argv[1].endsWith('bin/koban.js') || process.argv[1].endsWith('koban'));
if (isMain) {
  const code = await runCli(
    process.argv.slice(2),
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`${line}\n`),
  );
  if (code !== 0 || !process.argv.slice(2).includes('serve')) process.exitCode = code;
}
