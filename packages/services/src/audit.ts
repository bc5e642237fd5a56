import { nowIso, type ServiceContext, type Trx } from './context.ts';
import { type Actor, actorUserId } from './permissions.ts';

/** One change to record: what was done to which entity, with its state before and after. */
export interface AuditChange {
  readonly regionId: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Appends an entry to the audit log in the use-case's transaction, so the log holds exactly the
 * changes that were committed. The table refuses updates and deletes.
 */
export const recordAudit = async (
  trx: Trx,
  ctx: ServiceContext,
  actor: Actor,
  change: AuditChange,
): Promise<void> => {
  await trx
    .insertInto('audit_log')
    .values({
      region_id: change.regionId,
      id: ctx.newId(),
      at: nowIso(ctx),
      actor_user_id: actorUserId(actor),
      action: change.action,
      entity_type: change.entityType,
      entity_id: change.entityId,
      before: change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === undefined ? null : JSON.stringify(change.after),
      request_id: ctx.requestId ?? null,
    })
    .execute();
};
