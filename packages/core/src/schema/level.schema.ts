import { z } from 'zod';
import { LocalizedTextSchema } from './common.schema.ts';

/**
 * The planning element a tree level stands for. Rules are written against roles, so a region
 * can add levels (for example a "sasaran bidang" level with role `other`) without code changes.
 */
export const LevelRoleSchema = z.enum(['tujuan', 'sasaran', 'program', 'kegiatan', 'subKegiatan', 'other']);
export type LevelRole = z.infer<typeof LevelRoleSchema>;

/** One level of the performance tree; its rank is its position in the plan's `levels`. */
export const LevelSchema = z.strictObject({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/),
  role: LevelRoleSchema,
  label: LocalizedTextSchema,
  /** What a node at this level states, e.g. intermediate outcome. */
  resultType: z
    .enum(['impact', 'ultimate-outcome', 'intermediate-outcome', 'immediate-outcome', 'output'])
    .optional(),
});
export type Level = z.infer<typeof LevelSchema>;

/** Roles that carry a nomenclature code and pagu. */
export const BUDGETED_ROLES: ReadonlySet<LevelRole> = new Set(['program', 'kegiatan', 'subKegiatan']);

/** Roles that state goals and must be measured. */
export const GOAL_ROLES: ReadonlySet<LevelRole> = new Set(['tujuan', 'sasaran']);

/** The Renstra PD levels of PermenPANRB 89/2021 cascading (tujuan down to sub kegiatan). */
export const DEFAULT_RENSTRA_LEVELS: readonly Level[] = [
  { key: 'tujuan', role: 'tujuan', label: { id: 'Tujuan', en: 'Goal' }, resultType: 'ultimate-outcome' },
  {
    key: 'sasaran',
    role: 'sasaran',
    label: { id: 'Sasaran', en: 'Objective' },
    resultType: 'intermediate-outcome',
  },
  {
    key: 'program',
    role: 'program',
    label: { id: 'Program', en: 'Programme' },
    resultType: 'intermediate-outcome',
  },
  {
    key: 'kegiatan',
    role: 'kegiatan',
    label: { id: 'Kegiatan', en: 'Activity' },
    resultType: 'immediate-outcome',
  },
  {
    key: 'subKegiatan',
    role: 'subKegiatan',
    label: { id: 'Sub Kegiatan', en: 'Sub-activity' },
    resultType: 'output',
  },
];

/** The levels of a regional plan (RPD/RPJMD): tujuan, sasaran and program pembangunan daerah. */
export const DEFAULT_REGIONAL_LEVELS: readonly Level[] = [
  { key: 'tujuan', role: 'tujuan', label: { id: 'Tujuan', en: 'Goal' }, resultType: 'impact' },
  {
    key: 'sasaran',
    role: 'sasaran',
    label: { id: 'Sasaran', en: 'Objective' },
    resultType: 'ultimate-outcome',
  },
  {
    key: 'program',
    role: 'program',
    label: { id: 'Program Pembangunan Daerah', en: 'Regional programme' },
    resultType: 'intermediate-outcome',
  },
];
