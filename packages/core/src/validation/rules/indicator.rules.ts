import { formatNumber } from '../../format/number.ts';
import type { Indicator } from '../../schema/indicator.schema.ts';
import { BUDGETED_ROLES, GOAL_ROLES, type LevelRole } from '../../schema/level.schema.ts';
import type { PerformanceNode } from '../../schema/node.schema.ts';
import { getAncestors } from '../../tree/plan-index.ts';
import { describeNode, type ValidationContext } from '../context.ts';
import { indicatorPath, nodePath } from '../sink.ts';

const label = (ind: Indicator) =>
  `"${ind.name.length > 70 ? `${ind.name.slice(0, 69)}…` : ind.name}" [${ind.id}]`;

const reportMissingTargets = (
  ctx: ValidationContext,
  node: PerformanceNode,
  ind: Indicator,
  missing: readonly number[],
) => {
  ctx.sink.add(
    'indicator/missing-target',
    `${indicatorPath(node.id, ind.id)}/targets`,
    { node: node.id, indicator: ind.id, year: missing[0] as number },
    {
      id: `Indikator ${label(ind)} belum memiliki target untuk tahun ${missing.join(', ')}. Isi target (angka dalam ${ind.unit || 'satuan indikator'}) untuk setiap tahun periode.`,
      en: `Indicator ${label(ind)} has no target for ${missing.join(', ')}. Enter a target (a number in ${ind.unit || 'the indicator unit'}) for every year of the period.`,
    },
  );
};

/** The findings of one year's target: outside the period, and of the wrong shape for the polarity. */
const reportTargetYear = (ctx: ValidationContext, node: PerformanceNode, ind: Indicator, y: number) => {
  const period = ctx.index.plan.period;
  const target = { node: node.id, indicator: ind.id, year: y };
  const year = String(y);
  const path = `${indicatorPath(node.id, ind.id)}/targets/${year}`;
  if (y < period.startYear || y > period.endYear) {
    ctx.sink.add('indicator/target-outside-period', path, target, {
      id: `Indikator ${label(ind)} memiliki target tahun ${year} di luar periode ${period.startYear}–${period.endYear}. Hapus atau pindahkan ke tahun periode.`,
      en: `Indicator ${label(ind)} has a target for ${year}, outside the period ${period.startYear}–${period.endYear}. Remove it or move it to a year of the period.`,
    });
  }
  const isRange = typeof ind.targets.get(y) === 'object';
  if (isRange === (ind.polarity === 'range')) return;
  ctx.sink.add('indicator/target-shape', path, target, {
    id: isRange
      ? `Target ${year} indikator ${label(ind)} berupa rentang, padahal polaritasnya "${ind.polarity}". Isi satu angka, atau ubah polaritas menjadi "range".`
      : `Target ${year} indikator ${label(ind)} berupa satu angka, padahal polaritasnya "range". Isi {"min": …, "max": …}.`,
    en: isRange
      ? `Target ${year} of indicator ${label(ind)} is a range but its polarity is "${ind.polarity}". Enter a single number, or set polarity to "range".`
      : `Target ${year} of indicator ${label(ind)} is a single number but its polarity is "range". Enter {"min": …, "max": …}.`,
  });
};

const checkTargets = (ctx: ValidationContext, node: PerformanceNode, ind: Indicator) => {
  const targets = ind.targets;
  const { startYear, endYear } = ctx.index.plan.period;
  const wantRange = ind.polarity === 'range';
  let inPeriod = 0;
  for (let y = targets.firstYear; targets.size > 0 && y <= targets.lastYear; y++) {
    const t = targets.get(y);
    if (t === undefined) continue;
    const outside = y < startYear || y > endYear;
    if (!outside) inPeriod++;
    if (outside || (typeof t === 'object') !== wantRange) reportTargetYear(ctx, node, ind, y);
  }
  // `ctx.years` are the years of the period: when each has a target, none is missing.
  if (inPeriod === ctx.years.length) return;
  const missing = targets.missingOf(ctx.years);
  if (missing !== undefined) reportMissingTargets(ctx, node, ind, missing);
};

const checkCumulative = (ctx: ValidationContext, node: PerformanceNode, ind: Indicator) => {
  if (!ind.cumulative) return;
  let previous: number | undefined;
  for (const y of ctx.years) {
    const t = ind.targets.get(y);
    if (typeof t !== 'number') continue;
    const decreasing = ind.targetsAre === 'running-totals' ? previous !== undefined && t < previous : t < 0;
    if (decreasing) {
      const l = 'id';
      ctx.sink.add(
        'target/cumulative-decreasing',
        `${indicatorPath(node.id, ind.id)}/targets/${y}`,
        { node: node.id, indicator: ind.id, year: y },
        {
          id:
            ind.targetsAre === 'running-totals'
              ? `Indikator kumulatif ${label(ind)}: target ${y} (${formatNumber(t, l)}) lebih kecil dari tahun sebelumnya (${formatNumber(previous ?? 0, l)}). Total berjalan tidak boleh turun.`
              : `Indikator kumulatif ${label(ind)}: tambahan target ${y} negatif (${formatNumber(t, l)}). Tambahan tahunan harus ≥ 0.`,
          en:
            ind.targetsAre === 'running-totals'
              ? `Cumulative indicator ${label(ind)}: the ${y} target (${formatNumber(t, 'en')}) is below the year before (${formatNumber(previous ?? 0, 'en')}). A running total cannot fall.`
              : `Cumulative indicator ${label(ind)}: the ${y} increment is negative (${formatNumber(t, 'en')}). Yearly increments must be ≥ 0.`,
        },
      );
    }
    previous = t;
  }
};

/** Empty or only white space (`trim` removes exactly what `\s` matches). */
const isBlank = (s: string | undefined) => s === undefined || s.trim().length === 0;

const checkBaselineAndUnit = (ctx: ValidationContext, node: PerformanceNode, ind: Indicator) => {
  const period = ctx.index.plan.period;
  if (!ind.baseline) {
    ctx.sink.add(
      'indicator/missing-baseline',
      `${indicatorPath(node.id, ind.id)}/baseline`,
      {
        node: node.id,
        indicator: ind.id,
      },
      {
        id: `Indikator ${label(ind)} belum memiliki kondisi awal (baseline). Isi tahun dan nilainya, sebaiknya tahun ${period.baselineYear}.`,
        en: `Indicator ${label(ind)} has no baseline. Enter its year and value, preferably ${period.baselineYear}.`,
      },
    );
  } else {
    const oldest = period.startYear - ctx.settings.staleBaselineYears;
    if (ind.baseline.year < oldest) {
      ctx.sink.add(
        'data/stale-baseline',
        `${indicatorPath(node.id, ind.id)}/baseline/year`,
        { node: node.id, indicator: ind.id, year: ind.baseline.year },
        {
          id: `Baseline indikator ${label(ind)} berasal dari tahun ${ind.baseline.year}, lebih tua dari ${oldest} (${ctx.settings.staleBaselineYears} tahun sebelum periode mulai ${period.startYear}). Perbarui dengan data ${period.baselineYear} atau yang lebih baru.`,
          en: `The baseline of indicator ${label(ind)} is from ${ind.baseline.year}, older than ${oldest} (${ctx.settings.staleBaselineYears} years before the period starts in ${period.startYear}). Update it with ${period.baselineYear} data or newer.`,
        },
      );
    }
    if (ind.baseline.year >= period.startYear) {
      ctx.sink.add(
        'indicator/baseline-in-period',
        `${indicatorPath(node.id, ind.id)}/baseline/year`,
        { node: node.id, indicator: ind.id, year: ind.baseline.year },
        {
          id: `Baseline indikator ${label(ind)} berasal dari tahun ${ind.baseline.year}, di dalam periode ${period.startYear}–${period.endYear}. Kondisi awal adalah keadaan sebelum periode dimulai (sebaiknya tahun ${period.baselineYear}).`,
          en: `The baseline of indicator ${label(ind)} is from ${ind.baseline.year}, inside the period ${period.startYear}–${period.endYear}. A baseline describes the state before the period starts (preferably ${period.baselineYear}).`,
        },
      );
    }
  }
  if (isBlank(ind.unit)) {
    ctx.sink.add(
      'indicator/missing-unit',
      `${indicatorPath(node.id, ind.id)}/unit`,
      {
        node: node.id,
        indicator: ind.id,
      },
      {
        id: `Indikator ${label(ind)} belum memiliki satuan. Isi satuannya (mis. %, km, unit, dokumen, indeks).`,
        en: `Indicator ${label(ind)} has no unit. Enter its unit (e.g. %, km, unit, document, index).`,
      },
    );
  }
  if (
    ind.responsibleUnit !== undefined &&
    ctx.index.plan.format === 'selaras.renstra' &&
    !ctx.index.units.has(ind.responsibleUnit)
  ) {
    ctx.sink.add(
      'organisation/unknown-unit',
      `${indicatorPath(node.id, ind.id)}/responsibleUnit`,
      {
        node: node.id,
        indicator: ind.id,
      },
      {
        id: `Unit penanggung jawab "${ind.responsibleUnit}" pada indikator ${label(ind)} tidak ada dalam daftar unit perangkat daerah.`,
        en: `Responsible unit "${ind.responsibleUnit}" of indicator ${label(ind)} is not among the agency's units.`,
      },
    );
  }
};

/** A node that inherits its parent's indicator (direct cascading) must name one of its ancestors' indicators. */
const checkInherits = (ctx: ValidationContext, node: PerformanceNode) => {
  if (node.inherits === undefined) return;
  const entry = ctx.index.indicators.get(node.inherits);
  const ancestors = getAncestors(ctx.index, node);
  if (entry && ancestors.some((a) => a.id === entry.node.id)) return;
  const d = describeNode(ctx, node);
  ctx.sink.add(
    'indicator/unknown-inherited',
    `${nodePath(node.id)}/inherits`,
    { node: node.id },
    {
      id: `${d.id} mewarisi indikator "${node.inherits}", yang bukan indikator simpul di atasnya. Pilih indikator induk yang diturunkan langsung, atau hapus "inherits".`,
      en: `${d.en} inherits indicator "${node.inherits}", which is not an indicator of a node above it. Choose the parent indicator it cascades directly, or remove "inherits".`,
    },
  );
};

const checkNodeHasIndicators = (
  ctx: ValidationContext,
  node: PerformanceNode,
  role: LevelRole | undefined,
  count: number,
) => {
  if (count > 0 || role === undefined) return;
  const d = describeNode(ctx, node);
  if (GOAL_ROLES.has(role)) {
    ctx.sink.add(
      'indicator/missing',
      nodePath(node.id),
      { node: node.id },
      {
        id: `${d.id} belum memiliki indikator. Setiap tujuan dan sasaran perlu minimal satu indikator dengan satuan, baseline dan target tahunan.`,
        en: `${d.en} has no indicator. Every tujuan and sasaran needs at least one indicator with a unit, a baseline and yearly targets.`,
      },
    );
  } else if (BUDGETED_ROLES.has(role) && node.inherits === undefined) {
    ctx.sink.add(
      'indicator/missing-cascade',
      nodePath(node.id),
      { node: node.id },
      {
        id: `${d.id} belum memiliki indikator kinerja, sehingga rantai cascading terputus. Tambahkan indikator, atau tandai cascading langsung dengan "inherits".`,
        en: `${d.en} has no performance indicator, so the cascade is broken. Add one, or mark direct cascading with "inherits".`,
      },
    );
  }
};

const checkOwner = (ctx: ValidationContext, node: PerformanceNode) => {
  const unit = node.owner?.unit;
  if (unit === undefined || ctx.index.plan.format !== 'selaras.renstra' || ctx.index.units.has(unit)) return;
  const d = describeNode(ctx, node);
  const known = [...ctx.index.units.keys()].slice(0, 12).join(', ');
  ctx.sink.add(
    'organisation/unknown-unit',
    `${nodePath(node.id)}/owner/unit`,
    { node: node.id },
    {
      id: `${d.id}: unit pemilik "${unit}" tidak ada dalam daftar unit perangkat daerah (${known}).`,
      en: `${d.en}: owner unit "${unit}" is not among the agency's units (${known}).`,
    },
  );
};

/**
 * Indicator rules over the whole plan: duplicate ids and an empty tree. `checkNodeIndicators`
 * checks presence, targets by year and shape, baselines and their age (`data/stale-baseline`),
 * units, cumulative targets that fall and unknown units, node by node.
 */
export const checkIndicators = (ctx: ValidationContext): void => {
  for (const dup of ctx.index.duplicateIndicators) {
    ctx.sink.add(
      'indicator/duplicate-id',
      indicatorPath(dup.node.id, dup.indicator.id),
      { node: dup.node.id, indicator: dup.indicator.id },
      {
        id: `Id indikator "${dup.indicator.id}" dipakai lebih dari sekali dalam rencana. Beri id yang unik.`,
        en: `Indicator id "${dup.indicator.id}" is used more than once in the plan. Give it a unique id.`,
      },
    );
  }
  if (ctx.index.nodes.size === 0) {
    ctx.sink.add(
      'plan/empty-tree',
      'nodes',
      {},
      {
        id: 'Rencana belum memiliki pohon kinerja: belum ada tujuan, sasaran, program atau kegiatan. Tambahkan minimal satu tujuan dengan sasaran dan indikatornya.',
        en: 'The plan has no performance tree yet: no tujuan, sasaran, programme or kegiatan. Add at least one tujuan with its sasaran and indicators.',
      },
    );
  }
};

/**
 * Per node: indicators on tujuan and sasaran (and along the cascade), the inherited indicator,
 * the owner unit, and each indicator's targets, cumulative targets, baseline and unit. The
 * node's indicators are rows `from` to `to` of `ctx.index.indicatorRows`.
 */
export const checkNodeIndicators = (ctx: ValidationContext, pos: number, from: number, to: number): void => {
  const node = ctx.index.all[pos] as PerformanceNode;
  checkNodeHasIndicators(ctx, node, ctx.index.roleAt[pos], to - from);
  checkInherits(ctx, node);
  checkOwner(ctx, node);
  const rows = ctx.index.indicatorRows.indicators;
  for (let row = from; row < to; row++) {
    const ind = rows[row] as Indicator;
    checkTargets(ctx, node, ind);
    checkCumulative(ctx, node, ind);
    checkBaselineAndUnit(ctx, node, ind);
  }
};
