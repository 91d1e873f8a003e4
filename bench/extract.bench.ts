// Extraction throughput on one core over a mixed Japanese/English corpus (default 50 MB).
import { extractObservables } from '#modules/observables/index.ts';
import { machine } from './support.ts';
import { buildTextCorpus } from './text-corpus.ts';

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const scaleIndex = args.indexOf('--scale');
  const scale = scaleIndex >= 0 ? Number(args[scaleIndex + 1] ?? '1') : 1;
  const megabytes = Math.max(1, Math.round(50 * scale));
  const documents = buildTextCorpus(megabytes);
  const bytes = documents.reduce((sum, d) => sum + Buffer.byteLength(d), 0);
  for (const document of documents.slice(0, 2000)) extractObservables(document);
  let found = 0;
  const started = process.hrtime.bigint();
  for (const document of documents) found += extractObservables(document).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await Promise.resolve();
  return {
    bench: 'extract',
    mb_per_s: Number((bytes / 1024 / 1024 / seconds).toFixed(1)),
    megabytes: Number((bytes / 1024 / 1024).toFixed(1)),
    documents: documents.length,
    observables: found,
    seconds: Number(seconds.toFixed(2)),
    peak_rss_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    machine: machine(),
  };
}
