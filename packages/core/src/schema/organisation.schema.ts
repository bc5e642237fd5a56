import { z } from 'zod';
import { OfficialSchema, UnitIdSchema } from './common.schema.ts';

/** Kinds of organisational unit inside a perangkat daerah. */
export const OrgUnitKindSchema = z.enum([
  'pimpinan',
  'sekretariat',
  'bidang',
  'subbagian',
  'seksi',
  'uptd',
  'other',
]);
export type OrgUnitKind = z.infer<typeof OrgUnitKindSchema>;

/** A unit of an agency (bidang, seksi, UPTD, …); units form a tree through `parent`. */
export const OrgUnitSchema = z.strictObject({
  id: UnitIdSchema,
  name: z.string().min(1),
  kind: OrgUnitKindSchema,
  parent: UnitIdSchema.optional(),
  head: OfficialSchema.optional(),
});
export type OrgUnit = z.infer<typeof OrgUnitSchema>;

/** A bidang urusan code such as `1.03` (PU dan Penataan Ruang). */
export const BidangUrusanCodeSchema = z.string().regex(/^\d\.\d{2}$/, 'a bidang urusan code such as "1.03"');

/** A perangkat daerah (regional agency), with the bidang urusan it holds and its units. */
export const AgencySchema = z.strictObject({
  code: z.string().min(1),
  name: z.string().min(1),
  shortName: z.string().optional(),
  bidangUrusan: z.array(BidangUrusanCodeSchema).default([]),
  head: OfficialSchema.optional(),
  address: z.string().optional(),
  units: z.array(OrgUnitSchema).default([]),
});
export type Agency = z.infer<typeof AgencySchema>;
