// Which correlated cases and reports the observables panel shows first.

/** How many hits show before "show the rest": a shared cloud IP can link a case to hundreds of reports. */
export const HITS_SHOWN = 8;

/** Cases before reports, then the most shared values first, so what matters most is on top. */
export function orderHits<T extends { sourceType: string; shared: number }>(hits: readonly T[]): T[] {
  return [...hits].sort((a, b) => Number(b.sourceType === 'case') - Number(a.sourceType === 'case') || b.shared - a.shared);
}
