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

const checkChildrenSum = (ctx: ValidationContext, pos: number) => {
  const { ordered, firstChild, childCount, roleAt } = ctx.index;
  const node = ordered[pos] as PerformanceNode;
  const first = firstChild[pos] as number;
  const end = first + (childCount[pos] as number);
  if (end === first) return;
  for (const y of ctx.years) {
    const own = node.pagu.get(y);
    if (own === undefined) continue;
    let sum = 0;
    for (let k = first; k < end; k++)
      if (BUDGETED_ROLES.has(roleAt[k] ?? 'other')) sum += (ordered[k] as PerformanceNode).pagu.get(y) ?? 0;
    if (sum <= own + 0.5) continue;
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
  }
};

/** Pagu rules: only on budgeted levels, never negative, inside the period, present every year, and children within their parent. */
export const checkPagu = (ctx: ValidationContext): void => {
  for (const node of ctx.index.nodes.values()) {
    const role = ctx.index.roleOf(node);
    checkOwnPagu(ctx, node, role !== undefined && BUDGETED_ROLES.has(role));
  }
  const { roleAt } = ctx.index;
  for (let pos = 0; pos < roleAt.length; pos++)
    if (BUDGETED_ROLES.has(roleAt[pos] ?? 'other')) checkChildrenSum(ctx, pos);
};
