import type { NodeId, UnitId } from '../schema/common.schema.ts';
import type { Indicator, TargetValue } from '../schema/indicator.schema.ts';
import type { PerformanceNode } from '../schema/node.schema.ts';
import type { Plan } from '../schema/plan.schema.ts';
import {
  DEFAULT_PREDICATE_SCALE,
  type MissingDataPolicy,
  type PredicateBand,
  type PredicateScale,
  type RollupRule,
  type ScoringSettings,
  ScoringSettingsSchema,
} from '../schema/settings.schema.ts';
import { indexPlan, type PlanIndex } from '../tree/plan-index.ts';
import { type CapaianBounds, computeCapaian, computeCapaianValue } from './capaian.ts';
import type { CompositeResult } from './composite.ts';
import type { Explanation, ExplanationRule } from './explanation.ts';
import { getToDateTotal } from './indicator-values.ts';
import { getPredicate } from './predicate.ts';
import { type RollupInput, rollup } from './rollup.ts';
import { createValueResolver, enteredValue, type ResolvedValue } from './value-resolver.ts';

/** One indicator scored for a year; `explanation` is built when read. */
export interface IndicatorScore {
  readonly indicator: Indicator;
  readonly node: PerformanceNode;
  readonly year: number;
  readonly target?: TargetValue | undefined;
  readonly realisation: ResolvedValue;
  readonly capaian?: number | undefined;
  readonly predicate?: PredicateBand | undefined;
  readonly explanation: Explanation;
  /** For cumulative indicators stated as increments: totals and capaian from the period start. */
  readonly toDate?:
    | { readonly target?: number; readonly realisation?: number; readonly capaian?: number }
    | undefined;
}

/** A node scored for a year: its own indicators (`own`) and the roll-up with its children (`value`). */
export interface NodeScore {
  readonly node: PerformanceNode;
  readonly own?: number | undefined;
  readonly value?: number | undefined;
  readonly predicate?: PredicateBand | undefined;
  readonly explanation: Explanation;
}

/** A unit (bidang, seksi, UPTD) scored over the indicators it and its sub-units are responsible for. */
export interface UnitScore {
  readonly unit: UnitId;
  readonly name: string;
  readonly value?: number | undefined;
  readonly predicate?: PredicateBand | undefined;
  readonly explanation: Explanation;
}

/** Everything computed for a plan and year. */
export interface PlanScore {
  readonly planId: string;
  readonly year: number;
  readonly settings: ScoringSettings;
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

export interface ScorePlanOptions {
  readonly year: number;
  readonly settings?: ScoringSettings | undefined;
  /** Reuse an index built for validation. */
  readonly index?: PlanIndex | undefined;
}

class IndicatorResult implements IndicatorScore {
  readonly capaian: number | undefined;
  readonly predicate: PredicateBand | undefined;
  constructor(
    readonly indicator: Indicator,
    readonly node: PerformanceNode,
    readonly year: number,
    readonly target: TargetValue | undefined,
    private readonly value: number | undefined,
    private readonly resolved: ResolvedValue | undefined,
    private readonly bounds: CapaianBounds,
    scale: PredicateScale,
    readonly toDate: IndicatorScore['toDate'],
  ) {
    this.capaian = computeCapaianValue(indicator.polarity, target, value, bounds);
    this.predicate = this.capaian === undefined ? undefined : getPredicate(this.capaian, scale);
  }
  get realisation(): ResolvedValue {
    return this.resolved ?? enteredValue(this.value as number);
  }
  get explanation(): Explanation {
    return computeCapaian(this.indicator.polarity, this.target, this.value, this.bounds).explanation;
  }
}

const asInput = (s: IndicatorScore): RollupInput => ({
  ref: s.indicator.id,
  label: s.indicator.name,
  value: s.capaian,
  weight: s.indicator.weight,
  own: true,
});

/** Weighted mean (or minimum) of capaian, skipping, zeroing or failing on missing values like `rollup`. */
class Accumulator {
  sum = 0;
  weights = 0;
  min: number | undefined = undefined;
  missing = 0;
  constructor(private readonly policy: MissingDataPolicy) {}
  take(v: number | undefined, w: number): void {
    if (v === undefined) {
      this.missing++;
      if (this.policy !== 'zero') return;
    }
    const x = v ?? 0;
    this.sum += x * w;
    this.weights += w;
    if (this.min === undefined || x < this.min) this.min = x;
  }
  result(rule: RollupRule): number | undefined {
    if (this.policy === 'fail' && this.missing > 0) return undefined;
    if (rule === 'minimum') return this.min;
    return this.weights > 0 ? this.sum / this.weights : undefined;
  }
}

const meanOf = (scores: readonly IndicatorScore[], policy: MissingDataPolicy): number | undefined => {
  const acc = new Accumulator(policy);
  for (const s of scores) acc.take(s.capaian, s.indicator.weight);
  return acc.result('weighted-mean');
};

class NodeResult implements NodeScore {
  readonly own: number | undefined;
  readonly value: number | undefined;
  readonly predicate: PredicateBand | undefined;
  constructor(
    readonly node: PerformanceNode,
    private readonly ownScores: readonly IndicatorScore[],
    private readonly kids: readonly PerformanceNode[],
    private readonly scores: ReadonlyMap<NodeId, NodeScore>,
    private readonly settings: ScoringSettings,
    scale: PredicateScale,
  ) {
    const { rollup: rule, missing } = settings;
    this.own = ownScores.length > 0 ? meanOf(ownScores, missing) : undefined;
    const ownFirst = rule === 'own-first' && ownScores.some((s) => s.capaian !== undefined);
    if (ownFirst) this.value = this.own;
    else {
      const acc = new Accumulator(missing);
      if (rule !== 'own-first') for (const s of ownScores) acc.take(s.capaian, s.indicator.weight);
      for (const k of kids) acc.take(scores.get(k.id)?.value, k.weight);
      this.value = acc.result(rule === 'minimum' ? 'minimum' : 'weighted-mean');
    }
    this.predicate = this.value === undefined ? undefined : getPredicate(this.value, scale);
  }
  get explanation(): Explanation {
    const inputs = [
      ...this.ownScores.map(asInput),
      ...this.kids.map(
        (k): RollupInput => ({
          ref: k.id,
          label: k.statement,
          value: this.scores.get(k.id)?.value,
          weight: k.weight,
          own: false,
        }),
      ),
    ];
    return rollup(inputs, this.settings.rollup, this.settings.missing).explanation;
  }
}

/** A roll-up over a fixed list of inputs (units, the whole plan); explained when read. */
class ListResult {
  readonly predicate: PredicateBand | undefined;
  constructor(
    readonly value: number | undefined,
    private readonly inputs: () => RollupInput[],
    private readonly policy: MissingDataPolicy,
    private readonly rule: ExplanationRule,
    scale: PredicateScale,
  ) {
    this.predicate = value === undefined ? undefined : getPredicate(value, scale);
  }
  get explanation(): Explanation {
    return rollup(this.inputs(), 'weighted-mean', this.policy, this.rule).explanation;
  }
}

const scoreIndicators = (
  plan: Plan,
  index: PlanIndex,
  year: number,
  settings: ScoringSettings,
  scale: PredicateScale,
) => {
  const resolver = createValueResolver(index, year);
  const bounds: CapaianBounds = { floor: settings.capaianFloor, cap: settings.capaianCap };
  const indicators: IndicatorScore[] = [];
  const byNode = new Map<NodeId, IndicatorScore[]>();
  for (const node of index.ordered) {
    if (node.indicators.length === 0) continue;
    const list: IndicatorScore[] = [];
    for (const ind of node.indicators) {
      const entered = ind.realisations.get(year);
      const resolved = entered === undefined ? resolver.realisation(ind.id) : undefined;
      let toDate: IndicatorScore['toDate'];
      if (ind.cumulative && ind.targetsAre === 'increments') {
        const t = getToDateTotal(ind.targets, plan.period, year);
        const r = getToDateTotal(ind.realisations, plan.period, year);
        const c = computeCapaianValue(ind.polarity, t, r, bounds);
        toDate = {
          ...(t !== undefined && { target: t }),
          ...(r !== undefined && { realisation: r }),
          ...(c !== undefined && { capaian: c }),
        };
      }
      const s = new IndicatorResult(
        ind,
        node,
        year,
        ind.targets.get(year),
        entered ?? resolved?.value,
        resolved,
        bounds,
        scale,
        toDate,
      );
      indicators.push(s);
      list.push(s);
    }
    byNode.set(node.id, list);
  }
  const composites: CompositeResult[] = [];
  for (const c of plan.composites) {
    const r = resolver.composite(c.id);
    if (r) composites.push(r);
  }
  return { indicators, byNode, composites };
};

const NO_SCORES: readonly IndicatorScore[] = [];
const NO_NODES: readonly PerformanceNode[] = [];

const scoreNodes = (
  index: PlanIndex,
  byNode: ReadonlyMap<NodeId, IndicatorScore[]>,
  settings: ScoringSettings,
  scale: PredicateScale,
) => {
  const nodes = new Map<NodeId, NodeScore>();
  for (let i = index.ordered.length - 1; i >= 0; i--) {
    const node = index.ordered[i] as PerformanceNode;
    nodes.set(
      node.id,
      new NodeResult(
        node,
        byNode.get(node.id) ?? NO_SCORES,
        index.children.get(node.id) ?? NO_NODES,
        nodes,
        settings,
        scale,
      ),
    );
  }
  return nodes;
};

const scoreUnits = (
  index: PlanIndex,
  scores: readonly IndicatorScore[],
  settings: ScoringSettings,
  scale: PredicateScale,
): UnitScore[] => {
  const byUnit = new Map<UnitId, IndicatorScore[]>();
  for (const s of scores) {
    let unitId = s.indicator.responsibleUnit ?? s.node.owner?.unit;
    let depth = 0;
    while (unitId !== undefined && depth++ < 32 && index.units.has(unitId)) {
      const list = byUnit.get(unitId);
      if (list) list.push(s);
      else byUnit.set(unitId, [s]);
      unitId = index.units.get(unitId)?.parent;
    }
  }
  const out: UnitScore[] = [];
  for (const [unit, list] of byUnit) {
    const r = new ListResult(
      meanOf(list, settings.missing),
      () => list.map(asInput),
      settings.missing,
      'rollup.unit',
      scale,
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

/**
 * Scores a plan for a year: capaian and predicate per indicator (realisations entered, or
 * computed by formula or composite index), node roll-ups, units, composite indices and an
 * overall value. Every number explains itself through its `explanation`, built when read.
 */
export const scorePlan = (plan: Plan, options: ScorePlanOptions): PlanScore => {
  const settings = options.settings ?? ScoringSettingsSchema.parse({});
  const scale = settings.predicateScale ?? DEFAULT_PREDICATE_SCALE;
  const index = options.index ?? indexPlan(plan);
  const { indicators, byNode, composites } = scoreIndicators(plan, index, options.year, settings, scale);
  const nodes = scoreNodes(index, byNode, settings, scale);
  const roots = index.roots.filter((r) => !index.inCycle.has(r.id));
  const rootInputs = () =>
    roots.map(
      (r): RollupInput => ({
        ref: r.id,
        label: r.statement,
        value: nodes.get(r.id)?.value,
        weight: r.weight,
        own: false,
      }),
    );
  const acc = new Accumulator(settings.missing);
  for (const r of roots) acc.take(nodes.get(r.id)?.value, r.weight);
  const overall = new ListResult(
    acc.result('weighted-mean'),
    rootInputs,
    settings.missing,
    'rollup.plan',
    scale,
  );
  return {
    planId: plan.id,
    year: options.year,
    settings,
    indicators,
    nodes,
    units: scoreUnits(index, indicators, settings, scale),
    composites,
    overall: {
      value: overall.value,
      predicate: overall.predicate,
      get explanation() {
        return overall.explanation;
      },
    },
  };
};
