import { z } from 'zod';
import { CompositeIdSchema, IndicatorIdSchema, YearSchema } from './common.schema.ts';

/** Puts a component on a 0–1 scale. */
export const NormalisationSchema = z.discriminatedUnion('kind', [
  /** (x − min) / (max − min), clamped to 0–1; inverted for negative polarity. */
  z.strictObject({ kind: z.literal('min-max'), min: z.number(), max: z.number() }),
  /** Capaian of the component against its own target for the year, divided by 100, capped at `cap`. */
  z.strictObject({ kind: z.literal('target-ratio'), cap: z.number().positive().default(1) }),
  /**
   * A score table: the band whose `from` is the highest not above x gives `score`, divided by
   * `maxScore`. The table itself encodes which direction is good, so polarity does not invert it.
   */
  z.strictObject({
    kind: z.literal('score-table'),
    bands: z.array(z.strictObject({ from: z.number(), score: z.number() })).min(1),
    maxScore: z.number().positive().optional(),
  }),
]);
export type Normalisation = z.infer<typeof NormalisationSchema>;

/** One component of a composite index: an indicator with its weight and normalisation. */
export const CompositeComponentSchema = z.strictObject({
  indicator: IndicatorIdSchema,
  weight: z.number().min(0),
  normalisation: NormalisationSchema,
  /** Overrides the indicator's own polarity inside this index (for min-max and target-ratio). */
  polarity: z.enum(['positive', 'negative']).optional(),
  label: z.string().optional(),
});
export type CompositeComponent = z.infer<typeof CompositeComponentSchema>;

/** What to do when a component has no value: re-weight the others, count it as 0, or give no value. */
export const MissingComponentPolicySchema = z.enum(['renormalise', 'zero', 'fail']);
export type MissingComponentPolicy = z.infer<typeof MissingComponentPolicySchema>;

/**
 * One version of a composite definition, in force from `effectiveFrom` until the next version.
 * Historic values stay reproducible under the version in force at the time.
 */
export const CompositeVersionSchema = z.strictObject({
  version: z.string().min(1),
  effectiveFrom: YearSchema,
  /** The output scale: the index is `min + (max − min) × Σ wᵢ·norm(xᵢ)`. */
  scale: z.strictObject({ min: z.number(), max: z.number() }).default({ min: 0, max: 1 }),
  components: z.array(CompositeComponentSchema).min(1),
  missing: MissingComponentPolicySchema.default('renormalise'),
  decimals: z.number().int().min(0).max(6).default(2),
  note: z.string().optional(),
});
export type CompositeVersion = z.infer<typeof CompositeVersionSchema>;

/**
 * A composite index defined as data, such as IKLI (Indeks Kualitas Layanan Infrastruktur).
 *
 * @example
 * { id: 'ikli', name: 'IKLI PUPR', versions: [{ version: '2024.1', effectiveFrom: 2024,
 *   scale: { min: 0, max: 10 }, components: [{ indicator: 'bm_kemantapan', weight: 0.3,
 *   normalisation: { kind: 'min-max', min: 0, max: 100 } }] }] }
 */
export const CompositeIndexSchema = z.strictObject({
  id: CompositeIdSchema,
  name: z.string().min(1),
  unit: z.string().optional(),
  description: z.string().optional(),
  versions: z.array(CompositeVersionSchema).min(1),
});
export type CompositeIndex = z.infer<typeof CompositeIndexSchema>;
