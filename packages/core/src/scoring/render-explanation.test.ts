import { describe, expect, it } from 'vitest';
import type { Explanation, ExplanationNote, ExplanationRule } from './explanation.ts';
import { renderExplanation } from './render-explanation.ts';

const RULES = [
  'capaian.positive',
  'capaian.negative',
  'capaian.negative-zero-target',
  'capaian.range',
  'capaian.stable',
  'capaian.no-target',
  'capaian.no-realisation',
  'capaian.zero-target',
  'capaian.target-shape',
  'realisation.entered',
  'realisation.formula',
  'realisation.composite',
  'realisation.missing',
  'realisation.error',
  'cumulative.sum',
  'cumulative.running-total',
  'rollup.weighted-mean',
  'rollup.minimum',
  'rollup.own-first',
  'rollup.unit',
  'rollup.plan',
  'composite.weighted-sum',
  'composite.no-version',
  'composite.failed',
  'norm.min-max',
  'norm.target-ratio',
  'norm.score-table',
] as const satisfies readonly ExplanationRule[];

const NOTES: ExplanationNote[] = [
  { kind: 'capped', from: 130, to: 120 },
  { kind: 'floored', from: -3, to: 0 },
  { kind: 'missing-policy', policy: 'skip', count: 2 },
  { kind: 'version', version: '2024.1', effectiveFrom: 2024 },
  { kind: 'error', message: { id: 'galat', en: 'failure' } },
  { kind: 'inverted' },
];

describe('renderExplanation', () => {
  it.each(RULES)('%s reads in both languages', (rule) => {
    const e: Explanation = {
      rule,
      inputs: [
        { ref: 'target', value: 82 },
        { ref: 'realisation', value: 82.21 },
        { ref: 'target.min', value: 1 },
        { ref: 'target.max', value: 2 },
        {
          ref: 'x',
          label: 'Indikator X',
          value: 50,
          weight: 0.5,
          contribution: 1.25,
          detail: { rule: 'realisation.entered', inputs: [], result: 50 },
        },
        { ref: 'y', missing: true, weight: 1 },
      ],
      result: 100.26,
      notes: NOTES,
    };
    const id = renderExplanation(e, 'id');
    const en = renderExplanation(e, 'en');
    expect(id[0]?.length).toBeGreaterThan(5);
    expect(en[0]).not.toBe(id[0]);
    expect(id.join('\n')).toContain('dibatasi dari 130 menjadi 120');
    expect(en.join('\n')).toContain('definition version 2024.1, in force from 2024');
  });

  it('lists weighted inputs of a roll-up with the missing ones', () => {
    const lines = renderExplanation(
      {
        rule: 'rollup.weighted-mean',
        inputs: [
          { ref: 'a', label: 'A', value: 90, weight: 2 },
          { ref: 'b', missing: true, weight: 1 },
        ],
        result: 90,
      },
      'id',
    );
    expect(lines).toEqual([
      'rata-rata tertimbang dari 2 masukan = 90',
      '  – A [a]: 90; bobot 2',
      '  – b: tidak ada nilai; bobot 1',
    ]);
  });

  it('shows the positive capaian formula with the numbers', () => {
    const lines = renderExplanation(
      {
        rule: 'capaian.positive',
        inputs: [
          { ref: 'target', value: 82 },
          { ref: 'realisation', value: 82.21 },
        ],
        result: 100.256,
      },
      'id',
    );
    expect(lines[0]).toBe('capaian = realisasi ÷ target × 100 = 82,21 ÷ 82 × 100 = 100,26%');
  });
});
