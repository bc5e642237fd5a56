import { versionFromTag } from '@selaras/services';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** The version the caller sends in If-Match, as a number (for nodes, indicators, agencies, regions). */
export const ifMatchVersion = (req: FastifyRequest): number | undefined =>
  versionFromTag(req.headers['if-match']);

/** The raw If-Match header (for whole plans, whose tag is `"version.contentVersion"`). */
export const ifMatch = (req: FastifyRequest): string | undefined => req.headers['if-match'];

/** Sets the ETag of a versioned resource and returns it. */
export const withVersionTag = <T extends { version: number }>(reply: FastifyReply, resource: T): T => {
  reply.header('etag', `"${resource.version}"`);
  return resource;
};

/** Page parameters for lists. */
export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** One page of a list, with the total in `x-total-count`. */
export const page = <T>(
  reply: FastifyReply,
  items: readonly T[],
  q: z.infer<typeof PageQuerySchema>,
): T[] => {
  reply.header('x-total-count', items.length);
  return items.slice(q.offset, q.offset + q.limit);
};

/** An id in a URL. */
export const IdParam = z.strictObject({ id: z.string().min(1).max(64) });
