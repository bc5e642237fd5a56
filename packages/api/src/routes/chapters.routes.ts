import {
  getSection,
  listPlanChapters,
  RichContentSchema,
  updateChapterIntro,
  updateSectionContent,
} from '@selaras/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam, ifMatchVersion, withVersionTag } from '../http.ts';
import { read, write } from '../route-meta.ts';

/** The chapters BAB I–VIII of a Renstra: their list, one section, and writes of their rich text. */
export const chapterRoutes = (app: FastifyInstance): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['chapters'];
  r.get(
    '/api/plans/:id/chapters',
    {
      schema: { tags, summary: 'The chapters of a plan with their sections, in order', params: IdParam },
      config: read('plan.read', 'agency'),
    },
    async (req, reply) => {
      const result = await listPlanChapters(req.services, req.actor, req.params.id);
      reply.header('etag', result.etag);
      return result.chapters;
    },
  );
  r.get(
    '/api/sections/:id',
    {
      schema: { tags, summary: 'A section with its text (ETag)', params: IdParam },
      config: read('plan.read', 'agency'),
    },
    async (req, reply) => withVersionTag(reply, await getSection(req.services, req.actor, req.params.id)),
  );
  r.put(
    '/api/sections/:id/content',
    {
      schema: {
        tags,
        summary: 'Replace a section’s text (If-Match)',
        params: IdParam,
        body: RichContentSchema,
      },
      config: write('plan.edit', 'agency'),
    },
    async (req, reply) =>
      withVersionTag(
        reply,
        await updateSectionContent(req.services, req.actor, req.params.id, req.rawBody, ifMatchVersion(req)),
      ),
  );
  r.put(
    '/api/chapters/:id/intro',
    {
      schema: {
        tags,
        summary: 'Replace a chapter’s intro text (If-Match)',
        params: IdParam,
        body: RichContentSchema,
      },
      config: write('plan.edit', 'agency'),
    },
    async (req, reply) =>
      withVersionTag(
        reply,
        await updateChapterIntro(req.services, req.actor, req.params.id, req.rawBody, ifMatchVersion(req)),
      ),
  );
};
