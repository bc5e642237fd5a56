import { describe, expect, it } from 'vitest';
import { DEFAULT_PREDICATE_SCALE } from '../schema/settings.schema.ts';
import { computeCapaian } from './capaian.ts';
import { getPredicate } from './predicate.ts';

const bounds = { floor: 0 };

describe('computeCapaian', () => {
  it.each([
    ['positive, met exactly', 'positive', 80, 80, 100],
    ['positive, above', 'positive', 82, 82.21, 100.256],
    ['positive, below', 'positive', 7.6, 3.8, 50],
    ['positive, zero realisation', 'positive', 10, 0, 0],
    ['negative, below target is good', 'negative', 6.15, 5.71, 107.154],
    ['negative, above target is bad', 'negative', 6.15, 6.31, 97.398],
    ['negative, far above is floored at 0', 'negative', 5, 20, 0],
    ['negative, zero target met', 'negative', 0, 0, 100],
    ['negative, zero target missed', 'negative', 0, 2, 0],
    ['stable, equal', 'stable', 100, 100, 100],
    ['stable, 10% off', 'stable', 100, 90, 90],
    ['stable, 10% over', 'stable', 100, 110, 90],
    ['stable, zero target equal', 'stable', 0, 0, 100],
    ['stable, zero target off', 'stable', 0, 1, 0],
    ['range, inside', 'range', { min: 5, max: 7 }, 6, 100],
    ['range, on the lower bound', 'range', { min: 5, max: 7 }, 5, 100],
    ['range, below', 'range', { min: 5, max: 7 }, 4, 80],
    ['range, above', 'range', { min: 5, max: 7 }, 7.7, 90],
    ['positive, negative target, worse result', 'positive', -1, -2, 0],
    ['positive, negative target, better result', 'positive', -1, -0.5, 150],
    ['negative, negative target, lower is better', 'negative', -1, -2, 200],
    ['negative, negative target, higher is worse', 'negative', -1, -0.5, 50],
    ['range with negative bounds, below', 'range', { min: -2, max: 2 }, -3, 50],
    ['range with negative bounds, above', 'range', { min: -4, max: -2 }, -1, 50],
  ] as const)('%s', (_name, polarity, target, realisation, expected) => {
    expect(computeCapaian(polarity, target, realisation, bounds).value).toBeCloseTo(expected, 3);
  });

  it.each([
    ['no target', 'positive', undefined, 5, 'capaian.no-target'],
    ['no realisation', 'positive', 5, undefined, 'capaian.no-realisation'],
    ['zero target, positive', 'positive', 0, 5, 'capaian.zero-target'],
    ['range with a single number', 'range', 5, 5, 'capaian.target-shape'],
    ['number polarity with a range', 'positive', { min: 1, max: 2 }, 5, 'capaian.target-shape'],
    ['range below a zero lower bound', 'range', { min: 0, max: 2 }, -1, 'capaian.zero-target'],
    ['range above a zero upper bound', 'range', { min: -2, max: 0 }, 1, 'capaian.zero-target'],
  ] as const)('%s cannot be scored and says why', (_name, polarity, target, realisation, rule) => {
    const r = computeCapaian(polarity, target, realisation, bounds);
    expect(r.value).toBeUndefined();
    expect(r.explanation.rule).toBe(rule);
  });

  it('applies a cap and records it', () => {
    const r = computeCapaian('positive', 50, 100, { floor: 0, cap: 120 });
    expect(r.value).toBe(120);
    expect(r.explanation.notes).toEqual([{ kind: 'capped', from: 200, to: 120 }]);
  });

  it('records the floor', () => {
    const r = computeCapaian('negative', 5, 20, bounds);
    expect(r.explanation.notes).toEqual([{ kind: 'floored', from: -200, to: 0 }]);
  });
});

describe('getPredicate (Permendagri 86/2017 bands)', () => {
  it.each([
    [120, 'sangat-tinggi'],
    [91, 'sangat-tinggi'],
    [90.99, 'tinggi'],
    [90.5, 'tinggi'],
    [76, 'tinggi'],
    [75.9, 'sedang'],
    [66, 'sedang'],
    [65, 'rendah'],
    [51, 'rendah'],
    [50.99, 'sangat-rendah'],
    [0, 'sangat-rendah'],
    [-5, 'sangat-rendah'],
  ])('%d → %s', (capaian, key) => {
    expect(getPredicate(capaian).key).toBe(key);
  });

  it('uses a configured scale', () => {
    const lkjip = {
      id: 'kaltim-lkjip',
      bands: [
        { key: 'melampaui', min: 100.000001, label: { id: 'Melampaui target', en: 'Above target' } },
        { key: 'sesuai', min: 100, label: { id: 'Sesuai target', en: 'On target' } },
        { key: 'tidak', min: 0, label: { id: 'Tidak mencapai target', en: 'Below target' } },
      ],
    };
    expect([101, 100, 99].map((x) => getPredicate(x, lkjip).key)).toEqual(['melampaui', 'sesuai', 'tidak']);
    expect(getPredicate(95, DEFAULT_PREDICATE_SCALE).label.id).toBe('Sangat Tinggi');
  });
});
