/**
 * How a number was computed: the rule, its inputs with their values and weights, and what was
 * missing. Explanations are structured data (cheap to build); `renderExplanation` turns them
 * into text in either language.
 */
export type ExplanationRule =
  | 'capaian.positive'
  | 'capaian.negative'
  | 'capaian.negative-zero-target'
  | 'capaian.range'
  | 'capaian.stable'
  | 'capaian.no-target'
  | 'capaian.no-realisation'
  | 'capaian.zero-target'
  | 'capaian.target-shape'
  | 'realisation.entered'
  | 'realisation.formula'
  | 'realisation.composite'
  | 'realisation.missing'
  | 'realisation.error'
  | 'cumulative.sum'
  | 'cumulative.running-total'
  | 'rollup.weighted-mean'
  | 'rollup.minimum'
  | 'rollup.own-first'
  | 'rollup.unit'
  | 'rollup.plan'
  | 'composite.weighted-sum'
  | 'composite.no-version'
  | 'composite.failed'
  | 'norm.min-max'
  | 'norm.target-ratio'
  | 'norm.score-table';

/** One input of a computation. */
export interface ExplanationInput {
  /** What the input is: an indicator id, a node id, `target`, `realisation`, … */
  readonly ref: string;
  readonly label?: string;
  readonly value?: number;
  readonly weight?: number;
  /** The input's share of the result, in the result's unit. */
  readonly contribution?: number;
  readonly missing?: boolean;
  readonly detail?: Explanation;
}

/** A note attached to an explanation, such as a cap that was applied. */
export type ExplanationNote =
  | { readonly kind: 'capped'; readonly from: number; readonly to: number }
  | { readonly kind: 'floored'; readonly from: number; readonly to: number }
  | { readonly kind: 'missing-policy'; readonly policy: string; readonly count: number }
  | { readonly kind: 'version'; readonly version: string; readonly effectiveFrom: number }
  | { readonly kind: 'error'; readonly message: { readonly id: string; readonly en: string } }
  | { readonly kind: 'inverted' };

/** An explanation: the rule applied, its inputs, the result and notes (caps, missing data, versions). */
export interface Explanation {
  readonly rule: ExplanationRule;
  readonly inputs: readonly ExplanationInput[];
  readonly result?: number;
  readonly notes?: readonly ExplanationNote[];
}
