import { formatRupiah } from '../../format/number.ts';
import { BUDGETED_ROLES } from '../../schema/level.schema.ts';
import type { PerformanceNode } from '../../schema/node.schema.ts';
import { describeNode, type ValidationContext } from '../context.ts';
import { nodePath } from '../sink.ts';

const paguPath = (node: PerformanceNode, year?: number) =>
  `${nodePath(node.id)}/pagu${year === undefined ? '' : `/${year}`}`;

const checkYear = (ctx: ValidationContext, node: PerformanceNode, y: number, value: number) => {
  const period = ctx.index.plan.period;
  const outside = y < period.startYear || y > period.endYear;
  if (value >= 0 && !outside) return;
  const d = describeNode(ctx, node);
  if (value < 0) {
    ctx.sink.add(
      'pagu/negative',
      paguPath(node, y),
      { node: node.id, year: y },
      {
        id: `${d.id}: pagu ${y} bernilai negatif (${formatRupiah(value, 'id')}). Pagu harus ≥ 0.`,
        en: `${d.en}: the ${y} pagu is negative (${formatRupiah(value, 'en')}). Pagu must be ≥ 0.`,
      },
    );
  }
  if (outside) {
    ctx.sink.add(
      'pagu/outside-period',
      paguPath(node, y),
      { node: node.id, year: y },
      {
        id: `${d.id}: pagu tahun ${y} di luar periode ${period.startYear}–${period.endYear}.`,
        en: `${d.en}: pagu for ${y} is outside the period ${period.startYear}–${period.endYear}.`,
      },
    );
  }
};

const checkOwnPagu = (ctx: ValidationContext, node: PerformanceNode, budgeted: boolean) => {
  const pagu = node.pagu;
  if (!budgeted && pagu.size > 0) {
    const d = describeNode(ctx, node);
    ctx.sink.add(
      'pagu/not-budgeted-level',
      paguPath(node),
      { node: node.id },
      {
        id: `${d.id} memiliki pagu, padahal pagu hanya melekat pada program, kegiatan dan sub kegiatan. Pindahkan pagu ke simpul tersebut.`,
        en: `${d.en} carries pagu, but pagu belongs to programmes, kegiatan and sub kegiatan. Move it there.`,
      },
    );
  }
  for (let y = pagu.firstYear; pagu.size > 0 && y <= pagu.lastYear; y++) {
    const value = pagu.get(y);
    if (value !== undefined) checkYear(ctx, node, y, value);
  }
  if (!budgeted) return;
  const missing = pagu.missingOf(ctx.years);
  if (missing !== undefined) {
    const d = describeNode(ctx, node);
    ctx.sink.add(
      'pagu/missing',
      paguPath(node),
      { node: node.id, year: missing[0] as number },
      {
        id: `${d.id} belum memiliki pagu indikatif untuk tahun ${missing.join(', ')}. Isi pagu (Rp; 0 bila tidak dianggarkan).`,
        en: `${d.en} has no indicative pagu for ${missing.join(', ')}. Enter the pagu (Rp; 0 when not budgeted).`,
      },
    );
  }
};

const reportChildrenExceed = (ctx: ValidationContext, pos: number, y: number, sum: number, own: number) => {
  const node = ctx.index.ordered[pos] as PerformanceNode;
  const d = describeNode(ctx, node);
  ctx.sink.add(
    'pagu/children-exceed-parent',
    paguPath(node, y),
    { node: node.id, year: y },
    {
      id: `${d.id}: jumlah pagu ${y} simpul di bawahnya (${formatRupiah(sum, 'id')}) melebihi pagunya sendiri (${formatRupiah(own, 'id')}). Samakan pagu induk dengan jumlah rinciannya.`,
      en: `${d.en}: the ${y} pagu of the nodes below it (${formatRupiah(sum, 'en')}) exceeds its own (${formatRupiah(own, 'en')}). Make the parent's pagu match its breakdown.`,
    },
  );
};

/** The pagu checks of one plan: node by node during the walk over the tree, then the sums. */
export interface PaguChecker {
  /** Pagu only on budgeted levels, never negative, inside the period, present every year. */
  node(pos: number): void;
  /** Budgeted children within their budgeted parent's pagu, year by year. */
  finish(): void;
}

/**
 * Pagu rules. While walking the nodes, each budgeted node notes its pagu per year of the period
 * and adds it to its parent's children total. The walk meets a parent's children in their
 * order, so the totals add up as a loop over the children would; `finish` compares them.
 */
export const paguChecker = (ctx: ValidationContext): PaguChecker => {
  const { years } = ctx;
  const { ordered, roleAt, parentPos, childCount } = ctx.index;
  const own = new Float64Array(ordered.length * years.length).fill(Number.NaN);
  const children = new Float64Array(ordered.length * years.length);
  const isBudgeted = (pos: number) => BUDGETED_ROLES.has(roleAt[pos] ?? 'other');
  const note = (pos: number, node: PerformanceNode) => {
    const parent = parentPos[pos] as number;
    for (let i = 0; i < years.length; i++) {
      const value = node.pagu.get(years[i] as number);
      own[pos * years.length + i] = value ?? Number.NaN;
      const at = parent * years.length + i;
      if (parent >= 0) children[at] = (children[at] as number) + (value ?? 0);
    }
  };
  return {
    node(pos) {
      const budgeted = isBudgeted(pos);
      const node = ctx.index.all[pos] as PerformanceNode;
      checkOwnPagu(ctx, node, budgeted);
      if (budgeted && pos < ordered.length) note(pos, node);
    },
    finish() {
      for (let pos = 0; pos < ordered.length; pos++) {
        if (childCount[pos] === 0 || !isBudgeted(pos)) continue;
        for (let i = 0; i < years.length; i++) {
          const o = own[pos * years.length + i] as number;
          const sum = children[pos * years.length + i] as number;
          if (!Number.isNaN(o) && sum > o + 0.5) reportChildrenExceed(ctx, pos, years[i] as number, sum, o);
        }
      }
    },
  };
};
