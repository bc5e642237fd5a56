import { z } from 'zod';
import { LocalizedTextSchema } from './common.schema.ts';
import { FindingCodeSchema } from './finding.schema.ts';

/**
 * One predicate band: capaian at or above `min` gets this label. Bands are checked from the top;
 * a value below every band gets the last one.
 */
export const PredicateBandSchema = z.strictObject({
  key: z.string().min(1),
  min: z.number(),
  label: LocalizedTextSchema,
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
});
export type PredicateBand = z.infer<typeof PredicateBandSchema>;

/** A predicate scale such as Permendagri 86/2017's five bands. */
export const PredicateScaleSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().optional(),
  bands: z
    .array(PredicateBandSchema)
    .min(1)
    .refine((bands) => bands.every((b, i) => i === 0 || b.min < (bands[i - 1] as PredicateBand).min), {
      message: 'bands must be ordered from the highest `min` to the lowest',
    }),
});
export type PredicateScale = z.infer<typeof PredicateScaleSchema>;

/**
 * Permendagri 86/2017 bands: ≥91 Sangat Tinggi, 76–90 Tinggi, 66–75 Sedang, 51–65 Rendah,
 * ≤50 Sangat Rendah. Values between bands (90.5) take the lower band (Tinggi).
 */
export const DEFAULT_PREDICATE_SCALE: PredicateScale = {
  id: 'permendagri-86-2017',
  name: 'Permendagri 86/2017 (5 kategori)',
  bands: [
    { key: 'sangat-tinggi', min: 91, label: { id: 'Sangat Tinggi', en: 'Very high' }, color: '#1b7f3b' },
    { key: 'tinggi', min: 76, label: { id: 'Tinggi', en: 'High' }, color: '#5aa02c' },
    { key: 'sedang', min: 66, label: { id: 'Sedang', en: 'Medium' }, color: '#e0b000' },
    { key: 'rendah', min: 51, label: { id: 'Rendah', en: 'Low' }, color: '#e07000' },
    { key: 'sangat-rendah', min: 0, label: { id: 'Sangat Rendah', en: 'Very low' }, color: '#c0262d' },
  ],
};

/** How a node's score combines its own indicators and its children. */
export const RollupRuleSchema = z.enum(['weighted-mean', 'minimum', 'own-first']);
export type RollupRule = z.infer<typeof RollupRuleSchema>;

/** What a missing input does to a roll-up: skipped, counted as 0, or makes the result missing. */
export const MissingDataPolicySchema = z.enum(['skip', 'zero', 'fail']);
export type MissingDataPolicy = z.infer<typeof MissingDataPolicySchema>;

/** How a region scores: predicate scale, roll-up rule, missing-data policy and capaian bounds. */
export const ScoringSettingsSchema = z.strictObject({
  predicateScale: PredicateScaleSchema.optional(),
  rollup: RollupRuleSchema.default('weighted-mean'),
  missing: MissingDataPolicySchema.default('skip'),
  /** Upper bound on a single capaian, e.g. 120; none by default. */
  capaianCap: z.number().positive().optional(),
  /** Lower bound on a single capaian (negative polarity can otherwise go below 0). */
  capaianFloor: z.number().default(0),
});
export type ScoringSettings = z.infer<typeof ScoringSettingsSchema>;

/**
 * Rules Bappeda sets for a region: severities per finding code (or `off`), how old a baseline may
 * be, and scoring. A regional plan carries them; checked together, they apply to agency plans.
 */
export const PlanSettingsSchema = z.strictObject({
  rules: z.partialRecord(FindingCodeSchema, z.enum(['error', 'warning', 'info', 'off'])).default({}),
  /** A baseline older than this many years before the period start is stale. */
  staleBaselineYears: z.number().int().min(0).default(2),
  /** Tolerance when checking that composite weights add up to 1. */
  weightTolerance: z.number().min(0).max(0.1).default(0.0001),
  scoring: ScoringSettingsSchema.default({ rollup: 'weighted-mean', missing: 'skip', capaianFloor: 0 }),
  /** How Bappeda reviews agency plans: the stages at which validation errors block submission. */
  review: z
    .strictObject({
      gatedStages: z
        .array(z.enum(['rancangan-awal', 'rancangan', 'rancangan-akhir']))
        .default(['rancangan-akhir']),
    })
    .default({ gatedStages: ['rancangan-akhir'] }),
});
export type PlanSettings = z.infer<typeof PlanSettingsSchema>;
