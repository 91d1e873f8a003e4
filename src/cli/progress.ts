// Progress of a long CLI import or export (a million-object STIX bundle takes minutes). On a
// terminal one line is redrawn in place; in a log file or CI a plain line is written now and then,
// so the log shows progress without a line per object.

export type ProgressWords = { eta: string; elapsed: string; perSecond: string };
export type ProgressStream = { write(text: string): unknown; isTTY?: boolean | undefined; columns?: number | undefined };
export type ProgressOptions = {
  label: string;
  total?: number | null | undefined;
  unit?: string | undefined;
  stream?: ProgressStream | undefined;
  now?: (() => number) | undefined;
  /** Least time between redraws on a terminal. */
  intervalMs?: number | undefined;
  /** Least time between plain lines when the stream is not a terminal. */
  plainIntervalMs?: number | undefined;
  words?: ProgressWords | undefined;
};
export type Progress = {
  tick(count?: number): void;
  set(done: number): void;
  /** A new estimate of the total (e.g. objects in a file, from the bytes read so far). */
  setTotal(total: number | null): void;
  finish(): void;
};

export const JAPANESE_PROGRESS_WORDS: ProgressWords = { eta: '残り', elapsed: '経過', perSecond: '/s' };

const RATE_TIME_CONSTANT_MS = 3000;
const BAR_MAX_WIDTH = 30;
const BAR_MIN_WIDTH = 10;
const DEFAULT_COLUMNS = 80;
const ERASE_TO_END_OF_LINE = '\x1b[K';
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const isTerminal = stream.isTTY === true;
  const interval = isTerminal ? (options.intervalMs ?? 100) : (options.plainIntervalMs ?? 2000);
  let total = options.total ?? null;
  const startedAt = now();
  let done = 0;
  let lastDrawAt = startedAt;
  let lastSample = { at: startedAt, done: 0 };
  let smoothedRate: number | null = null;
  let isStopped = false;

  function sampleRate(at: number): void {
    const elapsed = at - lastSample.at;
    if (elapsed <= 0) return;
    const instant = ((done - lastSample.done) * 1000) / elapsed;
    const weight = smoothedRate === null ? 1 : 1 - Math.exp(-elapsed / RATE_TIME_CONSTANT_MS);
    smoothedRate = smoothedRate === null ? instant : smoothedRate + weight * (instant - smoothedRate);
    lastSample = { at, done };
  }

  // A broken progress display (closed stderr, an odd clock) must never abort the import it
  // reports on, so the first failure silences it for the rest of the run.
  function safely(action: () => void): void {
    if (isStopped) return;
    try {
      action();
    } catch {
      isStopped = true;
    }
  }

  function draw(at: number, isFinal: boolean): void {
    const rate = isFinal ? averageRate(done, at - startedAt) : smoothedRate;
    const fields = { label: options.label, unit: options.unit, done, total, rate, elapsedMs: at - startedAt, isFinal };
    const words = options.words ?? JAPANESE_PROGRESS_WORDS;
    if (isTerminal) {
      const line = formatProgressLine(fields, words, stream.columns ?? DEFAULT_COLUMNS);
      stream.write(`\r${line}${ERASE_TO_END_OF_LINE}${isFinal ? '\n' : ''}`);
    } else {
      stream.write(`${formatProgressLine(fields, words, null)}\n`);
    }
  }

  function update(): void {
    const at = now();
    if (at - lastDrawAt < interval) return;
    sampleRate(at);
    lastDrawAt = at;
    draw(at, false);
  }

  return {
    tick(count = 1) {
      safely(() => {
        if (Number.isFinite(count)) done += count;
        update();
      });
    },
    set(value) {
      safely(() => {
        if (Number.isFinite(value)) done = value;
        update();
      });
    },
    setTotal(value) {
      if (value === null || Number.isFinite(value)) total = value;
    },
    finish() {
      safely(() => draw(now(), true));
      isStopped = true;
    },
  };
}

type ProgressFields = {
  label: string;
  unit: string | undefined;
  done: number;
  total: number | null;
  rate: number | null;
  elapsedMs: number;
  isFinal: boolean;
};

function averageRate(done: number, elapsedMs: number): number | null {
  return elapsedMs > 0 ? (done * 1000) / elapsedMs : null;
}

/** One progress line; with `columns` (a terminal) it gets a bar as wide as the line allows. */
function formatProgressLine(fields: ProgressFields, words: ProgressWords, columns: number | null): string {
  const { done, total, rate } = fields;
  const count = total === null ? formatCount(done) : `${formatCount(done)}/${formatCount(total)}`;
  const parts = [fields.unit ? `${count} ${fields.unit}` : count];
  if (rate !== null) parts.push(`${formatCount(rate)}${words.perSecond}`);
  const remainingMs = total !== null && rate !== null && rate > 0 && !fields.isFinal ? (Math.max(total - done, 0) * 1000) / rate : null;
  if (remainingMs !== null) parts.push(`${words.eta} ${formatDuration(remainingMs)}`);
  parts.push(`${words.elapsed} ${formatDuration(fields.elapsedMs)}`);
  const stats = parts.join('  ');
  if (total === null) return `${fields.label} ${stats}`;
  const fraction = total > 0 ? Math.min(Math.max(done / total, 0), 1) : 1;
  const withPercent = `${fields.label} ${Math.floor(fraction * 100)}% ${stats}`;
  if (columns === null) return withPercent;
  const barWidth = Math.min(BAR_MAX_WIDTH, columns - 1 - displayWidth(withPercent) - 3);
  if (barWidth < BAR_MIN_WIDTH) return withPercent;
  const filled = Math.round(fraction * barWidth);
  return `${fields.label} [${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ${Math.floor(fraction * 100)}% ${stats}`;
}

function formatCount(value: number): string {
  return numberFormat.format(Math.round(value));
}

/** m:ss, or h:mm:ss from an hour on. */
function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const hours = Math.floor(totalSeconds / 3600);
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Terminal columns taken by `text`: CJK and emoji take two, so the line does not wrap. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}
