import { findRegion, listAgencies, listPlans, type PlanRow } from '@selaras/db';
import { notFound } from '../../app-error.ts';
import { nowIso, type ServiceContext } from '../../context.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { countFindings, validateStoredPlan } from './plan-findings.ts';
import { planEtag } from './plan-scope.ts';

/** One plan in the region overview: what it is, its tag, and how many findings its check gives. */
export interface OverviewPlan {
  readonly planId: string;
  readonly key: string;
  readonly title: string;
  readonly kind: 'regional' | 'renstra';
  readonly stage: string | null;
  readonly etag: string;
  readonly updatedAt: string;
  readonly findings: { error: number; warning: number; info: number };
  /** Where a Renstra is in review (draft, submitted, in-review, returned, …); null for regional plans. */
  readonly reviewState: string | null;
  /** The submission round (0 before the first submission). */
  readonly round: number;
  /** Review findings still open or answered. */
  readonly openFindings: number;
  /**
   * Late: Bappeda's window for the plan's stage has closed and the plan was not submitted (it is
   * still a draft or returned). With the date the window closed.
   */
  readonly late: { readonly closedOn: string } | null;
}

/** An agency of the region with its plans. */
export interface OverviewAgency {
  readonly agencyId: string;
  readonly code: string;
  readonly name: string;
  readonly shortName: string | null;
  readonly kind: string;
  readonly plans: OverviewPlan[];
}

/** The region at a glance for Bappeda: the regional plans, and every agency with its plans. */
export interface RegionOverview {
  readonly regionId: string;
  readonly regionalPlans: OverviewPlan[];
  readonly agencies: OverviewAgency[];
}

/**
 * Every agency of a region with its plans and their findings counts, and the regional plans.
 * Counts come from the same check as `GET /api/plans/:id/validation` (each Renstra against its
 * regional plan), cached by the plans' tags, so an unchanged region costs one query per table.
 */
export const getRegionOverview = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  regionId: string,
): Promise<RegionOverview> => {
  authorize(actor, 'region.read', { regionId, agencyId: null });
  if (!(await findRegion(ctx.db, regionId))) throw notFound('region', regionId);
  const [agencies, plans] = await Promise.all([listAgencies(ctx.db, regionId), listPlans(ctx.db, regionId)]);
  const byId = new Map(plans.map((p) => [p.id, p]));
  const [windows, open] = await Promise.all([
    ctx.db
      .selectFrom('review_window')
      .select(['stage', 'opens_on', 'closes_on'])
      .where('region_id', '=', regionId)
      .execute(),
    ctx.db
      .selectFrom('review_finding')
      .select(['plan_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('region_id', '=', regionId)
      .where('status', 'in', ['open', 'answered'])
      .groupBy('plan_id')
      .execute(),
  ]);
  const openOf = new Map(open.map((o) => [o.plan_id, Number(o.n)]));
  const today = nowIso(ctx).slice(0, 10);
  const lateness = (p: PlanRow): OverviewPlan['late'] => {
    if (p.kind !== 'renstra' || !['draft', 'returned'].includes(p.review_state)) return null;
    const mine = windows.filter((w) => w.stage === p.stage);
    if (mine.length === 0 || mine.some((w) => w.opens_on <= today && today <= w.closes_on)) return null;
    const closed = mine
      .filter((w) => w.closes_on < today)
      .map((w) => w.closes_on)
      .sort();
    const last = closed[closed.length - 1];
    return last ? { closedOn: last } : null;
  };
  const present = async (p: PlanRow): Promise<OverviewPlan> => {
    const regional = p.regional_plan_id === null ? null : (byId.get(p.regional_plan_id) ?? null);
    return {
      planId: p.id,
      key: p.plan_key,
      title: p.title,
      kind: p.kind,
      stage: p.stage,
      etag: planEtag(p),
      updatedAt: p.updated_at,
      findings: countFindings(await validateStoredPlan(ctx, p, regional)),
      reviewState: p.kind === 'renstra' ? p.review_state : null,
      round: p.review_round,
      openFindings: openOf.get(p.id) ?? 0,
      late: lateness(p),
    };
  };
  // One plan at a time: a cold cache loads whole plans, and a region has dozens of them.
  const presented = new Map<string, OverviewPlan>();
  for (const p of plans) presented.set(p.id, await present(p));
  const plansOf = (agencyId: string | null) =>
    plans.filter((p) => p.agency_id === agencyId).map((p) => presented.get(p.id) as OverviewPlan);
  return {
    regionId,
    regionalPlans: plans.filter((p) => p.kind === 'regional').map((p) => presented.get(p.id) as OverviewPlan),
    agencies: agencies.map((a) => ({
      agencyId: a.id,
      code: a.agency.code,
      name: a.agency.name,
      shortName: a.agency.shortName ?? null,
      kind: a.kind,
      plans: plansOf(a.id).filter((p) => p.kind === 'renstra'),
    })),
  };
};
