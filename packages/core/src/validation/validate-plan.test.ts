import { describe, expect, it } from 'vitest';
import { ind, node, regional, renstra, renstraInput } from '../../test/builders.ts';
import { TEST_REFERENCE } from '../../test/reference.ts';
import type { FindingCode, RenstraInput } from '../index.ts';
import { FINDING_CODES, PlanSettingsSchema } from '../schema/index.ts';
import { DEFAULT_SEVERITY } from './catalogue.ts';
import { validatePlan } from './validate-plan.ts';

const rpd = regional();
const codesOf = (
  overrides: Partial<RenstraInput>,
  opts: { regional?: boolean; nomenclature?: boolean } = {},
) =>
  validatePlan(renstra(overrides), {
    ...(opts.regional !== false && { regional: rpd }),
    ...(opts.nomenclature !== false && { nomenclature: TEST_REFERENCE }),
  }).map((f) => f.code);

const base = renstraInput();
const baseNodes = base.nodes ?? [];
const withNode = (id: string, patch: Record<string, unknown>) => ({
  nodes: baseNodes.map((n) => (n.id === id ? { ...n, ...patch } : n)),
});
const withIndicator = (nodeId: string, patch: Record<string, unknown>) => ({
  nodes: baseNodes.map((n) =>
    n.id === nodeId ? { ...n, indicators: (n.indicators ?? []).map((i) => ({ ...i, ...patch })) } : n,
  ),
});
const fullChapters = [1, 2, 3, 4, 5, 6, 7, 8].map((number) => ({ number, title: `BAB ${number}` }));

describe('a complete small plan', () => {
  it('has no findings except its empty chapters', () => {
    expect(new Set(codesOf({}))).toEqual(new Set(['chapter/missing']));
  });
});

describe('each rule fires on the mistake it names', () => {
  it.each<[string, Partial<RenstraInput>, FindingCode]>([
    ['unknown level', withNode('S', { level: 'misi' }), 'tree/unknown-level'],
    ['unknown parent', withNode('K', { parent: 'nope' }), 'tree/unknown-parent'],
    [
      'duplicate node id',
      { nodes: [...baseNodes, { ...baseNodes[4], indicators: [] }] as never },
      'tree/duplicate-node',
    ],
    ['child level not below parent', withNode('K', { parent: 'SK' }), 'tree/cycle'],
    [
      'sasaran under a program',
      { nodes: [...baseNodes, node('S2', 'sasaran', 'P', { alignsTo: ['T1.S1'] })] },
      'tree/level-order',
    ],
    ['cycle', { nodes: [...baseNodes, node('A', 'sasaran', 'B'), node('B', 'sasaran', 'A')] }, 'tree/cycle'],
    ['program reaching no sasaran', withNode('P', { parent: 'T' }), 'tree/orphan-node'],
    ['program at the root', withNode('P', { parent: null }), 'tree/orphan-node'],
    ['sasaran without indicator', withNode('S', { indicators: [] }), 'indicator/missing'],
    ['kegiatan without indicator', withNode('K', { indicators: [] }), 'indicator/missing-cascade'],
    ['duplicate indicator id', withIndicator('K', { id: 'i_P' }), 'indicator/duplicate-id'],
    ['missing target', withIndicator('S', { targets: { '2024': 1, '2025': 2 } }), 'indicator/missing-target'],
    [
      'target outside the period',
      withIndicator('S', { targets: { '2024': 1, '2025': 2, '2026': 3, '2027': 4 } }),
      'indicator/target-outside-period',
    ],
    [
      'range target on a positive indicator',
      withIndicator('S', { targets: { '2024': { min: 1, max: 2 }, '2025': 2, '2026': 3 } }),
      'indicator/target-shape',
    ],
    [
      'single target on a range indicator',
      withIndicator('S', { polarity: 'range' }),
      'indicator/target-shape',
    ],
    ['missing baseline', withIndicator('S', { baseline: undefined }), 'indicator/missing-baseline'],
    [
      'baseline inside the period',
      withIndicator('S', { baseline: { year: 2024, value: 3 } }),
      'indicator/baseline-in-period',
    ],
    [
      'inherits an unknown indicator',
      withNode('P', { cascading: 'direct', inherits: 'nope' }),
      'indicator/unknown-inherited',
    ],
    [
      'inherits an indicator of a non-ancestor',
      withNode('P', { cascading: 'direct', inherits: 'i_K' }),
      'indicator/unknown-inherited',
    ],
    ['no nodes at all', { nodes: [] }, 'plan/empty-tree'],
    ['stale baseline', withIndicator('S', { baseline: { year: 2021, value: 3 } }), 'data/stale-baseline'],
    ['missing unit', withIndicator('S', { unit: ' ' }), 'indicator/missing-unit'],
    [
      'cumulative running total falls',
      withIndicator('S', {
        cumulative: true,
        targetsAre: 'running-totals',
        targets: { '2024': 5, '2025': 4, '2026': 6 },
      }),
      'target/cumulative-decreasing',
    ],
    [
      'cumulative increment negative',
      withIndicator('S', { cumulative: true, targets: { '2024': 5, '2025': -1, '2026': 6 } }),
      'target/cumulative-decreasing',
    ],
    ['unknown owner unit', withNode('P', { owner: { unit: 'nope' } }), 'organisation/unknown-unit'],
    [
      'unknown responsible unit',
      withIndicator('P', { responsibleUnit: 'nope' }),
      'organisation/unknown-unit',
    ],
    ['unaligned tujuan', withNode('T', { alignsTo: [] }), 'alignment/unaligned-sasaran'],
    [
      'aligned to an unknown regional node',
      withNode('T', { alignsTo: ['T9.S9'] }),
      'alignment/unknown-regional-node',
    ],
    ['aligned to a regional tujuan only', withNode('T', { alignsTo: ['T1'] }), 'alignment/unaligned-sasaran'],
    [
      'contributes to an unknown regional indicator',
      withIndicator('S', { contributesTo: ['rpd_nope'] }),
      'coverage/unknown-regional-indicator',
    ],
    ['program without code', withNode('P', { code: undefined }), 'nomenclature/missing-code'],
    ['malformed code', withNode('P', { code: '1.3.12' }), 'nomenclature/malformed-code'],
    ['unknown code', withNode('K', { code: '1.03.12.1.09' }), 'nomenclature/unknown-code'],
    ['code of another version', withNode('P', { code: '1.03.99' }), 'nomenclature/unknown-code'],
    ['kegiatan code on a program', withNode('P', { code: '1.03.12.1.02' }), 'nomenclature/wrong-level'],
    [
      'kab/kota code in a provincial plan',
      withNode('SK', { code: '1.03.10.2.01.0032' }),
      'nomenclature/wrong-government-level',
    ],
    [
      'program of a bidang the agency does not hold',
      withNode('P', { code: '2.10.02' }),
      'nomenclature/wrong-bidang',
    ],
    [
      'kegiatan not under its program',
      withNode('K', { code: '1.03.10.1.01' }),
      'nomenclature/parent-mismatch',
    ],
    [
      'kegiatan not under its program, both on a parent cycle',
      {
        nodes: baseNodes.map((n) =>
          n.id === 'P' ? { ...n, parent: 'K' } : n.id === 'K' ? { ...n, code: '1.03.10.1.01' } : n,
        ),
      },
      'nomenclature/parent-mismatch',
    ],
    ['negative pagu', withNode('P', { pagu: { '2024': -1, '2025': 100, '2026': 100 } }), 'pagu/negative'],
    [
      'pagu outside the period',
      withNode('SK', { pagu: { '2024': 100, '2025': 100, '2026': 100, '2030': 1 } }),
      'pagu/outside-period',
    ],
    ['missing pagu', withNode('SK', { pagu: { '2024': 100 } }), 'pagu/missing'],
    [
      'children exceed parent',
      withNode('SK', { pagu: { '2024': 500, '2025': 100, '2026': 100 } }),
      'pagu/children-exceed-parent',
    ],
    ['pagu on a sasaran', withNode('S', { pagu: { '2024': 1 } }), 'pagu/not-budgeted-level'],
    ['formula that does not parse', withIndicator('S', { formula: '1 +' }), 'formula/parse'],
    [
      'formula with an unknown reference',
      withIndicator('S', { formula: 'nope * 2' }),
      'formula/unknown-reference',
    ],
    ['formula reading itself', withIndicator('S', { formula: 'i_S + 1' }), 'formula/cycle'],
    [
      'indicator computed by an unknown index',
      withIndicator('S', { composite: 'nope' }),
      'composite/unknown-index',
    ],
    ['chapter missing', {}, 'chapter/missing'],
    [
      'empty section',
      {
        chapters: [
          ...fullChapters.slice(1),
          { number: 1, title: 'Pendahuluan', sections: [{ key: '1.1', title: 'Latar' }] },
        ],
      },
      'chapter/empty-section',
    ],
  ])('%s', (_name, overrides, code) => {
    expect(codesOf(overrides)).toContain(code);
  });
});

describe('composite rules', () => {
  const composite = (
    components: { indicator: string; weight: number }[],
    extra: Record<string, unknown> = {},
  ) => ({
    id: 'ikli',
    name: 'IKLI',
    versions: [
      {
        version: '1',
        effectiveFrom: 2024,
        components: components.map((c) => ({ ...c, normalisation: { kind: 'min-max', min: 0, max: 100 } })),
        ...extra,
      },
    ],
  });

  it.each<[string, Partial<RenstraInput>, FindingCode]>([
    [
      'weights not adding to one',
      { composites: [composite([{ indicator: 'i_P', weight: 0.7 }])] as never },
      'composite/weights-not-one',
    ],
    [
      'unknown component',
      { composites: [composite([{ indicator: 'nope', weight: 1 }])] as never },
      'composite/unknown-component',
    ],
    [
      'two versions from the same year',
      {
        composites: [
          {
            ...composite([{ indicator: 'i_P', weight: 1 }]),
            versions: [
              ...composite([{ indicator: 'i_P', weight: 1 }]).versions,
              { ...composite([{ indicator: 'i_P', weight: 1 }]).versions[0], version: '2' },
            ],
          },
        ] as never,
      },
      'composite/version-order',
    ],
    [
      'no version for the first years',
      {
        composites: [
          {
            ...composite([{ indicator: 'i_P', weight: 1 }]),
            versions: [{ ...composite([{ indicator: 'i_P', weight: 1 }]).versions[0], effectiveFrom: 2025 }],
          },
        ] as never,
      },
      'composite/no-version',
    ],
  ])('%s', (_name, overrides, code) => {
    expect(codesOf(overrides)).toContain(code);
  });

  it('finds a composite that depends on itself', () => {
    const overrides = {
      ...withIndicator('S', { composite: 'ikli' }),
      composites: [composite([{ indicator: 'i_S', weight: 1 }])] as never,
    };
    expect(codesOf(overrides)).toContain('formula/cycle');
  });
});

describe('coverage/outside-composite', () => {
  const ikli = {
    id: 'ikli',
    name: 'IKLI',
    versions: [
      {
        version: '1',
        effectiveFrom: 2024,
        components: [{ indicator: 'i_P', weight: 1, normalisation: { kind: 'min-max', min: 0, max: 100 } }],
      },
    ],
  };
  const measured = (extraNodes: RenstraInput['nodes'] = []) => ({
    composites: [ikli] as never,
    nodes: [
      ...baseNodes.map((n) =>
        n.id === 'S' ? { ...n, indicators: [ind('ikli_s', { composite: 'ikli', unit: 'indeks' })] } : n,
      ),
      ...(extraNodes ?? []),
    ],
  });
  const outside = (overrides: Partial<RenstraInput>) =>
    validatePlan(renstra(overrides), { regional: rpd, nomenclature: TEST_REFERENCE })
      .filter((f) => f.code === 'coverage/outside-composite')
      .map((f) => f.target.node);

  it('accepts a program whose own indicator feeds the index, with everything below it', () => {
    expect(outside(measured())).toEqual([]);
  });

  it('reports the topmost program outside the index, not its kegiatan', () => {
    const extra = [
      node('P2', 'program', 'S', { code: '1.03.01' }),
      node('K2', 'kegiatan', 'P2', { code: '1.03.01.1.01' }),
    ];
    expect(outside(measured(extra))).toEqual(['P2']);
  });

  it('accepts a program when one of its kegiatan feeds the index, and reports the sibling that does not', () => {
    const extra = [
      node('P3', 'program', 'S', { code: '1.03.12' }),
      node('K3a', 'kegiatan', 'P3', { code: '1.03.12.1.02', indicators: [ind('feeds')] }),
      node('K3b', 'kegiatan', 'P3', { code: '1.03.12.1.03' }),
    ];
    const plan = measured(extra);
    plan.composites = [
      {
        ...ikli,
        versions: [
          {
            ...ikli.versions[0],
            components: [
              { indicator: 'feeds', weight: 1, normalisation: { kind: 'min-max', min: 0, max: 100 } },
            ],
          },
        ],
      },
    ] as never;
    expect(outside(plan).sort()).toEqual(['K3b', 'P']);
  });

  it('counts a direct cascade of a component as feeding the index', () => {
    const extra = [
      node('P4', 'program', 'S', {
        code: '1.03.12',
        cascading: 'direct',
        inherits: 'i_P',
        indicators: [ind('not_a_component')],
      }),
    ];
    expect(outside(measured(extra))).toEqual([]);
  });

  it('says nothing when no goal is measured by a composite', () => {
    expect(outside({ composites: [ikli] as never })).toEqual([]);
  });
});

describe('settings and context', () => {
  it('lets the region change a severity or switch a rule off', () => {
    const plan = renstra(withIndicator('S', { baseline: { year: 2019, value: 1 } }));
    const warn = regional({
      settings: { rules: { 'data/stale-baseline': 'warning', 'chapter/missing': 'off' } },
    });
    const findings = validatePlan(plan, { regional: warn });
    expect(findings.find((f) => f.code === 'data/stale-baseline')?.severity).toBe('warning');
    expect(findings.some((f) => f.code === 'chapter/missing')).toBe(false);
  });

  it('uses the region’s stale-baseline window', () => {
    const plan = renstra(withIndicator('S', { baseline: { year: 2021, value: 1 } }));
    const lenient = regional({ settings: { staleBaselineYears: 3 } });
    expect(validatePlan(plan, { regional: lenient }).some((f) => f.code === 'data/stale-baseline')).toBe(
      false,
    );
  });

  it('reports an unavailable nomenclature version once and skips code checks', () => {
    const findings = validatePlan(renstra(withNode('P', { code: 'nonsense' })), {
      regional: rpd,
      nomenclature: null,
    });
    expect(findings.filter((f) => f.code.startsWith('nomenclature/')).map((f) => f.code)).toEqual([
      'nomenclature/unknown-version',
    ]);
  });

  it('reports a nomenclature version that does not cover the region’s kind of government', () => {
    const kabkotaOnly = {
      ...TEST_REFERENCE,
      version: { ...TEST_REFERENCE.version, scope: ['kabkota' as const] },
    };
    const findings = validatePlan(renstra(withNode('P', { code: 'nonsense' })), {
      regional: rpd,
      nomenclature: kabkotaOnly,
    });
    const nomenclature = findings.filter((f) => f.code.startsWith('nomenclature/'));
    expect(nomenclature.map((f) => f.code)).toEqual(['nomenclature/unknown-version']);
    expect(nomenclature[0]?.message.en).toContain('not for provinsi');
  });

  it('skips code checks when no reference is supplied', () => {
    expect(codesOf(withNode('P', { code: 'nonsense' }), { nomenclature: false })).not.toContain(
      'nomenclature/malformed-code',
    );
  });

  it('without the regional plan, checks only that alignment exists', () => {
    expect(codesOf(withNode('T', { alignsTo: ['T9.S9'] }), { regional: false })).not.toContain(
      'alignment/unknown-regional-node',
    );
    expect(codesOf(withNode('T', { alignsTo: [] }), { regional: false })).toContain(
      'alignment/unaligned-sasaran',
    );
  });

  it('gives every finding both languages, a path and a target', () => {
    const findings = validatePlan(renstra(withNode('P', { code: '2.10.02', owner: { unit: 'x' } })), {
      regional: rpd,
      nomenclature: TEST_REFERENCE,
    });
    for (const f of findings) {
      expect(f.message.id.length).toBeGreaterThan(10);
      expect(f.message.en.length).toBeGreaterThan(10);
      expect(f.target.plan).toBe('renstra');
      expect(f.path).not.toBe('');
    }
  });

  it('has a default severity for every code and a valid settings schema', () => {
    expect(Object.keys(DEFAULT_SEVERITY).sort()).toEqual([...FINDING_CODES].sort());
    expect(PlanSettingsSchema.safeParse({ rules: { 'no/such-rule': 'off' } }).success).toBe(false);
  });

  it('checks a regional plan on its own', () => {
    const plan = regional({
      nodes: [
        node('T1', 'tujuan', null),
        node('T1.S1', 'sasaran', 'T1', { indicators: [] }),
        node('P1', 'program', null, { code: '1.03.12' }),
      ],
    });
    const codes = validatePlan(plan, { nomenclature: TEST_REFERENCE }).map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['indicator/missing', 'tree/orphan-node']));
    expect(codes).not.toContain('alignment/unaligned-sasaran');
  });
});
