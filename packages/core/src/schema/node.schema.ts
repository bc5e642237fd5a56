import { z } from 'zod';
import { IndicatorIdSchema, NodeIdSchema, UnitIdSchema, yearValues } from './common.schema.ts';
import { IndicatorSchema } from './indicator.schema.ts';

/** Who owns a node's performance: the unit and the position (pemilik kinerja). */
export const NodeOwnerSchema = z.strictObject({
  unit: UnitIdSchema.optional(),
  position: z.string().optional(),
});
export type NodeOwner = z.infer<typeof NodeOwnerSchema>;

/** A partner whose contribution a crosscutting node needs (another agency or unit). */
export const CrosscuttingPartnerSchema = z.strictObject({
  agency: z.string().optional(),
  unit: z.string().optional(),
  indicator: z.string().optional(),
  contribution: z.string().optional(),
});
export type CrosscuttingPartner = z.infer<typeof CrosscuttingPartnerSchema>;

/**
 * A node of the performance tree (pohon kinerja): a tujuan, sasaran, program, kegiatan or sub
 * kegiatan, with its statement of result, indicators, owner and, for budgeted levels, code and
 * pagu per year. Nodes form a tree through `parent`; `level` names one of the plan's levels.
 */
export const PerformanceNodeSchema = z.strictObject({
  id: NodeIdSchema,
  parent: NodeIdSchema.nullable().default(null),
  level: z.string().min(1),
  /** The result statement (kinerja), e.g. "Meningkatnya Penyelenggaraan Penataan Ruang". */
  statement: z.string().min(1),
  /** Official nomenclature code for program, kegiatan and sub kegiatan, e.g. `1.03.12`. */
  code: z.string().optional(),
  /** Nomenclature name; when absent it is looked up from the reference list. */
  name: z.string().optional(),
  owner: NodeOwnerSchema.optional(),
  /** Ids of regional-plan nodes (sasaran or tujuan) this node supports. */
  alignsTo: z.array(z.string()).default([]),
  crosscutting: z.array(CrosscuttingPartnerSchema).default([]),
  /** Direct: the child inherits the parent's indicator; indirect: contributes through another one. */
  cascading: z.enum(['direct', 'indirect']).optional(),
  priority: z.boolean().default(false),
  indicators: z.array(IndicatorSchema).default([]),
  /** Pagu indikatif in Rupiah per year (program, kegiatan, sub kegiatan). */
  pagu: yearValues(z.number()),
  location: z.string().optional(),
  /** Strategi (T-C.26), for tujuan and sasaran. */
  strategies: z.array(z.string()).default([]),
  /** Arah kebijakan (T-C.26). */
  policies: z.array(z.string()).default([]),
  /** For programs of a regional plan: codes of the agencies that carry them. */
  assignedAgencies: z.array(z.string()).default([]),
  /** Weight in roll-ups of the parent node. */
  weight: z.number().min(0).default(1),
  /** For direct cascading: the parent indicator this node inherits. */
  inherits: IndicatorIdSchema.optional(),
});
export type PerformanceNode = z.infer<typeof PerformanceNodeSchema>;
export type PerformanceNodeInput = z.input<typeof PerformanceNodeSchema>;
