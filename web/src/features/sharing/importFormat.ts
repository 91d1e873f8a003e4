// Which format an uploaded file is in, as its name suggests; the user can still choose another.
import type { ImportFormat } from './sharing.schemas.ts';

export { IMPORT_FORMATS, MAX_INLINE_IMPORT_BYTES, type ImportFormat } from './sharing.schemas.ts';

/** .csv/.tsv/.txt → CSV; a name mentioning MISP → MISP; anything else (.json, .stix) → STIX. */
export function guessImportFormat(fileName: string): ImportFormat {
  const name = fileName.toLowerCase();
  if (/\.(csv|tsv|txt)$/.test(name)) return 'csv';
  if (name.includes('misp')) return 'misp';
  return 'stix';
}
