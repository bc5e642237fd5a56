import { PeriodSchema, PlanFileSchema } from '@selaras/core';
import {
  createAgency,
  createPeriod,
  createRenstra,
  createUser,
  GrantSchema,
  getRegion,
  getRegionOverview,
  grantRole,
  importPlan,
  listPeriods,
  listRegionAgencies,
  listRegionPlans,
  listRegionUsers,
  listVisibleRegions,
  NewRenstraSchema,
  NewUserSchema,
  revokeRole,
  updateRegion,
} from '@selaras/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, ifMatch, ifMatchVersion, PageQuerySchema, page, withVersionTag } from '../http.ts';
import { read, write } from '../route-meta.ts';

const tags = ['regions'];

/** Regions and what hangs off them: agencies, periods, plans and accounts. */
export const regionRoutes = (app: FastifyInstance): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/regions',
    { schema: { tags, summary: 'The regions you have a role in' }, config: read('self') },
    async (req) => listVisibleRegions(req.services, req.actor),
  );
  r.get(
    '/api/regions/:id',
    { schema: { tags, summary: 'A region', params: IdParam }, config: read('region.read') },
    async (req, reply) => withVersionTag(reply, await getRegion(req.services, req.actor, req.params.id)),
  );
  r.patch(
    '/api/regions/:id',
    {
      schema: {
        tags,
        summary: 'Change a region’s name or rules (If-Match)',
        params: IdParam,
        body: z.object({}).passthrough(),
      },
      config: write('region.update'),
    },
    async (req, reply) =>
      withVersionTag(
        reply,
        await updateRegion(req.services, req.actor, req.params.id, req.body, ifMatchVersion(req)),
      ),
  );

  r.get(
    '/api/regions/:id/overview',
    {
      schema: {
        tags,
        summary:
          'The region at a glance: regional plans, and every agency with its plans and findings counts',
        params: IdParam,
      },
      config: read('region.read'),
    },
    async (req) => getRegionOverview(req.services, req.actor, req.params.id),
  );

  r.get(
    '/api/regions/:id/agencies',
    {
      schema: { tags, summary: 'Agencies of a region', params: IdParam, querystring: PageQuerySchema },
      config: read('region.read'),
    },
    async (req, reply) =>
      page(reply, await listRegionAgencies(req.services, req.actor, req.params.id), req.query),
  );
  r.post(
    '/api/regions/:id/agencies',
    {
      schema: { tags, summary: 'Add an agency', params: IdParam, body: z.object({}).passthrough() },
      config: write('agency.create'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(withVersionTag(reply, await createAgency(req.services, req.actor, req.params.id, req.body))),
  );

  r.get(
    '/api/regions/:id/periods',
    {
      schema: { tags, summary: 'Planning periods of a region', params: IdParam },
      config: read('region.read'),
    },
    async (req) => listPeriods(req.services, req.actor, req.params.id),
  );
  r.post(
    '/api/regions/:id/periods',
    {
      schema: { tags, summary: 'Add a planning period', params: IdParam, body: PeriodSchema },
      config: write('period.write'),
    },
    async (req, reply) =>
      reply.status(201).send(await createPeriod(req.services, req.actor, req.params.id, req.rawBody)),
  );

  r.get(
    '/api/regions/:id/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Plans of a region',
        params: IdParam,
        querystring: PageQuerySchema.extend({ agencyId: z.string().optional() }),
      },
      config: read('plan.read'),
    },
    async (req, reply) =>
      page(
        reply,
        await listRegionPlans(req.services, req.actor, req.params.id, req.query.agencyId),
        req.query,
      ),
  );
  r.post(
    '/api/regions/:id/plans',
    {
      schema: {
        tags: ['plans'],
        summary:
          'Import a plan file; with ?replace=true and If-Match, replace the stored plan with the same id',
        params: IdParam,
        querystring: z.strictObject({ replace: z.enum(['true', 'false']).default('false') }),
        body: PlanFileSchema,
      },
      config: write('plan.create', 'agency'),
    },
    async (req, reply) => {
      const result = await importPlan(req.services, req.actor, {
        regionId: req.params.id,
        file: req.rawBody,
        replace: req.query.replace === 'true',
        expectedVersion: ifMatch(req),
      });
      reply.header('etag', result.etag);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
  r.post(
    '/api/regions/:id/renstra',
    {
      schema: {
        tags: ['plans'],
        summary: 'Create an empty Renstra for an agency',
        params: IdParam,
        body: NewRenstraSchema,
      },
      config: write('plan.create', 'agency'),
    },
    async (req, reply) => {
      const result = await createRenstra(req.services, req.actor, req.params.id, req.body);
      reply.header('etag', result.etag);
      return reply.status(201).send(result);
    },
  );

  r.get(
    '/api/regions/:id/users',
    {
      schema: {
        tags: ['users'],
        summary:
          'Accounts with a role in the region; with ?includeWithoutRoles=true also those made here that have no role left',
        params: IdParam,
        querystring: PageQuerySchema.extend({
          includeWithoutRoles: z.enum(['true', 'false']).default('false'),
        }),
      },
      config: read('user.manage'),
    },
    async (req, reply) =>
      page(
        reply,
        await listRegionUsers(req.services, req.actor, req.params.id, {
          includeWithoutRoles: req.query.includeWithoutRoles === 'true',
        }),
        req.query,
      ),
  );
  r.post(
    '/api/regions/:id/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an account with roles',
        params: IdParam,
        body: NewUserSchema,
      },
      config: write('user.manage'),
    },
    async (req, reply) =>
      reply.status(201).send(await createUser(req.services, req.actor, req.params.id, req.body)),
  );
  r.post(
    '/api/regions/:id/users/:userId/roles',
    {
      schema: {
        tags: ['users'],
        summary: 'Give a role; 409 when the user already has it',
        params: IdParam.extend({ userId: z.string().min(1) }),
        body: GrantSchema,
      },
      config: write('user.manage'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await grantRole(req.services, req.actor, req.params.id, req.params.userId, req.body)),
  );
  r.delete(
    '/api/roles/:id',
    {
      schema: { tags: ['users'], summary: 'Take a role away', params: IdParam },
      config: write('user.manage'),
    },
    async (req, reply) => {
      await revokeRole(req.services, req.actor, req.params.id);
      return reply.status(204).send();
    },
  );
};
