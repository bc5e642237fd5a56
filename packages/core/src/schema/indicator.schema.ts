import { z } from 'zod';
import {
  CompositeIdSchema,
  IndicatorIdSchema,
  NumberSchema,
  UnitIdSchema,
  YearSchema,
  yearValues,
} from './common.schema.ts';

/**
 * Which direction is good: `positive` (higher is better), `negative` (lower is better),
 * `range` (inside a band), `stable` (equal to the target).
 */
export const PolaritySchema = z.enum(['positive', 'negative', 'range', 'stable']);
export type Polarity = z.infer<typeof PolaritySchema>;

/** A band target for `range` indicators: `{ "min": 5, "max": 7 }`. */
export const RangeTargetSchema = z
  .strictObject({ min: NumberSchema, max: NumberSchema })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' });
export type RangeTarget = z.infer<typeof RangeTargetSchema>;

/** A target for one year: a number, or a band for `range` indicators. */
export const TargetValueSchema = z.union([NumberSchema, RangeTargetSchema], {
  error: (issue) =>
    `expected a number such as 82.5 (or {"min": 5, "max": 7} for a range target), received ${JSON.stringify(issue.input)}; targets are numbers, never text`,
});
export type TargetValue = z.infer<typeof TargetValueSchema>;

/** Kondisi awal: the value measured in a baseline year. */
export const BaselineSchema = z.strictObject({ year: YearSchema, value: NumberSchema });
export type Baseline = z.infer<typeof BaselineSchema>;

/** How often the indicator is measured. */
export const FrequencySchema = z.enum(['annual', 'semester', 'quarterly', 'monthly']);

/** The result level the indicator measures (logic model). */
export const IndicatorKindSchema = z.enum(['impact', 'outcome', 'output', 'input', 'process']);

/**
 * A performance indicator with its unit, polarity, baseline and a target per year. Targets and
 * realisations are numbers in `unit`, never free text.
 *
 * @example
 * { id: 'bm_kemantapan', name: 'Persentase kemantapan jalan provinsi', unit: '%',
 *   polarity: 'positive', cumulative: false, baseline: { year: 2022, value: 77 },
 *   targets: { '2024': 82, '2025': 85, '2026': 88 } }
 */
export const IndicatorSchema = z.strictObject({
  id: IndicatorIdSchema,
  code: z.string().optional(),
  name: z.string().min(1),
  /** Satuan, e.g. `%`, `km`, `Dokumen`, `indeks`. Empty or absent is reported by validation. */
  unit: z.string().optional(),
  kind: IndicatorKindSchema.optional(),
  definition: z.string().optional(),
  /** The calculation as written in the indicator manual (rumus), for people. */
  calculation: z.string().optional(),
  /** A machine formula over other indicators, e.g. `100 * mantap_km / total_km`. */
  formula: z.string().optional(),
  polarity: PolaritySchema.default('positive'),
  /** True when yearly targets are increments that add up over the period (km built, units repaired). */
  cumulative: z.boolean().default(false),
  /**
   * For cumulative indicators: whether each year's target (and realisation) is that year's
   * increment, or the running total since the start of the period.
   */
  targetsAre: z.enum(['increments', 'running-totals']).default('increments'),
  dataSource: z.string().optional(),
  frequency: FrequencySchema.default('annual'),
  baseline: BaselineSchema.optional(),
  targets: yearValues(TargetValueSchema),
  realisations: yearValues(NumberSchema),
  location: z.string().optional(),
  responsibleUnit: UnitIdSchema.optional(),
  /** Indikator Kinerja Utama of the agency (T-C.28). */
  iku: z.boolean().default(false),
  /** Weight of this indicator in roll-ups of its node. */
  weight: z.number().min(0).default(1),
  /** Ids of regional-plan indicators this indicator contributes to. */
  contributesTo: z.array(z.string()).default([]),
  /** When set, the indicator's value is computed by this composite index. */
  composite: CompositeIdSchema.optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;
export type IndicatorInput = z.input<typeof IndicatorSchema>;
