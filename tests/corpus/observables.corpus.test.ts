// Labelled corpus for the observable extractor: every tests/corpus/observables/*.jsonl line is one text with the full set
// of (type, canonical value) pairs extractObservables must return for it. Scored per type for precision and recall.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { z } from 'zod';
import { ExtractedObservable, ObservableType } from '#modules/observables/observables.contract.ts';

const CORPUS_DIR = join(import.meta.dirname, 'observables');

const ExpectedObservable = z.strictObject({ type: ObservableType, value: z.string().min(1) });
const CorpusCase = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+-\d{3}$/),
  lang: z.enum(['ja', 'en', 'mixed']),
  text: z.string().min(1),
  expected: z.array(ExpectedObservable),
  includeWarnings: z.boolean(),
});
type CorpusCase = z.infer<typeof CorpusCase> & { file: string };

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

interface Mismatch {
  id: string;
  missing: string[];
  extra: string[];
}

function loadCorpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const files = readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  for (const file of files) {
    const lines = readFileSync(join(CORPUS_DIR, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`${file}:${index + 1}: invalid JSON (${String(error)})`, { cause: error });
      }
      const parsed = CorpusCase.safeParse(json);
      if (!parsed.success) throw new Error(`${file}:${index + 1}: ${z.prettifyError(parsed.error)}`);
      cases.push({ ...parsed.data, file });
    });
  }
  return cases;
}

const key = (type: string, value: string): string => `${type}\t${value}`;
const typeOf = (k: string): ObservableType => ObservableType.parse(k.slice(0, k.indexOf('\t')));
const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);
const fmt = (x: number): string => x.toFixed(3);

const corpus = loadCorpus();

describe('observable corpus', () => {
  it('is well-formed, large enough and covers every type', () => {
    assert.ok(corpus.length >= 300, `corpus has ${corpus.length} cases, want >= 300`);
    const ids = new Set<string>();
    for (const c of corpus) {
      assert.ok(!ids.has(c.id), `duplicate case id ${c.id} (${c.file})`);
      ids.add(c.id);
      const keys = c.expected.map((e) => key(e.type, e.value));
      assert.equal(new Set(keys).size, keys.length, `${c.id}: duplicate expected value`);
    }
    const jaOrMixed = corpus.filter((c) => c.lang !== 'en').length;
    assert.ok(jaOrMixed * 2 >= corpus.length, `only ${jaOrMixed} of ${corpus.length} cases are Japanese or mixed`);
    for (const type of ObservableType.options) {
      const positive = corpus.filter((c) => c.expected.some((e) => e.type === type)).length;
      assert.ok(positive >= 10, `type ${type} has ${positive} positive cases, want >= 10`);
    }
  });

  describe('extractObservables', () => {
    const results = new Map<string, ExtractedObservable[]>();

    before(async () => {
      const { extractObservables } = await import('#modules/observables/index.ts');
      for (const c of corpus) results.set(c.id, extractObservables(c.text, { includeWarnings: c.includeWarnings }));
    });

    it('returns results that satisfy the contract', () => {
      for (const c of corpus) {
        for (const hit of results.get(c.id) ?? []) {
          const parsed = ExtractedObservable.safeParse(hit);
          assert.ok(parsed.success, `${c.id}: result does not match the contract: ${JSON.stringify(hit)}`);
          assert.ok(hit.start >= 0 && hit.start < hit.end && hit.end <= c.text.length, `${c.id}: bad offsets ${hit.start}..${hit.end}`);
          if (!c.includeWarnings) assert.equal(hit.warning, null, `${c.id}: warning-listed ${hit.type} ${hit.value} returned without includeWarnings`);
        }
      }
    });

    it('meets precision and recall targets per type', () => {
      const counts = new Map<ObservableType, Counts>(ObservableType.options.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
      const count = (k: string): Counts => {
        const entry = counts.get(typeOf(k));
        assert.ok(entry);
        return entry;
      };
      const mismatches: Mismatch[] = [];
      for (const c of corpus) {
        const expected = new Set(c.expected.map((e) => key(e.type, e.value)));
        const actual = new Set((results.get(c.id) ?? []).map((hit) => key(hit.type, hit.value)));
        const missing = [...expected].filter((k) => !actual.has(k));
        const extra = [...actual].filter((k) => !expected.has(k));
        for (const k of expected) if (actual.has(k)) count(k).tp++;
        for (const k of missing) count(k).fn++;
        for (const k of extra) count(k).fp++;
        if (missing.length > 0 || extra.length > 0) mismatches.push({ id: c.id, missing, extra });
      }

      const total: Counts = { tp: 0, fp: 0, fn: 0 };
      const rows: { type: string; tp: number; fp: number; fn: number; precision: string; recall: string }[] = ObservableType.options.map((type) => {
        const { tp, fp, fn } = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
        total.tp += tp;
        total.fp += fp;
        total.fn += fn;
        return { type, tp, fp, fn, precision: fmt(ratio(tp, tp + fp)), recall: fmt(ratio(tp, tp + fn)) };
      });
      const overallPrecision = ratio(total.tp, total.tp + total.fp);
      const overallRecall = ratio(total.tp, total.tp + total.fn);
      rows.push({ type: 'ALL', ...total, precision: fmt(overallPrecision), recall: fmt(overallRecall) });

      const header = ['type', 'tp', 'fp', 'fn', 'precision', 'recall'];
      const table = rows.map((r) => [r.type, String(r.tp), String(r.fp), String(r.fn), r.precision, r.recall]);
      const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
      const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
      console.log(`\nObservable corpus: ${corpus.length} cases\n${line(header)}\n${table.map(line).join('\n')}`);

      if (mismatches.length > 0) {
        console.log(`\n${mismatches.length} mismatching cases (first 40):`);
        for (const m of mismatches.slice(0, 40)) {
          const c = corpus.find((x) => x.id === m.id);
          console.log(`- ${m.id} (${c?.file ?? '?'}): ${JSON.stringify(c?.text ?? '')}`);
          for (const k of m.missing) console.log(`    missing  ${k.replace('\t', ' ')}`);
          for (const k of m.extra) console.log(`    extra    ${k.replace('\t', ' ')}`);
        }
      }

      assert.ok(overallPrecision >= 0.97, `overall precision ${fmt(overallPrecision)} < 0.97`);
      assert.ok(overallRecall >= 0.95, `overall recall ${fmt(overallRecall)} < 0.95`);
      for (const type of ObservableType.options) {
        const { tp, fp, fn } = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
        if (tp + fn < 5) continue;
        assert.ok(ratio(tp, tp + fp) >= 0.9, `${type}: precision ${fmt(ratio(tp, tp + fp))} < 0.9`);
        assert.ok(ratio(tp, tp + fn) >= 0.9, `${type}: recall ${fmt(ratio(tp, tp + fn))} < 0.9`);
      }
    });
  });
});
