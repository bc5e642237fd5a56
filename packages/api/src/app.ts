import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  createIdGenerator,
  DEFAULT_SESSION_POLICY,
  type ServiceContext,
  type SessionPolicy,
} from '@selaras/services';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAuth } from './auth.ts';
import { registerErrorHandler } from './errors.ts';
import type { RouteMeta } from './route-meta.ts';
import { agencyRoutes } from './routes/agencies.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { chapterRoutes } from './routes/chapters.routes.ts';
import { planRoutes } from './routes/plans.routes.ts';
import { regionRoutes } from './routes/regions.routes.ts';
import { reviewRoutes } from './routes/review.routes.ts';
import { userRoutes } from './routes/users.routes.ts';
import { registerWeb } from './web.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as sent, before schema transforms: services parse it themselves. */
    rawBody: unknown;
  }
  interface FastifyInstance {
    /** Every registered route with its declared permission. */
    routeInfo: RouteInfo[];
  }
}

export interface AppOptions {
  /** The services the routes call (the request id is added per request). */
  readonly services: ServiceContext;
  /** Fastify's logger option: pino settings, or false. */
  readonly logger?: FastifyServerOptions['logger'];
  readonly sessionPolicy?: SessionPolicy;
  /** Mark the session cookie Secure (behind TLS). */
  readonly secureCookies?: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (for addresses and TLS). */
  readonly trustProxy?: boolean;
  /** Largest request body in bytes (plan files can be large). */
  readonly bodyLimit?: number;
  /** The built web app (`packages/web/dist`) to serve on the same port; none when undefined. */
  readonly webRoot?: string | undefined;
}

/** A registered route with its declared permission, for tests and docs. */
export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly meta: RouteMeta | undefined;
}

/**
 * Builds the Fastify application: request ids, structured logs, cookies, the caller resolution and
 * CSRF check, every route with zod validation, OpenAPI at /api/docs, one error body.
 */
export const buildApp = async (options: AppOptions): Promise<FastifyInstance> => {
  const newRequestId = createIdGenerator();
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(incoming)
        ? incoming
        : newRequestId();
    },
    trustProxy: options.trustProxy ?? false,
    bodyLimit: options.bodyLimit ?? 16 * 1024 * 1024,
  });
  const routeInfo: RouteInfo[] = [];
  app.decorate('routeInfo', routeInfo);
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods)
      if (method !== 'HEAD') routeInfo.push({ method, url: r.url, meta: r.config?.meta });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, options.webRoot !== undefined);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Selaras API',
        description: 'Regional strategic plans: plans, cascading, indicators, validation and scores.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'selaras_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.decorateRequest('rawBody', undefined);
  app.addHook('preValidation', async (req) => {
    req.rawBody = req.body;
  });
  registerAuth(app, options.services, options.sessionPolicy ?? DEFAULT_SESSION_POLICY);
  app.get(
    '/healthz',
    { config: { meta: { action: 'public', write: false } }, schema: { hide: true } },
    async (req, reply) => {
      try {
        await options.services.db.selectFrom('region').select('id').limit(1).execute();
      } catch (err) {
        req.log.error({ err }, 'health check: the database does not answer');
        return reply.status(503).send({ status: 'unavailable', reason: 'database' });
      }
      return reply.send({ status: 'ok' });
    },
  );
  authRoutes(app, {
    policy: options.sessionPolicy ?? DEFAULT_SESSION_POLICY,
    secureCookies: options.secureCookies ?? false,
  });
  regionRoutes(app);
  userRoutes(app);
  agencyRoutes(app);
  planRoutes(app);
  chapterRoutes(app);
  reviewRoutes(app);
  if (options.webRoot !== undefined) await registerWeb(app, options.webRoot);
  return app;
};
