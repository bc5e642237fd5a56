import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Serves the built web app from `root` on the same port as the API: hashed assets cached for a
 * year (their names change with their content), pre-compressed copies when the build made them,
 * and `index.html` (never cached) for any other GET outside `/api`, so the app's own routes
 * survive a reload.
 */
export const registerWeb = async (app: FastifyInstance, root: string): Promise<void> => {
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`the web app is not built: ${join(root, 'index.html')} is missing (npm run build)`);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
    setHeaders: (res, path) => {
      res.header(
        'cache-control',
        path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
};

/** Whether a request that matched no route should get the web app's page instead of a 404. */
export const wantsWebPage = (req: FastifyRequest): boolean =>
  req.method === 'GET' &&
  !req.url.startsWith('/api/') &&
  !req.url.startsWith('/assets/') &&
  req.url !== '/api' &&
  !req.url.startsWith('/healthz');

/** Sends the web app's page for one of its own routes. */
export const sendWebPage = (reply: FastifyReply) =>
  reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
