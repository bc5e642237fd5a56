import {
  createApiToken,
  describeCaller,
  listApiTokens,
  revokeApiToken,
  type SessionPolicy,
  SignInSchema,
  signIn,
  signOut,
} from '@selaras/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth.ts';
import { IdParam } from '../http.ts';
import { read, write } from '../route-meta.ts';

/** Sign-in and sign-out with the session cookie, the caller's identity, and personal API tokens. */
export const authRoutes = (
  app: FastifyInstance,
  opts: { policy: SessionPolicy; secureCookies: boolean },
): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        body: SignInSchema,
      },
      config: write('public'),
    },
    async (req, reply) => {
      const session = await signIn(req.services, req.body, req.ip, opts.policy);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies,
        path: '/',
        expires: new Date(session.expiresAt),
      });
      return {
        user: await describeCaller(req.services, session.actor),
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      };
    },
  );
  r.post(
    '/api/auth/sign-out',
    { schema: { tags: ['auth'], summary: 'Sign out' }, config: write('self') },
    async (req, reply) => {
      if (req.actor && req.sessionId) await signOut(req.services, req.actor, req.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
  r.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: 'Who is signed in, with display name and named roles' },
      config: read('self'),
    },
    async (req) => {
      if (!req.actor) return { user: null };
      const session = req.sessionId
        ? await req.services.db
            .selectFrom('session')
            .select('csrf_token')
            .where('id', '=', req.sessionId)
            .executeTakeFirst()
        : undefined;
      return {
        user: await describeCaller(req.services, req.actor),
        ...(session && { csrfToken: session.csrf_token }),
      };
    },
  );
  r.get(
    '/api/auth/tokens',
    { schema: { tags: ['auth'], summary: 'Your API tokens' }, config: read('self') },
    async (req) => listApiTokens(req.services, req.actor),
  );
  r.post(
    '/api/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API token (shown once)',
        body: z.strictObject({ name: z.string().min(1).max(100) }),
      },
      config: write('self'),
    },
    async (req, reply) => reply.status(201).send(await createApiToken(req.services, req.actor, req.body)),
  );
  r.delete(
    '/api/auth/tokens/:id',
    { schema: { tags: ['auth'], summary: 'Revoke an API token', params: IdParam }, config: write('self') },
    async (req, reply) => {
      await revokeApiToken(req.services, req.actor, req.params.id);
      return reply.status(204).send();
    },
  );
};
