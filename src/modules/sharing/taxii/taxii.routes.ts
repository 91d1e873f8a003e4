// TAXII 2.1 HTTP adapter under /taxii2/ (M3.2c). The routes are public to the kernel's access
// hook and authenticate here (taxii.auth.ts), because member organisations hold TAXII tokens, not
// Koban accounts. In this scope: only application/taxii+json bodies, up to the API root's
// max_content_length; TAXII error messages; the global per-address rate limit counted before
// authentication, so failed log-ins are limited too.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, kernelErrors } from '#kernel/errors.ts';
import { resolvePrincipal, type TaxiiPrincipal } from './taxii.auth.ts';
import { handleTaxiiError, sendTaxiiError } from './taxii.error-reply.ts';
import { taxiiErrors } from './taxii.errors.ts';
import { parseFilters, TaxiiQuery } from './taxii.filters.ts';
import { acceptsTaxii, isTaxiiContentType, sendTaxii, STIX_MEDIA_TYPE, TAXII_MAX_CONTENT_BYTES, TAXII_MEDIA_TYPE } from './taxii.media.ts';
import { presentStatus } from './taxii.push.ts';
import type { EntryRow } from './taxii.repository.ts';
import { versionLabel, type EntryPage } from './taxii.server.ts';
import type { TaxiiService } from './taxii.service.ts';

const CollectionParams = z.object({ collectionId: z.string().min(1).max(200) });
const ObjectParams = CollectionParams.extend({ objectId: z.string().min(1).max(300) });
const StatusParams = z.object({ statusId: z.string().min(1).max(200) });

const principals = new WeakMap<FastifyRequest, TaxiiPrincipal>();

function principalOf(request: FastifyRequest): TaxiiPrincipal {
  const principal = principals.get(request);
  if (!principal) throw new AppError(taxiiErrors.credentials_required);
  return principal;
}

function withDateHeaders(reply: FastifyReply, page: EntryPage<EntryRow>): FastifyReply {
  if (page.dateAddedFirst) reply.header('x-taxii-date-added-first', page.dateAddedFirst);
  if (page.dateAddedLast) reply.header('x-taxii-date-added-last', page.dateAddedLast);
  return reply;
}

/** The envelope as text around the stored bodies: each body is parsed by nobody, only spliced in. */
function envelopeText(page: EntryPage<EntryRow & { body: string }>): string {
  const members = [`"more":${page.more}`];
  if (page.next !== null) members.push(`"next":${JSON.stringify(page.next)}`);
  if (page.rows.length > 0) members.push(`"objects":[${page.rows.map((row) => row.body).join(',')}]`);
  return `{${members.join(',')}}`;
}

/** `more`, and the `next` to ask for the rest. The manifest and versions resources define only `more`; the extra `next` saves their readers from paging by added_after. */
function pagingOf(page: EntryPage<EntryRow>): { more: boolean; next?: string } {
  return { more: page.more, ...(page.next !== null ? { next: page.next } : {}) };
}

const ALL_FILTERS = { idAndType: true, version: true };

/** This scope's own rules: TAXII errors, TAXII bodies only, the rate limit, then authentication and Accept. */
function prepareScope(app: FastifyInstance, taxii: TaxiiService): void {
  app.setErrorHandler(handleTaxiiError);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/taxii+json', { parseAs: 'buffer', bodyLimit: TAXII_MAX_CONTENT_BYTES }, (request, body, done) => {
    if (isTaxiiContentType(request.headers['content-type'])) done(null, body);
    else done(new AppError(kernelErrors.unsupported_media_type), undefined);
  });
  app.addHook('onRequest', app.rateLimit());
  // Before any body is read: an unauthenticated 50 MiB upload is refused at its headers.
  app.addHook('onRequest', async (request) => {
    principals.set(request, await resolvePrincipal(request, taxii.authenticateMember));
    if (!acceptsTaxii(request.headers.accept)) throw new AppError(taxiiErrors.not_acceptable, { accept: TAXII_MEDIA_TYPE });
  });
}

export function registerTaxiiRoutes(base: FastifyInstance, taxii: TaxiiService): void {
  const routes = (scope: FastifyInstance, _options: unknown, registered: (error?: Error) => void) => {
    prepareScope(scope, taxii);
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'public', ownBearerTokens: true } as const;
    // A route rather than a not-found handler, so that it authenticates like the others.
    app.all('/*', { config, schema: { hide: true } }, (request, reply) =>
      sendTaxiiError(request, reply, 404, kernelErrors.not_found, { method: request.method, path: request.url.split('?')[0] }),
    );
    const server = taxii.server;

    app.get('/', { config, schema: { hide: true } }, async (request, reply) => sendTaxii(reply, server.discovery(request.locale)));
    app.get('/api/', { config, schema: { hide: true } }, async (request, reply) => sendTaxii(reply, server.apiRoot(request.locale)));
    app.get('/api/status/:statusId/', { config, schema: { hide: true, params: StatusParams } }, async (request, reply) =>
      sendTaxii(reply, presentStatus(await server.status(principalOf(request), request.params.statusId))),
    );
    app.get('/api/collections/', { config, schema: { hide: true } }, async (request, reply) =>
      sendTaxii(reply, { collections: await server.collections(principalOf(request)) }),
    );
    app.get('/api/collections/:collectionId/', { config, schema: { hide: true, params: CollectionParams } }, async (request, reply) =>
      sendTaxii(reply, await server.collection(principalOf(request), request.params.collectionId)),
    );

    app.get(
      '/api/collections/:collectionId/objects/',
      { config, schema: { hide: true, params: CollectionParams, querystring: TaxiiQuery } },
      async (request, reply) => {
        const page = await server.objects(principalOf(request), request.params.collectionId, parseFilters(request.query, ALL_FILTERS));
        return sendTaxii(withDateHeaders(reply, page), envelopeText(page));
      },
    );
    app.post(
      '/api/collections/:collectionId/objects/',
      { config, bodyLimit: TAXII_MAX_CONTENT_BYTES, schema: { hide: true, params: CollectionParams } },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError(kernelErrors.unsupported_media_type);
        const context = { locale: request.locale, requestId: request.id };
        const status = await taxii.addObjects(principalOf(request), request.params.collectionId, request.body, context);
        return sendTaxii(reply, presentStatus(status), 202);
      },
    );
    app.get(
      '/api/collections/:collectionId/objects/:objectId/',
      { config, schema: { hide: true, params: ObjectParams, querystring: TaxiiQuery } },
      async (request, reply) => {
        const filters = parseFilters(request.query, { idAndType: false, version: true });
        const page = await server.objects(principalOf(request), request.params.collectionId, filters, request.params.objectId);
        return sendTaxii(withDateHeaders(reply, page), envelopeText(page));
      },
    );
    // Koban keeps every version it received, with provenance, and the audit chain refers to them:
    // objects are not deleted through TAXII. A member that wants an object withdrawn asks the
    // group's administrators, who lower its marking or revoke the share.
    app.delete('/api/collections/:collectionId/objects/:objectId/', { config, schema: { hide: true, params: ObjectParams } }, async (request) => {
      await server.readableGroup(principalOf(request), request.params.collectionId);
      throw new AppError(taxiiErrors.delete_refused, { objectId: request.params.objectId });
    });
    app.get(
      '/api/collections/:collectionId/objects/:objectId/versions/',
      { config, schema: { hide: true, params: ObjectParams, querystring: TaxiiQuery } },
      async (request, reply) => {
        const filters = parseFilters(request.query, { idAndType: false, version: false });
        const page = await server.entries(principalOf(request), request.params.collectionId, filters, request.params.objectId);
        return sendTaxii(withDateHeaders(reply, page), { ...pagingOf(page), ...(page.rows.length > 0 ? { versions: page.rows.map(versionLabel) } : {}) });
      },
    );
    app.get(
      '/api/collections/:collectionId/manifest/',
      { config, schema: { hide: true, params: CollectionParams, querystring: TaxiiQuery } },
      async (request, reply) => {
        const page = await server.entries(principalOf(request), request.params.collectionId, parseFilters(request.query, ALL_FILTERS));
        const objects = page.rows.map((row) => ({ id: row.stix_id, date_added: row.date_added, version: versionLabel(row), media_type: STIX_MEDIA_TYPE }));
        return sendTaxii(withDateHeaders(reply, page), { ...pagingOf(page), ...(objects.length > 0 ? { objects } : {}) });
      },
    );
    registered();
  };
  void base.register(routes, { prefix: '/taxii2' });
}
