// Staff routes: station consultations, the triage queue and its actions, attachments, routing rules.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '#kernel/config.ts';
import type { BlobStore } from '#kernel/files/index.ts';
import { parseInput, requireAuth } from '#kernel/http/index.ts';
import { discardAll } from './intake.attachments.ts';
import {
  CaseItemList,
  CloseInput,
  ReportMarkingInput,
  LinkCaseInput,
  ConsultationInput,
  ItemDetail,
  ItemIdParams,
  MergeInput,
  NoteInput,
  OpenCaseInput,
  OpenCaseResult,
  QueueList,
  QueueQuery,
  ReassignInput,
  RoutingRuleSetInput,
  RoutingRuleSetList,
  RoutingRuleSetView,
} from './intake.contract.ts';
import type { IntakeService } from './intake.service.ts';
import { jsonField, readSubmission } from './intake.uploads.ts';
import { z } from 'zod';

const tags = ['intake'];

export function registerIntakeRoutes(base: FastifyInstance, intake: IntakeService, blobs: BlobStore, config: Config): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const limits = { attachmentMaxBytes: config.attachmentMaxBytes, reportMaxBytes: config.reportMaxBytes, attachmentMaxFiles: config.attachmentMaxFiles };

  app.get(
    '/api/intake/queue',
    { config: { access: 'intake.read' }, schema: { tags, querystring: QueueQuery, response: { 200: QueueList } } },
    async (request) => intake.queue(requireAuth(request).actor, request.query),
  );

  app.post(
    '/api/intake/consultations',
    { bodyLimit: config.reportMaxBytes + 1_048_576, config: { access: 'intake.write' }, schema: { tags, response: { 201: ItemDetail } } },
    async (request, reply) => {
      const { fields, files } = await readSubmission(request, blobs, limits);
      let input;
      try {
        input = parseInput(ConsultationInput, 'consultation' in fields ? jsonField(fields, 'consultation') : request.isMultipart() ? {} : request.body);
      } catch (error) {
        await discardAll(files);
        throw error;
      }
      return reply.status(201).send(await intake.recordConsultation(requireAuth(request).actor, input, files, request.id));
    },
  );

  app.get(
    '/api/intake/items/:itemId',
    { config: { access: 'intake.read' }, schema: { tags, params: ItemIdParams, response: { 200: ItemDetail } } },
    async (request) => intake.get(requireAuth(request).actor, request.params.itemId),
  );

  app.get(
    '/api/intake/items/:itemId/attachments/:attachmentId',
    { config: { access: 'intake.read' }, schema: { tags, params: ItemIdParams.extend({ attachmentId: z.string().max(64) }) } },
    async (request, reply) => {
      const { row, stream } = await intake.attachment(requireAuth(request).actor, request.params.itemId, request.params.attachmentId);
      // Never rendered from our origin: always a download, typed as opaque bytes, sandboxed.
      const ascii = row.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.filename)}`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  app.post(
    '/api/intake/items/:itemId/claim',
    { config: { access: 'intake.write' }, schema: { tags, params: ItemIdParams, response: { 200: ItemDetail } } },
    async (request) => intake.claim(requireAuth(request).actor, request.params.itemId, request.id),
  );

  app.post(
    '/api/intake/items/:itemId/reassign',
    { config: { access: 'intake.write' }, schema: { tags, params: ItemIdParams, body: ReassignInput, response: { 200: ItemDetail } } },
    async (request) => intake.reassign(requireAuth(request).actor, request.params.itemId, request.body.unitId, request.body.note, request.id),
  );

  app.post(
    '/api/intake/items/:itemId/tlp',
    { config: { access: 'intake.write' }, schema: { tags, params: ItemIdParams, body: ReportMarkingInput, response: { 200: ItemDetail } } },
    async (request) => intake.mark(requireAuth(request).actor, request.params.itemId, request.body.tlp, request.id),
  );

  app.post(
    '/api/intake/items/:itemId/close',
    { config: { access: 'intake.write' }, schema: { tags, params: ItemIdParams, body: CloseInput, response: { 200: ItemDetail } } },
    async (request) => intake.close(requireAuth(request).actor, request.params.itemId, request.body, request.id),
  );

  app.post(
    '/api/intake/items/:itemId/merge',
    { config: { access: 'intake.write' }, schema: { tags, params: ItemIdParams, body: MergeInput, response: { 200: ItemDetail } } },
    async (request) => intake.merge(requireAuth(request).actor, request.params.itemId, request.body.intoItemId, request.id),
  );

  app.post(
    '/api/intake/items/:itemId/notes',
    { config: { access: 'intake.write' }, schema: { tags, params: ItemIdParams, body: NoteInput, response: { 200: ItemDetail } } },
    async (request) => intake.addNote(requireAuth(request).actor, request.params.itemId, request.body.body, request.id),
  );

  app.post(
    '/api/intake/items/:itemId/case',
    { config: { access: 'case.open' }, schema: { tags, params: ItemIdParams, body: OpenCaseInput, response: { 201: OpenCaseResult } } },
    async (request, reply) => reply.status(201).send(await intake.openCase(requireAuth(request).actor, request.params.itemId, request.body.title, request.id)),
  );

  app.post(
    '/api/intake/items/:itemId/link-case',
    { config: { access: 'case.write' }, schema: { tags, params: ItemIdParams, body: LinkCaseInput, response: { 200: OpenCaseResult } } },
    async (request) => intake.linkCase(requireAuth(request).actor, request.params.itemId, request.body.caseNo, request.id),
  );
  app.get(
    '/api/cases/:caseId/reports',
    { config: { access: 'case.read' }, schema: { tags, params: z.object({ caseId: z.string().max(64) }), response: { 200: CaseItemList } } },
    async (request) => intake.itemsOfCase(requireAuth(request).actor, request.params.caseId, request.id),
  );

  app.get(
    '/api/intake/rules',
    {
      config: { access: 'intake.read' },
      schema: { tags, response: { 200: RoutingRuleSetList.extend({ current: RoutingRuleSetView.pick({ version: true, rules: true }) }) } },
    },
    async () => intake.rules(),
  );

  app.post(
    '/api/intake/rules',
    { config: { access: 'intake.rules' }, schema: { tags, body: RoutingRuleSetInput, response: { 201: RoutingRuleSetView } } },
    async (request, reply) => reply.status(201).send(await intake.saveRules(requireAuth(request).actor, request.body.rules, request.body.comment, request.id)),
  );
}
