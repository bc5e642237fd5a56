import { findPlan, type PlanRow } from '@selaras/db';
import { notFound } from '../../app-error.ts';
import type { ServiceContext, Trx } from '../../context.ts';
import type { Scope } from '../../permissions.ts';

/** A plan row with the scope permissions are checked against. */
export interface PlanInScope {
  readonly plan: PlanRow;
  readonly scope: Scope;
}

/** Finds a plan by id (ids are unique across regions) and its permission scope, or NOT_FOUND. */
export const getPlanInScope = async (
  db: ServiceContext['db'] | Trx,
  planId: string,
): Promise<PlanInScope> => {
  const row = await db.selectFrom('plan').select(['region_id']).where('id', '=', planId).executeTakeFirst();
  const plan = row && (await findPlan(db, row.region_id, planId));
  if (!plan) throw notFound('plan', planId);
  return { plan, scope: { regionId: plan.region_id, agencyId: plan.agency_id } };
};

/** Records a content change on the plan: bumps its content version and time. */
export const touchPlanContent = async (trx: Trx, plan: PlanRow, now: string): Promise<void> => {
  await trx
    .updateTable('plan')
    .set((eb) => ({ content_version: eb('content_version', '+', 1), updated_at: now }))
    .where('region_id', '=', plan.region_id)
    .where('id', '=', plan.id)
    .execute();
};

/** The entity tag of a whole plan: its row version and its content version. */
export const planEtag = (plan: Pick<PlanRow, 'version' | 'content_version'>): string =>
  `"${plan.version}.${plan.content_version}"`;

/** Whether an If-Match value names the plan's current tag (weak or strong, quoted or not). */
export const matchesPlanEtag = (
  given: string,
  plan: Pick<PlanRow, 'version' | 'content_version'>,
): boolean => {
  const bare = given
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
  return `"${bare}"` === planEtag(plan);
};
