import { z } from 'zod';
import { ChapterSchema } from './chapter.schema.ts';
import { PlanIdSchema } from './common.schema.ts';
import { CompositeIndexSchema } from './composite.schema.ts';
import { DEFAULT_REGIONAL_LEVELS, DEFAULT_RENSTRA_LEVELS, LevelSchema } from './level.schema.ts';
import { PerformanceNodeSchema } from './node.schema.ts';
import { AgencySchema } from './organisation.schema.ts';
import { PeriodSchema, RegionSchema } from './region.schema.ts';
import { PlanSettingsSchema } from './settings.schema.ts';

/** The version of the plan-file format this code reads and writes. */
export const PLAN_FORMAT_VERSION = 1;

/** Stages of a Renstra draft (Permendagri 86/2017). */
export const RenstraStageSchema = z.enum(['rancangan-awal', 'rancangan', 'rancangan-akhir', 'ditetapkan']);
export type RenstraStage = z.infer<typeof RenstraStageSchema>;

const planCommon = {
  $schema: z.string().optional(),
  formatVersion: z.literal(PLAN_FORMAT_VERSION),
  id: PlanIdSchema,
  title: z.string().min(1),
  region: RegionSchema,
  /** The nomenclature version codes refer to, e.g. `sipd-2027`; codes were renumbered between versions. */
  nomenclatureVersion: z.string().min(1),
  composites: z.array(CompositeIndexSchema).default([]),
  nodes: z.array(PerformanceNodeSchema).default([]),
  note: z.string().optional(),
};

/**
 * A regional plan (RPD or RPJMD): tujuan, sasaran and their indicators (IKU) with targets, the
 * program pembangunan daerah assigned to agencies, and the rules Bappeda sets for the region.
 */
export const RegionalPlanSchema = z.strictObject({
  ...planCommon,
  format: z.literal('selaras.regional-plan'),
  period: PeriodSchema,
  levels: z
    .array(LevelSchema)
    .min(1)
    .default([...DEFAULT_REGIONAL_LEVELS]),
  agencies: z.array(AgencySchema).default([]),
  settings: PlanSettingsSchema.default(PlanSettingsSchema.parse({})),
});
export type RegionalPlan = z.infer<typeof RegionalPlanSchema>;
export type RegionalPlanInput = z.input<typeof RegionalPlanSchema>;

/**
 * An agency's strategic plan (Renstra Perangkat Daerah): chapters BAB I–VIII, the performance tree
 * with indicators, targets and pagu, and composite indices it computes.
 */
export const RenstraSchema = z.strictObject({
  ...planCommon,
  format: z.literal('selaras.renstra'),
  period: PeriodSchema,
  agency: AgencySchema,
  /** The regional plan this Renstra derives from. */
  regionalPlan: z.strictObject({ id: PlanIdSchema }).optional(),
  stage: RenstraStageSchema.default('rancangan'),
  /** A label for this version of the draft, e.g. "Rancangan setelah verifikasi 12 Mei 2023". */
  revision: z.string().optional(),
  levels: z
    .array(LevelSchema)
    .min(1)
    .default([...DEFAULT_RENSTRA_LEVELS]),
  chapters: z.array(ChapterSchema).default([]),
});
export type Renstra = z.infer<typeof RenstraSchema>;
export type RenstraInput = z.input<typeof RenstraSchema>;

/** Any plan file: told apart by `format`. */
export const PlanFileSchema = z.discriminatedUnion('format', [RegionalPlanSchema, RenstraSchema]);
export type PlanFile = z.infer<typeof PlanFileSchema>;
export type Plan = PlanFile;
