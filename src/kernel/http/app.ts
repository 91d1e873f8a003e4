// Builds the Fastify app: error model, request ids, locale, access control, rate limits,
// security headers, OpenAPI, health checks and the built web UI. Modules add their routes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Authenticator } from '../auth/index.ts';
import type { Config } from '../config.ts';
import { kernelErrors } from '../errors.ts';
import { pickLocale } from '../i18n/index.ts';
import { randomToken } from '../ids.ts';
import type { Logger } from '../logger.ts';
import { installAccessControl, requireDeclaredAccess } from './access.ts';
import { createErrorHandler, errorBody } from './error-handler.ts';
import { installSecurityHeaders, securityHeaders } from './security-headers.ts';
import { serializerCompiler } from './serializer.ts';
import { SESSION_COOKIE } from './types.ts';

export type App = FastifyInstance;

export type AppOptions = {
  config: Config;
  logger: Logger;
  authenticator: Authenticator;
  isReady: () => Promise<boolean>;
  registerRoutes: (app: FastifyInstance) => Promise<void> | void;
};

export function sessionCookieOptions(config: Config, secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure, maxAge: config.sessionAbsoluteHours * 3600 };
}

export function isSecureRequest(config: Config, protocol: string): boolean {
  if (config.secureCookies === 'always') return true;
  if (config.secureCookies === 'never') return false;
  return protocol === 'https';
}

// Request ids: a random per-process prefix and a counter (cheaper than random bytes per request).
const REQUEST_ID_PREFIX = `r_${randomToken(4)}`;
let requestCounter = 0;
function nextRequestId(): string {
  requestCounter += 1;
  return `${REQUEST_ID_PREFIX}${requestCounter.toString(36)}`;
}

export async function createApp({ config, logger, authenticator, isReady, registerRoutes }: AppOptions): Promise<FastifyInstance> {
  const baseLogger: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance: baseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: nextRequestId,
    requestIdHeader: false,
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    return503OnClosing: true,
    // Errors Fastify meets before routing (a malformed URL) still get the error model and headers.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
      reply.headers(securityHeaders(config.secureCookies === 'always'));
      reply.header('x-request-id', request.id);
      const locale = pickLocale(undefined, request.headers['accept-language']);
      void reply.status(400).send(errorBody(locale, request.id, kernelErrors.invalid, { reason: error.code }));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(createErrorHandler(config.bodyLimitBytes));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  requireDeclaredAccess(app);
  await app.register(fastifyCookie);
  installSecurityHeaders(app, config.secureCookies === 'always');
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) => Object.assign(new Error('rate limited'), { statusCode: context.statusCode }),
  });
  // Uploads are read as streams by the routes that accept them; limits here are the outer bound.
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.attachmentMaxBytes, files: config.attachmentMaxFiles, fields: 20, fieldSize: 256 * 1024, parts: config.attachmentMaxFiles + 20 },
  });
  installAccessControl(app, authenticator, (reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Koban API', version: '0.1.0', description: 'Koban cyber-operations platform / 交番 サイバー業務基盤' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => Promise.resolve(app.swagger()));
  typed.get('/healthz', { config: { access: 'public', rateLimit: false }, schema: { hide: true } }, () => Promise.resolve({ status: 'ok' }));
  typed.get(
    '/readyz',
    {
      config: { access: 'public', rateLimit: false },
      schema: { hide: true, response: { 200: z.object({ status: z.string() }), 503: z.object({ status: z.string() }) } },
    },
    async (_request, reply) => ((await isReady()) ? { status: 'ready' } : reply.status(503).send({ status: 'not_ready' })),
  );

  await registerRoutes(app);

  const indexHtml = join(config.webDist, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDist, prefix: '/', index: false, wildcard: true });
    app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) => reply.type('text/html; charset=utf-8').sendFile('index.html'));
  }
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && hasWeb) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.status(404).send(errorBody(request.locale, request.id, kernelErrors.not_found, { method: request.method, path: request.url.split('?')[0] }));
  });
  return app;
}
