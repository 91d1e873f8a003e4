// Evidence routes: items of a case with their custody log, file download (recorded as an access),
// hand-over, moves and release, the custody record as a PDF, and analysis requests (解析依頼).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '#kernel/config.ts';
import { AppError } from '#kernel/errors.ts';
import { fileErrors, type BlobStore } from '#kernel/files/index.ts';
import { parseInput, requireAuth } from '#kernel/http/index.ts';
import { CaseIdParams } from './cases.contract.ts';
import { renderCustodyPdf } from './custody-pdf.ts';
import {
  AnalysisDeclineInput,
  AnalysisListQuery,
  AnalysisParams,
  AnalysisRequestInput,
  AnalysisRequestList,
  AnalysisRequestView,
  AnalysisResultInput,
  EvidenceDetail,
  EvidenceInput,
  EvidenceList,
  EvidenceParams,
  HandoverInput,
  MoveInput,
  ReleaseInput,
} from './evidence.contract.ts';
import { evidenceErrors } from './evidence.errors.ts';
import type { EvidenceService, IncomingEvidenceFile } from './evidence.service.ts';

const tags = ['evidence'];

type Names = (ids: { users: string[] }) => Promise<Map<string, string>>;

/** Reads `meta` (JSON) and at most one file, streamed into the blob store's staging area. */
async function readUpload(request: FastifyRequest, blobs: BlobStore, maxBytes: number, metaField: string) {
  if (!request.isMultipart()) return { meta: request.body ?? {}, file: null };
  let meta: unknown = {};
  let file: IncomingEvidenceFile | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 2 } })) {
      if (part.type === 'field') {
        if (part.fieldname !== metaField) continue;
        try {
          meta = JSON.parse(String(part.value)) as unknown;
        } catch {
          throw new AppError(evidenceErrors.invalid_metadata);
        }
        continue;
      }
      if (file) throw new AppError(evidenceErrors.one_file_only);
      const staged = await blobs.stage(part.file, { maxBytes });
      if ((part.file as { truncated?: boolean }).truncated) {
        await staged.discard();
        throw new AppError(fileErrors.too_large, { limit: maxBytes });
      }
      if (staged.size === 0 && !part.filename) {
        await staged.discard();
        continue;
      }
      file = { staged, filename: part.filename || 'evidence.bin', claimedType: part.mimetype || 'application/octet-stream' };
    }
  } catch (error) {
    await file?.staged.discard();
    if ((error as { code?: unknown }).code === 'FST_FILES_LIMIT') throw new AppError(evidenceErrors.one_file_only);
    throw error;
  }
  return { meta, file };
}

/** Files are always downloads, typed as opaque bytes, never rendered from our origin. */
function sendFile(reply: FastifyReply, fileName: string, stream: NodeJS.ReadableStream, headers: Record<string, string> = {}) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .headers(headers)
    .header('content-type', 'application/octet-stream')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(stream);
}

export function registerEvidenceRoutes(base: FastifyInstance, evidence: EvidenceService, blobs: BlobStore, config: Config, names: Names): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const item = '/api/cases/:caseId/evidence/:evidenceId';

  app.get(
    '/api/cases/:caseId/evidence',
    { config: { access: 'case.read' }, schema: { tags, params: CaseIdParams, response: { 200: EvidenceList } } },
    async (request) => evidence.list(requireAuth(request).actor, request.params.caseId, request.id),
  );

  app.post(
    '/api/cases/:caseId/evidence',
    { config: { access: 'case.write' }, schema: { tags, params: CaseIdParams, response: { 201: EvidenceDetail } } },
    async (request, reply) => {
      const actor = requireAuth(request).actor;
      const { meta, file } = await readUpload(request, blobs, config.evidenceMaxBytes, 'meta');
      try {
        const input = parseInput(EvidenceInput, meta);
        const created = await evidence.create(actor, request.params.caseId, input, file, request.id);
        return await reply.status(201).send(created);
      } finally {
        await file?.staged.discard();
      }
    },
  );

  app.get(item, { config: { access: 'case.read' }, schema: { tags, params: EvidenceParams, response: { 200: EvidenceDetail } } }, async (request) =>
    evidence.detail(requireAuth(request).actor, request.params.caseId, request.params.evidenceId, request.id),
  );

  app.get(`${item}/file`, { config: { access: 'case.read' }, schema: { tags, params: EvidenceParams } }, async (request, reply) => {
    const file = await evidence.openFile(requireAuth(request).actor, request.params.caseId, request.params.evidenceId, request.id);
    return sendFile(reply, file.fileName, file.stream, { 'x-koban-integrity': file.integrity });
  });

  app.get(
    `${item}/custody.pdf`,
    { config: { access: 'case.read' }, schema: { tags, params: EvidenceParams, querystring: z.object({ lang: z.enum(['ja', 'en']).optional() }) } },
    async (request, reply) => {
      const actor = requireAuth(request).actor;
      const record = await evidence.custodyRecord(actor, request.params.caseId, request.params.evidenceId, request.id);
      const userIds = [record.exportedBy, record.detail.collectedBy, record.detail.holderId];
      for (const event of record.detail.custody) userIds.push(event.actorId, event.fromHolderId, event.toHolderId);
      const pdf = await renderCustodyPdf(
        {
          caseNo: record.case.caseNo,
          caseTitle: record.case.title,
          detail: record.detail,
          exportedAt: record.exportedAt,
          exportedBy: record.exportedBy,
          names: await names({ users: userIds.filter((id): id is string => id !== null) }),
        },
        request.query.lang ?? request.locale,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="custody-${record.detail.evidenceNo}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    `${item}/handover`,
    { config: { access: 'case.write' }, schema: { tags, params: EvidenceParams, body: HandoverInput, response: { 200: EvidenceDetail } } },
    async (request) => evidence.handover(requireAuth(request).actor, request.params.caseId, request.params.evidenceId, request.body, request.id),
  );
  app.post(
    `${item}/move`,
    { config: { access: 'case.write' }, schema: { tags, params: EvidenceParams, body: MoveInput, response: { 200: EvidenceDetail } } },
    async (request) => evidence.move(requireAuth(request).actor, request.params.caseId, request.params.evidenceId, request.body, request.id),
  );
  app.post(
    `${item}/release`,
    { config: { access: 'case.write' }, schema: { tags, params: EvidenceParams, body: ReleaseInput, response: { 200: EvidenceDetail } } },
    async (request) => evidence.release(requireAuth(request).actor, request.params.caseId, request.params.evidenceId, request.body, request.id),
  );
  app.post(
    `${item}/analysis-requests`,
    { config: { access: 'case.write' }, schema: { tags, params: EvidenceParams, body: AnalysisRequestInput, response: { 201: AnalysisRequestView } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await evidence.requestAnalysis(requireAuth(request).actor, request.params.caseId, request.params.evidenceId, request.body, request.id)),
  );

  // The forensic unit's side: requests addressed to its unit, the item's file, accept/decline/result.
  app.get(
    '/api/analysis-requests',
    { config: { access: 'case.read' }, schema: { tags, querystring: AnalysisListQuery, response: { 200: AnalysisRequestList } } },
    async (request) => evidence.incoming(requireAuth(request).actor, request.query.status),
  );
  app.get(
    '/api/analysis-requests/:requestId',
    { config: { access: 'case.read' }, schema: { tags, params: AnalysisParams, response: { 200: AnalysisRequestView } } },
    async (request) => evidence.analysisRequest(requireAuth(request).actor, request.params.requestId),
  );
  app.get(
    '/api/analysis-requests/:requestId/evidence-file',
    { config: { access: 'case.read' }, schema: { tags, params: AnalysisParams } },
    async (request, reply) => {
      const file = await evidence.openAnalysisEvidence(requireAuth(request).actor, request.params.requestId, request.id);
      return sendFile(reply, file.fileName, file.stream, { 'x-koban-integrity': file.integrity });
    },
  );
  app.get(
    '/api/analysis-requests/:requestId/result-file',
    { config: { access: 'case.read' }, schema: { tags, params: AnalysisParams } },
    async (request, reply) => {
      const file = await evidence.openAnalysisResult(requireAuth(request).actor, request.params.requestId);
      return sendFile(reply, file.fileName, file.stream);
    },
  );
  app.post(
    '/api/analysis-requests/:requestId/accept',
    { config: { access: 'case.write' }, schema: { tags, params: AnalysisParams, response: { 200: AnalysisRequestView } } },
    async (request) => evidence.answerAnalysis(requireAuth(request).actor, request.params.requestId, { kind: 'accept' }, request.id),
  );
  app.post(
    '/api/analysis-requests/:requestId/decline',
    { config: { access: 'case.write' }, schema: { tags, params: AnalysisParams, body: AnalysisDeclineInput, response: { 200: AnalysisRequestView } } },
    async (request) =>
      evidence.answerAnalysis(requireAuth(request).actor, request.params.requestId, { kind: 'decline', reason: request.body.reason }, request.id),
  );
  app.post(
    '/api/analysis-requests/:requestId/result',
    { config: { access: 'case.write' }, schema: { tags, params: AnalysisParams, response: { 200: AnalysisRequestView } } },
    async (request) => {
      const actor = requireAuth(request).actor;
      const { meta, file } = await readUpload(request, blobs, config.evidenceMaxBytes, 'meta');
      try {
        const input = parseInput(AnalysisResultInput, meta);
        return await evidence.answerAnalysis(actor, request.params.requestId, { kind: 'result', result: input.result, file }, request.id);
      } finally {
        await file?.staged.discard();
      }
    },
  );
}
