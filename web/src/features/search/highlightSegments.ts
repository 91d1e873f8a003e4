// Cuts a search snippet into plain and matched pieces from the server's [start, end) offsets, so
// the page renders the matches as <mark> elements around text and never as HTML.

export type SnippetSegment = { text: string; isMatch: boolean };

/**
 * The snippet in order, as plain and matched pieces. Offsets are UTF-16 indices into `snippet`
 * (as String.prototype.slice counts). Ranges may come unsorted, overlapping (one word inside
 * another) or past the end; they are clamped and merged, and empty ones dropped.
 */
export function splitByHighlights(snippet: string, highlights: readonly (readonly [number, number])[]): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let at = 0;
  for (const [start, end] of mergedRanges(snippet.length, highlights)) {
    if (start > at) segments.push({ text: snippet.slice(at, start), isMatch: false });
    segments.push({ text: snippet.slice(start, end), isMatch: true });
    at = end;
  }
  if (at < snippet.length) segments.push({ text: snippet.slice(at), isMatch: false });
  return segments;
}

function mergedRanges(length: number, highlights: readonly (readonly [number, number])[]): [number, number][] {
  const clamp = (offset: number) => Math.min(Math.max(Math.trunc(offset), 0), length);
  const ranges = highlights
    .map(([start, end]): [number, number] => [clamp(start), clamp(end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export type Snippet = { snippet: string; highlights: [number, number][] };

/**
 * A title snippet without the number the server indexes before it ("IB-C-2026-0001 病院の…" →
 * "病院の…"), its ranges moved to match and those inside the number dropped. The number is shown
 * as the hit's link already. A snippet that does not start with `label` comes back as it is.
 */
export function withoutLabel(snippet: string, highlights: readonly (readonly [number, number])[], label: string): Snippet {
  const prefix = `${label} `;
  if (!label || !snippet.startsWith(prefix)) return { snippet, highlights: highlights.map(([start, end]): [number, number] => [start, end]) };
  const shift = prefix.length;
  return {
    snippet: snippet.slice(shift),
    highlights: highlights.filter(([, end]) => end > shift).map(([start, end]): [number, number] => [Math.max(start - shift, 0), end - shift]),
  };
}
