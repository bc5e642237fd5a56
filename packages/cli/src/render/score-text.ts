import {
  formatNumber,
  type IndicatorScore,
  type Lang,
  type Plan,
  type PlanScore,
  renderComposite,
  renderExplanation,
  type TargetValue,
} from '@selaras/core';
import type { LoadedPlan } from '../load-plans.ts';
import { t } from '../messages.ts';
import { type Colors, table } from './text.ts';

export interface ScoreRenderOptions {
  readonly lang: Lang;
  readonly explain: boolean;
  readonly all: boolean;
  readonly columns: number;
}

const num = (x: number | undefined, lang: Lang) =>
  x === undefined ? '–' : formatNumber(x, lang, { maxDecimals: 2 });
const target = (v: TargetValue | undefined, lang: Lang) =>
  v === undefined ? '–' : typeof v === 'number' ? num(v, lang) : `${num(v.min, lang)}–${num(v.max, lang)}`;
const pct = (x: number | undefined, lang: Lang) =>
  x === undefined ? '–' : `${formatNumber(x, lang, { decimals: 2 })}%`;

const indicatorRow = (s: IndicatorScore, o: ScoreRenderOptions): string[] => {
  const unit = s.indicator.unit ? ` (${s.indicator.unit})` : '';
  const source = s.realisation.source === 'formula' || s.realisation.source === 'composite' ? `* ` : '';
  return [
    `${s.indicator.name}${unit} [${s.indicator.id}]`,
    target(s.target, o.lang),
    `${source}${num(s.realisation.value, o.lang)}`,
    pct(s.capaian, o.lang),
    s.predicate?.label[o.lang] ?? '–',
  ];
};

const renderIndicators = (score: PlanScore, o: ScoreRenderOptions, c: Colors): string[] => {
  const shown = o.all ? score.indicators : score.indicators.filter((s) => s.realisation.value !== undefined);
  const hidden = score.indicators.length - shown.length;
  const headers = [
    t('indicator', o.lang),
    t('target', o.lang),
    t('realisation', o.lang),
    t('capaian', o.lang),
    t('predicate', o.lang),
  ];
  const align = ['left', 'right', 'right', 'right', 'left'] as const;
  const lines = table(
    headers,
    shown.map((s) => indicatorRow(s, o)),
    o.columns,
    align,
  );
  const out: string[] = lines.slice(0, 2);
  shown.forEach((s, i) => {
    out.push(lines[i + 2] ?? '');
    if (!o.explain) return;
    for (const line of renderExplanation(s.realisation.explanation, o.lang, 3)) out.push(c.dim(line));
    for (const line of renderExplanation(s.explanation, o.lang, 3)) out.push(c.dim(line));
    if (s.toDate) out.push(c.dim(`      ${toDateLine(s, o.lang)}`));
  });
  if (shown.some((s) => s.realisation.source === 'formula' || s.realisation.source === 'composite')) {
    out.push(c.dim(`  * ${t('computed', o.lang)}`));
  }
  if (hidden > 0) out.push(c.dim(`  (${hidden} ${t('notMeasured', o.lang)}; ${t('useAll', o.lang)})`));
  return out;
};

const toDateLine = (s: IndicatorScore, lang: Lang): string => {
  const t = s.toDate;
  const body = `${num(t?.realisation, lang)} / ${num(t?.target, lang)} → ${pct(t?.capaian, lang)}`;
  return lang === 'id'
    ? `kumulatif s.d. ${s.year}: realisasi / target = ${body}`
    : `cumulative to ${s.year}: actual / target = ${body}`;
};

const SHOWN_ROLES = new Set(['tujuan', 'sasaran', 'program']);

const renderTree = (plan: Plan, score: PlanScore, o: ScoreRenderOptions): string[] => {
  const roles = new Map(plan.levels.map((l) => [l.key, l]));
  const rows: string[][] = [];
  for (const n of score.nodes.values()) {
    const level = roles.get(n.node.level);
    if (!o.all && !SHOWN_ROLES.has(level?.role ?? 'other')) continue;
    rows.push([
      `${level?.label[o.lang] ?? n.node.level} ${n.node.id}: ${n.node.statement}`,
      pct(n.own, o.lang),
      pct(n.value, o.lang),
      n.predicate?.label[o.lang] ?? '–',
    ]);
  }
  if (rows.length === 0) return [];
  const headers = [
    o.lang === 'id' ? 'Simpul' : 'Node',
    o.lang === 'id' ? 'Indikator sendiri' : 'Own indicators',
    o.lang === 'id' ? 'Roll-up' : 'Roll-up',
    t('predicate', o.lang),
  ];
  return ['', t('tree', o.lang), ...table(headers, rows, o.columns, ['left', 'right', 'right', 'left'])];
};

const renderUnits = (score: PlanScore, o: ScoreRenderOptions): string[] => {
  const rows = score.units
    .filter((u) => u.value !== undefined || o.all)
    .map((u) => [u.name, pct(u.value, o.lang), u.predicate?.label[o.lang] ?? '–']);
  if (rows.length === 0) return [];
  return [
    '',
    t('units', o.lang),
    ...table(['Unit', t('capaian', o.lang), t('predicate', o.lang)], rows, o.columns, [
      'left',
      'right',
      'left',
    ]),
  ];
};

/** Renders the scores of one plan for a year as text. */
export const renderScore = (
  loaded: LoadedPlan,
  score: PlanScore,
  o: ScoreRenderOptions,
  c: Colors,
): string => {
  const out = [
    '',
    c.bold(`Selaras · ${t('scoreTitle', o.lang)} ${score.year} · ${loaded.plan.title}`),
    c.dim(`  ${loaded.file}`),
  ];
  if (score.composites.length > 0) {
    out.push('', t('composites', o.lang));
    for (const r of score.composites) {
      const lines = renderComposite(r, o.lang);
      out.push(`  ${c.bold(lines[0] ?? '')}`);
      if (o.explain) for (const l of lines.slice(1)) out.push(`  ${l}`);
    }
  }
  out.push(
    '',
    ...renderIndicators(score, o, c),
    ...renderTree(loaded.plan, score, o),
    ...renderUnits(score, o),
  );
  const overall = score.overall;
  out.push(
    '',
    `${t('overall', o.lang)}: ${c.bold(pct(overall.value, o.lang))}${overall.predicate ? ` (${overall.predicate.label[o.lang]})` : ''}`,
  );
  if (o.explain) for (const l of renderExplanation(overall.explanation, o.lang, 1)) out.push(c.dim(l));
  return `${out.join('\n')}\n`;
};
