import { z } from 'zod';
import { YearSchema } from './common.schema.ts';

/** Kinds of regional government. */
export const RegionKindSchema = z.enum(['provinsi', 'kabupaten', 'kota']);
export type RegionKind = z.infer<typeof RegionKindSchema>;

/** A region (daerah) by its Kemendagri code, e.g. `64` for Kalimantan Timur. */
export const RegionSchema = z.strictObject({
  code: z.string().regex(/^\d{2}(\.\d{2})?$/, 'a Kemendagri region code such as "64" or "64.72"'),
  name: z.string().min(1),
  kind: RegionKindSchema,
  capital: z.string().optional(),
});
export type Region = z.infer<typeof RegionSchema>;

/** Kinds of planning period. */
export const PeriodKindSchema = z.enum(['RPJMD', 'RPD', 'Renstra', 'Renja']);
export type PeriodKind = z.infer<typeof PeriodKindSchema>;

/**
 * A planning period of any length: an RPD runs 3 years, an RPJMD 5, a Renja 1.
 * The baseline year (kondisi awal) is usually the year or two before the start.
 */
export const PeriodSchema = z
  .strictObject({
    kind: PeriodKindSchema,
    startYear: YearSchema,
    endYear: YearSchema,
    baselineYear: YearSchema,
    legalBasis: z.array(z.string()).default([]),
  })
  .superRefine((p, ctx) => {
    if (p.endYear < p.startYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['endYear'],
        message: `endYear ${p.endYear} is before startYear ${p.startYear}`,
      });
    }
    if (p.endYear - p.startYear > 24) {
      ctx.addIssue({
        code: 'custom',
        path: ['endYear'],
        message: 'a planning period is at most 25 years long',
      });
    }
    if (p.baselineYear > p.startYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['baselineYear'],
        message: `baselineYear ${p.baselineYear} is after startYear ${p.startYear}`,
      });
    }
  });
export type Period = z.infer<typeof PeriodSchema>;
