import type { Polarity, TargetValue } from '../schema/indicator.schema.ts';
import type { Explanation, ExplanationNote } from './explanation.ts';

/** Bounds applied to a single capaian. */
export interface CapaianBounds {
  readonly floor: number;
  readonly cap?: number | undefined;
}

/** The outcome of comparing a realisation with its target. */
export interface CapaianResult {
  /** Capaian in percent; undefined when it cannot be computed (see `explanation.rule`). */
  readonly value?: number;
  readonly explanation: Explanation;
}

const isRange = (t: TargetValue): t is { min: number; max: number } => typeof t === 'object';

const bound = (raw: number, bounds: CapaianBounds, notes: ExplanationNote[]): number => {
  let v = raw;
  if (v < bounds.floor) {
    notes.push({ kind: 'floored', from: v, to: bounds.floor });
    v = bounds.floor;
  }
  if (bounds.cap !== undefined && v > bounds.cap) {
    notes.push({ kind: 'capped', from: v, to: bounds.cap });
    v = bounds.cap;
  }
  return v;
};

const rawCapaian = (
  polarity: Polarity,
  t: TargetValue,
  r: number,
): { value?: number; rule: Explanation['rule'] } => {
  if (polarity === 'range') {
    if (!isRange(t)) return { rule: 'capaian.target-shape' };
    if (r >= t.min && r <= t.max) return { value: 100, rule: 'capaian.range' };
    if (r < t.min)
      return t.min === 0
        ? { rule: 'capaian.zero-target' }
        : { value: (r / t.min) * 100, rule: 'capaian.range' };
    return t.max === 0
      ? { rule: 'capaian.zero-target' }
      : { value: ((2 * t.max - r) / t.max) * 100, rule: 'capaian.range' };
  }
  if (isRange(t)) return { rule: 'capaian.target-shape' };
  switch (polarity) {
    case 'positive':
      return t === 0 ? { rule: 'capaian.zero-target' } : { value: (r / t) * 100, rule: 'capaian.positive' };
    case 'negative':
      if (t === 0) return { value: r <= 0 ? 100 : 0, rule: 'capaian.negative-zero-target' };
      return { value: ((2 * t - r) / t) * 100, rule: 'capaian.negative' };
    default:
      if (t === 0) return { value: r === 0 ? 100 : 0, rule: 'capaian.stable' };
      return { value: 100 - (Math.abs(r - t) / Math.abs(t)) * 100, rule: 'capaian.stable' };
  }
};

/**
 * Capaian (achievement, %) of a realisation against a target, by polarity:
 * positive R/T×100; negative (2T−R)/T×100 (a zero target is met by R ≤ 0);
 * range 100 inside the band, else against the nearer bound; stable 100 − |R−T|/|T|×100.
 * A positive target of 0 cannot be scored. The result is bounded by `floor` and `cap`.
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
  const targetValue = target === undefined ? undefined : isRange(target) ? undefined : target;
  const inputs = [
    {
      ref: 'target',
      ...(targetValue !== undefined && { value: targetValue }),
      missing: target === undefined,
    },
    {
      ref: 'realisation',
      ...(realisation !== undefined && { value: realisation }),
      missing: realisation === undefined,
    },
  ];
  if (target === undefined) return { explanation: { rule: 'capaian.no-target', inputs } };
  if (realisation === undefined) return { explanation: { rule: 'capaian.no-realisation', inputs } };
  const raw = rawCapaian(polarity, target, realisation);
  if (raw.value === undefined) return { explanation: { rule: raw.rule, inputs } };
  const notes: ExplanationNote[] = [];
  const value = bound(raw.value, bounds, notes);
  const rangeInputs = isRange(target)
    ? [
        { ref: 'target.min', value: target.min },
        { ref: 'target.max', value: target.max },
        { ref: 'realisation', value: realisation },
      ]
    : inputs;
  return {
    value,
    explanation: { rule: raw.rule, inputs: rangeInputs, result: value, ...(notes.length > 0 && { notes }) },
  };
};
