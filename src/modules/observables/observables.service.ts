// Observables (M2.2a): record what was seen where, look values up in bulk, show one observable
// with its sightings and relations, and correlate sources through shared observables. A viewer
// who may not open a source learns only that it matches and which unit owns it.
import ipaddr from 'ipaddr.js';
import type { Actor } from '#kernel/auth/index.ts';
import type { AuditActor } from '#kernel/audit/index.ts';
import type { Executor } from '#kernel/db/index.ts';
import { AppError } from '#kernel/errors.ts';
import type { KernelDeps } from '#kernel/services.ts';
import { canonicalize } from './canonicalize.ts';
import { derivedHostObservables } from './derived-hosts.ts';
import { extractObservables } from './extract/extract.ts';
import type { ExtractedObservable, OBSERVABLE_TLP_LEVELS, ObservableType } from './observables.contract.ts';
import { observableErrors } from './observables.errors.ts';
import * as repo from './observables.repository.ts';
import { createObservableIdCache, writeSightings, type SightingInput } from './sightings.writer.ts';

export const MAX_TEXT_CHARS = 5_000_000;
export const MAX_LOOKUP_VALUES = 10_000;

export type SourceRef = { sourceType: string; sourceId: string; ownerUnitId: string | null; restricted: boolean };

type SightingRow = { source_type: string; source_id: string; owner_unit_id: string | null; restricted: number };

/** A restricted source is opened only by its owner unit; everyone else sees that it exists. */
export function mayOpenSource(actor: Actor, sighting: SightingRow): boolean {
  return sighting.restricted !== 1 || (actor.unitId !== null && actor.unitId === sighting.owner_unit_id);
}

function presentSource(actor: Actor, row: SightingRow) {
  const open = mayOpenSource(actor, row);
  return { sourceType: row.source_type, sourceId: open ? row.source_id : null, ownerUnitId: row.owner_unit_id, restricted: !open };
}

export function createObservablesService({ database, clock, audit }: KernelDeps, cardHashKey: () => Promise<string>) {
  const db = database.db;
  const idCache = createObservableIdCache();

  /** One transaction with one audit entry; the id cache learns only what committed. */
  async function record(
    actor: AuditActor,
    sightings: SightingInput[],
    action: string,
    target: { type: string; id: string | null },
    requestId: string | null,
  ): Promise<number> {
    const result = await db.transaction().execute(async (trx) => {
      const written = await writeSightings(database, trx, sightings, idCache);
      await audit.record(trx, { actor, action, target, changes: { sightings: sightings.length, observables: written.distinct }, requestId });
      return written;
    });
    idCache.remember(result.written);
    return result.distinct;
  }

  async function extract(text: string, includeWarnings = false): Promise<ExtractedObservable[]> {
    if (text.length > MAX_TEXT_CHARS) throw new AppError(observableErrors.text_too_large, { limit: MAX_TEXT_CHARS });
    return extractObservables(text, { includeWarnings, cardHashKey: await cardHashKey() });
  }

  async function sightingsOfText(text: string, source: SourceRef): Promise<{ found: ExtractedObservable[]; sightings: SightingInput[] }> {
    const found = await extract(text, true);
    const seenAt = clock.now().toISOString();
    const sightings: SightingInput[] = [...found, ...derivedHostObservables(found)].map((o) => ({
      ...o,
      attributes: o.attributes ?? null,
      ...source,
      seenAt,
    }));
    return { found, sightings };
  }

  return {
    extract,

    /** Extracts the observables of a text and records one sighting each for the source. */
    async recordText(actor: AuditActor, source: SourceRef, text: string, requestId: string | null) {
      const { found, sightings } = await sightingsOfText(text, source);
      const distinct = await record(actor, sightings, 'observable.sighted', { type: source.sourceType, id: source.sourceId }, requestId);
      return { observables: found, distinct };
    },

    /** The sightings a text would record for a source, without recording them (batch writers). */
    sightingsOfText,

    /** Sources of one type (e.g. cases) that sighted any of these values, warning-listed values aside. */
    async sourcesSighting(values: { type: string; value: string }[], sourceType: string) {
      return (await repo.findSourcesSighting(db, values, sourceType)).map((r) => ({ sourceId: r.source_id, ownerUnitId: r.owner_unit_id }));
    },

    /**
     * Bulk ingest inside the caller's transaction (imports that write their own rows beside the
     * sightings). Call `committed()` once the transaction has committed, never before.
     */
    async writeSightingsIn(trx: Executor, sightings: SightingInput[]): Promise<{ distinct: number; committed: () => void }> {
      const result = await writeSightings(database, trx, sightings, idCache);
      return { distinct: result.distinct, committed: () => idCache.remember(result.written) };
    },

    /** Bulk ingest for feeds and sensors: one transaction and one audit entry per call. */
    async recordSightings(actor: AuditActor, sightings: SightingInput[], requestId: string | null): Promise<number> {
      return record(actor, sightings, 'observable.bulk_sighted', { type: 'observable', id: null }, requestId);
    },

    canonicalize,

    /** Up to 10,000 values in any written form: which are known, how often and where. */
    async lookup(inputs: string[]) {
      if (inputs.length > MAX_LOOKUP_VALUES) throw new AppError(observableErrors.too_many_values, { limit: MAX_LOOKUP_VALUES });
      const canonical = inputs.map((input) => ({ input, canonical: canonicalize(input) }));
      const pairs = canonical.flatMap((c) => (c.canonical ? [c.canonical] : []));
      const known = await repo.findObservablesByValues(db, pairs);
      const byKey = new Map(known.map((row) => [`${row.type}\u0000${row.value}`, row]));
      const summaries = new Map(
        (
          await repo.sightingSummaries(
            db,
            known.map((k) => k.id),
          )
        ).map((s) => [s.observable_id, s]),
      );
      return canonical.map(({ input, canonical: c }) => {
        const row = c ? byKey.get(`${c.type}\u0000${c.value}`) : undefined;
        const summary = row ? summaries.get(row.id) : undefined;
        return {
          input,
          type: c?.type ?? null,
          value: c?.value ?? null,
          warning: c?.warning ?? null,
          known: row !== undefined,
          observableId: row?.id ?? null,
          sightings: summary?.sightings ?? 0,
          sources: summary?.sources ?? 0,
          firstSeenAt: row?.first_seen_at ?? null,
          lastSeenAt: row?.last_seen_at ?? null,
        };
      });
    },

    async get(actor: Actor, id: number) {
      const [row] = await repo.findObservable(db, id);
      if (!row) throw new AppError(observableErrors.not_found, { id });
      const sightings = (await repo.listSightings(db, id, 200)).map((s) => ({ ...presentSource(actor, s), seenAt: s.seen_at }));
      const related = await repo.findRelatedByHost(db, row.host, row.registrable, id, 100);
      const containing = row.type === 'ipv4' || row.type === 'ipv6' ? await cidrsContaining(row.value) : [];
      return {
        id: row.id,
        type: row.type as ObservableType,
        value: row.value,
        warning: row.warning,
        attributes: row.attributes ? (JSON.parse(row.attributes) as Record<string, string>) : {},
        firstSeenAt: row.first_seen_at,
        lastSeenAt: row.last_seen_at,
        tlp: (row.tlp ?? null) as (typeof OBSERVABLE_TLP_LEVELS)[number] | null,
        sightings,
        related: [...related, ...containing].map((r) => ({ id: r.id, type: r.type as ObservableType, value: r.value, warning: r.warning })),
      };
    },

    /** Sets or clears the observable's own TLP marking (audited). */
    async setTlp(actor: AuditActor, id: number, tlp: (typeof OBSERVABLE_TLP_LEVELS)[number] | null, requestId: string | null): Promise<void> {
      const [row] = await repo.findObservable(db, id);
      if (!row) throw new AppError(observableErrors.not_found, { id });
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('observable').set({ tlp }).where('id', '=', id).execute();
        await audit.record(trx, {
          actor,
          action: 'observable.marked',
          target: { type: 'observable', id: String(id) },
          changes: { from: row.tlp, to: tlp },
          requestId,
        });
      });
    },

    async findByValue(input: string) {
      const c = canonicalize(input);
      if (!c) throw new AppError(observableErrors.unrecognised_value);
      const [row] = await repo.findObservableByValue(db, c.type, c.value);
      return { ...c, observableId: row?.id ?? null };
    },

    /** What one source (a report, a case) sighted, warning-listed values included and flagged. */
    async observablesOfSource(sourceType: string, sourceId: string) {
      return (await repo.listObservablesOfSource(db, sourceType, sourceId)).map((r) => ({
        observableId: r.id,
        type: r.type as ObservableType,
        value: r.value,
        warning: r.warning,
      }));
    },

    /** A source changed hands (routed, reassigned): its sightings name the new owner unit. */
    async setSourceOwner(source: SourceRef): Promise<void> {
      await repo.updateSourceOwner(db, source.sourceType, source.sourceId, source.ownerUnitId, source.restricted);
    },

    /** Other sources sharing observables with this one; `onlySourceType` narrows to one kind (e.g. cases). */
    async correlate(actor: Actor, sourceType: string, sourceId: string, includeWarnings = false, onlySourceType?: string) {
      const rows = await repo.findCorrelatedSources(db, sourceType, sourceId, 200, includeWarnings, onlySourceType);
      return rows.map((r) => ({
        ...presentSource(actor, { source_type: r.source_type, source_id: r.source_id, owner_unit_id: r.owner_unit_id, restricted: r.restricted ?? 0 }),
        shared: r.shared,
        lastSeenAt: r.last_seen_at,
      }));
    },
  };

  async function cidrsContaining(ip: string) {
    const address = ipaddr.parse(ip);
    return (await repo.listCidrObservables(db)).filter((c) => {
      const [network, prefix] = ipaddr.parseCIDR(c.value);
      return network.kind() === address.kind() && address.match(network, prefix);
    });
  }
}

export type ObservablesService = ReturnType<typeof createObservablesService>;
