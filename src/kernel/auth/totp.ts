import { generate, generateSecret, generateURI, verify } from 'otplib';

const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: 'Koban', label: username, secret });
}

/** The code for a moment; tests and the CLI use it to act as an authenticator app. */
export function totpCode(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/**
 * Checks a code within one step either side and returns the time step it matched, so the caller
 * can refuse a code that was already used (replay).
 */
export async function matchTotpStep(secret: string, code: string, at: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(at.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: PERIOD_SECONDS });
  if (!result.valid) return null;
  return Math.floor(epoch / PERIOD_SECONDS) + (result.delta ?? 0);
}
