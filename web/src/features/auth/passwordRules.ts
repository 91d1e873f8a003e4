// The server's password rule (≥ 12 characters, not containing the username), checked before
// sending so the user gets the message next to the field.
import type { MessageKey } from '../../i18n/i18n.tsx';

export const MINIMUM_PASSWORD_LENGTH = 12;

export function passwordProblem(password: string, username: string): MessageKey | null {
  if (password.length < MINIMUM_PASSWORD_LENGTH) return 'password.too_short';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'password.contains_username';
  return null;
}
