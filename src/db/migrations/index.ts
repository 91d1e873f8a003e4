// The one ordered migration sequence, for SQLite and PostgreSQL alike. Never edit a merged one.
import * as createUnit from './2026-11-25T2300-create-unit.ts';
import * as createAppUser from './2026-11-25T2301-create-app-user.ts';
import * as addUnitLiaison from './2026-11-25T2302-add-unit-liaison.ts';
import * as createSessionAndTokens from './2026-11-25T2303-create-session-and-tokens.ts';
import * as createAuditEntry from './2026-11-25T2304-create-audit-entry.ts';
import * as createObservable from './2026-11-26T0100-create-observable.ts';
import * as createSighting from './2026-11-26T0101-create-sighting.ts';
import * as createInstallationSecret from './2026-11-26T0102-create-installation-secret.ts';
import * as createIntake from './2026-11-26T0200-create-intake.ts';
import * as sightingObservableSourceIndex from './2026-11-26T0201-sighting-observable-source-index.ts';
import * as caseWorkspace from './2026-11-26T0300-case-workspace.ts';
import * as caseAccessRequest from './2026-11-26T0301-case-access-request.ts';
import * as createSearch from './2026-11-26T0302-create-search.ts';
import * as intakeClaimedAt from './2026-11-26T0303-intake-claimed-at.ts';
import * as caseEvidence from './2026-12-06T0100-case-evidence.ts';
import * as caseCooperation from './2026-12-06T0110-case-cooperation.ts';
import * as threats from './2026-12-06T0120-threats.ts';
import * as caseBenchIndexes from './2026-12-06T0130-case-bench-indexes.ts';
import * as internationalRemindedAt from './2026-12-06T0140-international-reminded-at.ts';
import * as statVersion from './2026-12-06T0150-stat-version.ts';
import * as sharing from './2026-12-06T0200-sharing.ts';
import * as importBatchProgress from './2026-12-06T0300-import-batch-progress.ts';

export const migrations = {
  '2026-11-25T2300-create-unit': createUnit,
  '2026-11-25T2301-create-app-user': createAppUser,
  '2026-11-25T2302-add-unit-liaison': addUnitLiaison,
  '2026-11-25T2303-create-session-and-tokens': createSessionAndTokens,
  '2026-11-25T2304-create-audit-entry': createAuditEntry,
  '2026-11-26T0100-create-observable': createObservable,
  '2026-11-26T0101-create-sighting': createSighting,
  '2026-11-26T0102-create-installation-secret': createInstallationSecret,
  '2026-11-26T0200-create-intake': createIntake,
  '2026-11-26T0201-sighting-observable-source-index': sightingObservableSourceIndex,
  '2026-11-26T0300-case-workspace': caseWorkspace,
  '2026-11-26T0301-case-access-request': caseAccessRequest,
  '2026-11-26T0302-create-search': createSearch,
  '2026-11-26T0303-intake-claimed-at': intakeClaimedAt,
  '2026-12-06T0100-case-evidence': caseEvidence,
  '2026-12-06T0110-case-cooperation': caseCooperation,
  '2026-12-06T0120-threats': threats,
  '2026-12-06T0130-case-bench-indexes': caseBenchIndexes,
  '2026-12-06T0140-international-reminded-at': internationalRemindedAt,
  '2026-12-06T0150-stat-version': statVersion,
  '2026-12-06T0200-sharing': sharing,
  '2026-12-06T0300-import-batch-progress': importBatchProgress,
};
