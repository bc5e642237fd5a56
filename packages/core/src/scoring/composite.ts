import type { IndicatorId } from '../schema/common.schema.ts';
import type {
  CompositeComponent,
  CompositeIndex,
  CompositeVersion,
  Normalisation,
} from '../schema/composite.schema.ts';
import type { Polarity, TargetValue } from '../schema/indicator.schema.ts';
import { computeCapaian } from './capaian.ts';
import type { Explanation, ExplanationInput, ExplanationNote } from './explanation.ts';

/** What the composite evaluator needs to know about component indicators for the year. */
export interface CompositeInputs {
  valueOf(indicator: IndicatorId): number | undefined;
  targetOf(indicator: IndicatorId): TargetValue | undefined;
  polarityOf(indicator: IndicatorId): Polarity | undefined;
  labelOf(indicator: IndicatorId): string | undefined;
}

/** One component's part in a composite value. */
export interface ComponentResult {
  readonly indicator: IndicatorId;
  readonly label: string;
  readonly raw?: number;
  readonly normalised?: number;
  readonly weight: number;
  /** The weight actually used, after the missing-component policy. */
  readonly effectiveWeight: number;
  /** Points this component adds to the index, on the index's scale. */
  readonly contribution?: number;
  readonly missing: boolean;
  readonly normalisation: Normalisation;
}

/** A composite index evaluated for one year, with every component's contribution. */
export interface CompositeResult {
  readonly composite: CompositeIndex;
  readonly year: number;
  readonly version?: CompositeVersion;
  /** The index rounded to the version's decimals. */
  readonly value?: number;
  readonly exact?: number;
  readonly components: readonly ComponentResult[];
  readonly explanation: Explanation;
}

/** The version in force in `year`: the latest whose `effectiveFrom` is not after it. */
export const selectCompositeVersion = (
  composite: CompositeIndex,
  year: number,
): CompositeVersion | undefined => {
  let best: CompositeVersion | undefined;
  for (const v of composite.versions) {
    if (v.effectiveFrom <= year && (best === undefined || v.effectiveFrom > best.effectiveFrom)) best = v;
  }
  return best;
};

const clamp01 = (x: number) => Math.min(Math.max(x, 0), 1);

/** Puts a raw component value on 0–1. Undefined when it cannot (no target, degenerate bounds). */
export const normaliseComponent = (
  c: CompositeComponent,
  raw: number,
  polarity: Polarity,
  target: TargetValue | undefined,
): number | undefined => {
  const n = c.normalisation;
  const negative = (c.polarity ?? polarity) === 'negative';
  switch (n.kind) {
    case 'min-max': {
      if (n.max === n.min) return undefined;
      const x = clamp01((raw - n.min) / (n.max - n.min));
      return negative ? 1 - x : x;
    }
    case 'target-ratio': {
      const cap = computeCapaian(c.polarity ?? polarity, target, raw, { floor: 0 });
      return cap.value === undefined ? undefined : Math.min(cap.value / 100, n.cap);
    }
    case 'score-table': {
      let score = 0;
      let bestFrom = Number.NEGATIVE_INFINITY;
      for (const b of n.bands) {
        if (b.from <= raw && b.from > bestFrom) {
          bestFrom = b.from;
          score = b.score;
        }
      }
      const max = n.maxScore ?? Math.max(...n.bands.map((b) => b.score));
      return max > 0 ? clamp01(score / max) : undefined;
    }
  }
};

const roundTo = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};

/**
 * Evaluates a composite index for a year under the version in force:
 * `index = min + (max − min) × Σ wᵢ·nᵢ / Σ wᵢ`, where the sum of weights runs over the components
 * with a value (`renormalise`), over all of them with missing ones counted as 0 (`zero`), or the
 * index has no value when any is missing (`fail`).
 */
export const evaluateComposite = (
  composite: CompositeIndex,
  year: number,
  inputs: CompositeInputs,
): CompositeResult => {
  const version = selectCompositeVersion(composite, year);
  if (!version) {
    return { composite, year, components: [], explanation: { rule: 'composite.no-version', inputs: [] } };
  }
  const parts = version.components.map((c) => {
    const raw = inputs.valueOf(c.indicator);
    const polarity = inputs.polarityOf(c.indicator) ?? 'positive';
    const normalised =
      raw === undefined ? undefined : normaliseComponent(c, raw, polarity, inputs.targetOf(c.indicator));
    return { c, raw, normalised };
  });
  const missingCount = parts.filter((p) => p.normalised === undefined).length;
  const policy = version.missing;
  const usable = policy === 'renormalise' ? parts.filter((p) => p.normalised !== undefined) : parts;
  const totalWeight = usable.reduce((s, p) => s + p.c.weight, 0);
  const failed = (policy === 'fail' && missingCount > 0) || totalWeight === 0;
  const span = version.scale.max - version.scale.min;
  const components: ComponentResult[] = parts.map(({ c, raw, normalised }) => {
    const counted = policy !== 'renormalise' || normalised !== undefined;
    const effectiveWeight = counted && totalWeight > 0 ? c.weight / totalWeight : 0;
    const n = normalised ?? (policy === 'zero' ? 0 : undefined);
    return {
      indicator: c.indicator,
      label: c.label ?? inputs.labelOf(c.indicator) ?? c.indicator,
      ...(raw !== undefined && { raw }),
      ...(normalised !== undefined && { normalised }),
      weight: c.weight,
      effectiveWeight,
      ...(!failed && n !== undefined && { contribution: span * effectiveWeight * n }),
      missing: normalised === undefined,
      normalisation: c.normalisation,
    };
  });
  const notes: ExplanationNote[] = [
    { kind: 'version', version: version.version, effectiveFrom: version.effectiveFrom },
  ];
  if (missingCount > 0) notes.push({ kind: 'missing-policy', policy, count: missingCount });
  const explanationInputs: ExplanationInput[] = components.map((p) => ({
    ref: p.indicator,
    label: p.label,
    ...(p.raw !== undefined && { value: p.raw }),
    weight: p.effectiveWeight,
    ...(p.contribution !== undefined && { contribution: p.contribution }),
    missing: p.missing,
  }));
  if (failed) {
    return {
      composite,
      year,
      version,
      components,
      explanation: { rule: 'composite.failed', inputs: explanationInputs, notes },
    };
  }
  const exact = version.scale.min + components.reduce((s, p) => s + (p.contribution ?? 0), 0);
  const value = roundTo(exact, version.decimals);
  return {
    composite,
    year,
    version,
    value,
    exact,
    components,
    explanation: { rule: 'composite.weighted-sum', inputs: explanationInputs, result: value, notes },
  };
};
