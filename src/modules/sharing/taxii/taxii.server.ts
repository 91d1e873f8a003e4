// The read side of the TAXII 2.1 server (M3.2c): discovery, the API root, one collection per
// sharing group, and the objects, versions and manifest of a collection. What a reader receives
// is re-checked against the group's TLP ceiling on every read, not only when objects are added:
// a group's level may have been lowered since.
import { t, type Locale } from '#kernel/i18n/index.ts';
import type { KernelDeps } from '#kernel/services.ts';
import { AppError } from '#kernel/errors.ts';
import { Tlp, tlpLevelsUpTo } from '../tlp.ts';
import type { TaxiiPrincipal } from './taxii.auth.ts';
import { taxiiErrors } from './taxii.errors.ts';
import type { EntryFilters } from './taxii.filters.ts';
import { STIX_MEDIA_TYPE, TAXII_MAX_CONTENT_BYTES, TAXII_MEDIA_TYPE } from './taxii.media.ts';
import { mayReadCollection, mayReadStatus, mayWriteCollection } from './taxii.policy.ts';
import * as repo from './taxii.repository.ts';
import type { EntryRow } from './taxii.repository.ts';

export type GroupRow = NonNullable<Awaited<ReturnType<typeof repo.findGroup>>>;

/** One page of collection entries, with what the TAXII headers and envelope need. */
export type EntryPage<R extends EntryRow> = { rows: R[]; more: boolean; next: string | null; dateAddedFirst: string | null; dateAddedLast: string | null };

export const API_ROOT_PATH = '/taxii2/api/';

/** A stored level, read defensively: an unreadable one lets only TLP:CLEAR through. */
export function groupCeiling(group: Pick<GroupRow, 'max_tlp'>): Tlp {
  const parsed = Tlp.safeParse(group.max_tlp);
  return parsed.success ? parsed.data : 'clear';
}

/** The version a manifest or status names: `modified`/`created`, or date_added for unversioned objects. */
export function versionLabel(row: Pick<EntryRow, 'version' | 'date_added'>): string {
  return row.version === '' ? row.date_added : row.version;
}

function pageOf<R extends EntryRow>(rows: R[], limit: number): EntryPage<R> {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return {
    rows: page,
    more,
    next: more && last ? String(last.id) : null,
    dateAddedFirst: page[0]?.date_added ?? null,
    dateAddedLast: last?.date_added ?? null,
  };
}

const emptyPage = { rows: [], more: false, next: null, dateAddedFirst: null, dateAddedLast: null };

export function createTaxiiServer({ database, config }: Pick<KernelDeps, 'database' | 'config'>) {
  const db = database.db;

  async function readableGroup(principal: TaxiiPrincipal, groupId: string): Promise<GroupRow> {
    const group = mayReadCollection(principal, groupId) ? await repo.findGroup(db, groupId) : undefined;
    if (!group) throw new AppError(taxiiErrors.collection_not_found, { collectionId: groupId });
    return group;
  }

  async function entryQuery(group: GroupRow, filters: EntryFilters): Promise<repo.EntryQuery> {
    let after: repo.EntryQuery['after'] = null;
    if (filters.next !== null) {
      const position = await repo.findEntryPosition(db, group.id, filters.next);
      if (!position) throw new AppError(taxiiErrors.invalid_filter, { parameter: 'next', value: String(filters.next) });
      after = { dateAdded: position.date_added, id: position.id };
    }
    const { types, ids, versions, addedAfter, limit } = filters;
    return { groupId: group.id, levels: tlpLevelsUpTo(groupCeiling(group)), types, ids, versions, addedAfter, limit, after };
  }

  /** One page of a collection, or of one object in it (404 when the reader may see no version of it). */
  async function entryPage<R extends EntryRow>(
    principal: TaxiiPrincipal,
    groupId: string,
    filters: EntryFilters,
    objectId: string | undefined,
    find: (executor: typeof db, query: repo.EntryQuery) => Promise<R[]>,
  ): Promise<EntryPage<R>> {
    const group = await readableGroup(principal, groupId);
    const query = await entryQuery(group, objectId === undefined ? filters : { ...filters, ids: [objectId], types: null });
    const page: EntryPage<R> = filters.isSpecVersionHeld ? pageOf(await find(db, query), filters.limit) : emptyPage;
    if (objectId !== undefined && page.rows.length === 0 && !(await repo.hasVisibleEntry(db, group.id, query.levels, objectId)))
      throw new AppError(taxiiErrors.object_not_found, { objectId });
    return page;
  }

  function collectionOf(principal: TaxiiPrincipal, group: GroupRow) {
    return {
      id: group.id,
      title: group.name,
      ...(group.description ? { description: group.description } : {}),
      can_read: true,
      can_write: mayWriteCollection(principal, group.id),
      media_types: [STIX_MEDIA_TYPE],
    };
  }

  return {
    readableGroup,

    discovery(locale: Locale) {
      const apiRoot = `${config.publicUrl}${API_ROOT_PATH}`;
      return {
        title: t(locale, 'taxii.discovery_title', { org: config.orgName }),
        description: t(locale, 'taxii.discovery_description'),
        default: apiRoot,
        api_roots: [apiRoot],
      };
    },

    apiRoot(locale: Locale) {
      return {
        title: t(locale, 'taxii.api_root_title', { org: config.orgName }),
        description: t(locale, 'taxii.api_root_description'),
        versions: [TAXII_MEDIA_TYPE],
        max_content_length: TAXII_MAX_CONTENT_BYTES,
      };
    },

    async collections(principal: TaxiiPrincipal) {
      const groups = await repo.listGroups(db, principal.kind === 'member' ? principal.member.groupId : null);
      return groups.map((group) => collectionOf(principal, group));
    },

    async collection(principal: TaxiiPrincipal, groupId: string) {
      return collectionOf(principal, await readableGroup(principal, groupId));
    },

    /** Entries with their stored STIX text, for the objects and object-by-id endpoints. */
    objects: (principal: TaxiiPrincipal, groupId: string, filters: EntryFilters, objectId?: string) =>
      entryPage(principal, groupId, filters, objectId, repo.findEntriesWithBodies),

    /** Entries without bodies, for the manifest and versions endpoints. */
    entries: (principal: TaxiiPrincipal, groupId: string, filters: EntryFilters, objectId?: string) =>
      entryPage(principal, groupId, filters, objectId, repo.findEntries),

    async status(principal: TaxiiPrincipal, statusId: string) {
      const row = await repo.findStatus(db, statusId);
      if (!row || !mayReadStatus(principal, row) || !mayReadCollection(principal, row.group_id)) throw new AppError(taxiiErrors.status_not_found, { statusId });
      return row;
    },
  };
}

export type TaxiiServer = ReturnType<typeof createTaxiiServer>;
