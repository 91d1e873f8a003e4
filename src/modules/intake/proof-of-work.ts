// Abuse resistance without outside services: under load (more public submissions a minute than the
// configured threshold) the portal asks the browser to find a nonce whose SHA-256 with a signed,
// short-lived challenge starts with N zero bits. Each challenge is accepted once.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { safeEqual } from '#kernel/ids.ts';

const CHALLENGE_TTL_MS = 10 * 60_000;

export function leadingZeroBits(digest: Buffer): number {
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

export function solveChallenge(challenge: string, difficultyBits: number): string {
  for (let nonce = 0; ; nonce += 1) {
    const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
    if (leadingZeroBits(digest) >= difficultyBits) return String(nonce);
  }
}

export function createProofOfWork(options: { key: () => Promise<string>; thresholdPerMinute: number; difficultyBits: number; now: () => Date }) {
  const recent: number[] = [];
  const used = new Map<string, number>();

  function prune(now: number): void {
    while (recent.length > 0 && (recent[0] ?? 0) < now - 60_000) recent.shift();
    for (const [challenge, expires] of used) if (expires < now) used.delete(challenge);
  }

  async function sign(body: string): Promise<string> {
    return createHmac('sha256', await options.key())
      .update(body)
      .digest('base64url');
  }

  return {
    /** Counts an accepted submission toward the load figure. */
    noteSubmission(): void {
      const now = options.now().getTime();
      prune(now);
      recent.push(now);
    },

    isRequired(): boolean {
      prune(options.now().getTime());
      return options.difficultyBits > 0 && recent.length >= options.thresholdPerMinute;
    },

    async issue() {
      const expires = options.now().getTime() + CHALLENGE_TTL_MS;
      const body = `${expires}.${options.difficultyBits}.${randomBytes(12).toString('base64url')}`;
      return { required: this.isRequired(), challenge: `${body}.${await sign(body)}`, difficultyBits: options.difficultyBits };
    },

    /** True when the nonce solves a challenge we issued, unexpired and not used before. */
    async verify(challenge: string | undefined, nonce: string | undefined): Promise<boolean> {
      if (!challenge || !nonce || !/^\d{1,20}$/.test(nonce)) return false;
      const parts = challenge.split('.');
      if (parts.length !== 4) return false;
      const [expires, bits, random, mac] = parts as [string, string, string, string];
      const body = `${expires}.${bits}.${random}`;
      if (!safeEqual(mac, await sign(body))) return false;
      const now = options.now().getTime();
      if (Number(expires) < now || used.has(challenge)) return false;
      const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
      if (leadingZeroBits(digest) < Number(bits)) return false;
      prune(now);
      used.set(challenge, Number(expires));
      return true;
    },
  };
}

export type ProofOfWork = ReturnType<typeof createProofOfWork>;
