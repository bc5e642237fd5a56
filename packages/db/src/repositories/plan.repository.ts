import type { Period, Plan } from '@selaras/core';
import type { Selectable } from 'kysely';
import type { PlanTable } from '../tables/plan.table.ts';
import { toJson } from '../values.ts';
import {
  insertChapters,
  insertComposites,
  insertPlanTree,
  type PlanWriteContext,
} from './plan-import.repository.ts';
import type { Db } from './region.repository.ts';

export type PlanRow = Selectable<PlanTable>;

/** Finds a plan by its key (the plan file's `id`) in a region. */
export const findPlanByKey = (db: Db, regionId: string, key: string): Promise<PlanRow | undefined> =>
  db
    .selectFrom('plan')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('plan_key', '=', key)
    .executeTakeFirst();

/** Finds a plan by id in a region. */
export const findPlan = (db: Db, regionId: string, id: string): Promise<PlanRow | undefined> =>
  db.selectFrom('plan').selectAll().where('region_id', '=', regionId).where('id', '=', id).executeTakeFirst();

/** Plans of a region, optionally of one agency. */
export const listPlans = (db: Db, regionId: string, agencyId?: string): Promise<PlanRow[]> => {
  let q = db.selectFrom('plan').selectAll().where('region_id', '=', regionId);
  if (agencyId !== undefined) q = q.where('agency_id', '=', agencyId);
  return q.orderBy('plan_key').execute();
};

/** Finds the period row with these years and kind, or creates it. Returns its id. */
export const ensurePeriod = async (
  db: Db,
  regionId: string,
  period: Period,
  newId: () => string,
): Promise<string> => {
  const found = await db
    .selectFrom('period')
    .select('id')
    .where('region_id', '=', regionId)
    .where('kind', '=', period.kind)
    .where('start_year', '=', period.startYear)
    .where('end_year', '=', period.endYear)
    .executeTakeFirst();
  if (found) return found.id;
  const id = newId();
  await db
    .insertInto('period')
    .values({
      region_id: regionId,
      id,
      kind: period.kind,
      start_year: period.startYear,
      end_year: period.endYear,
      baseline_year: period.baselineYear,
      legal_basis: toJson(period.legalBasis),
    })
    .execute();
  return id;
};

/** The plan row's columns for a plan (everything but ids, versions and times). */
export const planColumns = (
  plan: Plan,
  refs: { periodId: string; agencyId: string | null; regionalPlanId: string | null },
) => ({
  plan_key: plan.id,
  kind: plan.format === 'selaras.regional-plan' ? ('regional' as const) : ('renstra' as const),
  title: plan.title,
  period_id: refs.periodId,
  agency_id: refs.agencyId,
  regional_plan_id: refs.regionalPlanId,
  nomenclature_version: plan.nomenclatureVersion,
  stage: plan.format === 'selaras.renstra' ? plan.stage : null,
  revision: plan.format === 'selaras.renstra' ? (plan.revision ?? null) : null,
  note: plan.note ?? null,
  levels: toJson(plan.levels),
  settings: plan.format === 'selaras.regional-plan' ? toJson(plan.settings) : null,
  // A plan file of a Renstra already set (ditetapkan) arrives set; any other starts as a draft.
  review_state: plan.format === 'selaras.renstra' && plan.stage === 'ditetapkan' ? 'ditetapkan' : 'draft',
});

/** Inserts a plan's row and its whole content. */
export const insertPlan = async (
  db: Db,
  ctx: Omit<PlanWriteContext, 'planId'>,
  plan: Plan,
  refs: { periodId: string; agencyId: string | null; regionalPlanId: string | null },
  now: string,
): Promise<string> => {
  const planId = ctx.newId();
  await db
    .insertInto('plan')
    .values({
      region_id: ctx.regionId,
      id: planId,
      ...planColumns(plan, refs),
      created_at: now,
      updated_at: now,
    })
    .execute();
  await writePlanContent(db, { ...ctx, planId }, plan);
  return planId;
};

/** Inserts the tree, composites and chapters of a plan whose row exists. */
export const writePlanContent = async (db: Db, ctx: PlanWriteContext, plan: Plan): Promise<void> => {
  await insertPlanTree(db, ctx, plan);
  await insertComposites(db, ctx, plan.composites);
  if (plan.format === 'selaras.renstra') await insertChapters(db, ctx, plan.chapters);
};
