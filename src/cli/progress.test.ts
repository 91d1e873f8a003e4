import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProgress, type ProgressOptions } from './progress.ts';

const ERASE_LINE = '\x1b[K';

/** A stream that keeps what is written, and a clock the test moves by hand. */
function harness(isTTY: boolean, options: Partial<ProgressOptions> = {}) {
  const writes: string[] = [];
  const clock = { ms: 1_000_000 };
  const stream = { isTTY, columns: 100, write: (text: string) => writes.push(text) };
  const progress = createProgress({ label: 'STIX 取込', stream, now: () => clock.ms, ...options });
  /** Advances the clock by `ms`, then counts `count` more objects in one tick. */
  const advance = (ms: number, count: number) => {
    clock.ms += ms;
    progress.tick(count);
  };
  return { writes, progress, advance, last: () => writes.at(-1) ?? '' };
}

describe('CLI progress on a terminal', () => {
  it('redraws one line with bar, percent, count, rate, ETA and elapsed', () => {
    const { writes, advance, last } = harness(true, { total: 1_000_000 });
    for (let second = 1; second <= 9; second += 1) advance(1000, 57_778);
    assert.equal(writes.length, 9);
    assert.ok(last().startsWith('\rSTIX 取込 [') && last().endsWith(ERASE_LINE), last());
    assert.match(last(), /\] 52% 520,002\/1,000,000 {2}57,778\/s {2}残り 0:08 {2}経過 0:09/);
    const bar = /\[([█░]+)\]/.exec(last())?.[1] ?? '';
    assert.equal(bar, '█'.repeat(16) + '░'.repeat(14));
  });

  it('draws at most once per interval however often it is ticked', () => {
    const { writes, advance } = harness(true, { total: 100, intervalMs: 100 });
    for (let tick = 0; tick < 100; tick += 1) advance(10, 1);
    assert.equal(writes.length, 10);
  });

  it('smooths the rate: after a slowdown it shows a figure between the old and new rates', () => {
    const { advance, last } = harness(true, { total: 10_000_000 });
    for (let second = 0; second < 10; second += 1) advance(1000, 100_000);
    assert.match(last(), / 100,000\/s /);
    advance(1000, 10_000);
    const rate = Number((/ ([\d,]+)\/s /.exec(last())?.[1] ?? '').replaceAll(',', ''));
    assert.ok(rate > 10_000 && rate < 100_000, last());
  });

  it('shows count, rate and elapsed only when the total is unknown', () => {
    const { advance, last } = harness(true, { total: null, unit: '件' });
    advance(2000, 5000);
    assert.equal(last(), '\rSTIX 取込 5,000 件  2,500/s  経過 0:02\x1b[K');
  });

  it('ends with the average rate and a newline, without an ETA, once', () => {
    const { writes, progress, advance, last } = harness(true, { total: 3000 });
    advance(1000, 1000);
    advance(1000, 2000);
    progress.finish();
    assert.ok(last().endsWith(`[${'█'.repeat(30)}] 100% 3,000/3,000  1,500/s  経過 0:02${ERASE_LINE}\n`), last());
    const count = writes.length;
    progress.finish();
    advance(1000, 1);
    assert.equal(writes.length, count);
  });

  it('takes its words from the caller and leaves the bar out of a narrow terminal', () => {
    const writes: string[] = [];
    const clock = { ms: 0 };
    const stream = { isTTY: true, columns: 50, write: (text: string) => writes.push(text) };
    const words = { eta: 'ETA', elapsed: 'elapsed', perSecond: ' objects/s' };
    const progress = createProgress({ label: 'Import', total: 100, stream, now: () => clock.ms, words });
    clock.ms = 61_000;
    progress.set(61);
    assert.equal(writes.at(-1), '\rImport 61% 61/100  1 objects/s  ETA 0:39  elapsed 1:01\x1b[K');
  });

  it('never throws from tick when the stream or clock fails', () => {
    const stream = {
      isTTY: true,
      write: () => {
        throw new Error('EPIPE');
      },
    };
    let ms = 0;
    const progress = createProgress({ label: 'x', stream, now: () => (ms += 1000) });
    assert.doesNotThrow(() => {
      progress.tick();
      progress.tick(Number.NaN);
      progress.set(5);
      progress.finish();
    });
  });
});

describe('CLI progress in a log', () => {
  it('prints a plain line at most every 2 s and a final line', () => {
    const { writes, progress, advance } = harness(false, { total: 1_000_000 });
    for (let tick = 0; tick < 10; tick += 1) advance(500, 50_000);
    progress.finish();
    assert.deepEqual(writes, [
      'STIX 取込 20% 200,000/1,000,000  100,000/s  残り 0:08  経過 0:02\n',
      'STIX 取込 40% 400,000/1,000,000  100,000/s  残り 0:06  経過 0:04\n',
      'STIX 取込 50% 500,000/1,000,000  100,000/s  経過 0:05\n',
    ]);
  });

  it('honours a configured interval and an unknown total', () => {
    const { writes, advance } = harness(false, { plainIntervalMs: 10_000 });
    for (let tick = 0; tick < 30; tick += 1) advance(1000, 7);
    assert.deepEqual(writes, ['STIX 取込 70  7/s  経過 0:10\n', 'STIX 取込 140  7/s  経過 0:20\n', 'STIX 取込 210  7/s  経過 0:30\n']);
  });

  it('shows hours once the run passes an hour', () => {
    const { advance, last } = harness(false, { total: 10 });
    advance(3_725_000, 1);
    assert.equal(last(), 'STIX 取込 10% 1/10  0/s  残り 9:18:45  経過 1:02:05\n');
  });
});
