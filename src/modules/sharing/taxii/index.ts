// TAXII 2.1 (M3.2c): Koban's server (/taxii2/, one collection per sharing group, read and write by
// member tokens or by staff with sharing.read / sharing.exchange, TLP-capped at every read) and the
// client that polls remote collections into the import pipeline. It does not serve TAXII 2.0, and
// it does not delete objects: Koban keeps every version with its provenance.
export { addToCollection, nextDateAdded } from './collection-entries.ts';
export { createTaxiiClient, type TaxiiClient, type TaxiiClientAuth } from './taxii.client.ts';
export { taxiiErrors } from './taxii.errors.ts';
export { STIX_MEDIA_TYPE, TAXII_MAX_CONTENT_BYTES, TAXII_MEDIA_TYPE } from './taxii.media.ts';
export { registerTaxiiRoutes } from './taxii.routes.ts';
export { createTaxiiService, startTaxiiPolling, type TaxiiService } from './taxii.service.ts';
export { registerTaxiiSubscriptionRoutes } from './taxii-subscriptions.routes.ts';
export type { TaxiiSubscriptions } from './taxii-subscriptions.service.ts';
