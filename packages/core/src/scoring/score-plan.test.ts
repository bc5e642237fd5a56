import { describe, expect, it } from 'vitest';
import { ind, node, renstra } from '../../test/builders.ts';
import { YearSeries } from '../schema/year-series.ts';
import { indexPlan } from '../tree/plan-index.ts';
import { Combiner } from './combiner.ts';
import { getEndOfPeriodTarget, getToDateTotal } from './indicator-values.ts';
import { renderExplanation } from './render-explanation.ts';
import { rollup } from './rollup.ts';
import { scorePlan } from './score-plan.ts';
import { createValueResolver } from './value-resolver.ts';

const plan = renstra({
  composites: [
    {
      id: 'ikli',
      name: 'IKLI',
      versions: [
        {
          version: '1',
          effectiveFrom: 2024,
          scale: { min: 0, max: 10 },
          components: [
            { indicator: 'kemantapan', weight: 1, normalisation: { kind: 'min-max', min: 0, max: 100 } },
          ],
        },
      ],
    },
  ],
  nodes: [
    node('T', 'tujuan', null, {
      alignsTo: ['T1.S1'],
      indicators: [
        ind('ikli', { unit: 'indeks', composite: 'ikli', targets: { '2024': 8, '2025': 8.5, '2026': 9 } }),
      ],
    }),
    node('S', 'sasaran', 'T', {
      indicators: [
        ind('kemantapan', {
          formula: 'round(100 * mantap / total, 2)',
          targets: { '2024': 82, '2025': 85, '2026': 88 },
        }),
      ],
    }),
    node('P', 'program', 'S', {
      owner: { unit: 'pr' },
      indicators: [
        ind('mantap', { unit: 'km', targets: {}, realisations: { '2024': 771.84 } }),
        ind('total', { unit: 'km', targets: {}, realisations: { '2024': 938.85 } }),
      ],
    }),
    node('K', 'kegiatan', 'P', {
      owner: { unit: 'pr_seksi' },
      indicators: [
        ind('rtlh', {
          unit: 'unit',
          cumulative: true,
          targets: { '2024': 300, '2025': 350, '2026': 350 },
          realisations: { '2024': 320, '2025': 300 },
        }),
        ind('kumuh', {
          polarity: 'negative',
          targets: { '2024': 25, '2025': 22, '2026': 20 },
          realisations: { '2024': 20.33 },
        }),
      ],
    }),
  ],
});

describe('scorePlan', () => {
  const score = scorePlan(plan, { year: 2024 });
  const byId = new Map<string, (typeof score.indicators)[number]>(
    score.indicators.map((s) => [s.indicator.id, s]),
  );

  it('computes a realisation by formula and explains its inputs', () => {
    const s = byId.get('kemantapan');
    expect(s?.realisation.source).toBe('formula');
    expect(s?.realisation.value).toBe(82.21);
    expect(s?.capaian).toBeCloseTo(100.256, 3);
    expect(s?.predicate?.key).toBe('sangat-tinggi');
    expect(renderExplanation(s?.realisation.explanation as never, 'id').join('\n')).toContain(
      'mantap: 771,84',
    );
  });

  it('computes a realisation from a composite index that itself reads a formula', () => {
    const s = byId.get('ikli');
    expect(s?.realisation.source).toBe('composite');
    expect(s?.realisation.value).toBe(8.22);
    expect(s?.capaian).toBeCloseTo(102.75, 2);
    expect(score.composites[0]?.value).toBe(8.22);
    expect(renderExplanation(s?.realisation.explanation as never, 'en').join('\n')).toContain(
      'computed from composite index ikli = 8.22',
    );
  });

  it('scores negative polarity and cumulative indicators, with totals to date', () => {
    expect(byId.get('kumuh')?.capaian).toBeCloseTo(118.68, 2);
    expect(byId.get('rtlh')?.capaian).toBeCloseTo(106.667, 3);
    const y2025 = scorePlan(plan, { year: 2025 }).indicators.find((s) => s.indicator.id === 'rtlh');
    expect(y2025?.toDate).toEqual({ target: 650, realisation: 620, capaian: expect.closeTo(95.385, 3) });
  });

  it('rolls up nodes, units and the plan, skipping what is missing', () => {
    const k = score.nodes.get('K' as never);
    expect(k?.value).toBeCloseTo((106.667 + 118.68) / 2, 2);
    const p = score.nodes.get('P' as never);
    expect(p?.explanation.notes).toContainEqual({ kind: 'missing-policy', policy: 'skip', count: 2 });
    expect(score.units.map((u) => u.unit).sort()).toEqual(['pr', 'pr_seksi']);
    expect(score.units.find((u) => u.unit === 'pr')?.explanation.inputs).toHaveLength(4);
    expect(score.overall.value).toBe(score.nodes.get('T' as never)?.value);
    expect(renderExplanation(score.overall.explanation, 'id')[0]).toContain(
      'rata-rata tertimbang 1 simpul teratas',
    );
  });

  it('applies the rule and missing-data policy from the settings', () => {
    const strict = scorePlan(plan, {
      year: 2024,
      settings: { rollup: 'minimum', missing: 'fail', capaianFloor: 0 },
    });
    expect(strict.nodes.get('P' as never)?.value).toBeUndefined();
    expect(strict.nodes.get('K' as never)?.value).toBeCloseTo(106.667, 3);
    const zero = scorePlan(plan, {
      year: 2024,
      settings: { rollup: 'own-first', missing: 'zero', capaianFloor: 0, capaianCap: 105 },
    });
    expect(zero.indicators.find((s) => s.indicator.id === 'kumuh')?.capaian).toBe(105);
  });
});

describe('explanations agree with values', () => {
  it.each([
    ['weighted-mean', 'skip'],
    ['weighted-mean', 'fail'],
    ['minimum', 'zero'],
    ['own-first', 'fail'],
    ['own-first', 'skip'],
  ] as const)('%s with %s', (rollupRule, missing) => {
    const plan = renstra({
      nodes: [
        node('T', 'tujuan', null, {
          alignsTo: ['T1.S1'],
          indicators: [ind('a', { realisations: { '2024': 60 } }), ind('b')],
        }),
        node('S', 'sasaran', 'T', { indicators: [ind('c', { realisations: { '2024': 30 } })] }),
      ],
    });
    const score = scorePlan(plan, { year: 2024, settings: { rollup: rollupRule, missing, capaianFloor: 0 } });
    for (const n of score.nodes.values()) expect(n.explanation.result, n.node.id).toBe(n.value);
  });
});

describe('value resolver', () => {
  it('turns a formula cycle into an error value instead of overflowing', () => {
    const cyc = renstra({
      nodes: [
        node('T', 'tujuan', null, {
          alignsTo: ['T1.S1'],
          indicators: [ind('a', { formula: 'b + 1' }), ind('b', { formula: 'a + 1' })],
        }),
      ],
    });
    const r = createValueResolver(indexPlan(cyc), 2024).realisation('a' as never);
    expect(r.value).toBeUndefined();
    expect(r.explanation.rule).toBe('realisation.error');
    expect(renderExplanation(r.explanation, 'en').join(' ')).toContain('could not be computed');
  });

  it('reports formulas that do not parse and unknown indicators', () => {
    const bad = renstra({
      nodes: [node('T', 'tujuan', null, { indicators: [ind('a', { formula: '1 +' })] })],
    });
    const resolver = createValueResolver(indexPlan(bad), 2024);
    expect(resolver.realisation('a' as never).explanation.rule).toBe('realisation.error');
    expect(resolver.realisation('zzz' as never).source).toBe('none');
    expect(resolver.composite('none' as never)).toBeUndefined();
  });
});

describe('end of period and totals', () => {
  const period = { startYear: 2024, endYear: 2026 };
  it.each([
    ['non-cumulative ends at the last target', { cumulative: false }, 80],
    ['cumulative increments add up', { cumulative: true }, 210],
    ['cumulative running totals end at the last', { cumulative: true, targetsAre: 'running-totals' }, 80],
  ] as const)('%s', (_name, patch, expected) => {
    const i = renstra({ nodes: [node('T', 'tujuan', null, { indicators: [ind('x', patch)] })] }).nodes[0]
      ?.indicators[0];
    expect(getEndOfPeriodTarget(i as never, period)).toBe(expected);
  });

  it('has no total when a year is missing', () => {
    expect(getToDateTotal(YearSeries.fromRecord({ '2024': 1 }), period, 2025)).toBeUndefined();
  });
});

describe('rollup', () => {
  const inputs = [
    { ref: 'a', value: 100, weight: 1, own: true },
    { ref: 'b', value: 50, weight: 3, own: false },
    { ref: 'c', weight: 1, own: false },
  ];
  it.each([
    ['weighted-mean', 'skip', 62.5],
    ['weighted-mean', 'zero', 50],
    ['weighted-mean', 'fail', undefined],
    ['minimum', 'skip', 50],
    ['minimum', 'zero', 0],
    ['own-first', 'skip', 100],
  ] as const)('%s with %s', (rule, policy, expected) => {
    expect(rollup(inputs, rule, policy).value).toBe(expected);
  });

  it('own-first falls back to children', () => {
    expect(
      rollup(
        [
          { ref: 'a', weight: 1, own: true },
          { ref: 'b', value: 40, weight: 1, own: false },
        ],
        'own-first',
        'skip',
      ).value,
    ).toBe(40);
  });
});

describe('Combiner', () => {
  const inputs = [
    { ref: 'a', value: 100, weight: 1, own: true },
    { ref: 'b', value: 50, weight: 3, own: false },
    { ref: 'c', weight: 1, own: false },
  ];
  it.each([
    ['weighted-mean', 'skip'],
    ['weighted-mean', 'zero'],
    ['weighted-mean', 'fail'],
    ['minimum', 'skip'],
    ['minimum', 'zero'],
    ['minimum', 'fail'],
  ] as const)('gives the numbers of rollup: %s with %s', (rule, policy) => {
    const c = new Combiner(policy);
    for (const i of inputs) c.add(i.value, i.weight);
    expect(c.result(rule)).toBe(rollup(inputs, rule, policy).value);
    expect(c.reset().result(rule)).toBeUndefined();
  });

  it('adds indicator scores by their capaian and weight', () => {
    const score = scorePlan(plan, { year: 2024 });
    const c = new Combiner('skip');
    c.addScores(score.indicators, 0, score.indicators.length);
    const own = score.indicators.filter((s) => s.capaian !== undefined);
    const expected = own.reduce((t, s) => t + (s.capaian as number) * s.indicator.weight, 0) / own.length;
    expect(c.result('weighted-mean')).toBeCloseTo(expected, 9);
  });
});

describe('the node scores', () => {
  const score = scorePlan(plan, { year: 2024 });

  it('read like a map by node id, parents before children', () => {
    const ids = ['T', 'S', 'P', 'K'];
    expect(score.nodes.size).toBe(4);
    expect([...score.nodes.keys()]).toEqual(ids);
    expect([...score.nodes.values()].map((n) => n.node.id)).toEqual(ids);
    expect([...score.nodes].map(([id, n]) => id === n.node.id)).toEqual([true, true, true, true]);
    const seen: string[] = [];
    score.nodes.forEach((n, id) => {
      seen.push(`${id}:${n.predicate?.key ?? '-'}`);
    });
    expect(seen).toHaveLength(4);
    expect(score.nodes.has('K' as never)).toBe(true);
    expect(score.nodes.get('nope' as never)).toBeUndefined();
    expect(score.nodes.get('K' as never)).toBe(score.nodes.get('K' as never));
    expect(score.nodes.get('K' as never)?.own).toBeCloseTo((106.667 + 118.68) / 2, 2);
  });
});
