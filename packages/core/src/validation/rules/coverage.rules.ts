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

/**
 * Marks in `feeds` the nodes of the subtree of `top` whose own subtree has an indicator feeding
 * the index (only the subtrees of measured goals are ever asked about).
 */
const markFeeding = (
  ctx: ValidationContext,
  top: number,
  components: ReadonlySet<string>,
  feeds: Uint8Array,
) => {
  const { ordered, parentPos, firstChild, childCount } = ctx.index;
  const subtree = [top];
  for (let i = 0; i < subtree.length; i++) {
    const first = firstChild[subtree[i] as number] as number;
    for (let k = first; k < first + (childCount[subtree[i] as number] as number); k++) subtree.push(k);
  }
  // Breadth first puts children after parents, so backwards every child is settled first.
  for (let i = subtree.length - 1; i >= 0; i--) {
    const pos = subtree[i] as number;
    if (feeds[pos] === 0 && ownFeeds(ordered[pos] as PerformanceNode, components)) feeds[pos] = 1;
    const parent = parentPos[pos] as number;
    if (feeds[pos] === 1 && parent >= 0) feeds[parent] = 1;
  }
};

/** Positions of the tujuan and sasaran measured by the composite (one of their indicators is it). */
const measuredBy = (ctx: ValidationContext, composite: CompositeIndex): number[] => {
  const { ordered, roleAt } = ctx.index;
  const out: number[] = [];
  for (let pos = 0; pos < ordered.length; pos++) {
    if (!GOAL_ROLES.has(roleAt[pos] ?? 'other')) continue;
    if ((ordered[pos] as PerformanceNode).indicators.some((i) => i.composite === composite.id)) out.push(pos);
  }
  return out;
};

/**
 * The topmost programs and kegiatan below the goal at `top` that nothing on their path feeds the
 * index through, depth first (last child first). A stack entry is `position × 2 + inside`, where
 * inside means a program or kegiatan above it already feeds the index.
 */
const outsideBelow = (
  ctx: ValidationContext,
  top: number,
  feeds: Uint8Array,
  components: ReadonlySet<string>,
): number[] => {
  const { ordered, roleAt, firstChild, childCount } = ctx.index;
  const out: number[] = [];
  const stack: number[] = [];
  const pushChildren = (pos: number, inside: boolean) => {
    const first = firstChild[pos] as number;
    for (let k = first; k < first + (childCount[pos] as number); k++) stack.push(k * 2 + (inside ? 1 : 0));
  };
  pushChildren(top, false);
  while (stack.length > 0) {
    const entry = stack.pop() as number;
    const pos = entry >> 1;
    const inside = (entry & 1) === 1;
    const role = roleAt[pos];
    const checked = role !== undefined && CHECKED_ROLES.has(role);
    if (checked && !inside && feeds[pos] !== 1) {
      out.push(pos);
      continue;
    }
    pushChildren(pos, inside || (checked && ownFeeds(ordered[pos] as PerformanceNode, components)));
  }
  return out;
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
    const measured = measuredBy(ctx, composite);
    if (measured.length === 0) continue;
    const components = componentIds(composite, years);
    const feeds = new Uint8Array(ctx.index.ordered.length);
    for (const top of measured) {
      markFeeding(ctx, top, components, feeds);
      for (const pos of outsideBelow(ctx, top, feeds, components)) {
        const node = ctx.index.ordered[pos] as PerformanceNode;
        if (!reported.has(node.id)) report(ctx, node, ctx.index.ordered[top] as PerformanceNode, composite);
        reported.add(node.id);
      }
    }
  }
};
