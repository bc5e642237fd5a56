import { IndicatorPatchSchema, NodePatchSchema } from '@selaras/core';
import { z } from 'zod';
import { AppError, invalidInput } from '../../app-error.ts';
import type { ServiceContext } from '../../context.ts';
import { type BatchChange, MAX_BATCH_CHANGES, parseBatch, parseInput } from '../../patch.ts';
import type { Actor } from '../../permissions.ts';
import { indicatorBatchKind } from '../indicators/edit-indicator.ts';
import { nodeBatchKind } from '../nodes/edit-node.ts';
import { runBatchEdits } from './batch-edit.ts';

const Rows = z.array(z.unknown()).max(MAX_BATCH_CHANGES);
const ValuesSchema = z
  .strictObject({ indicators: Rows.default([]), nodes: Rows.default([]) })
  .refine((v) => v.indicators.length + v.nodes.length > 0, { message: 'send at least one change' })
  .refine((v) => v.indicators.length + v.nodes.length <= MAX_BATCH_CHANGES, {
    message: `at most ${MAX_BATCH_CHANGES} changes at once`,
  });

/** Parses one group with `parseBatch`, reporting its problems under `indicators.<i>` or `nodes.<i>`. */
const parseGroup = <S extends z.ZodType>(
  schema: S,
  rows: readonly unknown[],
  path: 'indicators' | 'nodes',
  issues: { path: string; message: string }[],
): BatchChange<unknown>[] => {
  if (rows.length === 0) return [];
  try {
    return parseBatch(schema, { changes: rows }, path === 'indicators' ? 'indicator' : 'node');
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'INVALID_INPUT') throw e;
    for (const i of (e.details as { issues?: { path: string; message: string }[] }).issues ?? [])
      issues.push({ ...i, path: i.path.replace(/^changes/, path) });
    return [];
  }
};

/**
 * Changes indicators and nodes of one plan together, all or nothing: what a block pasted into
 * the indicator grid becomes when it covers targets and pagu. Body
 * `{ indicators: [{ id, version, patch }], nodes: [{ id, version, patch }] }`; problems are
 * reported at `indicators.<i>.<field>` and `nodes.<i>.<field>`; stale rows are one CONFLICT with
 * `details.conflicts`; one audit entry per row; the plan's content changes once.
 */
export const updatePlanValues = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  input: unknown,
) => {
  const body = parseInput(ValuesSchema, input, 'plan values');
  const issues: { path: string; message: string }[] = [];
  const indicators = parseGroup(IndicatorPatchSchema, body.indicators, 'indicators', issues);
  const nodes = parseGroup(NodePatchSchema, body.nodes, 'nodes', issues);
  if (issues.length > 0) throw invalidInput('invalid plan values', issues);
  const r = await runBatchEdits(ctx, actor, planId, [
    { changes: indicators, kind: indicatorBatchKind(ctx), path: 'indicators' },
    { changes: nodes, kind: nodeBatchKind(ctx), path: 'nodes' },
  ]);
  return { planId: r.planId, etag: r.etag, indicators: r.items[0] ?? [], nodes: r.items[1] ?? [] };
};
