import { RENSTRA_CHAPTER_TEMPLATE } from '../schema/chapter-template.ts';
import type { IndicatorInput } from '../schema/indicator.schema.ts';
import type { PerformanceNodeInput } from '../schema/node.schema.ts';
import { type RegionalPlan, RegionalPlanSchema, type Renstra, RenstraSchema } from '../schema/plan.schema.ts';
import { createPrng, type Prng } from './prng.ts';

/** Program → kegiatan → sub kegiatan codes to draw from, so generated plans use real codes. */
export interface CodePool {
  readonly programs: readonly {
    readonly code: string;
    readonly kegiatan: readonly { readonly code: string; readonly subKegiatan: readonly string[] }[];
  }[];
}

export interface GenerateOptions {
  readonly seed: number;
  /** Total number of nodes in the agency tree. */
  readonly nodes: number;
  readonly indicatorsPerNode?: number;
  readonly startYear?: number;
  readonly years?: number;
  readonly codes?: CodePool;
  readonly agencyIndex?: number;
  readonly regionalPlanId?: string;
  /** Regional sasaran ids to align to. */
  readonly regionalSasaran?: readonly string[];
}

const FALLBACK: CodePool = {
  programs: [{ code: '1.03.12', kegiatan: [{ code: '1.03.12.1.02', subKegiatan: ['1.03.12.1.02.0007'] }] }],
};
const FANOUT = { sasaran: 3, program: 4, kegiatan: 4, subKegiatan: 5 } as const;

/** The id of the indicator `generateRegionalPlan` gives a sasaran (`T1.S2` → `rpd_t1_s2`). */
const regionalIndicatorId = (sasaranId: string) => `rpd_${sasaranId.toLowerCase().replace('.', '_')}`;

/** Makes every parent's pagu the sum of its children's, as SIPD does. */
const sumPaguUpwards = (nodes: PerformanceNodeInput[], years: readonly number[]) => {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const summed = new Set<string>();
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i] as PerformanceNodeInput;
    const parent = n.parent ? byId.get(n.parent) : undefined;
    if (!parent || parent.level === 'sasaran' || parent.level === 'tujuan' || !n.pagu) continue;
    if (!summed.has(parent.id)) {
      parent.pagu = Object.fromEntries(years.map((y) => [String(y), 0]));
      summed.add(parent.id);
    }
    const target = parent.pagu as Record<string, number>;
    for (const y of years) target[String(y)] = (target[String(y)] ?? 0) + (n.pagu[String(y)] ?? 0);
  }
};

const yearsOf = (start: number, n: number) => Array.from({ length: n }, (_, i) => start + i);

const makeIndicator = (
  prng: Prng,
  id: string,
  years: readonly number[],
  opts: { composite?: string } = {},
): IndicatorInput => {
  const base = prng.int(20, 80);
  const targets: Record<string, number> = {};
  years.forEach((y, i) => {
    targets[String(y)] = base + (i + 1) * prng.int(1, 4);
  });
  const first = years[0] as number;
  const realisations: Record<string, number> = prng.chance(0.85)
    ? { [String(first)]: base + prng.int(-5, 10) }
    : {};
  return {
    id,
    name: `Indikator ${id}`,
    unit: '%',
    polarity: prng.chance(0.1) ? 'negative' : 'positive',
    baseline: { year: first - 2, value: base },
    targets,
    realisations,
    ...(opts.composite !== undefined && { composite: opts.composite }),
  };
};

/**
 * Generates a synthetic Renstra of about `nodes` nodes with the demo's shape (tujuan → sasaran →
 * program → kegiatan → sub kegiatan, real codes, indicators with targets and realisations, a
 * composite index over program indicators, alignment to regional sasaran). Deterministic by seed.
 */
export const generateRenstra = (o: GenerateOptions): Renstra => {
  const prng = createPrng(o.seed);
  const per = o.indicatorsPerNode ?? 2;
  const start = o.startYear ?? 2024;
  const years = yearsOf(start, o.years ?? 3);
  const pool = o.codes ?? FALLBACK;
  const sasaranRefs = o.regionalSasaran ?? ['T1.S1'];
  const nodes: PerformanceNodeInput[] = [];
  const components: string[] = [];
  let seq = 0;
  const add = (
    level: string,
    parent: string | null,
    extra: Partial<PerformanceNodeInput>,
    composite?: string,
  ) => {
    const id = `n${++seq}`;
    const indicators = Array.from({ length: per }, (_, i) =>
      makeIndicator(prng, `${id}_i${i}`, years, i === 0 && composite ? { composite } : {}),
    );
    const pagu = ['program', 'kegiatan', 'subKegiatan'].includes(level)
      ? Object.fromEntries(years.map((y) => [String(y), prng.int(1, 100) * 1_000_000]))
      : {};
    nodes.push({ id, parent, level, statement: `Kinerja ${id}`, indicators, pagu, ...extra });
    return id;
  };
  const units = Array.from({ length: 8 }, (_, i) => ({
    id: `bidang_${i + 1}`,
    name: `Bidang ${i + 1}`,
    kind: 'bidang' as const,
  }));
  while (seq < o.nodes) {
    const first = seq === 0;
    const aligned = prng.pick(sasaranRefs);
    const t = add('tujuan', null, { alignsTo: [aligned] }, first ? 'idx' : undefined);
    const tujuan = nodes[nodes.length - 1] as PerformanceNodeInput;
    const lastIndicator = tujuan.indicators?.[per - 1];
    if (lastIndicator)
      tujuan.indicators = [
        ...(tujuan.indicators ?? []).slice(0, -1),
        { ...lastIndicator, contributesTo: [regionalIndicatorId(aligned)] },
      ];
    for (let s = 0; s < FANOUT.sasaran && seq < o.nodes; s++) {
      const sid = add('sasaran', t, {});
      for (let p = 0; p < FANOUT.program && seq < o.nodes; p++) {
        const prog = prng.pick(pool.programs);
        const pid = add('program', sid, { code: prog.code, owner: { unit: prng.pick(units).id } });
        if (first) components.push(`${pid}_i0`);
        for (let k = 0; k < FANOUT.kegiatan && seq < o.nodes; k++) {
          const keg = prng.pick(prog.kegiatan);
          const kid = add('kegiatan', pid, { code: keg.code });
          for (let sk = 0; sk < FANOUT.subKegiatan && seq < o.nodes; sk++) {
            add('subKegiatan', kid, { code: prng.pick(keg.subKegiatan) });
          }
        }
      }
    }
  }
  const picked = components;
  sumPaguUpwards(nodes, years);
  const agency = o.agencyIndex ?? 1;
  return RenstraSchema.parse({
    format: 'selaras.renstra',
    formatVersion: 1,
    id: `generated-${o.seed}-${agency}`,
    title: `Renstra sintetis ${agency} (seed ${o.seed})`,
    region: { code: '64', name: 'Provinsi Sintetis', kind: 'provinsi' },
    period: {
      kind: 'Renstra',
      startYear: start,
      endYear: years[years.length - 1] as number,
      baselineYear: start - 2,
    },
    nomenclatureVersion: 'sipd-2027',
    ...(o.regionalPlanId !== undefined && { regionalPlan: { id: o.regionalPlanId } }),
    agency: {
      code: `1.03.0.00.0.00.${String(agency).padStart(2, '0')}.0000`,
      name: `Dinas Sintetis ${agency}`,
      bidangUrusan: ['1.03', '1.04'],
      units,
    },
    composites: [
      {
        id: 'idx',
        name: 'Indeks sintetis',
        versions: [
          {
            version: '1',
            effectiveFrom: start,
            scale: { min: 0, max: 10 },
            components: picked.map((indicator) => ({
              indicator,
              weight: 1 / picked.length,
              normalisation: { kind: 'min-max', min: 0, max: 100 },
            })),
          },
        ],
      },
    ],
    chapters: RENSTRA_CHAPTER_TEMPLATE.map((c) => ({
      number: c.number,
      title: c.title.id,
      intro: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: c.title.id }] }] },
      sections: c.sections.map((sec) => ({
        key: sec.key,
        title: sec.title.id,
        content: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: sec.title.id }] }],
        },
      })),
    })),
    nodes,
  });
};

/** A regional plan to go with generated agency plans: `tujuan` tujuan with `sasaran` sasaran each. */
export const generateRegionalPlan = (o: {
  seed: number;
  tujuan: number;
  sasaran: number;
  startYear?: number;
  years?: number;
}): RegionalPlan => {
  const prng = createPrng(o.seed);
  const start = o.startYear ?? 2024;
  const years = yearsOf(start, o.years ?? 3);
  const nodes: PerformanceNodeInput[] = [];
  for (let t = 1; t <= o.tujuan; t++) {
    nodes.push({
      id: `T${t}`,
      parent: null,
      level: 'tujuan',
      statement: `Tujuan ${t}`,
      indicators: [makeIndicator(prng, `rpd_t${t}`, years)],
    });
    for (let s = 1; s <= o.sasaran; s++) {
      nodes.push({
        id: `T${t}.S${s}`,
        parent: `T${t}`,
        level: 'sasaran',
        statement: `Sasaran ${t}.${s}`,
        indicators: [makeIndicator(prng, regionalIndicatorId(`T${t}.S${s}`), years)],
      });
    }
  }
  return RegionalPlanSchema.parse({
    format: 'selaras.regional-plan',
    formatVersion: 1,
    id: `generated-rpd-${o.seed}`,
    title: `RPD sintetis (seed ${o.seed})`,
    region: { code: '64', name: 'Provinsi Sintetis', kind: 'provinsi' },
    period: {
      kind: 'RPD',
      startYear: start,
      endYear: years[years.length - 1] as number,
      baselineYear: start - 2,
    },
    nomenclatureVersion: 'sipd-2027',
    nodes,
  });
};
