import { describe, expect, it } from 'vitest';
import type { IndicatorId } from '../schema/common.schema.ts';
import { CompositeIndexSchema } from '../schema/composite.schema.ts';
import { evaluateComposite, normaliseComponent, selectCompositeVersion } from './composite.ts';
import { renderComposite } from './render-explanation.ts';

type Input = Parameters<typeof CompositeIndexSchema.parse>[0];
const composite = (versions: unknown[]) =>
  CompositeIndexSchema.parse({ id: 'ikli', name: 'IKLI', versions } as Input);
const mm = { kind: 'min-max', min: 0, max: 100 };

const values: Record<string, number | undefined> = {
  jalan: 82.21,
  banjir: 62.02,
  pr: 78,
  kumuh: 20.33,
  none: undefined,
};
const targets: Record<string, number> = { jalan: 82, banjir: 60, pr: 80, kumuh: 25 };
const inputs = {
  valueOf: (i: IndicatorId) => values[i],
  targetOf: (i: IndicatorId) => targets[i],
  polarityOf: (i: IndicatorId) => (i === 'kumuh' ? ('negative' as const) : ('positive' as const)),
  labelOf: (i: IndicatorId) => `label ${i}`,
};

const v2024 = {
  version: '2024.1',
  effectiveFrom: 2024,
  scale: { min: 0, max: 10 },
  components: [
    { indicator: 'jalan', weight: 0.5, normalisation: mm },
    { indicator: 'banjir', weight: 0.3, normalisation: { kind: 'target-ratio' } },
    {
      indicator: 'pr',
      weight: 0.2,
      normalisation: {
        kind: 'score-table',
        bands: [
          { from: 0, score: 1 },
          { from: 60, score: 3 },
          { from: 80, score: 4 },
        ],
      },
    },
  ],
};
const v2025 = {
  ...v2024,
  version: '2025.1',
  effectiveFrom: 2025,
  components: [{ indicator: 'jalan', weight: 1, normalisation: mm }],
};

describe('composite versions', () => {
  const c = composite([v2025, v2024]);
  it.each([
    [2023, undefined],
    [2024, '2024.1'],
    [2025, '2025.1'],
    [2030, '2025.1'],
  ])('%d uses %s', (year, version) => {
    expect(selectCompositeVersion(c, year)?.version).toBe(version);
  });

  it('reproduces a historic value under the version in force at the time', () => {
    expect(evaluateComposite(c, 2024, inputs).value).toBe(8.61);
    expect(evaluateComposite(c, 2025, inputs).value).toBe(8.22);
    expect(evaluateComposite(c, 2023, inputs).explanation.rule).toBe('composite.no-version');
  });
});

describe('evaluateComposite', () => {
  it('sums weighted normalised components and explains each contribution', () => {
    const r = evaluateComposite(composite([v2024]), 2024, inputs);
    // 10 × (0.5 × 0.8221 + 0.3 × 1 (62.02/60 capped at 1) + 0.2 × 3/4)
    expect(r.exact).toBeCloseTo(10 * (0.5 * 0.8221 + 0.3 + 0.2 * 0.75), 10);
    expect(r.components.map((p) => p.contribution)).toEqual([
      expect.closeTo(4.1105, 6),
      expect.closeTo(3, 6),
      expect.closeTo(1.5, 6),
    ]);
    const text = renderComposite(r, 'id').join('\n');
    expect(text).toContain('IKLI 2024 = 8,61');
    expect(text).toContain('versi 2024.1');
    expect(text).toContain('label jalan [jalan]: nilai 82,21');
    expect(renderComposite(r, 'en').join('\n')).toContain('contribution 4.111');
  });

  it.each([
    ['renormalise', (10 * (0.5 * 0.8221 + 0.3)) / 0.8],
    ['zero', 10 * (0.5 * 0.8221 + 0.3)],
    ['fail', undefined],
  ] as const)('missing component policy %s', (missing, expected) => {
    const v = {
      ...v2024,
      missing,
      components: [...v2024.components.slice(0, 2), { indicator: 'none', weight: 0.2, normalisation: mm }],
    };
    const r = evaluateComposite(composite([v]), 2024, inputs);
    if (expected === undefined) expect(r.value).toBeUndefined();
    else expect(r.exact).toBeCloseTo(expected, 10);
    expect(r.components[2]?.missing).toBe(true);
    expect(r.explanation.notes).toContainEqual({ kind: 'missing-policy', policy: missing, count: 1 });
  });

  it('gives no value when every component is missing', () => {
    const v = { ...v2024, components: [{ indicator: 'none', weight: 1, normalisation: mm }] };
    expect(evaluateComposite(composite([v]), 2024, inputs).value).toBeUndefined();
  });
});

describe('normaliseComponent', () => {
  const comp = (normalisation: unknown, polarity?: 'negative') =>
    ({ indicator: 'x', weight: 1, normalisation, ...(polarity && { polarity }) }) as never;
  it.each([
    ['min-max inside', comp(mm), 25, 'positive', undefined, 0.25],
    ['min-max clamps above', comp(mm), 150, 'positive', undefined, 1],
    ['min-max clamps below', comp(mm), -5, 'positive', undefined, 0],
    ['min-max inverted for negative polarity', comp(mm), 20, 'negative', undefined, 0.8],
    ['min-max with component polarity override', comp(mm, 'negative'), 20, 'positive', undefined, 0.8],
    ['min-max degenerate', comp({ kind: 'min-max', min: 5, max: 5 }), 5, 'positive', undefined, undefined],
    ['target-ratio capped', comp({ kind: 'target-ratio', cap: 1 }), 120, 'positive', 100, 1],
    ['target-ratio with a higher cap', comp({ kind: 'target-ratio', cap: 1.2 }), 110, 'positive', 100, 1.1],
    ['target-ratio negative polarity', comp({ kind: 'target-ratio', cap: 1 }), 30, 'negative', 25, 0.8],
    [
      'target-ratio without target',
      comp({ kind: 'target-ratio', cap: 1 }),
      30,
      'positive',
      undefined,
      undefined,
    ],
    [
      'score-table below every band',
      comp({ kind: 'score-table', bands: [{ from: 10, score: 2 }] }),
      5,
      'positive',
      undefined,
      0,
    ],
    [
      'score-table with maxScore',
      comp({ kind: 'score-table', bands: [{ from: 0, score: 2 }], maxScore: 4 }),
      5,
      'positive',
      undefined,
      0.5,
    ],
    [
      'score-table with zero scores',
      comp({ kind: 'score-table', bands: [{ from: 0, score: 0 }] }),
      5,
      'positive',
      undefined,
      undefined,
    ],
  ] as const)('%s', (_name, c, raw, polarity, target, expected) => {
    const n = normaliseComponent(c, raw, polarity, target);
    if (expected === undefined) expect(n).toBeUndefined();
    else expect(n).toBeCloseTo(expected, 10);
  });
});
