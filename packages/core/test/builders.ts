import {
  type IndicatorInput,
  type PerformanceNodeInput,
  type RegionalPlan,
  type RegionalPlanInput,
  RegionalPlanSchema,
  type Renstra,
  type RenstraInput,
  RenstraSchema,
} from '../src/index.ts';

/** A complete indicator for 2024–2026 unless overridden. */
export const ind = (id: string, overrides: Partial<IndicatorInput> = {}): IndicatorInput => ({
  id,
  name: `Indikator ${id}`,
  unit: '%',
  baseline: { year: 2022, value: 50 },
  targets: { '2024': 60, '2025': 70, '2026': 80 },
  ...overrides,
});

/** A node with one complete indicator unless overridden. */
export const node = (
  id: string,
  level: string,
  parent: string | null,
  overrides: Partial<PerformanceNodeInput> = {},
): PerformanceNodeInput => ({
  id,
  level,
  parent,
  statement: `Pernyataan ${id}`,
  indicators: [ind(`i_${id.replace(/[^A-Za-z0-9]/g, '_')}`)],
  ...(['program', 'kegiatan', 'subKegiatan'].includes(level) && {
    pagu: { '2024': 100, '2025': 100, '2026': 100 },
  }),
  ...overrides,
});

const period = { kind: 'RPD' as const, startYear: 2024, endYear: 2026, baselineYear: 2022 };
const region = { code: '64', name: 'Provinsi Kalimantan Timur', kind: 'provinsi' as const };

/** A small regional plan: T1 → T1.S1 with one indicator each. */
export const regional = (overrides: Partial<RegionalPlanInput> = {}): RegionalPlan =>
  RegionalPlanSchema.parse({
    format: 'selaras.regional-plan',
    formatVersion: 1,
    id: 'rpd',
    title: 'RPD Uji',
    region,
    period,
    nomenclatureVersion: 'test',
    nodes: [
      node('T1', 'tujuan', null, { indicators: [ind('rpd_t1')] }),
      node('T1.S1', 'sasaran', 'T1', { indicators: [ind('rpd_s1')] }),
    ],
    ...overrides,
  } satisfies RegionalPlanInput);

/** A small, valid Renstra as written in a file: tujuan → sasaran → program 1.03.12 → kegiatan → sub kegiatan. */
export const renstraInput = (overrides: Partial<RenstraInput> = {}): RenstraInput => ({
  format: 'selaras.renstra',
  formatVersion: 1,
  id: 'renstra',
  title: 'Renstra Uji',
  region,
  period: { ...period, kind: 'Renstra' },
  nomenclatureVersion: 'test',
  regionalPlan: { id: 'rpd' },
  agency: {
    code: '1.03.1.04.0.00.01.0000',
    name: 'Dinas PUPR PERA',
    bidangUrusan: ['1.03', '1.04'],
    units: [
      { id: 'pr', name: 'Bidang Penataan Ruang', kind: 'bidang' },
      { id: 'pr_seksi', name: 'Seksi Perencanaan', kind: 'seksi', parent: 'pr' },
    ],
  },
  nodes: [
    node('T', 'tujuan', null, { alignsTo: ['T1.S1'] }),
    node('S', 'sasaran', 'T'),
    node('P', 'program', 'S', { code: '1.03.12', owner: { unit: 'pr' } }),
    node('K', 'kegiatan', 'P', { code: '1.03.12.1.02', owner: { unit: 'pr_seksi' } }),
    node('SK', 'subKegiatan', 'K', { code: '1.03.12.1.02.0007' }),
  ],
  ...overrides,
});

/** The same plan parsed. */
export const renstra = (overrides: Partial<RenstraInput> = {}): Renstra =>
  RenstraSchema.parse(renstraInput(overrides));
