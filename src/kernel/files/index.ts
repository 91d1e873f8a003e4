// Content-addressed storage for attachments and evidence (M2.1a/b intake, M3.x cases): uploads are
// streamed to a temporary file, hashed, sniffed, then committed once under their SHA-256.
// It keeps no database rows and knows nothing of who may read a file; callers record and authorise.
export { createBlobStore, type BlobStore, type FileIntegrity, type StagedFile } from './blob-store.ts';
export { isClaimedTypeConsistent } from './claimed-type.ts';
export { fileErrors } from './files.errors.ts';
export { sniffType } from './sniff-type.ts';
