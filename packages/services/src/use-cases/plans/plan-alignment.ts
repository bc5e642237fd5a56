import {
  type Finding,
  GOAL_ROLES,
  getAncestors,
  type Indicator,
  indexPlan,
  type LevelRole,
  type PerformanceNode,
  type PlanIndex,
  validatePlanSet,
} from '@selaras/core';
import { loadPlan, type PlanRow } from '@selaras/db';
import { invalidInput } from '../../app-error.ts';
import type { ServiceContext } from '../../context.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { loadRegionalIndex, TaggedCache } from './plan-findings.ts';
import { getPlanInScope, planEtag } from './plan-scope.ts';

/** A node of the regional plan in the alignment table, with its indicators. */
export interface RegionalGoal {
  readonly key: string;
  readonly level: string;
  readonly role: LevelRole | null;
  readonly statement: string;
  readonly parentKey: string | null;
  readonly indicators: { key: string; name: string; unit: string | null; targets: Record<string, unknown> }[];
}

/** A tujuan or sasaran of the Renstra, with the links it aligns by. */
export interface AgencyGoal {
  readonly id: string | null;
  readonly key: string;
  readonly level: string;
  readonly role: LevelRole | null;
  readonly statement: string;
  readonly parentKey: string | null;
  /** Its own links to regional nodes (keys), as stored. */
  readonly alignsTo: string[];
  /** Whether the row comes from an ancestor's links, because the node has none of its own. */
  readonly inherited: boolean;
  readonly indicators: {
    id: string | null;
    key: string;
    name: string;
    unit: string | null;
    targets: Record<string, unknown>;
    contributesTo: string[];
  }[];
}

/** Tabel 4.2 of a Renstra as data: regional goals paired with the agency's goals aligned to them. */
export interface PlanAlignment {
  readonly planId: string;
  readonly key: string;
  readonly etag: string;
  readonly regionalPlan: { planId: string; key: string; title: string; etag: string } | null;
  /** Every regional tujuan and sasaran (and any other regional node a goal aligns to), in plan order. */
  readonly rows: { regional: RegionalGoal; expected: boolean; agency: AgencyGoal[] }[];
  /** The agency's tujuan and sasaran aligned to no node of the regional plan (not even through an ancestor). */
  readonly unaligned: AgencyGoal[];
  /** Regional sasaran over programs assigned to this agency that none of its goals aligns to. */
  readonly uncovered: (RegionalGoal & { programs: string[] })[];
  /** The core's alignment and coverage findings for this plan against its regional plan. */
  readonly findings: Finding[];
}

const cache = new TaggedCache<PlanAlignment>(64);

const roleOf = (index: PlanIndex, n: PerformanceNode) => index.roleOf(n) ?? null;

const regionalGoal = (index: PlanIndex, n: PerformanceNode): RegionalGoal => ({
  key: n.id,
  level: n.level,
  role: roleOf(index, n),
  statement: n.statement,
  parentKey: n.parent,
  indicators: n.indicators.map((i) => ({
    key: i.id,
    name: i.name,
    unit: i.unit ?? null,
    targets: i.targets.toRecord(),
  })),
});

/** A node's links, or those of its nearest ancestor that has some (as the core's alignment rule reads them). */
const effectiveAlignment = (
  index: PlanIndex,
  n: PerformanceNode,
): { refs: readonly string[]; inherited: boolean } => {
  if (n.alignsTo.length > 0) return { refs: n.alignsTo, inherited: false };
  for (const a of getAncestors(index, n))
    if (a.alignsTo.length > 0) return { refs: a.alignsTo, inherited: true };
  return { refs: [], inherited: false };
};

/** Regional sasaran this agency is expected to support: those over nodes assigned to the agency (its programs). */
const expectedSasaran = (regional: PlanIndex, agencyCode: string): Map<string, string[]> => {
  const expected = new Map<string, string[]>();
  for (const r of regional.plan.nodes) {
    if (!r.assignedAgencies.includes(agencyCode)) continue;
    const sasaran = [r, ...getAncestors(regional, r)].find((n) => roleOf(regional, n) === 'sasaran');
    if (sasaran)
      expected.set(sasaran.id, [...(expected.get(sasaran.id) ?? []), ...(sasaran === r ? [] : [r.id])]);
  }
  return expected;
};

const ALIGNMENT_CODES = /^(?:alignment|coverage)\//;

const buildAlignment = async (
  ctx: ServiceContext,
  row: PlanRow,
  regionalRow: PlanRow | undefined,
): Promise<PlanAlignment> => {
  const [plan, regional, nodeRows, indicatorRows] = await Promise.all([
    loadPlan(ctx.db, row.region_id, row),
    regionalRow && loadRegionalIndex(ctx, regionalRow),
    ctx.db
      .selectFrom('plan_node')
      .select(['id', 'node_key'])
      .where('region_id', '=', row.region_id)
      .where('plan_id', '=', row.id)
      .execute(),
    ctx.db
      .selectFrom('indicator')
      .select(['id', 'indicator_key'])
      .where('region_id', '=', row.region_id)
      .where('plan_id', '=', row.id)
      .execute(),
  ]);
  const index = indexPlan(plan);
  const nodeId = new Map(nodeRows.map((r) => [r.node_key, r.id]));
  const indicatorId = new Map(indicatorRows.map((r) => [r.indicator_key, r.id]));
  const agencyIndicator = (i: Indicator) => ({
    id: indicatorId.get(i.id) ?? null,
    key: i.id,
    name: i.name,
    unit: i.unit ?? null,
    targets: i.targets.toRecord(),
    contributesTo: i.contributesTo,
  });
  const byRegional = new Map<string, AgencyGoal[]>();
  const unaligned: AgencyGoal[] = [];
  for (const n of plan.nodes) {
    const role = roleOf(index, n);
    if (!role || !GOAL_ROLES.has(role)) continue;
    const { refs, inherited } = effectiveAlignment(index, n);
    const goal: AgencyGoal = {
      id: nodeId.get(n.id) ?? null,
      key: n.id,
      level: n.level,
      role,
      statement: n.statement,
      parentKey: n.parent,
      alignsTo: n.alignsTo,
      inherited,
      indicators: n.indicators.map(agencyIndicator),
    };
    const known = refs.filter((ref) => (regional ? regional.nodes.has(ref as PerformanceNode['id']) : false));
    if (known.length === 0) unaligned.push(goal);
    for (const ref of known) byRegional.set(ref, [...(byRegional.get(ref) ?? []), goal]);
  }
  const agencyCode = plan.format === 'selaras.renstra' ? plan.agency.code : '';
  const expected = regional ? expectedSasaran(regional, agencyCode) : new Map<string, string[]>();
  const rows = (regional?.plan.nodes ?? [])
    .filter((r) => GOAL_ROLES.has(roleOf(regional as PlanIndex, r) ?? 'other') || byRegional.has(r.id))
    .map((r) => ({
      regional: regionalGoal(regional as PlanIndex, r),
      expected: expected.has(r.id),
      agency: byRegional.get(r.id) ?? [],
    }));
  const uncovered = rows
    .filter((r) => r.expected && r.agency.length === 0)
    .map((r) => ({ ...r.regional, programs: expected.get(r.regional.key) ?? [] }));
  const { findings } = validatePlanSet(regional ? [regional.plan, plan] : [plan], {
    nomenclature: (v) => ctx.nomenclature.get(v),
  });
  return {
    planId: row.id,
    key: row.plan_key,
    etag: planEtag(row),
    regionalPlan:
      regional && regionalRow
        ? {
            planId: regionalRow.id,
            key: regionalRow.plan_key,
            title: regionalRow.title,
            etag: planEtag(regionalRow),
          }
        : null,
    rows,
    unaligned,
    uncovered,
    findings: findings.filter(
      (f) =>
        ALIGNMENT_CODES.test(f.code) &&
        (f.target.plan === plan.id || f.code === 'coverage/regional-indicator-uncovered'),
    ),
  };
};

/**
 * The alignment of a Renstra with its regional plan (Tabel 4.2) as data: each regional tujuan and
 * sasaran with the agency's tujuan and sasaran aligned to it (directly or through an ancestor),
 * the agency's goals aligned to nothing, the regional sasaran the agency is expected to support
 * (over programs assigned to it) but does not, and the core's alignment and coverage findings.
 * Cached by the tags of both plans.
 */
export const getPlanAlignment = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
): Promise<PlanAlignment> => {
  const { plan: row, scope } = await getPlanInScope(ctx.db, planId);
  authorize(actor, 'plan.read', scope);
  if (row.kind !== 'renstra')
    throw invalidInput('only a Renstra aligns to a regional plan (Tabel 4.2); this is a regional plan', [
      { path: 'id', message: 'the id of a Renstra' },
    ]);
  const regionalRow =
    row.regional_plan_id === null ? undefined : (await getPlanInScope(ctx.db, row.regional_plan_id)).plan;
  const useRegional = regionalRow?.kind === 'regional' ? regionalRow : undefined;
  const tag = `${planEtag(row)}|${useRegional ? planEtag(useRegional) : '-'}`;
  const hit = cache.get(row.id, tag);
  if (hit) return hit;
  const built = await buildAlignment(ctx, row, useRegional);
  cache.set(row.id, tag, built);
  return built;
};
