// The (id, version) pairs an import has met, to refuse an object repeated within it. A pair is
// kept as 64 bits of two multiplicative hashes in an open-addressing table of typed arrays: a
// million pairs take 16 MB that the garbage collector never walks, where a Set of their strings
// held a million small objects and cost the import's preparation 2 µs an object.
// Two different pairs share a key with a chance of about 3 in 100 million at a million objects.

/** The two 32-bit halves of a pair's key, left here by `hashPair` (no array per call). */
let first32 = 0;
let second32 = 0;

function hashPair(id: string, version: string): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 = Math.imul(h1 ^ 0xffff, 0x01000193);
  h2 = Math.imul(h2 ^ 0xffff, 0x5bd1e995);
  for (let i = 0; i < version.length; i++) {
    const c = version.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  first32 = h1 | 0;
  second32 = h2 | 0;
}

export function createSeenPairs(initialCapacity = 1 << 16) {
  let capacity = initialCapacity;
  let first = new Int32Array(capacity);
  let second = new Int32Array(capacity);
  let used = new Uint8Array(capacity);
  let size = 0;

  function place(h1: number, h2: number): boolean {
    const mask = capacity - 1;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      if (used[slot] === 0) {
        used[slot] = 1;
        first[slot] = h1;
        second[slot] = h2;
        return true;
      }
      if (first[slot] === h1 && second[slot] === h2) return false;
    }
  }

  function grow(): void {
    const [oldFirst, oldSecond, oldUsed] = [first, second, used];
    capacity *= 2;
    first = new Int32Array(capacity);
    second = new Int32Array(capacity);
    used = new Uint8Array(capacity);
    for (let slot = 0; slot < oldUsed.length; slot++) if (oldUsed[slot] === 1) place(oldFirst[slot] as number, oldSecond[slot] as number);
  }

  return {
    /** Records the pair; false when it was met before. */
    add(id: string, version: string): boolean {
      if ((size + 1) * 2 > capacity) grow();
      hashPair(id, version);
      const fresh = place(first32, second32);
      if (fresh) size += 1;
      return fresh;
    },
    get size() {
      return size;
    },
  };
}
