import type { Indicator } from '../../schema/indicator.schema.ts';
import { GOAL_ROLES } from '../../schema/level.schema.ts';
import type { PerformanceNode } from '../../schema/node.schema.ts';
import { getAncestors, type PlanIndex } from '../../tree/plan-index.ts';
import { describeNode, type ValidationContext } from '../context.ts';
import { indicatorPath, nodePath } from '../sink.ts';

/** The regional links a goal has: its own, else its nearest ancestor's. */
const effectiveAlignment = (ctx: ValidationContext, pos: number): readonly string[] => {
  const { all, parentPos, ordered } = ctx.index;
  const node = all[pos] as PerformanceNode;
  if (node.alignsTo.length > 0) return node.alignsTo;
  if (pos >= ordered.length) {
    // On or below a cycle: the walk up needs to remember where it has been.
    for (const a of getAncestors(ctx.index, node)) if (a.alignsTo.length > 0) return a.alignsTo;
    return [];
  }
  for (let p = parentPos[pos] as number; p >= 0; p = parentPos[p] as number) {
    const a = all[p] as PerformanceNode;
    if (a.alignsTo.length > 0) return a.alignsTo;
  }
  return [];
};

const checkLinks = (ctx: ValidationContext, node: PerformanceNode, regional: PlanIndex) => {
  for (const ref of node.alignsTo) {
    if (regional.nodes.has(ref as PerformanceNode['id'])) continue;
    const d = describeNode(ctx, node);
    ctx.sink.add(
      'alignment/unknown-regional-node',
      `${nodePath(node.id)}/alignsTo`,
      { node: node.id },
      {
        id: `${d.id} diselaraskan dengan "${ref}", yang tidak ada dalam ${regional.plan.title}. Pilih sasaran RPD/RPJMD yang ada.`,
        en: `${d.en} is aligned to "${ref}", which is not in ${regional.plan.title}. Choose an existing regional sasaran.`,
      },
    );
  }
};

const checkGoalAlignment = (ctx: ValidationContext, pos: number) => {
  const regional = ctx.regional;
  const node = ctx.index.all[pos] as PerformanceNode;
  if (regional) checkLinks(ctx, node, regional);
  const role = ctx.index.roleAt[pos];
  if (!role || !GOAL_ROLES.has(role)) return;
  const aligned = effectiveAlignment(ctx, pos);
  const toSasaran = regional
    ? aligned.some((ref) => {
        const r = regional.nodes.get(ref as PerformanceNode['id']);
        return r !== undefined && regional.roleOf(r) === 'sasaran';
      })
    : aligned.length > 0;
  if (!toSasaran) {
    const d = describeNode(ctx, node);
    ctx.sink.add(
      'alignment/unaligned-sasaran',
      `${nodePath(node.id)}/alignsTo`,
      { node: node.id },
      {
        id: `${d.id} belum diselaraskan dengan sasaran RPD/RPJMD mana pun (Tabel 4.2). Isi "alignsTo" dengan id sasaran daerah yang didukungnya.`,
        en: `${d.en} is aligned to no regional sasaran (Tabel 4.2). Set "alignsTo" to the id of the regional sasaran it supports.`,
      },
    );
  }
};

const checkContributions = (
  ctx: ValidationContext,
  pos: number,
  from: number,
  to: number,
  regional: PlanIndex,
) => {
  const node = ctx.index.all[pos] as PerformanceNode;
  const rows = ctx.index.indicatorRows.indicators;
  for (let row = from; row < to; row++) {
    const ind = rows[row] as Indicator;
    for (const ref of ind.contributesTo) {
      if (regional.indicators.has(ref as never)) continue;
      ctx.sink.add(
        'coverage/unknown-regional-indicator',
        `${indicatorPath(node.id, ind.id)}/contributesTo`,
        { node: node.id, indicator: ind.id },
        {
          id: `Indikator "${ind.name}" [${ind.id}] mendukung "${ref}", yang bukan indikator dalam ${regional.plan.title}.`,
          en: `Indicator "${ind.name}" [${ind.id}] contributes to "${ref}", which is not an indicator of ${regional.plan.title}.`,
        },
      );
    }
  }
};

/**
 * Alignment rules for the node at `pos` of an agency plan: every tujuan and sasaran supports a
 * regional sasaran (its own link or its parent's), links point at existing regional nodes, and
 * indicators (rows `from` to `to` of `ctx.index.indicatorRows`) contribute to existing regional
 * indicators.
 */
export const checkNodeAlignment = (ctx: ValidationContext, pos: number, from: number, to: number): void => {
  if (ctx.index.plan.format !== 'selaras.renstra') return;
  checkGoalAlignment(ctx, pos);
  if (ctx.regional) checkContributions(ctx, pos, from, to, ctx.regional);
};
