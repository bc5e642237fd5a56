import { z } from 'zod';
import type { ServiceContext } from '../../context.ts';
import { parseInput } from '../../patch.ts';
import { type Actor, authorize } from '../../permissions.ts';

/** Filters and a page of the audit log: entries after a cursor, oldest first. */
export const AuditQuerySchema = z.strictObject({
  regionId: z.string().min(1),
  entityType: z.string().optional(),
  entityId: z.string().optional(),
  /** The `id` of the last entry of the previous page. */
  after: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The audit log of a region, a page at a time: for admins, Bappeda and the Inspektorat (`audit.read`). */
export const listAudit = async (ctx: ServiceContext, actor: Actor | undefined, input: unknown) => {
  const q = parseInput(AuditQuerySchema, input, 'audit query');
  authorize(actor, 'audit.read', { regionId: q.regionId, agencyId: null });
  let query = ctx.db.selectFrom('audit_log').selectAll().where('region_id', '=', q.regionId);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.after) query = query.where('id', '>', q.after);
  const rows = await query
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown),
      after: r.after === null ? null : (JSON.parse(r.after) as unknown),
      requestId: r.request_id,
    })),
    next: rows.length > q.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
};
