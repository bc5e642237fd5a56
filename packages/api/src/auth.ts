import {
  type Actor,
  AppError,
  authenticateApiToken,
  authenticateSession,
  type ServiceContext,
  type SessionPolicy,
} from '@selaras/services';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The session cookie's name. */
export const SESSION_COOKIE = 'selaras_session';
/** The header that must repeat the session's CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling: undefined for anonymous requests. */
    actor: Actor | undefined;
    /** The session id (its hash), when signed in with the cookie. */
    sessionId: string | undefined;
    /** The service context of this request (with its request id). */
    services: ServiceContext;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller on every request: a bearer API token, or the session cookie. Writes made
 * with the cookie must carry the session's CSRF token in `x-csrf-token` (double submit), so
 * another site cannot make a signed-in browser write.
 */
export const registerAuth = (app: FastifyInstance, ctx: ServiceContext, policy: SessionPolicy): void => {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('sessionId', undefined);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.services = { ...ctx, requestId: req.id };
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const actor = await authenticateApiToken(req.services, auth.slice(7).trim());
      if (!actor) throw new AppError('UNAUTHENTICATED', 'unknown or revoked API token');
      req.actor = actor;
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = await authenticateSession(req.services, cookie, policy);
    if (!session) return;
    if (!SAFE.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError(
        'FORBIDDEN',
        `missing or wrong ${CSRF_HEADER} header (the CSRF token returned at sign-in)`,
        { reason: 'csrf' },
      );
    }
    req.actor = session.actor;
    req.sessionId = session.sessionId;
  });
};
