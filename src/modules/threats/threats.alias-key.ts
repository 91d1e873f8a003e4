/**
 * The key names and aliases are compared by: NFKC (full-width ＬｏｃｋＢｉｔ → LockBit), lower
 * case, and letters and digits only, so "Black Basta", "BlackBasta" and "black-basta" meet.
 */
export function aliasKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
