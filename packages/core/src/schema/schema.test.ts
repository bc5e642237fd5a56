import { describe, expect, it } from 'vitest';
import { PeriodSchema, PlanFileSchema, PredicateScaleSchema, RichDocSchema } from './index.ts';

describe('schemas', () => {
  it.each([
    [{ kind: 'RPD', startYear: 2024, endYear: 2026, baselineYear: 2022 }, true],
    [{ kind: 'RPJMD', startYear: 2025, endYear: 2029, baselineYear: 2024 }, true],
    [{ kind: 'Renja', startYear: 2025, endYear: 2025, baselineYear: 2024 }, true],
    [{ kind: 'RPD', startYear: 2024, endYear: 2023, baselineYear: 2022 }, false],
    [{ kind: 'RPD', startYear: 2024, endYear: 2060, baselineYear: 2022 }, false],
    [{ kind: 'RPD', startYear: 2024, endYear: 2026, baselineYear: 2025 }, false],
    [{ kind: 'RPD', startYear: 2024.5, endYear: 2026, baselineYear: 2022 }, false],
  ])('period %j valid: %s', (period, ok) => {
    expect(PeriodSchema.safeParse(period).success).toBe(ok);
  });

  it('refuses year keys outside 1945–2200 (a "0001"–"9999" pair would allocate huge series)', () => {
    const base = {
      format: 'selaras.regional-plan',
      formatVersion: 1,
      id: 'rpd',
      title: 'RPD',
      region: { code: '64', name: 'Kaltim', kind: 'provinsi' },
      period: { kind: 'RPD', startYear: 2024, endYear: 2026, baselineYear: 2022 },
      nomenclatureVersion: 'sipd-2027',
    };
    const withTargets = (targets: Record<string, number>) => ({
      ...base,
      nodes: [{ id: 'T1', level: 'tujuan', statement: 's', indicators: [{ id: 'i', name: 'i', targets }] }],
    });
    expect(PlanFileSchema.safeParse(withTargets({ '0001': 1, '9999': 2 })).success).toBe(false);
    expect(PlanFileSchema.safeParse(withTargets({ '1945': 1, '2200': 2 })).success).toBe(true);
  });

  it('requires predicate bands from the highest to the lowest', () => {
    const band = (key: string, min: number) => ({ key, min, label: { id: key, en: key } });
    expect(PredicateScaleSchema.safeParse({ id: 's', bands: [band('a', 90), band('b', 50)] }).success).toBe(
      true,
    );
    expect(PredicateScaleSchema.safeParse({ id: 's', bands: [band('b', 50), band('a', 90)] }).success).toBe(
      false,
    );
  });

  it('accepts ProseMirror-style rich text and refuses unknown node types', () => {
    const doc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }] }],
    };
    expect(RichDocSchema.safeParse(doc).success).toBe(true);
    expect(
      RichDocSchema.safeParse({ type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] }).success,
    ).toBe(false);
  });

  it('refuses targets written as text and unknown fields', () => {
    const plan = {
      format: 'selaras.regional-plan',
      formatVersion: 1,
      id: 'rpd',
      title: 'RPD',
      region: { code: '64', name: 'Kaltim', kind: 'provinsi' },
      period: { kind: 'RPD', startYear: 2024, endYear: 2026, baselineYear: 2022 },
      nomenclatureVersion: 'sipd-2027',
      nodes: [
        {
          id: 'T1',
          level: 'tujuan',
          statement: 'x',
          indicators: [{ id: 'i', name: 'i', targets: { '2024': '82,5' } }],
        },
      ],
    };
    const r = PlanFileSchema.safeParse(plan);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['nodes', 0, 'indicators', 0, 'targets', '2024']);
    expect(PlanFileSchema.safeParse({ ...plan, nodes: [], colour: 'red' }).success).toBe(false);
    expect(PlanFileSchema.safeParse({ ...plan, nodes: [] }).success).toBe(true);
  });
});
