import { getUser, NewPasswordSchema, setUserPassword, UserPatchSchema, updateUser } from '@selaras/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam, ifMatchVersion, withVersionTag } from '../http.ts';
import { read, write } from '../route-meta.ts';

const tags = ['users'];

/** One account: read it, change its name or disable it, set its password. */
export const userRoutes = (app: FastifyInstance): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'An account with its roles (ETag); admins of its region, or the user',
        params: IdParam,
      },
      config: read('user.manage'),
    },
    async (req, reply) => withVersionTag(reply, await getUser(req.services, req.actor, req.params.id)),
  );
  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change an account’s display name, or disable or enable it (If-Match)',
        params: IdParam,
        body: UserPatchSchema,
      },
      config: write('user.manage'),
    },
    async (req, reply) =>
      withVersionTag(
        reply,
        await updateUser(req.services, req.actor, req.params.id, req.rawBody, ifMatchVersion(req)),
      ),
  );
  r.post(
    '/api/users/:id/password',
    {
      schema: {
        tags,
        summary: 'Set an account’s password (an admin), or change your own with the current one',
        params: IdParam,
        body: NewPasswordSchema,
      },
      config: write('user.manage'),
    },
    async (req, reply) =>
      withVersionTag(
        reply,
        await setUserPassword(req.services, req.actor, req.params.id, req.rawBody, req.sessionId),
      ),
  );
};
