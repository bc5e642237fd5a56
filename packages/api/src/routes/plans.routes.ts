import {
  IndicatorDraftSchema,
  NodeCloneSchema,
  NodeDraftSchema,
  NodeMoveSchema,
  PlanMetaPatchSchema,
} from '@selaras/core';
import {
  addIndicator,
  addNode,
  BatchChangesSchema,
  cloneSubtree,
  countFindings,
  deleteIndicator,
  deleteNode,
  getIndicator,
  getNode,
  getPlanAlignment,
  getPlanJson,
  getPlanScores,
  getPlanTreeJson,
  getPlanValidation,
  moveNode,
  presentScore,
  updateIndicator,
  updateIndicators,
  updateNode,
  updateNodes,
  updatePlanMeta,
  updatePlanValues,
} from '@selaras/services';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, ifMatch, ifMatchVersion, withVersionTag } from '../http.ts';
import { read, write } from '../route-meta.ts';

/** Whether an If-None-Match header (a list of tags, weak or strong, or `*`) names `etag`. */
const matches = (ifNoneMatch: string | undefined, etag: string): boolean =>
  (ifNoneMatch ?? '').split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });

/** Sends cached JSON bytes with their entity tag, or 304 when the caller already has them. */
const sendJson = (
  reply: FastifyReply,
  ifNoneMatch: string | undefined,
  r: { etag: string; json: Buffer },
) => {
  reply.header('etag', r.etag);
  if (matches(ifNoneMatch, r.etag)) return reply.status(304).send();
  return reply.type('application/json; charset=utf-8').send(r.json);
};

const anyObject = z.object({}).passthrough();

/** Plans, their tree, validation and scores; nodes and indicators. */
export const planRoutes = (app: FastifyInstance): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  r.get(
    '/api/plans/:id',
    {
      schema: { tags, summary: 'A whole plan in plan-file form (ETag)', params: IdParam },
      config: read('plan.read', 'agency'),
    },
    async (req, reply) =>
      sendJson(
        reply,
        req.headers['if-none-match'],
        await getPlanJson(req.services, req.actor, req.params.id),
      ),
  );
  r.patch(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'Change a plan’s title, stage, revision or note (If-Match)',
        params: IdParam,
        body: PlanMetaPatchSchema,
      },
      config: write('plan.edit', 'agency'),
    },
    async (req, reply) => {
      const result = await updatePlanMeta(req.services, req.actor, req.params.id, req.rawBody, ifMatch(req));
      reply.header('etag', result.etag);
      return result;
    },
  );
  r.get(
    '/api/plans/:id/tree',
    {
      schema: { tags, summary: 'The performance tree for display (ETag)', params: IdParam },
      config: read('plan.read', 'agency'),
    },
    async (req, reply) =>
      sendJson(
        reply,
        req.headers['if-none-match'],
        await getPlanTreeJson(req.services, req.actor, req.params.id),
      ),
  );
  r.get(
    '/api/plans/:id/validation',
    {
      schema: { tags, summary: 'Findings of the plan against the rules', params: IdParam },
      config: read('plan.read', 'agency'),
    },
    async (req, reply) => {
      const result = await getPlanValidation(req.services, req.actor, req.params.id);
      reply.header('etag', result.etag);
      return { summary: countFindings(result.findings), findings: result.findings };
    },
  );
  r.get(
    '/api/plans/:id/alignment',
    {
      schema: {
        tags,
        summary: 'A Renstra’s alignment with its regional plan (Tabel 4.2) as data',
        params: IdParam,
      },
      config: read('plan.read', 'agency'),
    },
    async (req, reply) => {
      const result = await getPlanAlignment(req.services, req.actor, req.params.id);
      reply.header('etag', result.etag);
      return result;
    },
  );
  r.get(
    '/api/plans/:id/scores',
    {
      schema: {
        tags,
        summary: 'Capaian, roll-ups and composite indices for a year',
        params: IdParam,
        querystring: z.strictObject({
          year: z.coerce
            .number({ error: 'the year to score, one of the plan’s period, e.g. ?year=2024' })
            .int(),
          explain: z.enum(['true', 'false']).default('false'),
        }),
      },
      config: read('plan.read', 'agency'),
    },
    async (req) =>
      presentScore(
        (await getPlanScores(req.services, req.actor, req.params.id, req.query.year)).score,
        req.query.explain === 'true',
      ),
  );
  r.post(
    '/api/plans/:id/nodes',
    {
      schema: {
        tags: ['nodes'],
        summary: 'Add a node (parent by its id in the plan)',
        params: IdParam,
        body: NodeDraftSchema,
      },
      config: write('plan.edit', 'agency'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(withVersionTag(reply, await addNode(req.services, req.actor, req.params.id, req.rawBody))),
  );

  r.patch(
    '/api/plans/:id/nodes',
    {
      schema: {
        tags: ['nodes'],
        summary: 'Change many nodes of the plan at once, all or nothing (each with its version)',
        params: IdParam,
        body: BatchChangesSchema,
      },
      config: write('plan.edit', 'agency'),
    },
    async (req, reply) => {
      const result = await updateNodes(req.services, req.actor, req.params.id, req.rawBody);
      reply.header('etag', result.etag);
      return result;
    },
  );
  r.patch(
    '/api/plans/:id/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Change many indicators of the plan at once, all or nothing (each with its version)',
        params: IdParam,
        body: BatchChangesSchema,
      },
      config: write('plan.edit', 'agency'),
    },
    async (req, reply) => {
      const result = await updateIndicators(req.services, req.actor, req.params.id, req.rawBody);
      reply.header('etag', result.etag);
      return result;
    },
  );
  r.patch(
    '/api/plans/:id/rows',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Change indicators and nodes of the plan together, all or nothing (a paste into the grid)',
        params: IdParam,
        body: z.strictObject({
          indicators: z.array(BatchChangesSchema.shape.changes.element).max(500).optional(),
          nodes: z.array(BatchChangesSchema.shape.changes.element).max(500).optional(),
        }),
      },
      config: write('plan.edit', 'agency'),
    },
    async (req, reply) => {
      const result = await updatePlanValues(req.services, req.actor, req.params.id, req.rawBody);
      reply.header('etag', result.etag);
      return result;
    },
  );

  const nodeTags = ['nodes'];
  r.get(
    '/api/nodes/:id',
    {
      schema: { tags: nodeTags, summary: 'A node (ETag)', params: IdParam },
      config: read('plan.read', 'agency'),
    },
    async (req, reply) => withVersionTag(reply, await getNode(req.services, req.actor, req.params.id)),
  );
  r.patch(
    '/api/nodes/:id',
    {
      schema: { tags: nodeTags, summary: 'Change a node (If-Match)', params: IdParam, body: anyObject },
      config: write('plan.edit', 'agency'),
    },
    async (req, reply) =>
      withVersionTag(
        reply,
        await updateNode(req.services, req.actor, req.params.id, req.rawBody, ifMatchVersion(req)),
      ),
  );
  r.delete(
    '/api/nodes/:id',
    {
      schema: { tags: nodeTags, summary: 'Delete a node and its subtree (If-Match)', params: IdParam },
      config: write('plan.edit', 'agency'),
    },
    async (req) => deleteNode(req.services, req.actor, req.params.id, ifMatchVersion(req)),
  );
  r.post(
    '/api/nodes/:id/move',
    {
      schema: { tags: nodeTags, summary: 'Move a node (If-Match)', params: IdParam, body: NodeMoveSchema },
      config: write('plan.edit', 'agency'),
    },
    async (req, reply) =>
      withVersionTag(
        reply,
        await moveNode(req.services, req.actor, req.params.id, req.rawBody, ifMatchVersion(req)),
      ),
  );
  r.post(
    '/api/nodes/:id/clone',
    {
      schema: {
        tags: nodeTags,
        summary: 'Copy a node and its subtree',
        params: IdParam,
        body: NodeCloneSchema,
      },
      config: write('plan.edit', 'agency'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(withVersionTag(reply, await cloneSubtree(req.services, req.actor, req.params.id, req.rawBody))),
  );
  r.post(
    '/api/nodes/:id/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Add an indicator to a node',
        params: IdParam,
        body: IndicatorDraftSchema,
      },
      config: write('plan.edit', 'agency'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(withVersionTag(reply, await addIndicator(req.services, req.actor, req.params.id, req.rawBody))),
  );

  const indicatorTags = ['indicators'];
  r.get(
    '/api/indicators/:id',
    {
      schema: { tags: indicatorTags, summary: 'An indicator (ETag)', params: IdParam },
      config: read('plan.read', 'agency'),
    },
    async (req, reply) => withVersionTag(reply, await getIndicator(req.services, req.actor, req.params.id)),
  );
  r.patch(
    '/api/indicators/:id',
    {
      schema: {
        tags: indicatorTags,
        summary: 'Change an indicator, its targets or realisations (If-Match)',
        params: IdParam,
        body: anyObject,
      },
      config: write('plan.edit', 'agency'),
    },
    async (req, reply) =>
      withVersionTag(
        reply,
        await updateIndicator(req.services, req.actor, req.params.id, req.rawBody, ifMatchVersion(req)),
      ),
  );
  r.delete(
    '/api/indicators/:id',
    {
      schema: { tags: indicatorTags, summary: 'Delete an indicator (If-Match)', params: IdParam },
      config: write('plan.edit', 'agency'),
    },
    async (req, reply) => {
      await deleteIndicator(req.services, req.actor, req.params.id, ifMatchVersion(req));
      return reply.status(204).send();
    },
  );
};
