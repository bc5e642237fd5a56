import type { MissingDataPolicy, RollupRule } from '../schema/settings.schema.ts';
import type { Explanation, ExplanationInput, ExplanationRule } from './explanation.ts';

/** One input to a roll-up: a value (or none) with its weight. */
export interface RollupInput {
  readonly ref: string;
  readonly label?: string;
  readonly value?: number | undefined;
  readonly weight: number;
  /** Own indicators of the node, as opposed to its children. */
  readonly own: boolean;
}

/** A rolled-up value with its explanation. */
export interface RollupResult {
  readonly value?: number;
  readonly explanation: Explanation;
}

const toInputs = (inputs: readonly RollupInput[], policy: MissingDataPolicy): ExplanationInput[] =>
  inputs.map((i) => ({
    ref: i.ref,
    ...(i.label !== undefined && { label: i.label }),
    ...(i.value !== undefined ? { value: i.value } : policy === 'zero' ? { value: 0 } : {}),
    weight: i.weight,
    missing: i.value === undefined,
  }));

const weightedMean = (inputs: readonly RollupInput[], policy: MissingDataPolicy): number | undefined => {
  let sum = 0;
  let weights = 0;
  for (const i of inputs) {
    const v = i.value ?? (policy === 'zero' ? 0 : undefined);
    if (v === undefined) continue;
    sum += v * i.weight;
    weights += i.weight;
  }
  return weights > 0 ? sum / weights : undefined;
};

const minimum = (inputs: readonly RollupInput[], policy: MissingDataPolicy): number | undefined => {
  let m: number | undefined;
  for (const i of inputs) {
    const v = i.value ?? (policy === 'zero' ? 0 : undefined);
    if (v !== undefined && (m === undefined || v < m)) m = v;
  }
  return m;
};

/**
 * Combines values by a rule: `weighted-mean` (Σ w·x / Σ w), `minimum`, or `own-first` (the node's
 * own indicators when any has a value, else its children). Missing inputs are skipped, counted as
 * 0, or make the result missing (`fail`), and the explanation says which.
 */
export const rollup = (
  inputs: readonly RollupInput[],
  rule: RollupRule,
  policy: MissingDataPolicy,
  explanationRule?: ExplanationRule,
): RollupResult => {
  let used = inputs;
  if (rule === 'own-first') {
    const own = inputs.filter((i) => i.own);
    used = own.some((i) => i.value !== undefined) ? own : inputs.filter((i) => !i.own);
  }
  const missing = used.filter((i) => i.value === undefined).length;
  const failed = policy === 'fail' && missing > 0;
  const value = failed ? undefined : rule === 'minimum' ? minimum(used, policy) : weightedMean(used, policy);
  const ruleKey: ExplanationRule = explanationRule ?? (`rollup.${rule}` as const);
  return {
    ...(value !== undefined && { value }),
    explanation: {
      rule: ruleKey,
      inputs: toInputs(used, policy),
      ...(value !== undefined && { result: value }),
      ...(missing > 0 && { notes: [{ kind: 'missing-policy', policy, count: missing }] }),
    },
  };
};
