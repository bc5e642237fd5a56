import {
  actOnFinding,
  advancePlan,
  amendPlan,
  createFinding,
  createMeeting,
  createWindow,
  decideCrosscutting,
  deleteWindow,
  diffRounds,
  enactPlan,
  getReviewSummary,
  getSnapshot,
  listCrosscutting,
  listFindings,
  listMeetings,
  listNotifications,
  listRounds,
  listWindows,
  markNotificationsRead,
  planTimeline,
  proposeCrosscutting,
  recordVerdict,
  returnPlan,
  submitPlan,
  updateMeeting,
  updateWindow,
  verifyPlan,
} from '@selaras/services';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, ifMatch, ifMatchVersion, withVersionTag } from '../http.ts';
import { read, write } from '../route-meta.ts';

const anyBody = z.object({}).passthrough();

/** Sends a review state with the plan's new entity tag. */
const tagged = <T extends { etag: string }>(reply: FastifyReply, r: T): T => {
  reply.header('etag', r.etag);
  return r;
};

/**
 * The review workflow: submission with letters and snapshots, findings and their threads,
 * verdicts, meetings, return, verification, stages, penetapan and amendments; rounds, diffs and
 * the timeline; Bappeda's windows; crosscutting requests; the inbox.
 */
export const reviewRoutes = (app: FastifyInstance): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['review'];
  r.get(
    '/api/plans/:id/review',
    {
      schema: { tags, summary: 'Where the plan is in review', params: IdParam },
      config: read('plan.read', 'agency'),
    },
    async (req, reply) => tagged(reply, await getReviewSummary(req.services, req.actor, req.params.id)),
  );
  r.post(
    '/api/plans/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit or resubmit with an official letter (If-Match): freezes a snapshot',
        params: IdParam,
        body: anyBody,
      },
      config: write('plan.submit', 'agency'),
    },
    async (req, reply) =>
      tagged(reply, await submitPlan(req.services, req.actor, req.params.id, req.rawBody, ifMatch(req))),
  );
  r.post(
    '/api/plans/:id/return',
    {
      schema: {
        tags,
        summary: 'Return for revision, unlocking the items of open findings (If-Match)',
        params: IdParam,
        body: anyBody,
      },
      config: write('review.return', 'agency'),
    },
    async (req, reply) =>
      tagged(reply, await returnPlan(req.services, req.actor, req.params.id, req.rawBody, ifMatch(req))),
  );
  r.post(
    '/api/plans/:id/verify',
    {
      schema: { tags, summary: 'Verify with the checklist (If-Match)', params: IdParam, body: anyBody },
      config: write('plan.verify', 'agency'),
    },
    async (req, reply) =>
      tagged(reply, await verifyPlan(req.services, req.actor, req.params.id, req.rawBody, ifMatch(req))),
  );
  r.post(
    '/api/plans/:id/advance',
    {
      schema: {
        tags,
        summary: 'Move a verified plan to its next stage (If-Match)',
        params: IdParam,
        body: anyBody,
      },
      config: write('plan.advance', 'agency'),
    },
    async (req, reply) =>
      tagged(reply, await advancePlan(req.services, req.actor, req.params.id, ifMatch(req))),
  );
  r.post(
    '/api/plans/:id/enact',
    {
      schema: {
        tags,
        summary: 'Penetapan: record the legal instrument of a verified rancangan akhir (If-Match)',
        params: IdParam,
        body: anyBody,
      },
      config: write('plan.enact', 'agency'),
    },
    async (req, reply) =>
      tagged(reply, await enactPlan(req.services, req.actor, req.params.id, req.rawBody, ifMatch(req))),
  );
  r.post(
    '/api/plans/:id/amend',
    {
      schema: {
        tags,
        summary: 'Start an amendment (perubahan) of a set plan: a new draft version',
        params: IdParam,
        body: anyBody,
      },
      config: write('plan.amend', 'agency'),
    },
    async (req, reply) => {
      const result = await amendPlan(req.services, req.actor, req.params.id, req.rawBody);
      reply.header('etag', result.etag);
      return reply.status(201).send(result);
    },
  );

  r.get(
    '/api/plans/:id/findings',
    {
      schema: {
        tags,
        summary: 'Review findings with their replies',
        params: IdParam,
        querystring: z.strictObject({ round: z.coerce.number().int().min(0).optional() }),
      },
      config: read('plan.read', 'agency'),
    },
    async (req) => listFindings(req.services, req.actor, req.params.id, req.query.round),
  );
  r.post(
    '/api/plans/:id/findings',
    {
      schema: { tags, summary: 'Record a finding (Bappeda, Inspektorat)', params: IdParam, body: anyBody },
      config: write('plan.comment', 'agency'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          withVersionTag(reply, await createFinding(req.services, req.actor, req.params.id, req.rawBody)),
        ),
  );
  r.post(
    '/api/findings/:id/answer',
    {
      schema: {
        tags,
        summary: 'The agency answers a finding: { text } (If-Match)',
        params: IdParam,
        body: anyBody,
      },
      config: write('review.answer', 'agency'),
    },
    async (req, reply) =>
      withVersionTag(
        reply,
        await actOnFinding(
          req.services,
          req.actor,
          req.params.id,
          req.rawBody,
          ifMatchVersion(req),
          'agency',
        ),
      ),
  );
  r.post(
    '/api/findings/:id/actions',
    {
      schema: {
        tags,
        summary: 'A reviewer accepts, resolves or reopens a finding: { action, text } (If-Match)',
        params: IdParam,
        body: anyBody,
      },
      config: write('plan.comment', 'agency'),
    },
    async (req, reply) =>
      withVersionTag(
        reply,
        await actOnFinding(
          req.services,
          req.actor,
          req.params.id,
          req.rawBody,
          ifMatchVersion(req),
          'reviewer',
        ),
      ),
  );
  r.post(
    '/api/plans/:id/verdicts',
    {
      schema: { tags, summary: 'An institution’s verdict on the round', params: IdParam, body: anyBody },
      config: write('review.verdict', 'agency'),
    },
    async (req, reply) =>
      reply.status(201).send(await recordVerdict(req.services, req.actor, req.params.id, req.rawBody)),
  );

  r.get(
    '/api/plans/:id/meetings',
    {
      schema: { tags, summary: 'Review meeting records (notulen, berita acara)', params: IdParam },
      config: read('plan.read', 'agency'),
    },
    async (req) => listMeetings(req.services, req.actor, req.params.id),
  );
  r.post(
    '/api/plans/:id/meetings',
    {
      schema: { tags, summary: 'Record a review meeting', params: IdParam, body: anyBody },
      config: write('review.meeting', 'agency'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          withVersionTag(reply, await createMeeting(req.services, req.actor, req.params.id, req.rawBody)),
        ),
  );
  r.put(
    '/api/meetings/:id',
    {
      schema: { tags, summary: 'Change a meeting record (If-Match)', params: IdParam, body: anyBody },
      config: write('review.meeting', 'agency'),
    },
    async (req, reply) =>
      withVersionTag(
        reply,
        await updateMeeting(req.services, req.actor, req.params.id, req.rawBody, ifMatchVersion(req)),
      ),
  );

  r.get(
    '/api/plans/:id/rounds',
    {
      schema: {
        tags,
        summary: 'Submission rounds: snapshots (with hash check), letters, verdicts, verification',
        params: IdParam,
      },
      config: read('plan.read', 'agency'),
    },
    async (req) => listRounds(req.services, req.actor, req.params.id),
  );
  r.get(
    '/api/plans/:id/rounds/:round',
    {
      schema: {
        tags,
        summary: 'One round’s snapshot, checked against its hash',
        params: IdParam.extend({ round: z.coerce.number().int().min(1) }),
      },
      config: read('plan.read', 'agency'),
    },
    async (req) => getSnapshot(req.services, req.actor, req.params.id, req.params.round),
  );
  r.get(
    '/api/plans/:id/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two rounds (or a round and now)',
        params: IdParam,
        querystring: z.strictObject({
          from: z.coerce.number().int().min(1),
          to: z.coerce.number().int().min(1).optional(),
        }),
      },
      config: read('plan.read', 'agency'),
    },
    async (req) => diffRounds(req.services, req.actor, req.params.id, req.query.from, req.query.to),
  );
  r.get(
    '/api/plans/:id/timeline',
    {
      schema: { tags, summary: 'Every review event of the plan, who and when', params: IdParam },
      config: read('plan.read', 'agency'),
    },
    async (req) => planTimeline(req.services, req.actor, req.params.id),
  );

  r.get(
    '/api/regions/:id/windows',
    {
      schema: { tags, summary: 'Bappeda’s windows (jadwal) per stage', params: IdParam },
      config: read('region.read'),
    },
    async (req) => listWindows(req.services, req.actor, req.params.id),
  );
  r.post(
    '/api/regions/:id/windows',
    {
      schema: { tags, summary: 'Open a window for a stage', params: IdParam, body: anyBody },
      config: write('review.schedule'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(withVersionTag(reply, await createWindow(req.services, req.actor, req.params.id, req.rawBody))),
  );
  r.patch(
    '/api/windows/:id',
    {
      schema: { tags, summary: 'Change a window (If-Match)', params: IdParam, body: anyBody },
      config: write('review.schedule'),
    },
    async (req, reply) =>
      withVersionTag(
        reply,
        await updateWindow(req.services, req.actor, req.params.id, req.rawBody, ifMatchVersion(req)),
      ),
  );
  r.delete(
    '/api/windows/:id',
    {
      schema: { tags, summary: 'Remove a window (If-Match)', params: IdParam },
      config: write('review.schedule'),
    },
    async (req, reply) => {
      await deleteWindow(req.services, req.actor, req.params.id, ifMatchVersion(req));
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/plans/:id/crosscutting',
    {
      schema: { tags, summary: 'Crosscutting proposals the plan made or received', params: IdParam },
      config: read('plan.read', 'agency'),
    },
    async (req) => listCrosscutting(req.services, req.actor, req.params.id),
  );
  r.post(
    '/api/crosscutting',
    {
      schema: {
        tags,
        summary: 'Propose that another agency’s node contributes to one of ours',
        body: anyBody,
      },
      config: write('crosscutting.propose', 'agency'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(withVersionTag(reply, await proposeCrosscutting(req.services, req.actor, req.rawBody))),
  );
  r.post(
    '/api/crosscutting/:id/decision',
    {
      schema: {
        tags,
        summary: 'Accept or reject a crosscutting proposal (If-Match)',
        params: IdParam,
        body: anyBody,
      },
      config: write('crosscutting.decide', 'agency'),
    },
    async (req, reply) =>
      withVersionTag(
        reply,
        await decideCrosscutting(req.services, req.actor, req.params.id, req.rawBody, ifMatchVersion(req)),
      ),
  );

  r.get(
    '/api/notifications',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Your notifications, newest first',
        querystring: z.strictObject({ unread: z.enum(['true', 'false']).default('false') }),
      },
      config: read('self'),
    },
    async (req) => listNotifications(req.services, req.actor, req.query.unread === 'true'),
  );
  r.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Mark notifications read: { ids } or { all: true }',
        body: anyBody,
      },
      config: write('self'),
    },
    async (req) => markNotificationsRead(req.services, req.actor, req.rawBody),
  );
};
