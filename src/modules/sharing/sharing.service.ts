// Sharing (M3.1, M3.2c, M4, M5.1, M5.4c): sharing groups and member tokens, imports of STIX, MISP
// and CSV through one pipeline with provenance, exports per TLP, publication of cases to groups.
import type { Writable } from 'node:stream';
import type { KernelDeps } from '#kernel/services.ts';
import type { CasesService } from '#modules/cases/index.ts';
import type { ObservablesService } from '#modules/observables/index.ts';
import { exportedRows, writeStixBundle, type ExportFilter } from './export/exporter.ts';
import { collectionMispEvents } from './misp-exchange.ts';
import { CSV_EXPORT_HEADER, formatCsvRow, stixToCsvRows } from './csv/index.ts';
import type { StixObject } from './stix/observables.ts';
import { kobanIdentity } from './export/local-objects.ts';
import { createCasePublisher } from './export/publish.ts';
import { createSharingGroups } from './groups/groups.service.ts';
import { findBatch, listBatches, shownStatus } from './import/batches.ts';
import { runImport, type ImportEntry, type ImportOptions } from './import/importer.ts';
import { AppError } from '#kernel/errors.ts';
import { sharingErrors } from './sharing.errors.ts';
import { tlpAllows, tlpLevelsUpTo, tlpMarkingObject } from './tlp.ts';
import { CATALOGUE_TLP, catalogueObjects } from './export/catalogue.ts';
import { createTaxiiService } from './taxii/taxii.service.ts';

export type SharingDeps = Pick<KernelDeps, 'database' | 'clock' | 'audit' | 'config'>;

export function createSharingService(deps: SharingDeps, parts: { observables: ObservablesService; cases: Pick<CasesService, 'visibleCase'> }) {
  const db = deps.database.db;
  const importDeps = { ...deps, observables: parts.observables };
  const groups = createSharingGroups(deps);
  const publisher = createCasePublisher(deps, { cases: parts.cases, groups });
  return {
    groups,
    publishCase: publisher.publishCase,

    /** Koban's STIX identity: the producer named in every export. */
    identity: () => kobanIdentity(deps.config.orgName),

    /**
     * Writes one bundle of what the receiver may see: the identity, the TLP marking definitions up
     * to its level, then the stored objects. A group's export is its collection at its level.
     */
    async exportBundle(out: Writable, filter: ExportFilter & { catalogue?: boolean }, onProgress?: (written: number) => void): Promise<number> {
      const identity = kobanIdentity(deps.config.orgName);
      // The threat catalogue (intrusion sets, malware families) goes along when asked for and allowed.
      const catalogue = filter.catalogue && tlpAllows(filter.allowed, CATALOGUE_TLP) ? await catalogueObjects(db, identity.id) : [];
      const prelude = [identity, ...tlpLevelsUpTo(filter.allowed).map(tlpMarkingObject), ...catalogue];
      return writeStixBundle(out, exportedRows(deps.database, filter), prelude, onProgress);
    },

    /** Imports a stream of STIX objects (any source, already converted to STIX). */
    importObjects: (entries: AsyncIterable<ImportEntry> | Iterable<ImportEntry>, options: ImportOptions) => runImport(importDeps, { entries }, options),

    /** Imports a bundle file of any size, read and checked in a worker thread while this one writes. */
    importFile: (file: string, options: ImportOptions) => runImport(importDeps, { file }, options),

    /** TAXII 2.1: the server's collections (one per group) and the remote collections Koban polls. */
    taxii: createTaxiiService(deps, { groups, importObjects: (entries, options) => runImport(importDeps, { entries }, options) }),

    /** One MISP event per report the group's collection holds (its MISP feed). */
    async mispEvents(groupId: string) {
      const group = await groups.get(groupId);
      return collectionMispEvents(deps.database, group, { name: deps.config.orgName, id: kobanIdentity(deps.config.orgName).id });
    },

    /**
     * The indicators a receiver may see as CSV lines (header first, with a BOM for Excel). The
     * indicators are gathered first: a value named by several of them goes out once.
     */
    async *csvLines(filter: ExportFilter): AsyncGenerator<string> {
      yield `\ufeff${formatCsvRow([...CSV_EXPORT_HEADER])}`;
      const indicators: StixObject[] = [];
      for await (const page of exportedRows(deps.database, { ...filter, types: ['indicator'] }))
        for (const row of page) indicators.push(JSON.parse(row.body) as StixObject);
      for (const row of stixToCsvRows(indicators)) yield formatCsvRow(row);
    },

    /** Newest first; a running import silent for ten minutes shows as interrupted. */
    async listBatches(limit = 100) {
      const now = deps.clock.now();
      return (await listBatches(db, limit)).map((row) => ({ ...row, status: shownStatus(row, now) }));
    },

    async getBatch(batchId: string) {
      const row = await findBatch(db, batchId);
      if (!row) throw new AppError(sharingErrors.batch_not_found, { batchId });
      return { ...row, status: shownStatus(row, deps.clock.now()) };
    },
  };
}

export type SharingService = ReturnType<typeof createSharingService>;
