import { formatNumber } from '../../format/number.ts';
import { compileFormula, findReferenceCycles } from '../../formula/index.ts';
import { getPeriodYears } from '../../period.ts';
import type { CompositeIndex } from '../../schema/composite.schema.ts';
import type { Indicator } from '../../schema/indicator.schema.ts';
import type { PerformanceNode } from '../../schema/node.schema.ts';
import { selectCompositeVersion } from '../../scoring/composite.ts';
import type { ValidationContext } from '../context.ts';
import { indicatorPath } from '../sink.ts';

const checkVersions = (ctx: ValidationContext, c: CompositeIndex) => {
  const seenFrom = new Map<number, string>();
  for (const v of c.versions) {
    const path = `composites/${c.id}/versions/${v.version}`;
    const other = seenFrom.get(v.effectiveFrom);
    if (other !== undefined) {
      ctx.sink.add(
        'composite/version-order',
        path,
        { composite: c.id },
        {
          id: `Indeks ${c.name}: versi ${v.version} dan ${other} sama-sama berlaku sejak ${v.effectiveFrom}. Setiap versi perlu tahun mulai berlaku yang berbeda.`,
          en: `Index ${c.name}: versions ${v.version} and ${other} both take effect in ${v.effectiveFrom}. Each version needs its own start year.`,
        },
      );
    }
    seenFrom.set(v.effectiveFrom, v.version);
    const total = v.components.reduce((s, x) => s + x.weight, 0);
    if (Math.abs(total - 1) > ctx.settings.weightTolerance) {
      ctx.sink.add(
        'composite/weights-not-one',
        `${path}/components`,
        { composite: c.id },
        {
          id: `Indeks ${c.name} versi ${v.version}: jumlah bobot komponen ${formatNumber(total, 'id', { maxDecimals: 4 })}, seharusnya 1. Sesuaikan bobotnya.`,
          en: `Index ${c.name} version ${v.version}: component weights add up to ${formatNumber(total, 'en', { maxDecimals: 4 })}, not 1. Adjust the weights.`,
        },
      );
    }
    for (const comp of v.components) {
      if (ctx.index.indicators.has(comp.indicator)) continue;
      ctx.sink.add(
        'composite/unknown-component',
        `${path}/components/${comp.indicator}`,
        { composite: c.id },
        {
          id: `Indeks ${c.name} versi ${v.version}: komponen "${comp.indicator}" bukan indikator dalam rencana ini. Rujuk id indikator yang ada.`,
          en: `Index ${c.name} version ${v.version}: component "${comp.indicator}" is not an indicator of this plan. Refer to an existing indicator id.`,
        },
      );
    }
  }
  const uncovered = getPeriodYears(ctx.index.plan.period).filter((y) => !selectCompositeVersion(c, y));
  if (uncovered.length > 0) {
    ctx.sink.add(
      'composite/no-version',
      `composites/${c.id}/versions`,
      { composite: c.id },
      {
        id: `Indeks ${c.name} tidak memiliki definisi yang berlaku untuk tahun ${uncovered.join(', ')}. Tambahkan versi yang berlaku sejak ${uncovered[0]}.`,
        en: `Index ${c.name} has no definition in force for ${uncovered.join(', ')}. Add a version in force from ${uncovered[0]}.`,
      },
    );
  }
};

/**
 * Composite and formula rules: weights add up to 1, components and referenced indices exist,
 * versions cover the period, formulas parse and refer to known indicators, and no formula or
 * composite depends on itself.
 */
export const checkCompositesAndFormulas = (ctx: ValidationContext): void => {
  const composites = new Map(ctx.index.plan.composites.map((c) => [c.id as string, c]));
  for (const c of composites.values()) checkVersions(ctx, c);
  const deps = new Map<string, string[]>();
  const where = new Map<string, { node: string; indicator: string }>();
  const rows = ctx.index.indicatorRows;
  for (const row of rows.firstRows) {
    const ind = rows.indicators[row] as Indicator;
    if (ind.composite === undefined && ind.formula === undefined) continue;
    const node = rows.nodes[row] as PerformanceNode;
    const path = indicatorPath(node.id, ind.id);
    const target = { node: node.id, indicator: ind.id };
    where.set(ind.id, target);
    const edges: string[] = [];
    if (ind.composite !== undefined) {
      const c = composites.get(ind.composite);
      if (!c) {
        ctx.sink.add('composite/unknown-index', `${path}/composite`, target, {
          id: `Indikator "${ind.name}" [${ind.id}] dihitung dari indeks "${ind.composite}", yang tidak didefinisikan dalam rencana ini.`,
          en: `Indicator "${ind.name}" [${ind.id}] is computed by index "${ind.composite}", which this plan does not define.`,
        });
      } else for (const v of c.versions) for (const comp of v.components) edges.push(comp.indicator);
    }
    if (ind.formula !== undefined) {
      const compiled = compileFormula(ind.formula);
      if (!compiled.ok) {
        ctx.sink.add('formula/parse', `${path}/formula`, target, {
          id: `Rumus indikator "${ind.name}" [${ind.id}] tidak dapat dibaca: ${compiled.error.message.id}.`,
          en: `The formula of indicator "${ind.name}" [${ind.id}] cannot be read: ${compiled.error.message.en}.`,
        });
      } else {
        for (const ref of compiled.value.refs) {
          edges.push(ref);
          if (ctx.index.indicators.has(ref as never)) continue;
          ctx.sink.add('formula/unknown-reference', `${path}/formula`, target, {
            id: `Rumus indikator "${ind.name}" [${ind.id}] merujuk "${ref}", yang bukan id indikator dalam rencana ini.`,
            en: `The formula of indicator "${ind.name}" [${ind.id}] refers to "${ref}", which is not an indicator id of this plan.`,
          });
        }
      }
    }
    deps.set(ind.id, edges);
  }
  for (const cycle of findReferenceCycles(deps)) {
    const first = cycle[0] as string;
    const chain = [...cycle, first].join(' → ');
    ctx.sink.add(
      'formula/cycle',
      `${indicatorPath(where.get(first)?.node ?? '', first)}/${ctx.index.indicators.get(first as never)?.indicator.formula === undefined ? 'composite' : 'formula'}`,
      where.get(first) ?? {},
      {
        id: `Rumus/indeks saling bergantung melingkar: ${chain}. Putus salah satu rujukan.`,
        en: `Formulas or indices depend on each other in a cycle: ${chain}. Break one of the references.`,
      },
    );
  }
};
