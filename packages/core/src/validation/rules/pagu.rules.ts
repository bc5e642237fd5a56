import { formatRupiah } from '../../format/number.ts';
import { BUDGETED_ROLES } from '../../schema/level.schema.ts';
import type { PerformanceNode } from '../../schema/node.schema.ts';
import { describeNode, type ValidationContext } from '../context.ts';
import { nodePath } from '../sink.ts';

const checkOwnPagu = (ctx: ValidationContext, node: PerformanceNode, budgeted: boolean) => {
  const d = describeNode(ctx, node);
  const path = `${nodePath(node.id)}/pagu`;
  const period = ctx.index.plan.period;
  const entries = Object.entries(node.pagu);
  if (!budgeted && entries.length > 0) {
    ctx.sink.add(
      'pagu/not-budgeted-level',
      path,
      { node: node.id },
      {
        id: `${d.id} memiliki pagu, padahal pagu hanya melekat pada program, kegiatan dan sub kegiatan. Pindahkan pagu ke simpul tersebut.`,
        en: `${d.en} carries pagu, but pagu belongs to programmes, kegiatan and sub kegiatan. Move it there.`,
      },
    );
  }
  for (const [year, value] of entries) {
    const y = Number(year);
    if (value < 0) {
      ctx.sink.add(
        'pagu/negative',
        `${path}/${year}`,
        { node: node.id, year: y },
        {
          id: `${d.id}: pagu ${year} bernilai negatif (${formatRupiah(value, 'id')}). Pagu harus ≥ 0.`,
          en: `${d.en}: the ${year} pagu is negative (${formatRupiah(value, 'en')}). Pagu must be ≥ 0.`,
        },
      );
    }
    if (y < period.startYear || y > period.endYear) {
      ctx.sink.add(
        'pagu/outside-period',
        `${path}/${year}`,
        { node: node.id, year: y },
        {
          id: `${d.id}: pagu tahun ${year} di luar periode ${period.startYear}–${period.endYear}.`,
          en: `${d.en}: pagu for ${year} is outside the period ${period.startYear}–${period.endYear}.`,
        },
      );
    }
  }
  if (!budgeted) return;
  const missing = ctx.years.filter((y) => node.pagu[String(y)] === undefined);
  if (missing.length > 0) {
    ctx.sink.add(
      'pagu/missing',
      path,
      { node: node.id, year: missing[0] as number },
      {
        id: `${d.id} belum memiliki pagu indikatif untuk tahun ${missing.join(', ')}. Isi pagu (Rp; 0 bila tidak dianggarkan).`,
        en: `${d.en} has no indicative pagu for ${missing.join(', ')}. Enter the pagu (Rp; 0 when not budgeted).`,
      },
    );
  }
};

const checkChildrenSum = (ctx: ValidationContext, node: PerformanceNode) => {
  const kids = (ctx.index.children.get(node.id) ?? []).filter((k) =>
    BUDGETED_ROLES.has(ctx.index.roleOf(k) ?? 'other'),
  );
  if (kids.length === 0) return;
  for (const y of ctx.years) {
    const own = node.pagu[String(y)];
    if (own === undefined) continue;
    const sum = kids.reduce((s, k) => s + (k.pagu[String(y)] ?? 0), 0);
    if (sum <= own + 0.5) continue;
    const d = describeNode(ctx, node);
    ctx.sink.add(
      'pagu/children-exceed-parent',
      `${nodePath(node.id)}/pagu/${y}`,
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
    const budgeted = role !== undefined && BUDGETED_ROLES.has(role);
    checkOwnPagu(ctx, node, budgeted);
    if (budgeted) checkChildrenSum(ctx, node);
  }
};
