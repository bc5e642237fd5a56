import { type CompiledFormula, compileFormula, type FormulaError } from '../formula/index.ts';
import type { CompositeId, IndicatorId } from '../schema/common.schema.ts';
import type { CompositeIndex } from '../schema/composite.schema.ts';
import type { PlanIndex } from '../tree/plan-index.ts';
import { type CompositeResult, evaluateComposite } from './composite.ts';
import type { Explanation } from './explanation.ts';
import { getEnteredRealisation, getTarget } from './indicator-values.ts';

/** A realisation and where it came from. */
export interface ResolvedValue {
  readonly value?: number;
  readonly source: 'entered' | 'formula' | 'composite' | 'none';
  readonly explanation: Explanation;
}

/** Resolves realisations for one year: entered values first, then composites, then formulas. */
export interface ValueResolver {
  realisation(indicator: IndicatorId): ResolvedValue;
  composite(id: CompositeId): CompositeResult | undefined;
}

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
export const createValueResolver = (
  index: PlanIndex,
  year: number,
  formulas: Map<string, ReturnType<typeof compileFormula>> = new Map(),
): ValueResolver => {
  const memo = new Map<IndicatorId, ResolvedValue>();
  const compositeMemo = new Map<CompositeId, CompositeResult | undefined>();
  const visiting = new Set<string>();
  const composites = new Map<CompositeId, CompositeIndex>(index.plan.composites.map((c) => [c.id, c]));

  const compiled = (source: string) => {
    let c = formulas.get(source);
    if (!c) {
      c = compileFormula(source);
      formulas.set(source, c);
    }
    return c;
  };

  const fromFormula = (formula: CompiledFormula): ResolvedValue => {
    const inputs: { ref: string; value?: number; missing: boolean }[] = [];
    const scope = {
      has: (ref: string) => index.indicators.has(ref as IndicatorId),
      get: (ref: string) => {
        const v = realisation(ref as IndicatorId).value;
        inputs.push({ ref, ...(v !== undefined && { value: v }), missing: v === undefined });
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
      targetOf: (ind) => {
        const e = index.indicators.get(ind);
        return e ? getTarget(e.indicator, year) : undefined;
      },
      polarityOf: (ind) => index.indicators.get(ind)?.indicator.polarity,
      labelOf: (ind) => index.indicators.get(ind)?.indicator.name,
    });
    visiting.delete(`composite:${id}`);
    compositeMemo.set(id, result);
    return result;
  };

  const compute = (id: IndicatorId): ResolvedValue => {
    const entry = index.indicators.get(id);
    if (!entry) return { source: 'none', explanation: { rule: 'realisation.missing', inputs: [] } };
    const ind = entry.indicator;
    const entered = getEnteredRealisation(ind, year);
    if (entered !== undefined) {
      return {
        value: entered,
        source: 'entered',
        explanation: { rule: 'realisation.entered', inputs: [], result: entered },
      };
    }
    if (ind.composite !== undefined) {
      const c = composite(ind.composite);
      if (!c) return errorValue(cycleError(id), 'composite');
      return {
        ...(c.value !== undefined && { value: c.value }),
        source: 'composite',
        explanation: {
          rule: 'realisation.composite',
          inputs: [
            { ref: ind.composite, ...(c.value !== undefined && { value: c.value }), detail: c.explanation },
          ],
        },
      };
    }
    if (ind.formula !== undefined) {
      const c = compiled(ind.formula);
      return c.ok ? fromFormula(c.value) : errorValue(c.error, 'formula');
    }
    return { source: 'none', explanation: { rule: 'realisation.missing', inputs: [] } };
  };

  const realisation = (id: IndicatorId): ResolvedValue => {
    const known = memo.get(id);
    if (known) return known;
    if (visiting.has(id)) return errorValue(cycleError(id), 'formula');
    visiting.add(id);
    const result = compute(id);
    visiting.delete(id);
    memo.set(id, result);
    return result;
  };

  return { realisation, composite };
};
