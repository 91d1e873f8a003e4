// Sharing routes for Koban's own users: sharing groups and member tokens (sharing.manage), case
// publication, imports of STIX / MISP / CSV and downloads per receiver (sharing.exchange), import
// records (sharing.read). TAXII has its own routes and authentication (taxii/).
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditActorOf, type Actor } from '#kernel/auth/index.ts';
import { AppError } from '#kernel/errors.ts';
import { requireAuth } from '#kernel/http/index.ts';
import type { Locale } from '#kernel/i18n/index.ts';
import { csvEntries } from './csv-import.ts';
import type { ImportActor, ImportEntry, ImportSummary } from './import/importer.ts';
import { mispEntries } from './misp-exchange.ts';
import {
  BatchDetail,
  BatchList,
  BatchParams,
  ExportQuery,
  GroupChanges,
  GroupInput,
  GroupList,
  GroupParams,
  GroupView,
  ImportInput,
  ImportResult,
  MAX_INLINE_IMPORT_BYTES,
  MemberCreated,
  MemberInput,
  MemberParams,
  PublishInput,
  PublishResult,
  SharingEndpoints,
} from './sharing.contract.ts';
import { sharingErrors } from './sharing.errors.ts';
import type { SharingService } from './sharing.service.ts';
import type { Tlp } from './tlp.ts';

const tags = ['sharing'];

function importActor(actor: Actor): ImportActor {
  return { kind: 'user', id: actor.userId, label: actor.username, audit: auditActorOf(actor) };
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch (error) {
    throw new AppError(sharingErrors.invalid_import, { reason: error instanceof Error ? error.message : String(error) });
  }
}

/** A bundle's elements; what is not a bundle at all is refused whole, with the reason. */
function bundleEntries(document: unknown): ImportEntry[] {
  const bundle = document as { type?: unknown; objects?: unknown } | null;
  if (bundle === null || typeof bundle !== 'object' || Array.isArray(bundle) || bundle.type !== 'bundle')
    throw new AppError(sharingErrors.invalid_import, { reason: 'type ≠ "bundle"' });
  if (bundle.objects !== undefined && !Array.isArray(bundle.objects)) throw new AppError(sharingErrors.invalid_import, { reason: 'objects ≠ […]' });
  return ((bundle.objects as unknown[] | undefined) ?? []).map((value, index) => ({ index, value }));
}

type BatchRow = Awaited<ReturnType<SharingService['listBatches']>>[number];

function presentBatch(row: BatchRow) {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    actorKind: row.actor_kind,
    actorLabel: row.actor_label,
    defaultTlp: row.default_tlp,
    status: row.status,
    total: row.total,
    imported: row.imported,
    unchanged: row.unchanged,
    refused: row.refused,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

function summaryView(summary: ImportSummary) {
  const { batchId, status, total, imported, unchanged, refused, problems } = summary;
  return { batchId, status, total, imported, unchanged, refused, problems: problems.slice(0, 200) };
}

export function registerSharingRoutes(base: FastifyInstance, sharing: SharingService, publicUrl: string): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const root = publicUrl.replace(/\/+$/, '');

  // The addresses a partner is given, from KOBAN_PUBLIC_URL (the browser's own address may be an internal one).
  app.get('/api/sharing/endpoints', { config: { access: 'sharing.read' }, schema: { tags, response: { 200: SharingEndpoints } } }, () => ({
    taxiiDiscoveryUrl: `${root}/taxii2/`,
    taxiiApiRootUrl: `${root}/taxii2/api/`,
    mispFeedBaseUrl: `${root}/misp-feeds/`,
  }));
  app.get(
    '/api/sharing/groups/:groupId',
    { config: { access: 'sharing.read' }, schema: { tags, params: GroupParams, response: { 200: GroupView } } },
    async (request) => sharing.groups.get(request.params.groupId),
  );

  app.get('/api/sharing/groups', { config: { access: 'sharing.read' }, schema: { tags, response: { 200: GroupList } } }, async () => ({
    items: await sharing.groups.list(),
  }));
  app.post(
    '/api/sharing/groups',
    { config: { access: 'sharing.manage' }, schema: { tags, body: GroupInput, response: { 201: GroupView } } },
    async (request, reply) => {
      const actor = requireAuth(request).actor;
      return reply.status(201).send(await sharing.groups.create(auditActorOf(actor), actor.userId, request.body, request.id));
    },
  );
  app.patch(
    '/api/sharing/groups/:groupId',
    { config: { access: 'sharing.manage' }, schema: { tags, params: GroupParams, body: GroupChanges, response: { 200: GroupView } } },
    async (request) => sharing.groups.update(auditActorOf(requireAuth(request).actor), request.params.groupId, request.body, request.id),
  );
  app.post(
    '/api/sharing/groups/:groupId/members',
    { config: { access: 'sharing.manage' }, schema: { tags, params: GroupParams, body: MemberInput, response: { 201: MemberCreated } } },
    async (request, reply) => {
      const actor = requireAuth(request).actor;
      return reply.status(201).send(await sharing.groups.addMember(auditActorOf(actor), actor.userId, request.params.groupId, request.body, request.id));
    },
  );
  app.delete(
    '/api/sharing/groups/:groupId/members/:memberId',
    { config: { access: 'sharing.manage' }, schema: { tags, params: MemberParams } },
    async (request, reply) => {
      await sharing.groups.revokeMember(auditActorOf(requireAuth(request).actor), request.params.groupId, request.params.memberId, request.id);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/sharing/groups/:groupId/publish',
    { config: { access: 'sharing.exchange' }, schema: { tags, params: GroupParams, body: PublishInput, response: { 200: PublishResult } } },
    async (request) => sharing.publishCase(requireAuth(request).actor, request.body.caseId, request.params.groupId, request.id),
  );

  app.post(
    '/api/sharing/imports',
    {
      bodyLimit: MAX_INLINE_IMPORT_BYTES + 64 * 1024,
      config: { access: 'sharing.exchange' },
      schema: { tags, body: ImportInput, response: { 200: ImportResult } },
    },
    async (request) => {
      const actor = requireAuth(request).actor;
      const { format, data, fileName, tlp, csvMapping } = request.body;
      const locale: Locale = request.locale;
      const identityId = sharing.identity().id;
      let entries: ImportEntry[];
      if (format === 'csv')
        entries = csvEntries(Buffer.from(data, 'utf8'), csvMapping, { defaultTlp: tlp, identityId, now: new Date().toISOString(), locale }).entries;
      else if (format === 'misp') entries = mispEntries(parseJson(data), { defaultTlp: tlp, identityId, locale }).entries;
      else entries = bundleEntries(parseJson(data));
      const summary = await sharing.importObjects(entries, {
        kind: format,
        source: `upload:${fileName}`,
        actor: importActor(actor),
        defaultTlp: tlp,
        locale,
        requestId: request.id,
      });
      return summaryView(summary);
    },
  );
  app.get('/api/sharing/imports', { config: { access: 'sharing.read' }, schema: { tags, response: { 200: BatchList } } }, async () => ({
    items: (await sharing.listBatches(100)).map(presentBatch),
  }));
  app.get(
    '/api/sharing/imports/:batchId',
    { config: { access: 'sharing.read' }, schema: { tags, params: BatchParams, response: { 200: BatchDetail } } },
    async (request) => {
      const row = await sharing.getBatch(request.params.batchId);
      return { ...presentBatch(row), problems: JSON.parse(row.problems) as ImportSummary['problems'] };
    },
  );

  app.get('/api/sharing/export', { config: { access: 'sharing.exchange' }, schema: { tags, querystring: ExportQuery } }, async (request, reply) => {
    const { format, tlp, groupId, catalogue } = request.query;
    let allowed: Tlp = tlp ?? 'green';
    if (groupId !== undefined) allowed = (await sharing.groups.get(groupId)).maxTlp;
    const filter = { allowed, groupId: groupId ?? null };
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'misp') {
      if (groupId === undefined) throw new AppError(sharingErrors.invalid_import, { reason: 'format=misp needs groupId' });
      return reply.header('content-disposition', `attachment; filename="koban-misp-${stamp}.json"`).send({ response: await sharing.mispEvents(groupId) });
    }
    const out = new PassThrough();
    if (format === 'csv') {
      void (async () => {
        for await (const line of sharing.csvLines(filter)) out.write(line);
        out.end();
      })().catch((error: unknown) => out.destroy(error as Error));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="koban-indicators-${stamp}.csv"`)
        .send(out);
    }
    sharing.exportBundle(out, { ...filter, catalogue: catalogue === 'true' }).then(
      () => out.end(),
      (error: unknown) => out.destroy(error as Error),
    );
    return reply
      .header('content-type', 'application/stix+json;version=2.1')
      .header('content-disposition', `attachment; filename="koban-stix-${stamp}.json"`)
      .send(out);
  });
}
