// `koban import stix|csv|misp FILE`, `koban export stix|csv` and `koban misp feed`: bulk exchange through the same sharing
// service as HTTP and TAXII, with a progress bar (rate and ETA) on stderr and provenance naming
// the operating-system user who ran the command.
import { createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { finished } from 'node:stream/promises';
import { t, type Locale } from '#kernel/i18n/index.ts';
import { Tlp, type ImportActor, type ImportEntry, type ImportSummary, type StixIssue } from '#modules/sharing/index.ts';
import { csvEntries, parseCsvMappingFlag } from '#modules/sharing/csv-import.ts';
import { mispEntries } from '#modules/sharing/misp-exchange.ts';
import { writeMispFeed } from '#modules/sharing/misp/index.ts';
import { openKoban } from '../../server.ts';
import { CommandExit, flagValue, UsageError, type Command, type ParsedArgs } from '../command.ts';
import { createProgress } from '../progress.ts';

const SHOWN_PROBLEMS = 20;

function cliActor(): ImportActor {
  const label = userInfo().username;
  return { kind: 'cli', id: null, label, audit: { type: 'cli', id: null } };
}

function tlpFlag(args: ParsedArgs, fallback: Tlp): Tlp {
  const text = flagValue(args, 'tlp');
  if (args.flags.get('tlp') === true) throw new UsageError('--tlp needs a value (clear, green, amber, amber+strict, red)');
  if (text === undefined) return fallback;
  const parsed = Tlp.safeParse(text.toLowerCase().replace(/^tlp:/, ''));
  if (!parsed.success) throw new UsageError(`--tlp must be one of clear, green, amber, amber+strict, red`);
  return parsed.data;
}

function progressWords(locale: Locale) {
  return { eta: t(locale, 'cli.progress_eta'), elapsed: t(locale, 'cli.progress_elapsed'), perSecond: t(locale, 'cli.progress_per_second') };
}

function formatProblem(issue: StixIssue): string {
  return `  #${issue.index ?? '-'} ${issue.id ?? '-'} ${issue.path || '-'}: ${issue.message}`;
}

function report(summary: ImportSummary, args: ParsedArgs, locale: Locale, out: (line: string) => void): void {
  if (args.flags.has('json')) out(JSON.stringify({ ...summary, accepted: undefined, problems: summary.problems.slice(0, 1000) }));
  else {
    out(t(locale, summary.status === 'done' ? 'cli.import_done' : 'cli.import_failed', { ...summary }));
    for (const issue of summary.problems.slice(0, SHOWN_PROBLEMS)) out(formatProblem(issue));
    if (summary.problems.length > SHOWN_PROBLEMS)
      out(t(locale, 'cli.import_more_problems', { count: summary.refused - SHOWN_PROBLEMS, batchId: summary.batchId }));
  }
  if (summary.status === 'failed' || summary.refused > 0) throw new CommandExit('', 1);
}

async function fileSize(file: string, locale: Locale): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    throw new CommandExit(t(locale, 'cli.stix_read_failed', { file, reason: error instanceof Error ? error.message : String(error) }), 2);
  }
}

/** Imports converted entries (CSV rows, MISP events) with a progress line and the usual report. */
async function importEntries(
  context: { args: ParsedArgs; locale: Locale; out: (line: string) => void },
  koban: Awaited<ReturnType<typeof openKoban>>,
  file: string,
  kind: 'csv' | 'misp',
  defaultTlp: Tlp,
  convert: (identityId: string) => ImportEntry[],
): Promise<void> {
  const { args, locale, out } = context;
  const progress = createProgress({ label: t(locale, 'cli.import_label', { file }), words: progressWords(locale) });
  const entries = convert(koban.services.sharing.identity().id);
  progress.setTotal(entries.length);
  const summary = await koban.services.sharing.importObjects(entries, {
    kind,
    source: `file:${file}`,
    actor: cliActor(),
    defaultTlp,
    locale,
    onProgress: (done) => progress.set(done),
  });
  progress.finish();
  report(summary, args, locale, out);
}

export const importStixCommand: Command = {
  name: 'import stix',
  usage: 'koban import stix FILE [--tlp LEVEL] [--json]',
  summary: 'Import a STIX 2.1 bundle of any size (objects without a marking get --tlp, default amber) / STIX 2.1 バンドルの取込',
  async run({ args, loadConfig, locale, out }) {
    const file = args.positionals[0];
    if (file === undefined) throw new UsageError('koban import stix FILE [--tlp LEVEL] [--json]');
    const path: string = file;
    const defaultTlp = tlpFlag(args, 'amber');
    const size = await fileSize(file, locale);
    const koban = await openKoban(loadConfig());
    const progress = createProgress({ label: t(locale, 'cli.import_label', { file }), words: progressWords(locale) });
    try {
      const summary = await koban.services.sharing.importFile(path, {
        kind: 'stix',
        source: `file:${file}`,
        actor: cliActor(),
        defaultTlp,
        locale,
        onProgress: (done, bytesRead) => {
          // The total is estimated from the bytes read so far: a streamed file is never counted twice.
          if (bytesRead !== undefined && bytesRead > 0 && done > 0) progress.setTotal(Math.max(done, Math.round((size * done) / bytesRead)));
          progress.set(done);
        },
      });
      progress.setTotal(summary.total);
      progress.finish();
      report(summary, args, locale, out);
    } finally {
      await koban.close();
    }
  },
};

export const importCsvCommand: Command = {
  name: 'import csv',
  usage: 'koban import csv FILE [--map value=0,type=1,tlp=2,first_seen=3,last_seen=4,labels=5,description=6,confidence=7] [--no-header] [--tlp LEVEL] [--json]',
  summary: 'Import indicators from CSV (UTF-8 or Shift_JIS; columns guessed from the header unless --map) / CSV から指標を取込',
  async run({ args, loadConfig, locale, out }) {
    const [file] = args.positionals;
    if (file === undefined) throw new UsageError('koban import csv FILE [--map …] [--tlp LEVEL]');
    const defaultTlp = tlpFlag(args, 'amber');
    let bytes: Buffer;
    let modified: Date;
    try {
      bytes = await readFile(file);
      modified = (await stat(file)).mtime;
    } catch (error) {
      throw new CommandExit(t(locale, 'cli.stix_read_failed', { file, reason: error instanceof Error ? error.message : String(error) }), 2);
    }
    const mapping = parseCsvMappingFlag(flagValue(args, 'map'), !args.flags.has('no-header'));
    const koban = await openKoban(loadConfig());
    try {
      await importEntries(
        { args, locale, out },
        koban,
        file,
        'csv',
        defaultTlp,
        (identityId) => csvEntries(bytes, mapping, { defaultTlp, identityId, now: modified.toISOString(), locale }).entries,
      );
    } finally {
      await koban.close();
    }
  },
};

export const exportStixCommand: Command = {
  name: 'export stix',
  usage: 'koban export stix [--tlp LEVEL | --group NAME] [--types indicator,…] [--catalogue] [--out FILE]',
  summary: "Write one STIX 2.1 bundle of what a receiver may see (default up to TLP:GREEN; --group: that group's collection) / STIX 2.1 出力",
  async run({ args, loadConfig, locale, out }) {
    const types = flagValue(args, 'types')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const file = flagValue(args, 'out');
    const koban = await openKoban(loadConfig());
    try {
      const { allowed, groupId } = await receiverOf(koban, args, locale);
      const target = file === undefined ? process.stdout : createWriteStream(file);
      const progress = file === undefined ? null : createProgress({ label: t(locale, 'cli.export_label', { file }), words: progressWords(locale) });
      const written = await koban.services.sharing.exportBundle(
        target,
        { allowed, groupId, types: types ?? null, catalogue: args.flags.has('catalogue') },
        (n) => progress?.set(n),
      );
      if (file !== undefined) {
        target.end();
        await finished(target);
        progress?.finish();
        out(t(locale, 'cli.export_done', { count: written, file, tlp: allowed.toUpperCase() }));
      }
    } finally {
      await koban.close();
    }
  },
};

export const importMispCommand: Command = {
  name: 'import misp',
  usage: 'koban import misp FILE [--tlp LEVEL] [--json]',
  summary: 'Import MISP event JSON (one event, a list, or a REST search result); galaxies join the threat catalogue / MISP イベントの取込',
  async run({ args, loadConfig, locale, out }) {
    const [file] = args.positionals;
    if (file === undefined) throw new UsageError('koban import misp FILE [--tlp LEVEL]');
    const defaultTlp = tlpFlag(args, 'amber');
    let document: unknown;
    try {
      document = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new CommandExit(t(locale, 'cli.stix_not_json', { file, reason: error instanceof Error ? error.message : String(error) }), 2);
    }
    const koban = await openKoban(loadConfig());
    try {
      await importEntries(
        { args, locale, out },
        koban,
        file,
        'misp',
        defaultTlp,
        (identityId) => mispEntries(document, { defaultTlp, identityId, locale }).entries,
      );
    } finally {
      await koban.close();
    }
  },
};

/** The receiver of an export: a sharing group (its collection, at its level) or a TLP level. */
async function receiverOf(koban: Awaited<ReturnType<typeof openKoban>>, args: ParsedArgs, locale: Locale) {
  const groupName = flagValue(args, 'group');
  if (groupName === undefined) return { allowed: tlpFlag(args, 'green'), groupId: null, group: null };
  if (args.flags.has('tlp')) throw new UsageError('--tlp and --group exclude each other: a group has its own level');
  const group = await koban.services.sharing.groups.findByName(groupName);
  if (!group) throw new CommandExit(t(locale, 'sharing.group_not_found'), 1);
  return { allowed: group.maxTlp, groupId: group.id, group };
}

export const exportCsvCommand: Command = {
  name: 'export csv',
  usage: 'koban export csv [--tlp LEVEL | --group NAME] [--out FILE]',
  summary: 'Write the indicators a receiver may see as CSV (UTF-8 with BOM, for Excel) / 指標の CSV 出力',
  async run({ args, loadConfig, locale, out }) {
    const file = flagValue(args, 'out');
    const koban = await openKoban(loadConfig());
    try {
      const { allowed, groupId } = await receiverOf(koban, args, locale);
      const target = file === undefined ? process.stdout : createWriteStream(file);
      let rows = -1; // the header is no row
      for await (const line of koban.services.sharing.csvLines({ allowed, groupId })) {
        if (!target.write(line)) await new Promise<void>((resolve) => target.once('drain', () => resolve()));
        rows += 1;
      }
      if (file !== undefined) {
        target.end();
        await finished(target);
        out(t(locale, 'cli.export_done', { count: rows, file, tlp: allowed.toUpperCase() }));
      }
    } finally {
      await koban.close();
    }
  },
};

export const mispFeedCommand: Command = {
  name: 'misp feed',
  usage: 'koban misp feed DIR --group NAME',
  summary: "Write a sharing group's MISP feed (manifest.json, one file per event, hashes.csv) for a MISP instance to subscribe to / MISP フィード出力",
  async run({ args, loadConfig, locale, out }) {
    const [dir] = args.positionals;
    const groupName = flagValue(args, 'group');
    if (dir === undefined || groupName === undefined) throw new UsageError('koban misp feed DIR --group NAME');
    const koban = await openKoban(loadConfig());
    try {
      const group = await koban.services.sharing.groups.findByName(groupName);
      if (!group) throw new CommandExit(t(locale, 'sharing.group_not_found'), 1);
      const events = await koban.services.sharing.mispEvents(group.id);
      await writeMispFeed(dir, events);
      out(t(locale, 'cli.misp_feed_done', { count: events.length, dir, tlp: group.maxTlp.toUpperCase() }));
    } finally {
      await koban.close();
    }
  },
};
