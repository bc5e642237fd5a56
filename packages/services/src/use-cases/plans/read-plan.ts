import {
  type Finding,
  type Plan,
  type PlanScore,
  PlanSettingsSchema,
  type ScoringSettings,
  scorePlan,
} from '@selaras/core';
import { findRegion, listPlans, loadPlan, type PlanRow } from '@selaras/db';
import { invalidInput, notFound } from '../../app-error.ts';
import type { ServiceContext } from '../../context.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { validateStoredPlan } from './plan-findings.ts';
import { getPlanInScope, planEtag } from './plan-scope.ts';

/** A plan as stored: its file form, ids and entity tag. */
export interface PlanDocument {
  readonly planId: string;
  readonly regionId: string;
  readonly agencyId: string | null;
  readonly etag: string;
  readonly plan: Plan;
}

/** One line of a plan listing. */
export interface PlanSummary {
  readonly planId: string;
  readonly key: string;
  readonly kind: 'regional' | 'renstra';
  readonly title: string;
  readonly agencyId: string | null;
  readonly stage: string | null;
  readonly etag: string;
  readonly updatedAt: string;
}

const summarise = (p: PlanRow): PlanSummary => ({
  planId: p.id,
  key: p.plan_key,
  kind: p.kind,
  title: p.title,
  agencyId: p.agency_id,
  stage: p.stage,
  etag: planEtag(p),
  updatedAt: p.updated_at,
});

/** The plans of a region (optionally one agency's), for anyone with a role in the region. */
export const listRegionPlans = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  regionId: string,
  agencyId?: string,
): Promise<PlanSummary[]> => {
  authorize(actor, 'plan.read', { regionId, agencyId: agencyId ?? null });
  if (!(await findRegion(ctx.db, regionId))) throw notFound('region', regionId);
  return (await listPlans(ctx.db, regionId, agencyId)).map(summarise);
};

/** A whole plan in plan-file form. */
export const getPlan = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
): Promise<PlanDocument> => {
  const { plan, scope } = await getPlanInScope(ctx.db, planId);
  authorize(actor, 'plan.read', scope);
  return {
    planId,
    regionId: plan.region_id,
    agencyId: plan.agency_id,
    etag: planEtag(plan),
    plan: await loadPlan(ctx.db, plan.region_id, plan),
  };
};

/**
 * The findings of a plan, checked against the regional plan it derives from, under the region's
 * rules (cached by the tags of both plans).
 */
export const getPlanValidation = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
): Promise<{ etag: string; findings: readonly Finding[] }> => {
  const { plan: row, scope } = await getPlanInScope(ctx.db, planId);
  authorize(actor, 'plan.read', scope);
  const regional =
    row.regional_plan_id === null ? null : (await getPlanInScope(ctx.db, row.regional_plan_id)).plan;
  return { etag: planEtag(row), findings: await validateStoredPlan(ctx, row, regional) };
};

/** The scores of a plan for a year of its period. */
export const getPlanScores = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  year: number,
): Promise<{ plan: Plan; score: PlanScore }> => {
  const doc = await getPlan(ctx, actor, planId);
  const { startYear, endYear } = doc.plan.period;
  if (year < startYear || year > endYear) {
    throw invalidInput(`year ${year} is outside the period ${startYear}–${endYear}`, [
      { path: 'year', message: `between ${startYear} and ${endYear}` },
    ]);
  }
  const { plan: row } = await getPlanInScope(ctx.db, planId);
  let settings: ScoringSettings | undefined;
  if (doc.plan.format === 'selaras.regional-plan') settings = doc.plan.settings.scoring;
  else if (row.regional_plan_id !== null) {
    const r = await ctx.db
      .selectFrom('plan')
      .select('settings')
      .where('id', '=', row.regional_plan_id)
      .executeTakeFirst();
    settings = r?.settings ? PlanSettingsSchema.parse(JSON.parse(r.settings)).scoring : undefined;
  }
  return { plan: doc.plan, score: scorePlan(doc.plan, { year, ...(settings && { settings }) }) };
};
