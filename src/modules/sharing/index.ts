// Sharing (M3.1, M3.2c, M4, M5.1, M5.4c): TLP 2.0 markings, sharing groups with member tokens,
// STIX 2.1 import/export with provenance, TAXII 2.1 server and client, MISP events and feeds, CSV.
export { checkStixPattern, type PatternCheck } from './stix/pattern.ts';
export {
  MAX_STIX_STRING_BYTES,
  validateStixBundle,
  validateStixObject,
  type StixIssue,
  type StixIssueCode,
  type StixValidationReport,
} from './stix/validate.ts';
export { BundleSyntaxError, openBundleFile, readBundleObjects, type BundleEntry, type BundleHead } from './stix/bundle-reader.ts';
export { createSharingService, type SharingService } from './sharing.service.ts';
export { registerSharingRoutes } from './sharing.routes.ts';
export { registerMispFeedRoutes } from './misp-feed.routes.ts';
export * from './sharing.contract.ts';
export type { ImportActor, ImportEntry, ImportOptions, ImportSummary } from './import/importer.ts';
export { Tlp, TLP_LEVELS, tlpAllows, tlpLabel, parseTlpName } from './tlp.ts';
export { registerTaxiiRoutes, registerTaxiiSubscriptionRoutes, startTaxiiPolling, TAXII_MEDIA_TYPE } from './taxii/index.ts';
