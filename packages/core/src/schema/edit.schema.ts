import { z } from 'zod';
import { NodeIdSchema } from './common.schema.ts';
import { IndicatorSchema } from './indicator.schema.ts';
import { PerformanceNodeSchema } from './node.schema.ts';
import { RenstraStageSchema } from './plan.schema.ts';

/**
 * Edits of a stored plan, in plan-file terms: nodes and indicators are written as in a plan file
 * (a node's `parent` is the parent node's id in the plan). The API validates requests with these.
 */

/** A new node: its plan-file form without indicators (added one by one). */
export const NodeDraftSchema = PerformanceNodeSchema.omit({ indicators: true });
export type NodeDraft = z.infer<typeof NodeDraftSchema>;

/** The fields of a node that an edit may change (its id, parent and indicators have their own operations). */
export const NodePatchSchema = PerformanceNodeSchema.omit({ id: true, parent: true, indicators: true })
  .partial()
  .strict();
export type NodePatch = z.infer<typeof NodePatchSchema>;

/** Where to move a node: under another node of the plan (by id), or to the root; optionally at a position. */
export const NodeMoveSchema = z.strictObject({
  parent: NodeIdSchema.nullable(),
  position: z.number().int().min(0).optional(),
});
export type NodeMove = z.infer<typeof NodeMoveSchema>;

/** Where to copy a subtree, and the suffix that makes the copies' ids unique. */
export const NodeCloneSchema = z.strictObject({
  parent: NodeIdSchema.nullable(),
  idSuffix: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,32}$/)
    .default('-salinan'),
});
export type NodeClone = z.infer<typeof NodeCloneSchema>;

/** A new indicator, as in a plan file. */
export const IndicatorDraftSchema = IndicatorSchema;

/** The fields of an indicator an edit may change; targets, realisations and pagu replace the whole series. */
export const IndicatorPatchSchema = IndicatorSchema.omit({ id: true }).partial().strict();
export type IndicatorPatch = z.infer<typeof IndicatorPatchSchema>;

/** The fields of a plan itself that an edit may change. */
export const PlanMetaPatchSchema = z.strictObject({
  title: z.string().min(1).optional(),
  stage: RenstraStageSchema.optional(),
  revision: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
});
export type PlanMetaPatch = z.infer<typeof PlanMetaPatchSchema>;
