import { text as readStream } from 'node:stream/consumers';
import { extractObservables, MAX_TEXT_CHARS } from '#modules/observables/index.ts';
import { openKoban } from '../../server.ts';
import { UsageError, type Command } from '../command.ts';

export const extractCommand: Command = {
  name: 'extract',
  usage: 'koban extract [--offsets] [--warn] < TEXT',
  summary: 'Print the observables in text on stdin as JSON / 標準入力から観測情報を抽出',
  async run({ args, out }) {
    const input = await readStream(process.stdin);
    if (input.length > MAX_TEXT_CHARS) throw new UsageError(`input over ${MAX_TEXT_CHARS} characters`);
    const withOffsets = args.flags.has('offsets');
    const found = extractObservables(input, { includeWarnings: args.flags.has('warn') });
    const seen = new Set<string>();
    const rows = found.flatMap((o) => {
      if (!withOffsets) {
        const key = `${o.type}\u0000${o.value}`;
        if (seen.has(key)) return [];
        seen.add(key);
      }
      return [{ type: o.type, value: o.value, ...(o.warning ? { warning: o.warning } : {}), ...(withOffsets ? { start: o.start, end: o.end } : {}) }];
    });
    out(JSON.stringify(rows, null, 2));
  },
};

export const lookupCommand: Command = {
  name: 'lookup',
  usage: 'koban lookup VALUE... [--json]',
  summary: 'Look values up in the store, in any written form / 観測情報の照会',
  async run({ args, loadConfig, out }) {
    if (args.positionals.length === 0) throw new UsageError('missing VALUE');
    const koban = await openKoban(loadConfig());
    try {
      const results = await koban.services.observables.lookup(args.positionals);
      if (args.flags.has('json')) return out(JSON.stringify(results, null, 2));
      for (const r of results)
        out(
          `${r.input}\t${r.type ?? '-'}\t${r.value ?? '-'}\t${r.known ? `known sightings=${r.sightings} sources=${r.sources} last=${r.lastSeenAt ?? ''}` : 'unknown'}${r.warning ? `\twarning=${r.warning}` : ''}`,
        );
    } finally {
      await koban.close();
    }
  },
};
