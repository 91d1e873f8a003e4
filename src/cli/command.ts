import type { Config } from '#kernel/config.ts';
import type { Locale } from '#kernel/i18n/index.ts';

export type ParsedArgs = { positionals: string[]; flags: Map<string, string | true> };

export type CommandContext = {
  args: ParsedArgs;
  loadConfig: () => Config;
  locale: Locale;
  out: (line: string) => void;
};

export type Command = {
  /** The words that select it, e.g. 'user create'. */
  name: string;
  usage: string;
  summary: string;
  run(context: CommandContext): Promise<void>;
};

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) flags.set(name, inline);
    else if (next !== undefined && !next.startsWith('--') && VALUE_FLAGS.has(name)) {
      flags.set(name, next);
      i += 1;
    } else flags.set(name, true);
  }
  return { positionals, flags };
}

const VALUE_FLAGS = new Set([
  'role',
  'roles',
  'name',
  'unit',
  'email',
  'port',
  'host',
  'expect-head',
  'seed',
  'scale',
  'password',
  'tlp',
  'group',
  'types',
  'out',
  'map',
  'delimiter',
]);

export function flagValue(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function requirePositional(args: ParsedArgs, index: number, label: string): string {
  const value = args.positionals[index];
  if (!value) throw new UsageError(`missing ${label}`);
  return value;
}

/** Ends a command with its own exit code, after printing `message` (if any) to stderr. */
export class CommandExit extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CommandExit';
  }
}
