import type { IndicatorId, NodeId, UnitId } from '../schema/common.schema.ts';
import type { Indicator, TargetValue } from '../schema/indicator.schema.ts';
import type { PerformanceNode } from '../schema/node.schema.ts';
import type { Plan } from '../schema/plan.schema.ts';
import {
  DEFAULT_PREDICATE_SCALE,
  type PredicateBand,
  type ScoringSettings,
  ScoringSettingsSchema,
} from '../schema/settings.schema.ts';
import { indexPlan, type PlanIndex } from '../tree/plan-index.ts';
import { computeCapaian } from './capaian.ts';
import type { CompositeResult } from './composite.ts';
import type { Explanation } from './explanation.ts';
import { getTarget, getToDateTotal } from './indicator-values.ts';
import { getPredicate } from './predicate.ts';
import { type RollupInput, rollup } from './rollup.ts';
import { createValueResolver, type ResolvedValue } from './value-resolver.ts';

/** One indicator scored for a year. */
export interface IndicatorScore {
  readonly indicator: Indicator;
  readonly node: PerformanceNode;
  readonly year: number;
  readonly target?: TargetValue;
  readonly realisation: ResolvedValue;
  readonly capaian?: number;
  readonly predicate?: PredicateBand;
  readonly explanation: Explanation;
  /** For cumulative indicators stated as increments: totals and capaian from the period start. */
  readonly toDate?: { readonly target?: number; readonly realisation?: number; readonly capaian?: number };
}

/** A node scored for a year: its own indicators, and the roll-up with its children. */
export interface NodeScore {
  readonly node: PerformanceNode;
  readonly own?: number;
  readonly value?: number;
  readonly predicate?: PredicateBand;
  readonly explanation: Explanation;
}

/** A unit (bidang, seksi, UPTD) scored over the indicators it is responsible for. */
export interface UnitScore {
  readonly unit: UnitId;
  readonly name: string;
  readonly value?: number;
  readonly predicate?: PredicateBand;
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
    readonly value?: number;
    readonly predicate?: PredicateBand;
    readonly explanation: Explanation;
  };
}

export interface ScorePlanOptions {
  readonly year: number;
  readonly settings?: ScoringSettings;
  /** Reuse an index built for validation. */
  readonly index?: PlanIndex;
}

const scoreIndicator = (
  ind: Indicator,
  node: PerformanceNode,
  year: number,
  plan: Plan,
  resolved: ResolvedValue,
  settings: ScoringSettings,
): IndicatorScore => {
  const scale = settings.predicateScale ?? DEFAULT_PREDICATE_SCALE;
  const bounds = { floor: settings.capaianFloor, cap: settings.capaianCap };
  const target = getTarget(ind, year);
  const cap = computeCapaian(ind.polarity, target, resolved.value, bounds);
  let toDate: IndicatorScore['toDate'];
  if (ind.cumulative && ind.targetsAre === 'increments') {
    const t = getToDateTotal(ind.targets, plan.period, year);
    const r = getToDateTotal(ind.realisations, plan.period, year);
    const c = computeCapaian(ind.polarity, t, r, bounds).value;
    toDate = {
      ...(t !== undefined && { target: t }),
      ...(r !== undefined && { realisation: r }),
      ...(c !== undefined && { capaian: c }),
    };
  }
  return {
    indicator: ind,
    node,
    year,
    ...(target !== undefined && { target }),
    realisation: resolved,
    ...(cap.value !== undefined && { capaian: cap.value, predicate: getPredicate(cap.value, scale) }),
    explanation: cap.explanation,
    ...(toDate && { toDate }),
  };
};

const scoreUnits = (
  index: PlanIndex,
  scores: readonly IndicatorScore[],
  settings: ScoringSettings,
): UnitScore[] => {
  const scale = settings.predicateScale ?? DEFAULT_PREDICATE_SCALE;
  const byUnit = new Map<UnitId, RollupInput[]>();
  for (const s of scores) {
    let unitId = s.indicator.responsibleUnit ?? s.node.owner?.unit;
    const seen = new Set<UnitId>();
    while (unitId !== undefined && !seen.has(unitId) && index.units.has(unitId)) {
      seen.add(unitId);
      const list = byUnit.get(unitId) ?? [];
      list.push({
        ref: s.indicator.id,
        label: s.indicator.name,
        value: s.capaian,
        weight: s.indicator.weight,
        own: true,
      });
      byUnit.set(unitId, list);
      unitId = index.units.get(unitId)?.parent;
    }
  }
  const out: UnitScore[] = [];
  for (const [unit, inputs] of byUnit) {
    const r = rollup(inputs, 'weighted-mean', settings.missing, 'rollup.unit');
    out.push({
      unit,
      name: index.units.get(unit)?.name ?? unit,
      ...(r.value !== undefined && { value: r.value, predicate: getPredicate(r.value, scale) }),
      explanation: r.explanation,
    });
  }
  return out;
};

const scoreNodes = (
  index: PlanIndex,
  byNode: ReadonlyMap<NodeId, IndicatorScore[]>,
  settings: ScoringSettings,
) => {
  const scale = settings.predicateScale ?? DEFAULT_PREDICATE_SCALE;
  const nodes = new Map<NodeId, NodeScore>();
  for (let i = index.ordered.length - 1; i >= 0; i--) {
    const node = index.ordered[i] as PerformanceNode;
    const own: RollupInput[] = (byNode.get(node.id) ?? []).map((s) => ({
      ref: s.indicator.id,
      label: s.indicator.name,
      value: s.capaian,
      weight: s.indicator.weight,
      own: true,
    }));
    const ownValue = own.length > 0 ? rollup(own, 'weighted-mean', settings.missing).value : undefined;
    const children: RollupInput[] = (index.children.get(node.id) ?? []).map((c) => ({
      ref: c.id,
      label: c.statement,
      value: nodes.get(c.id)?.value,
      weight: c.weight,
      own: false,
    }));
    const r = rollup([...own, ...children], settings.rollup, settings.missing);
    nodes.set(node.id, {
      node,
      ...(ownValue !== undefined && { own: ownValue }),
      ...(r.value !== undefined && { value: r.value, predicate: getPredicate(r.value, scale) }),
      explanation: r.explanation,
    });
  }
  return nodes;
};

/**
 * Scores a plan for a year: capaian and predicate per indicator (realisations entered, or
 * computed by formula or composite index), node roll-ups, units, composite indices and an
 * overall value. Every number carries its explanation.
 */
export const scorePlan = (plan: Plan, options: ScorePlanOptions): PlanScore => {
  const settings = options.settings ?? ScoringSettingsSchema.parse({});
  const index = options.index ?? indexPlan(plan);
  const resolver = createValueResolver(index, options.year);
  const indicators: IndicatorScore[] = [];
  const byNode = new Map<NodeId, IndicatorScore[]>();
  for (const node of index.ordered) {
    const list: IndicatorScore[] = [];
    for (const ind of node.indicators) {
      const s = scoreIndicator(
        ind,
        node,
        options.year,
        plan,
        resolver.realisation(ind.id as IndicatorId),
        settings,
      );
      indicators.push(s);
      list.push(s);
    }
    if (list.length > 0) byNode.set(node.id, list);
  }
  const nodes = scoreNodes(index, byNode, settings);
  const composites = plan.composites
    .map((c) => resolver.composite(c.id))
    .filter((c): c is CompositeResult => c !== undefined);
  const rootInputs: RollupInput[] = index.roots
    .filter((r) => !index.inCycle.has(r.id))
    .map((r) => ({
      ref: r.id,
      label: r.statement,
      value: nodes.get(r.id)?.value,
      weight: r.weight,
      own: false,
    }));
  const overall = rollup(rootInputs, 'weighted-mean', settings.missing, 'rollup.plan');
  const scale = settings.predicateScale ?? DEFAULT_PREDICATE_SCALE;
  return {
    planId: plan.id,
    year: options.year,
    settings,
    indicators,
    nodes,
    units: scoreUnits(index, indicators, settings),
    composites,
    overall: {
      ...(overall.value !== undefined && {
        value: overall.value,
        predicate: getPredicate(overall.value, scale),
      }),
      explanation: overall.explanation,
    },
  };
};
