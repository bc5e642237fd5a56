import type { NodeId, UnitId } from '../schema/common.schema.ts';
import type { Indicator } from '../schema/indicator.schema.ts';
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
import { Combiner } from './combiner.ts';
import type { CompositeResult } from './composite.ts';
import type { Explanation } from './explanation.ts';
import { getToDateTotal } from './indicator-values.ts';
import type { RollupInput } from './rollup.ts';
import {
  capaianAt,
  indicatorAt,
  type NodeValues,
  rollUpNodes,
  scoreIndicatorColumns,
} from './score-columns.ts';
import {
  IndicatorResult,
  type IndicatorScore,
  ListResult,
  type NodeScore,
  NodeScoreMap,
  rowInput,
  type ScoringRun,
  type UnitScore,
} from './score-results.ts';
import { createValueResolver, type ValueResolver } from './value-resolver.ts';

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

/** The region's scoring settings when none are given (parsed once: a parse per call showed in profiles). */
const DEFAULT_SCORING: ScoringSettings = ScoringSettingsSchema.parse({});

/** The year to score and, optionally, the region's scoring settings and a prebuilt index. */
export interface ScorePlanOptions {
  readonly year: number;
  readonly settings?: ScoringSettings | undefined;
  /** Reuse an index built for validation. */
  readonly index?: PlanIndex | undefined;
}

const toDateOf = (run: ScoringRun, plan: Plan, ind: Indicator): IndicatorScore['toDate'] => {
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

/** One result object per scored indicator (made when a caller first lists them). */
const listIndicatorScores = (run: ScoringRun, plan: Plan, v: NodeValues): IndicatorScore[] => {
  const { cols, index } = v;
  const out: IndicatorScore[] = [];
  for (let row = 0; row < cols.rowAt.length; row++) {
    const node = index.ordered[cols.nodePos[row] as number] as PerformanceNode;
    out.push(new IndicatorResult(run, cols, row, node, toDateOf(run, plan, indicatorAt(cols, row))));
  }
  return out;
};

const scoreComposites = (plan: Plan, resolver: ValueResolver): CompositeResult[] => {
  const composites: CompositeResult[] = [];
  for (const c of plan.composites) {
    const r = resolver.composite(c.id);
    if (r) composites.push(r);
  }
  return composites;
};

/** The units an indicator counts for: its responsible unit (or its node's owner) and that unit's parents. */
const unitChain = (index: PlanIndex, start: UnitId): UnitId[] => {
  const chain: UnitId[] = [];
  let unitId: UnitId | undefined = start;
  for (let depth = 0; unitId !== undefined && depth < 32 && index.units.has(unitId); depth++) {
    chain.push(unitId);
    unitId = index.units.get(unitId)?.parent;
  }
  return chain;
};

/**
 * Units by slot in the order they are first met, the chains of unit slots rows count for, and
 * each row's chain (-1 for none).
 */
const unitRows = (v: NodeValues) => {
  const slotOf = new Map<UnitId, number>();
  const units: UnitId[] = [];
  const chainOf: (number | undefined)[] = new Array(v.cols.units.length);
  const chains: number[][] = [];
  const chainAt = new Int32Array(v.cols.unitAt.length).fill(-1);
  const slotFor = (unit: UnitId) => {
    let slot = slotOf.get(unit);
    if (slot === undefined) {
      slot = units.push(unit) - 1;
      slotOf.set(unit, slot);
    }
    return slot;
  };
  for (let row = 0; row < chainAt.length; row++) {
    const start = v.cols.unitAt[row] as number;
    if (start < 0) continue;
    let chain = chainOf[start];
    if (chain === undefined) {
      chain = chains.push(unitChain(v.index, v.cols.units[start] as UnitId).map(slotFor)) - 1;
      chainOf[start] = chain;
    }
    chainAt[row] = chain;
  }
  return { units, chains, chainAt };
};

const scoreUnits = (run: ScoringRun, v: NodeValues): UnitScore[] => {
  const { units, chains, chainAt } = unitRows(v);
  const combiners = units.map(() => new Combiner(run.settings.missing));
  for (let row = 0; row < chainAt.length; row++) {
    const chain = chainAt[row] as number;
    if (chain < 0) continue;
    const value = capaianAt(v.cols, row);
    for (const slot of chains[chain] as number[])
      (combiners[slot] as Combiner).add(value, v.cols.weight[row] as number);
  }
  return units.map((unit, slot) => {
    const inputs = () => {
      const list: RollupInput[] = [];
      for (let row = 0; row < chainAt.length; row++) {
        const chain = chains[chainAt[row] as number] ?? [];
        for (const s of chain) if (s === slot) list.push(rowInput(v.cols, row));
      }
      return list;
    };
    const c = combiners[slot] as Combiner;
    const r = new ListResult(
      c.result('weighted-mean'),
      inputs,
      run.settings.missing,
      'rollup.unit',
      run.scale,
    );
    return {
      unit,
      name: v.index.units.get(unit)?.name ?? unit,
      value: r.value,
      predicate: r.predicate,
      get explanation() {
        return r.explanation;
      },
    };
  });
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
 * overall value. Every number explains itself through its `explanation`, built when read. The
 * numbers are computed here into columns; result objects are made from them when read.
 */
export const scorePlan = (plan: Plan, options: ScorePlanOptions): PlanScore => {
  const settings = options.settings ?? DEFAULT_SCORING;
  const run: ScoringRun = {
    year: options.year,
    settings,
    bounds: { floor: settings.capaianFloor, cap: settings.capaianCap },
    scale: settings.predicateScale ?? DEFAULT_PREDICATE_SCALE,
  };
  const index = options.index ?? indexPlan(plan);
  const resolver = createValueResolver(index, run.year);
  const cols = scoreIndicatorColumns(run, index, resolver);
  const composites = scoreComposites(plan, resolver);
  const values = rollUpNodes(run, index, cols);
  const nodes = new NodeScoreMap(run, values);
  let indicators: IndicatorScore[] | undefined;
  return {
    planId: plan.id,
    year: options.year,
    settings,
    get indicators() {
      indicators ??= listIndicatorScores(run, plan, values);
      return indicators;
    },
    nodes,
    units: scoreUnits(run, values),
    composites,
    overall: scoreOverall(run, index, nodes),
  };
};
