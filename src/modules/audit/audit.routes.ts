import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, AuditVerdictView } from './audit.contract.ts';
import { describeVerdict, type AuditService } from './audit.service.ts';

const tags = ['audit'];

export function registerAuditRoutes(base: FastifyInstance, audit: AuditService): void {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get('/api/audit', { config: { access: 'audit.read' }, schema: { tags, querystring: AuditQuery, response: { 200: AuditPage } } }, async (request) =>
    audit.list(request.query),
  );

  app.get('/api/audit/verify', { config: { access: 'audit.verify' }, schema: { tags, response: { 200: AuditVerdictView } } }, async (request) => {
    const verdict = await audit.verify();
    return {
      ok: verdict.ok,
      count: verdict.count,
      seq: verdict.ok ? null : verdict.seq,
      problem: verdict.ok ? null : verdict.problem,
      message: describeVerdict(verdict, request.locale),
    };
  });
}
