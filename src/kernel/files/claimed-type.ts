// Whether the type a client claims for an upload (from its Content-Type or file name) fits what
// sniffType found in the bytes. Browsers and mail clients disagree on names, hence the aliases.

const ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'image/heif': 'image/heic',
  'image/heic-sequence': 'image/heic',
  'image/heif-sequence': 'image/heic',
  'application/x-pdf': 'application/pdf',
  'application/x-zip': 'application/zip',
  'application/x-zip-compressed': 'application/zip',
  'application/x-gzip': 'application/gzip',
  'application/x-msdos-program': 'application/x-msdownload',
  'application/x-dosexec': 'application/x-msdownload',
  'application/vnd.microsoft.portable-executable': 'application/x-msdownload',
  'application/x-elf': 'application/x-executable',
  'application/x-sharedlib': 'application/x-executable',
};

// Claimed when the sender did not know the type; any content fits.
const UNKNOWN_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown', 'application/x-unknown']);

// Text formats registered under application/ or message/ (logs, exports, saved mail).
const TEXT_BASED_TYPES = new Set([
  'message/rfc822',
  'application/json',
  'application/x-ndjson',
  'application/xml',
  'application/csv',
  'application/mbox',
  'application/yaml',
  'application/x-yaml',
]);

// Office and e-book formats are zip containers; their bytes sniff as application/zip.
const ZIP_CONTAINER = /^application\/(vnd\.openxmlformats-officedocument\.|vnd\.oasis\.opendocument\.|epub\+zip$|java-archive$|vnd\.android\.package-archive$)/;

// Types sniffType can recognise: a claim of one of these is false if the bytes did not show it.
const SNIFFABLE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'application/zip',
  'application/gzip',
  'application/x-msdownload',
  'application/x-executable',
]);

function normaliseType(type: string): string {
  const bare = type.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return ALIASES[bare] ?? bare;
}

function isTextClaim(claimed: string): boolean {
  return claimed.startsWith('text/') || TEXT_BASED_TYPES.has(claimed) || claimed.endsWith('+json') || claimed.endsWith('+xml');
}

/** True when the claimed MIME type (parameters allowed) is a fair name for content sniffed as `sniffed`. */
export function isClaimedTypeConsistent(claimed: string, sniffed: string): boolean {
  const claim = normaliseType(claimed);
  if (claim === sniffed || UNKNOWN_TYPES.has(claim)) return true;
  if (sniffed === 'text/plain' || sniffed === 'message/rfc822') return isTextClaim(claim);
  if (sniffed === 'application/zip') return ZIP_CONTAINER.test(claim);
  // Bytes we cannot name (a video, an Outlook .msg) cannot contradict a claim we cannot check either.
  if (sniffed === 'application/octet-stream') return !SNIFFABLE_TYPES.has(claim) && !isTextClaim(claim);
  return false;
}
