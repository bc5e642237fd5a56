import { OrgUnitSchema } from '@selaras/core';
import { AuditQuerySchema, getAgency, listAudit, putUnit, updateAgency } from '@selaras/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, ifMatchVersion, withVersionTag } from '../http.ts';
import { read, write } from '../route-meta.ts';

/** Agencies with their units, and the audit log. */
export const agencyRoutes = (app: FastifyInstance): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['agencies'];
  r.get(
    '/api/agencies/:id',
    {
      schema: { tags, summary: 'An agency with its units (ETag)', params: IdParam },
      config: read('region.read', 'agency'),
    },
    async (req, reply) => withVersionTag(reply, await getAgency(req.services, req.actor, req.params.id)),
  );
  r.patch(
    '/api/agencies/:id',
    {
      schema: {
        tags,
        summary: 'Replace an agency’s record (If-Match)',
        params: IdParam,
        body: z.object({}).passthrough(),
      },
      config: write('agency.update', 'agency'),
    },
    async (req, reply) =>
      withVersionTag(
        reply,
        await updateAgency(req.services, req.actor, req.params.id, req.rawBody, ifMatchVersion(req)),
      ),
  );
  r.post(
    '/api/agencies/:id/units',
    {
      schema: {
        tags,
        summary: 'Add or change a unit (by its id); optionally If-Match with the agency’s version',
        params: IdParam,
        body: OrgUnitSchema,
      },
      config: write('unit.write', 'agency'),
    },
    async (req) => putUnit(req.services, req.actor, req.params.id, req.rawBody, ifMatchVersion(req)),
  );
  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log of a region, a page at a time (cursor `after`)',
        querystring: AuditQuerySchema,
      },
      config: read('audit.read'),
    },
    async (req) => listAudit(req.services, req.actor, req.query),
  );
};
