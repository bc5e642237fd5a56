import type { Polarity, TargetValue } from '../schema/indicator.schema.ts';
import type { Explanation, ExplanationInput, ExplanationNote, ExplanationRule } from './explanation.ts';

/** Bounds applied to a single capaian. */
export interface CapaianBounds {
  readonly floor: number;
  readonly cap?: number | undefined;
}

/** The outcome of comparing a realisation with its target; the explanation is built on demand. */
export interface CapaianResult {
  /** Capaian in percent; undefined when it cannot be computed (see `rule`). */
  readonly value?: number | undefined;
  readonly rule: ExplanationRule;
  readonly notes?: readonly ExplanationNote[] | undefined;
  readonly explanation: Explanation;
}

const isRange = (t: TargetValue): t is { min: number; max: number } => typeof t === 'object';

class Capaian implements CapaianResult {
  constructor(
    readonly target: TargetValue | undefined,
    readonly realisation: number | undefined,
    readonly rule: ExplanationRule,
    readonly value?: number,
    readonly notes?: readonly ExplanationNote[],
  ) {}

  get explanation(): Explanation {
    const t = this.target;
    const r = this.realisation;
    const inputs: ExplanationInput[] =
      t !== undefined && isRange(t) && r !== undefined
        ? [
            { ref: 'target.min', value: t.min },
            { ref: 'target.max', value: t.max },
            { ref: 'realisation', value: r },
          ]
        : [
            t === undefined || isRange(t)
              ? { ref: 'target', missing: t === undefined }
              : { ref: 'target', value: t, missing: false },
            r === undefined
              ? { ref: 'realisation', missing: true }
              : { ref: 'realisation', value: r, missing: false },
          ];
    return {
      rule: this.rule,
      inputs,
      ...(this.value !== undefined && { result: this.value }),
      ...(this.notes !== undefined && { notes: this.notes }),
    };
  }
}

/** The rule that applies to a target and realisation (which formula, or why there is none). */
const capaianRule = (polarity: Polarity, t: TargetValue, r: number): ExplanationRule => {
  if (polarity === 'range') {
    if (!isRange(t)) return 'capaian.target-shape';
    if ((r < t.min && t.min === 0) || (r > t.max && t.max === 0)) return 'capaian.zero-target';
    return 'capaian.range';
  }
  if (isRange(t)) return 'capaian.target-shape';
  if (polarity === 'positive') return t === 0 ? 'capaian.zero-target' : 'capaian.positive';
  if (polarity === 'negative') return t === 0 ? 'capaian.negative-zero-target' : 'capaian.negative';
  return 'capaian.stable';
};

/**
 * The unbounded capaian, or undefined when it cannot be computed. Written relative to |T| so that
 * negative targets (growth rates, balances) score the right way round: for T > 0 the formulas are
 * the familiar R/T×100 and (2T−R)/T×100.
 */
const rawCapaian = (polarity: Polarity, t: TargetValue, r: number): number | undefined => {
  if (polarity === 'range') {
    if (!isRange(t)) return undefined;
    if (r >= t.min && r <= t.max) return 100;
    if (r < t.min) return t.min === 0 ? undefined : 100 - ((t.min - r) / Math.abs(t.min)) * 100;
    return t.max === 0 ? undefined : 100 - ((r - t.max) / Math.abs(t.max)) * 100;
  }
  if (isRange(t)) return undefined;
  switch (polarity) {
    case 'positive':
      return t === 0 ? undefined : 100 + ((r - t) / Math.abs(t)) * 100;
    case 'negative':
      if (t === 0) return r <= 0 ? 100 : 0;
      return 100 - ((r - t) / Math.abs(t)) * 100;
    default:
      if (t === 0) return r === 0 ? 100 : 0;
      return 100 - (Math.abs(r - t) / Math.abs(t)) * 100;
  }
};

/**
 * The bounded capaian value alone, without building a result object: the hot path of scoring.
 * Same rules as `computeCapaian`.
 */
export const computeCapaianValue = (
  polarity: Polarity,
  target: TargetValue | undefined,
  realisation: number | undefined,
  bounds: CapaianBounds,
): number | undefined => {
  if (target === undefined || realisation === undefined) return undefined;
  const raw = rawCapaian(polarity, target, realisation);
  if (raw === undefined) return undefined;
  if (raw < bounds.floor) return bounds.floor;
  return bounds.cap !== undefined && raw > bounds.cap ? bounds.cap : raw;
};

/**
 * Capaian (achievement, %) of a realisation against a target, by polarity:
 * positive R/T×100; negative (2T−R)/T×100 (a zero target is met by R ≤ 0);
 * range 100 inside the band, else against the nearer bound; stable 100 − |R−T|/|T|×100.
 * Negative targets use the same formulas relative to |T| (100 + (R−T)/|T|×100 for positive
 * polarity), so a better result always scores higher. A positive target of 0 cannot be scored.
 * The result is bounded by `floor` and `cap`.
 *
 * @example
 * computeCapaian('positive', 82, 82.21, { floor: 0 }).value; // ≈ 100.26
 * computeCapaian('negative', 6.15, 6.31, { floor: 0 }).value; // ≈ 97.40
 */
export const computeCapaian = (
  polarity: Polarity,
  target: TargetValue | undefined,
  realisation: number | undefined,
  bounds: CapaianBounds,
): CapaianResult => {
  if (target === undefined) return new Capaian(target, realisation, 'capaian.no-target');
  if (realisation === undefined) return new Capaian(target, realisation, 'capaian.no-realisation');
  const rule = capaianRule(polarity, target, realisation);
  const raw = rawCapaian(polarity, target, realisation);
  if (raw === undefined) return new Capaian(target, realisation, rule);
  if (raw < bounds.floor)
    return new Capaian(target, realisation, rule, bounds.floor, [
      { kind: 'floored', from: raw, to: bounds.floor },
    ]);
  if (bounds.cap !== undefined && raw > bounds.cap) {
    return new Capaian(target, realisation, rule, bounds.cap, [
      { kind: 'capped', from: raw, to: bounds.cap },
    ]);
  }
  return new Capaian(target, realisation, rule, raw);
};
