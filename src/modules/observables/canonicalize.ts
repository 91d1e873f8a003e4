// A value typed into a search box, in any form (defanged, full-width, with brackets), to its
// canonical (type, value): the extraction hit that covers most of the input.
import type { ObservableType } from './observables.contract.ts';
import { extractObservables } from './extract/extract.ts';

export type CanonicalValue = { type: ObservableType; value: string; warning: string | null };

export function canonicalize(input: string): CanonicalValue | null {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 2048) return null;
  let best: { hit: CanonicalValue; covered: number } | null = null;
  for (const hit of extractObservables(trimmed, { includeWarnings: true })) {
    const covered = hit.end - hit.start;
    if (!best || covered > best.covered) best = { hit: { type: hit.type, value: hit.value, warning: hit.warning }, covered };
  }
  return best?.hit ?? null;
}
