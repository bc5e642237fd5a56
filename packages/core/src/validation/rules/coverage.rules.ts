import { getPeriodYears } from '../../period.ts';
import type { CompositeId, NodeId } from '../../schema/common.schema.ts';
import type { CompositeIndex } from '../../schema/composite.schema.ts';
import { GOAL_ROLES } from '../../schema/level.schema.ts';
import type { PerformanceNode } from '../../schema/node.schema.ts';
import { selectCompositeVersion } from '../../scoring/composite.ts';
import { describeNode, type ValidationContext } from '../context.ts';
import { nodePath } from '../sink.ts';

const CHECKED_ROLES = new Set(['program', 'kegiatan']);

/** Indicator ids that feed a composite in any year of the period. */
const componentIds = (composite: CompositeIndex, years: readonly number[]): Set<string> => {
  const ids = new Set<string>();
  for (const y of years)
    for (const c of selectCompositeVersion(composite, y)?.components ?? []) ids.add(c.indicator);
  return ids;
};

/** A node feeds the index through one of its own indicators, or the parent indicator it inherits (direct cascading). */
const ownFeeds = (node: PerformanceNode, components: ReadonlySet<string>) =>
  (node.inherits !== undefined && components.has(node.inherits)) ||
  node.indicators.some((i) => components.has(i.id));

/** Whether each ordered node's subtree (itself included) has an indicator feeding the index. */
const subtreeFeeds = (ctx: ValidationContext, components: ReadonlySet<string>): Uint8Array => {
  const { ordered, parentPos } = ctx.index;
  const feeds = new Uint8Array(ordered.length);
  for (let pos = ordered.length - 1; pos >= 0; pos--) {
    if (feeds[pos] === 0 && ownFeeds(ordered[pos] as PerformanceNode, components)) feeds[pos] = 1;
    const parent = parentPos[pos] as number;
    if (feeds[pos] === 1 && parent >= 0) feeds[parent] = 1;
  }
  return feeds;
};

const report = (
  ctx: ValidationContext,
  node: PerformanceNode,
  measured: PerformanceNode,
  composite: CompositeIndex,
) => {
  const d = describeNode(ctx, node);
  const m = describeNode(ctx, measured);
  ctx.sink.add(
    'coverage/outside-composite',
    nodePath(node.id),
    { node: node.id, composite: composite.id },
    {
      id: `${d.id} berada di bawah ${m.id}, yang diukur dengan ${composite.name}, tetapi tidak satu pun indikatornya menjadi komponen ${composite.name}. Buat tujuan dan sasaran tersendiri (dengan indikator) untuk kegiatan di luar formula indeks, lalu pindahkan ke sana.`,
      en: `${d.en} sits under ${m.en}, which is measured by ${composite.name}, but none of its indicators is a component of ${composite.name}. Give activities outside the index formula a tujuan and sasaran of their own (with indicators) and move them there.`,
    },
  );
};

/**
 * `coverage/outside-composite`: a program or kegiatan cascaded under a tujuan or sasaran measured
 * by a composite index, while nothing on its path (its own indicators, its descendants', or those
 * of the nodes between it and the measured goal) feeds that index. Only the topmost such node is
 * reported, not every kegiatan below an outside program.
 */
export const checkCompositeCoverage = (ctx: ValidationContext): void => {
  const years = getPeriodYears(ctx.index.plan.period);
  const composites = new Map<CompositeId, CompositeIndex>(ctx.index.plan.composites.map((c) => [c.id, c]));
  const reported = new Set<NodeId>();
  for (const composite of composites.values()) {
    const measured = ctx.index.ordered.filter(
      (n) =>
        GOAL_ROLES.has(ctx.index.roleOf(n) ?? 'other') &&
        n.indicators.some((i) => i.composite === composite.id),
    );
    if (measured.length === 0) continue;
    const components = componentIds(composite, years);
    const feeds = subtreeFeeds(ctx, components);
    for (const top of measured) {
      const stack: { node: PerformanceNode; inside: boolean }[] = (ctx.index.children.get(top.id) ?? []).map(
        (node) => ({ node, inside: false }),
      );
      while (stack.length > 0) {
        const { node, inside } = stack.pop() as { node: PerformanceNode; inside: boolean };
        const role = ctx.index.roleOf(node);
        if (
          role &&
          CHECKED_ROLES.has(role) &&
          !inside &&
          feeds[ctx.index.positions.get(node.id) ?? -1] !== 1
        ) {
          if (!reported.has(node.id)) report(ctx, node, top, composite);
          reported.add(node.id);
          continue;
        }
        const nextInside =
          inside || (role !== undefined && CHECKED_ROLES.has(role) && ownFeeds(node, components));
        for (const c of ctx.index.children.get(node.id) ?? []) stack.push({ node: c, inside: nextInside });
      }
    }
  }
};
