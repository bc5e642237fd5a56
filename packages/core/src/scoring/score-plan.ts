import type { NodeId, UnitId } from '../schema/common.schema.ts';
import type { PerformanceNode } from '../schema/node.schema.ts';
import type { Plan } from '../schema/plan.schema.ts';
import {
  DEFAULT_PREDICATE_SCALE,
  type PredicateBand,
  type ScoringSettings,
  ScoringSettingsSchema,
} from '../schema/settings.schema.ts';
import { indexPlan, type PlanIndex } from '../tree/plan-index.ts';
import { computeCapaianValue } from './capaian.ts';
import type { CompositeResult } from './composite.ts';
import type { Explanation } from './explanation.ts';
import { getToDateTotal } from './indicator-values.ts';
import type { RollupInput } from './rollup.ts';
import {
  asInput,
  Combiner,
  IndicatorResult,
  type IndicatorScore,
  ListResult,
  NodeResult,
  type NodeScore,
  NodeScoreMap,
  type NodeValues,
  type ScoringRun,
  type UnitScore,
} from './score-results.ts';
import { createValueResolver } from './value-resolver.ts';

export type { IndicatorScore, NodeScore, UnitScore } from './score-results.ts';

/** Everything computed for a plan and year. */
export interface PlanScore {
  readonly planId: string;
  readonly year: number;
  readonly settings: ScoringSettings;
  /** Every indicator of the tree, parents' before children's. */
  readonly indicators: readonly IndicatorScore[];
  readonly nodes: ReadonlyMap<NodeId, NodeScore>;
  readonly units: readonly UnitScore[];
  readonly composites: readonly CompositeResult[];
  readonly overall: {
    readonly value?: number | undefined;
    readonly predicate?: PredicateBand | undefined;
    readonly explanation: Explanation;
  };
}

/** The year to score and, optionally, the region's scoring settings and a prebuilt index. */
export interface ScorePlanOptions {
  readonly year: number;
  readonly settings?: ScoringSettings | undefined;
  /** Reuse an index built for validation. */
  readonly index?: PlanIndex | undefined;
}

const toDateOf = (
  run: ScoringRun,
  plan: Plan,
  ind: IndicatorScore['indicator'],
): IndicatorScore['toDate'] => {
  if (!ind.cumulative || ind.targetsAre !== 'increments') return undefined;
  const t = getToDateTotal(ind.targets, plan.period, run.year);
  const r = getToDateTotal(ind.realisations, plan.period, run.year);
  const c = computeCapaianValue(ind.polarity, t, r, run.bounds);
  return {
    ...(t !== undefined && { target: t }),
    ...(r !== undefined && { realisation: r }),
    ...(c !== undefined && { capaian: c }),
  };
};

const scoreIndicators = (run: ScoringRun, plan: Plan, index: PlanIndex) => {
  const resolver = createValueResolver(index, run.year);
  const n = index.ordered.length;
  const scores: IndicatorScore[] = [];
  const ownStart = new Int32Array(n);
  const ownEnd = new Int32Array(n);
  for (let pos = 0; pos < n; pos++) {
    const node = index.ordered[pos] as PerformanceNode;
    ownStart[pos] = scores.length;
    for (const ind of node.indicators) {
      const entered = ind.realisations.get(run.year);
      const resolved = entered === undefined ? resolver.realisationOf(ind) : undefined;
      scores.push(
        new IndicatorResult(
          run,
          ind,
          node,
          ind.targets.get(run.year),
          entered ?? resolved?.value,
          resolved,
          toDateOf(run, plan, ind),
        ),
      );
    }
    ownEnd[pos] = scores.length;
  }
  const composites: CompositeResult[] = [];
  for (const c of plan.composites) {
    const r = resolver.composite(c.id);
    if (r) composites.push(r);
  }
  return { scores, ownStart, ownEnd, composites };
};

const scoreNodes = (run: ScoringRun, v: NodeValues): NodeScoreMap => {
  const n = v.index.ordered.length;
  const results: NodeResult[] = new Array(n);
  const c = new Combiner(run.settings.missing);
  for (let pos = n - 1; pos >= 0; pos--) {
    const r = new NodeResult(run, v, pos, c);
    v.values[pos] = r.value ?? Number.NaN;
    results[pos] = r;
  }
  return new NodeScoreMap(v.index, results);
};

const scoreUnits = (run: ScoringRun, index: PlanIndex, scores: readonly IndicatorScore[]): UnitScore[] => {
  const byUnit = new Map<UnitId, IndicatorScore[]>();
  for (const s of scores) {
    let unitId = s.indicator.responsibleUnit ?? s.node.owner?.unit;
    for (let depth = 0; unitId !== undefined && depth < 32 && index.units.has(unitId); depth++) {
      const list = byUnit.get(unitId);
      if (list) list.push(s);
      else byUnit.set(unitId, [s]);
      unitId = index.units.get(unitId)?.parent;
    }
  }
  const out: UnitScore[] = [];
  const c = new Combiner(run.settings.missing);
  for (const [unit, list] of byUnit) {
    c.reset().addScores(list, 0, list.length);
    const r = new ListResult(
      c.result('weighted-mean'),
      () => list.map(asInput),
      run.settings.missing,
      'rollup.unit',
      run.scale,
    );
    out.push({
      unit,
      name: index.units.get(unit)?.name ?? unit,
      value: r.value,
      predicate: r.predicate,
      get explanation() {
        return r.explanation;
      },
    });
  }
  return out;
};

const scoreOverall = (
  run: ScoringRun,
  index: PlanIndex,
  nodes: ReadonlyMap<NodeId, NodeScore>,
): PlanScore['overall'] => {
  const roots = index.roots.filter((r) => !index.inCycle.has(r.id));
  const c = new Combiner(run.settings.missing);
  for (const r of roots) c.add(nodes.get(r.id)?.value, r.weight);
  const inputs = () =>
    roots.map(
      (r): RollupInput => ({
        ref: r.id,
        label: r.statement,
        value: nodes.get(r.id)?.value,
        weight: r.weight,
        own: false,
      }),
    );
  const overall = new ListResult(
    c.result('weighted-mean'),
    inputs,
    run.settings.missing,
    'rollup.plan',
    run.scale,
  );
  return {
    value: overall.value,
    predicate: overall.predicate,
    get explanation() {
      return overall.explanation;
    },
  };
};

/**
 * Scores a plan for a year: capaian and predicate per indicator (realisations entered, or
 * computed by formula or composite index), node roll-ups, units, composite indices and an
 * overall value. Every number explains itself through its `explanation`, built when read.
 */
export const scorePlan = (plan: Plan, options: ScorePlanOptions): PlanScore => {
  const settings = options.settings ?? ScoringSettingsSchema.parse({});
  const run: ScoringRun = {
    year: options.year,
    settings,
    bounds: { floor: settings.capaianFloor, cap: settings.capaianCap },
    scale: settings.predicateScale ?? DEFAULT_PREDICATE_SCALE,
  };
  const index = options.index ?? indexPlan(plan);
  const { scores, ownStart, ownEnd, composites } = scoreIndicators(run, plan, index);
  const values = new Float64Array(index.ordered.length).fill(Number.NaN);
  const nodes = scoreNodes(run, { index, values, scores, ownStart, ownEnd });
  return {
    planId: plan.id,
    year: options.year,
    settings,
    indicators: scores,
    nodes,
    units: scoreUnits(run, index, scores),
    composites,
    overall: scoreOverall(run, index, nodes),
  };
};
