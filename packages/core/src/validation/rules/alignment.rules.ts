import { GOAL_ROLES } from '../../schema/level.schema.ts';
import type { PerformanceNode } from '../../schema/node.schema.ts';
import { getAncestors } from '../../tree/plan-index.ts';
import { describeNode, type ValidationContext } from '../context.ts';
import { indicatorPath, nodePath } from '../sink.ts';

const effectiveAlignment = (ctx: ValidationContext, node: PerformanceNode): readonly string[] => {
  if (node.alignsTo.length > 0) return node.alignsTo;
  for (const a of getAncestors(ctx.index, node)) if (a.alignsTo.length > 0) return a.alignsTo;
  return [];
};

const checkNodeAlignment = (ctx: ValidationContext, node: PerformanceNode) => {
  const regional = ctx.regional;
  const d = describeNode(ctx, node);
  for (const ref of node.alignsTo) {
    if (regional && !regional.nodes.has(ref as PerformanceNode['id'])) {
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
  }
  const role = ctx.index.roleOf(node);
  if (!role || !GOAL_ROLES.has(role)) return;
  const aligned = effectiveAlignment(ctx, node);
  const toSasaran = regional
    ? aligned.some((ref) => {
        const r = regional.nodes.get(ref as PerformanceNode['id']);
        return r !== undefined && regional.roleOf(r) === 'sasaran';
      })
    : aligned.length > 0;
  if (!toSasaran) {
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

/**
 * Alignment rules for agency plans: every tujuan and sasaran supports a regional sasaran (its own
 * link or its parent's), links point at existing regional nodes, and indicators contribute to
 * existing regional indicators.
 */
export const checkAlignment = (ctx: ValidationContext): void => {
  if (ctx.index.plan.format !== 'selaras.renstra') return;
  const regional = ctx.regional;
  for (const node of ctx.index.nodes.values()) {
    checkNodeAlignment(ctx, node);
    if (!regional) continue;
    for (const ind of node.indicators) {
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
  }
};
