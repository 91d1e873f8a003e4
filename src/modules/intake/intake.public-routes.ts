// The public portal's API (/report): no login, hostile input. Rate-limited per address; a honeypot
// field and, under load, a proof-of-work challenge; retries carry an Idempotency-Key.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '#kernel/config.ts';
import { AppError } from '#kernel/errors.ts';
import type { BlobStore } from '#kernel/files/index.ts';
import { parseInput } from '#kernel/http/index.ts';
import type { UnitsService } from '#modules/units/index.ts';
import { discardAll } from './intake.attachments.ts';
import { PowChallenge, PublicAdditionInput, PublicReceipt, PublicReportForm, PublicReportInput, PublicStatus, StatusQuery } from './intake.contract.ts';
import { intakeErrors } from './intake.errors.ts';
import type { IntakeService } from './intake.service.ts';
import { jsonField, readSubmission } from './intake.uploads.ts';

const tags = ['public'];
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;

export function registerPublicIntakeRoutes(base: FastifyInstance, intake: IntakeService, blobs: BlobStore, units: UnitsService, config: Config): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const limits = { attachmentMaxBytes: config.attachmentMaxBytes, reportMaxBytes: config.reportMaxBytes, attachmentMaxFiles: config.attachmentMaxFiles };
  const submitLimit = { max: config.reportRateLimitPerHour, timeWindow: 3_600_000 };
  const statusLimit = { max: 60, timeWindow: 600_000 };

  app.get('/api/public/report/form', { config: { access: 'public' }, schema: { tags, response: { 200: PublicReportForm } } }, async () => ({
    stations: (await units.list()).filter((u) => u.kind === 'station').map((u) => ({ id: u.id, nameJa: u.nameJa, nameEn: u.nameEn })),
    limits,
  }));

  app.get('/api/public/report/challenge', { config: { access: 'public' }, schema: { tags, response: { 200: PowChallenge } } }, async () => intake.challenge());

  app.post(
    '/api/public/reports',
    { bodyLimit: config.reportMaxBytes + 1_048_576, config: { access: 'public', rateLimit: submitLimit }, schema: { tags, response: { 201: PublicReceipt } } },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const idempotencyKey = typeof key === 'string' && key !== '' ? key : null;
      if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) throw new AppError(intakeErrors.idempotency_key_invalid);
      const { fields, files } = await readSubmission(request, blobs, limits);
      let input;
      try {
        input = parseInput(PublicReportInput, 'report' in fields ? jsonField(fields, 'report') : request.isMultipart() ? {} : request.body, 'body');
      } catch (error) {
        await discardAll(files);
        throw error;
      }
      return reply.status(201).send(await intake.submitPublic(input, files, idempotencyKey, request.id));
    },
  );

  app.post(
    '/api/public/reports/status',
    { config: { access: 'public', rateLimit: statusLimit }, schema: { tags, body: StatusQuery, response: { 200: PublicStatus } } },
    async (request) => intake.publicStatus(request.body.receiptNo, request.body.secret),
  );

  app.post(
    '/api/public/reports/additions',
    { bodyLimit: config.reportMaxBytes + 1_048_576, config: { access: 'public', rateLimit: statusLimit }, schema: { tags, response: { 200: PublicStatus } } },
    async (request) => {
      const { fields, files } = await readSubmission(request, blobs, limits);
      let input;
      try {
        input = parseInput(PublicAdditionInput, fields, 'body');
      } catch (error) {
        await discardAll(files);
        throw error;
      }
      return intake.publicAdd(input.receiptNo, input.secret, input.text, files, request.id);
    },
  );
}
