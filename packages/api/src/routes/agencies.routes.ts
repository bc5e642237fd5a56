import { OrgUnitSchema } from '@selaras/core';
import { AuditQuerySchema, getAgency, listAudit, putUnit, retireUnit, updateAgency } from '@selaras/services';
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
  r.delete(
    '/api/agencies/:id/units/:unitId',
    {
      schema: {
        tags,
        summary:
          'Retire a unit (by its id) that no unit, node or indicator uses (If-Match with the agency’s version)',
        params: IdParam.extend({ unitId: z.string().min(1).max(128) }),
      },
      config: write('unit.write', 'agency'),
    },
    async (req, reply) => {
      const retired = await retireUnit(
        req.services,
        req.actor,
        req.params.id,
        req.params.unitId,
        ifMatchVersion(req),
      );
      reply.header('etag', `"${retired.agencyVersion}"`);
      return retired;
    },
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
