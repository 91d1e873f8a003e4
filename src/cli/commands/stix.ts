import { readFile } from 'node:fs/promises';
import { t } from '#kernel/i18n/index.ts';
import { validateStixBundle, type StixIssue } from '#modules/sharing/index.ts';
import { CommandExit, type Command } from '../command.ts';

function formatIssue(issue: StixIssue): string {
  return `#${issue.index ?? '-'} ${issue.id ?? '-'} ${issue.path || '-'}: ${issue.message}`;
}

function errorReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const stixValidateCommand: Command = {
  name: 'stix validate',
  usage: 'koban stix validate FILE [--json]',
  summary: 'Check a STIX 2.1 bundle; exit 0 valid, 1 invalid (one reason a line), 2 unreadable / STIX 2.1 バンドルの検証',
  async run({ args, locale, out }) {
    const [file, extra] = args.positionals;
    if (file === undefined || extra !== undefined) throw new CommandExit(t(locale, 'cli.usage_error', { message: 'koban stix validate FILE [--json]' }), 2);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new CommandExit(t(locale, 'cli.stix_read_failed', { file, reason: errorReason(error) }), 2);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new CommandExit(t(locale, 'cli.stix_not_json', { file, reason: errorReason(error) }), 2);
    }
    const report = validateStixBundle(parsed, { locale });
    if (args.flags.has('json')) out(JSON.stringify(report, null, 2));
    else {
      for (const issue of report.errors) out(formatIssue(issue));
      for (const issue of report.warnings) out(`${t(locale, 'cli.stix_warning')} ${formatIssue(issue)}`);
      const types = Object.entries(report.counts.byType)
        .map(([type, count]) => `${type} ${count}`)
        .join(', ');
      out(
        report.valid
          ? t(locale, 'cli.stix_valid', { objects: report.counts.objects, types: types || '-' })
          : t(locale, 'cli.stix_invalid', { errors: report.errors.length, warnings: report.warnings.length }),
      );
    }
    if (!report.valid) throw new CommandExit('', 1);
  },
};
