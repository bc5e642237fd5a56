import { type CompiledFormula, compileFormula, type FormulaError } from '../formula/index.ts';
import type { CompositeId, IndicatorId } from '../schema/common.schema.ts';
import type { CompositeIndex } from '../schema/composite.schema.ts';
import type { Indicator } from '../schema/indicator.schema.ts';
import type { PlanIndex } from '../tree/plan-index.ts';
import { type CompositeResult, evaluateComposite } from './composite.ts';
import type { Explanation, ExplanationInput } from './explanation.ts';

/** A realisation and where it came from; the explanation is built on demand. */
export interface ResolvedValue {
  readonly value?: number | undefined;
  readonly source: 'entered' | 'formula' | 'composite' | 'none';
  readonly explanation: Explanation;
}

/** Resolves realisations for one year: entered values first, then composites, then formulas. */
export interface ValueResolver {
  realisation(indicator: IndicatorId): ResolvedValue;
  /** The same for an indicator already at hand (skips the lookup by id). */
  realisationOf(indicator: Indicator): ResolvedValue;
  composite(id: CompositeId): CompositeResult | undefined;
}

class Entered implements ResolvedValue {
  readonly source = 'entered' as const;
  constructor(readonly value: number) {}
  get explanation(): Explanation {
    return { rule: 'realisation.entered', inputs: [], result: this.value };
  }
}

/** A realisation entered by hand. */
export const enteredValue = (value: number): ResolvedValue => new Entered(value);

/** No realisation: none entered, and nothing to compute it from. */
export const missingValue: ResolvedValue = {
  source: 'none',
  explanation: { rule: 'realisation.missing', inputs: [] },
};

const errorValue = (error: FormulaError, source: ResolvedValue['source']): ResolvedValue => ({
  source,
  explanation: { rule: 'realisation.error', inputs: [], notes: [{ kind: 'error', message: error.message }] },
});

const cycleError = (id: string): FormulaError => ({
  kind: 'cycle',
  ref: id,
  message: { id: `"${id}" bergantung pada dirinya sendiri`, en: `"${id}" depends on itself` },
});

/**
 * Creates a resolver for one plan and year, memoised, with cycle protection: a formula or
 * composite that (indirectly) reads itself yields an error value, not a stack overflow.
 */
export const createValueResolver = (index: PlanIndex, year: number): ValueResolver => {
  const memo = new Map<IndicatorId, ResolvedValue>();
  const compositeMemo = new Map<CompositeId, CompositeResult | undefined>();
  const visiting = new Set<string>();
  const composites = new Map<CompositeId, CompositeIndex>(index.plan.composites.map((c) => [c.id, c]));

  const fromFormula = (formula: CompiledFormula): ResolvedValue => {
    const inputs: ExplanationInput[] = [];
    const scope = {
      has: (ref: string) => index.indicators.has(ref as IndicatorId),
      get: (ref: string) => {
        const v = realisation(ref as IndicatorId).value;
        inputs.push(v === undefined ? { ref, missing: true } : { ref, value: v, missing: false });
        return v;
      },
    };
    const r = formula.evaluate(scope);
    if (!r.ok) return errorValue(r.error, 'formula');
    return {
      value: r.value,
      source: 'formula',
      explanation: { rule: 'realisation.formula', inputs, result: r.value },
    };
  };

  const composite = (id: CompositeId): CompositeResult | undefined => {
    if (compositeMemo.has(id)) return compositeMemo.get(id);
    const def = composites.get(id);
    if (!def || visiting.has(`composite:${id}`)) return undefined;
    visiting.add(`composite:${id}`);
    const result = evaluateComposite(def, year, {
      valueOf: (ind) => realisation(ind).value,
      targetOf: (ind) => index.indicators.get(ind)?.indicator.targets.get(year),
      polarityOf: (ind) => index.indicators.get(ind)?.indicator.polarity,
      labelOf: (ind) => index.indicators.get(ind)?.indicator.name,
    });
    visiting.delete(`composite:${id}`);
    compositeMemo.set(id, result);
    return result;
  };

  const derived = (id: IndicatorId): ResolvedValue => {
    const ind = index.indicators.get(id)?.indicator;
    if (!ind) return missingValue;
    if (ind.composite !== undefined) {
      const c = composite(ind.composite);
      if (!c) return errorValue(cycleError(id), 'composite');
      const input: ExplanationInput =
        c.value === undefined
          ? { ref: ind.composite, detail: c.explanation }
          : { ref: ind.composite, value: c.value, detail: c.explanation };
      return {
        value: c.value,
        source: 'composite',
        explanation: { rule: 'realisation.composite', inputs: [input] },
      };
    }
    if (ind.formula !== undefined) {
      const c = compileFormula(ind.formula);
      return c.ok ? fromFormula(c.value) : errorValue(c.error, 'formula');
    }
    return missingValue;
  };

  const realisationOf = (ind: Indicator): ResolvedValue => {
    const entered = ind.realisations.get(year);
    if (entered !== undefined) return new Entered(entered);
    if (ind.composite === undefined && ind.formula === undefined) return missingValue;
    return realisation(ind.id);
  };

  const realisation = (id: IndicatorId): ResolvedValue => {
    const entered = index.indicators.get(id)?.indicator.realisations.get(year);
    if (entered !== undefined) return new Entered(entered);
    const known = memo.get(id);
    if (known) return known;
    if (visiting.has(id)) return errorValue(cycleError(id), 'formula');
    visiting.add(id);
    const result = derived(id);
    visiting.delete(id);
    memo.set(id, result);
    return result;
  };

  return { realisation, realisationOf, composite };
};
