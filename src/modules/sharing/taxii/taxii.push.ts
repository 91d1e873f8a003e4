// Adding objects to a collection (TAXII 2.1 §5.5): a member allowed to publish, or a Koban user
// with sharing.exchange, POSTs an envelope; its objects go through the one import pipeline (checked
// against STIX 2.1, stored with provenance, observables sighted) and those accepted join the
// group's collection. The answer is a status resource, complete at once: objects refused by
// validation are its failures, each with the reason.
import { Readable } from 'node:stream';
import { auditActorOf } from '#kernel/auth/index.ts';
import { AppError, kernelErrors } from '#kernel/errors.ts';
import { t, type Locale } from '#kernel/i18n/index.ts';
import { newId } from '#kernel/ids.ts';
import type { KernelDeps } from '#kernel/services.ts';
import type { ImportActor, ImportEntry, ImportOptions, ImportSummary } from '../import/importer.ts';
import { BundleSyntaxError, readBundleObjects } from '../stix/bundle-reader.ts';
import type { StixIssue } from '../stix/validate.ts';
import { Tlp, tlpAllows, tlpLabel } from '../tlp.ts';
import { addToCollection } from './collection-entries.ts';
import type { TaxiiPrincipal } from './taxii.auth.ts';
import { taxiiErrors } from './taxii.errors.ts';
import { mayWriteCollection } from './taxii.policy.ts';
import * as repo from './taxii.repository.ts';
import { groupCeiling, type TaxiiServer } from './taxii.server.ts';

export type ImportObjects = (entries: AsyncIterable<ImportEntry> | Iterable<ImportEntry>, options: ImportOptions) => Promise<ImportSummary>;

type StatusDetail = { id: string; version?: string; message?: string };
export type StatusDetails = { successes: StatusDetail[]; failures: StatusDetail[]; pendings: StatusDetail[] };

/** Cuts the envelope's `objects` into their exact texts; a broken envelope refuses the whole request. */
async function cutEnvelope(body: Buffer): Promise<ImportEntry[]> {
  const entries: ImportEntry[] = [];
  try {
    for await (const entry of readBundleObjects(Readable.from([body]))) entries.push({ index: entry.index, text: entry.text });
  } catch (error) {
    if (!(error instanceof BundleSyntaxError)) throw error;
    if (error.code === 'stix.object_too_large') throw new AppError(kernelErrors.too_large, { reason: error.message }, { cause: error });
    throw new AppError(taxiiErrors.invalid_envelope, { reason: error.message }, { cause: error });
  }
  if (entries.length === 0) throw new AppError(taxiiErrors.empty_envelope);
  return entries;
}

function importActorOf(principal: TaxiiPrincipal): ImportActor {
  if (principal.kind === 'member') {
    const { memberId, organisation } = principal.member;
    return { kind: 'member', id: memberId, label: organisation, audit: { type: 'token', id: memberId } };
  }
  return { kind: 'user', id: principal.actor.userId, label: principal.actor.username, audit: auditActorOf(principal.actor) };
}

/** The id and version an object claims, read leniently: it may be the very object that failed. */
function claimedIdentity(text: string | undefined): { id: string; version?: string } {
  try {
    const value: unknown = JSON.parse(text ?? '');
    if (typeof value !== 'object' || value === null) return { id: '' };
    const { id, modified, created } = value as Record<string, unknown>;
    const version = typeof modified === 'string' ? modified : typeof created === 'string' ? created : undefined;
    return { id: typeof id === 'string' ? id : '', ...(version !== undefined ? { version } : {}) };
  } catch {
    return { id: '' };
  }
}

/** One failure per refused object, all its problems in one message (the importer keeps the first 1,000 problems). */
function failuresOf(problems: StixIssue[], entries: ImportEntry[]): StatusDetail[] {
  const byIndex = new Map<number | null, StixIssue[]>();
  for (const problem of problems) byIndex.set(problem.index, [...(byIndex.get(problem.index) ?? []), problem]);
  return [...byIndex].map(([index, issues]) => {
    const entry = index === null ? undefined : entries[index];
    const claimed = claimedIdentity(entry && 'text' in entry ? entry.text : undefined);
    const where = index === null ? '' : `objects[${index}]: `;
    return { ...claimed, message: `${where}${issues.map((issue) => issue.message).join(' / ')}` };
  });
}

export function createTaxiiPush({ database, clock }: Pick<KernelDeps, 'database' | 'clock'>, server: TaxiiServer, importObjects: ImportObjects) {
  const db = database.db;

  return async function addObjects(principal: TaxiiPrincipal, groupId: string, body: Buffer, context: { locale: Locale; requestId: string }) {
    const group = await server.readableGroup(principal, groupId);
    if (!mayWriteCollection(principal, group.id)) throw new AppError(taxiiErrors.write_forbidden, { collectionId: group.id });
    const entries = await cutEnvelope(body);
    const requestTimestamp = clock.now().toISOString();
    const ceiling = groupCeiling(group);
    // Unmarked objects get Koban's usual AMBER, but never more than the group may receive: whoever
    // pushed them into this collection shared them with its members, so marking them above the
    // group's level would only hide them from the very readers they were sent to.
    const defaultTlp: Tlp = tlpAllows(ceiling, 'amber') ? 'amber' : ceiling;
    // An object marked above the group's level is kept (Koban received it) but not shared onwards.
    const withheld = new Map<string, string>();
    const summary = await importObjects(entries, {
      kind: 'taxii',
      source: `taxii:push:${group.name}`,
      actor: importActorOf(principal),
      defaultTlp,
      locale: context.locale,
      requestId: context.requestId,
      onAccepted: async (trx, versions) => {
        const shared = versions.filter((v) => {
          const marked = Tlp.safeParse(v.tlp);
          const isShared = marked.success && tlpAllows(ceiling, marked.data);
          if (!isShared) withheld.set(`${v.stixId}\u0000${v.version}`, marked.success ? tlpLabel(marked.data) : v.tlp);
          return isShared;
        });
        await addToCollection(trx, group.id, shared, clock.now());
      },
    });
    const successes = await successesOf(summary, withheld, ceiling, context.locale, group.id);
    const successCount = summary.imported + summary.unchanged;
    const details: StatusDetails = { successes, failures: failuresOf(summary.problems, entries), pendings: [] };
    const row: repo.StatusRow = {
      id: newId(clock.now().getTime()),
      group_id: group.id,
      member_id: principal.kind === 'member' ? principal.member.memberId : null,
      status: 'complete',
      request_timestamp: requestTimestamp,
      total_count: summary.total,
      success_count: successCount,
      failure_count: summary.total - successCount,
      pending_count: 0,
      details: JSON.stringify(details),
    };
    await repo.insertStatus(db, row);
    return row;
  };

  async function successesOf(summary: ImportSummary, withheld: Map<string, string>, ceiling: Tlp, locale: Locale, groupId: string): Promise<StatusDetail[]> {
    const unversioned = summary.accepted.filter((a) => a.version === '').map((a) => a.id);
    const dateAdded = new Map((await repo.findUnversionedDates(db, groupId, unversioned)).map((r) => [r.stix_id, r.date_added]));
    return summary.accepted.map((a) => {
      const marked = withheld.get(`${a.id}\u0000${a.version}`);
      const version = a.version === '' ? dateAdded.get(a.id) : a.version;
      return {
        id: a.id,
        ...(version !== undefined ? { version } : {}),
        ...(marked !== undefined ? { message: t(locale, 'taxii.withheld', { marked, allowed: tlpLabel(ceiling) }) } : {}),
      };
    });
  }
}

/** The status resource (§4.3.1) of a stored status row. */
export function presentStatus(row: repo.StatusRow) {
  const details = JSON.parse(row.details) as StatusDetails;
  return {
    id: row.id,
    status: row.status,
    request_timestamp: row.request_timestamp,
    total_count: row.total_count,
    success_count: row.success_count,
    successes: details.successes,
    failure_count: row.failure_count,
    failures: details.failures,
    pending_count: row.pending_count,
    pendings: details.pendings,
  };
}
