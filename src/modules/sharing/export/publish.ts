// Publishing a case to a sharing group (事件情報の共有): the case as a STIX report with its
// observables, indicators and attributed groups, each marked, stored as Koban's own objects and
// added to the group's TAXII collection. Nothing goes above the group's TLP; observables that may be
// personal data (e-mail, phone, bank account) go only when someone marked that observable
// explicitly or the group is allowed personal data; warning-listed values and cards never go.
import type { Actor } from '#kernel/auth/index.ts';
import { AppError } from '#kernel/errors.ts';
import type { KernelDeps } from '#kernel/services.ts';
import type { CasesService } from '#modules/cases/index.ts';
import type { ObservableType } from '#modules/observables/index.ts';
import type { SharingGroups } from '../groups/groups.service.ts';
import { sharingErrors } from '../sharing.errors.ts';
import { extensionDefinitionsFor, type StixObject } from '../stix/observables.ts';
import { writeObjectVersions, type ObjectVersion } from '../store/stix-store.writer.ts';
import { addToCollection } from '../taxii/collection-entries.ts';
import { tlpAllows, tlpMarkingObject, tlpOfMarkings, Tlp, type Tlp as TlpLevel } from '../tlp.ts';
import { CATALOGUE_TLP } from './catalogue.ts';
import { caseReport, indicatesRelationship, kobanIdentity, observableObjects, PERSONAL_TYPES, threatObject } from './local-objects.ts';

type PublishDeps = Pick<KernelDeps, 'database' | 'clock' | 'audit' | 'config'>;

export function createCasePublisher(deps: PublishDeps, parts: { cases: Pick<CasesService, 'visibleCase'>; groups: SharingGroups }) {
  const db = deps.database.db;

  async function caseObjects(caseId: string, allowed: TlpLevel, includePersonal: boolean, identityId: string) {
    const row = await db
      .selectFrom('case_record')
      .select(['case_no', 'category', 'subcategory', 'created_at', 'updated_at', 'tlp'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const caseTlp = Tlp.parse(row.tlp);
    const observables = await db
      .selectFrom('sighting')
      .innerJoin('observable', 'observable.id', 'sighting.observable_id')
      .select(['observable.type', 'observable.value', 'observable.attributes', 'observable.first_seen_at', 'observable.last_seen_at', 'observable.tlp'])
      .distinct()
      .where('sighting.source_type', '=', 'case')
      .where('sighting.source_id', '=', caseId)
      .where('observable.warning', 'is', null)
      .orderBy('observable.type')
      .orderBy('observable.value')
      .execute();
    const threats = await db
      .selectFrom('case_attribution')
      .innerJoin('threat', 'threat.id', 'case_attribution.threat_id')
      .select([
        'threat.id',
        'threat.kind',
        'threat.name',
        'threat.description',
        'threat.created_at',
        'threat.updated_at',
        'case_attribution.created_at as attributed_at',
      ])
      .where('case_attribution.case_id', '=', caseId)
      .execute();
    const aliases = threats.length
      ? await db
          .selectFrom('threat_alias')
          .select(['threat_id', 'alias'])
          .where(
            'threat_id',
            'in',
            threats.map((t) => t.id),
          )
          .execute()
      : [];

    const objects: StixObject[] = [];
    const threatObjects = tlpAllows(allowed, CATALOGUE_TLP)
      ? threats.map((t) => ({
          at: t.attributed_at,
          object: threatObject(
            {
              kind: t.kind,
              name: t.name,
              aliases: aliases.filter((a) => a.threat_id === t.id).map((a) => a.alias),
              description: t.description,
              createdAt: t.created_at,
              updatedAt: t.updated_at,
            },
            CATALOGUE_TLP,
            identityId,
          ),
        }))
      : [];
    objects.push(...threatObjects.map((t) => t.object));
    for (const o of observables) {
      const type = o.type as ObservableType;
      const explicit = o.tlp === null ? null : Tlp.parse(o.tlp);
      const tlp = explicit ?? caseTlp;
      if (!tlpAllows(allowed, tlp) || type === 'card') continue;
      if (PERSONAL_TYPES.has(type) && explicit === null && !includePersonal) continue;
      const attributes = includePersonal && o.attributes ? (JSON.parse(o.attributes) as Record<string, string>) : null;
      const made = observableObjects({ type, value: o.value, attributes, firstSeenAt: o.first_seen_at, lastSeenAt: o.last_seen_at }, tlp, identityId);
      if (!made) continue;
      objects.push(made.sco, made.indicator);
      for (const t of threatObjects) objects.push(indicatesRelationship(made.indicator.id, t.object.id, t.at, tlp, identityId));
    }
    const report = caseReport(
      { caseNo: row.case_no, category: row.category, subcategory: row.subcategory, createdAt: row.created_at, updatedAt: row.updated_at },
      objects.map((o) => o.id),
      caseTlp,
      identityId,
    );
    return { caseTlp, caseNo: row.case_no, objects: [...objects, report] };
  }

  return {
    /** Publishes the case to the group; returns how many objects went and how many were new. */
    async publishCase(actor: Actor, caseId: string, groupId: string, requestId: string | null) {
      await parts.cases.visibleCase(actor, caseId, 'sharing', requestId);
      const group = await parts.groups.get(groupId);
      const identity = kobanIdentity(deps.config.orgName);
      const built = await caseObjects(caseId, group.maxTlp, group.includePersonal, identity.id);
      if (!tlpAllows(group.maxTlp, built.caseTlp))
        throw new AppError(sharingErrors.tlp_too_high, { marked: built.caseTlp.toUpperCase(), allowed: group.maxTlp.toUpperCase(), group: group.name });
      const levels = new Set<TlpLevel>([CATALOGUE_TLP, built.caseTlp]);
      for (const o of built.objects) {
        const level = tlpOfMarkings(o.object_marking_refs);
        if (level) levels.add(level);
      }
      const support = [
        identity,
        ...extensionDefinitionsFor(built.objects, identity.id),
        ...[...levels].filter((l) => tlpAllows(group.maxTlp, l)).map(tlpMarkingObject),
      ];
      const at = deps.clock.now().toISOString();
      const versions: ObjectVersion[] = [...support, ...built.objects].map((object) => {
        // Identity, marking and extension definitions carry no marking: they are public.
        const tlp = tlpOfMarkings(object.object_marking_refs) ?? 'clear';
        return {
          stixId: object.id,
          type: object.type,
          version: typeof object.modified === 'string' ? object.modified : typeof object.created === 'string' ? object.created : '',
          tlp,
          body: JSON.stringify(object),
          origin: 'local',
          batchId: null,
          source: `case:${built.caseNo}`,
          importedBy: `user:${actor.userId}`,
          importedAt: at,
        };
      });
      const fresh = await db.transaction().execute(async (trx) => {
        const rows = await writeObjectVersions(deps.database, trx, versions);
        await addToCollection(trx, group.id, versions, deps.clock.now());
        const added = rows.filter((row) => row !== null).length;
        await deps.audit.record(trx, {
          actor: { type: actor.via === 'token' ? 'token' : 'user', id: actor.userId },
          action: 'sharing.case_published',
          target: { type: 'case', id: caseId },
          changes: { groupId: group.id, objects: versions.length, new: added },
          requestId,
        });
        return added;
      });
      return { groupId: group.id, objects: versions.length, new: fresh };
    },
  };
}

export type CasePublisher = ReturnType<typeof createCasePublisher>;
