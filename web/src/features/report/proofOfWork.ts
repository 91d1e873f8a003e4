// The browser's half of the portal's proof of work (src/modules/intake/proof-of-work.ts): find a
// decimal nonce such that SHA-256(`${challenge}:${nonce}`) starts with `difficultyBits` zero bits.
// WebCrypto's digest is asynchronous, so the search runs in batches and the page stays responsive.

/** Digests started at once; each batch ends with a pause so input and painting can happen. */
const BATCH_SIZE = 512;

export class ProofOfWorkUnavailableError extends Error {
  constructor() {
    super('WebCrypto (crypto.subtle) is not available; the page must be served over HTTPS');
    this.name = 'ProofOfWorkUnavailableError';
  }
}

export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Searches nonces 0, 1, 2 … and returns the first that solves the challenge. Expect about
 * 2^difficultyBits digests. Throws ProofOfWorkUnavailableError where WebCrypto is missing (plain
 * HTTP on a host other than localhost), and the signal's reason when aborted.
 */
export async function solveProofOfWork(challenge: string, difficultyBits: number, signal?: AbortSignal): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new ProofOfWorkUnavailableError();
  const encoder = new TextEncoder();
  for (let start = 0; ; start += BATCH_SIZE) {
    signal?.throwIfAborted();
    const digests = await Promise.all(
      Array.from({ length: BATCH_SIZE }, (_, offset) => subtle.digest('SHA-256', encoder.encode(`${challenge}:${String(start + offset)}`))),
    );
    const found = digests.findIndex((digest) => leadingZeroBits(new Uint8Array(digest)) >= difficultyBits);
    if (found >= 0) return String(start + found);
    await pause();
  }
}
