import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildNomenclatureReference,
  type NomenclatureVersion,
  type Plan,
  PlanFileSchema,
  parseNomenclatureCsv,
  scorePlan,
  validatePlanSet,
} from '../src/index.ts';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const load = (name: string): Plan => PlanFileSchema.parse(JSON.parse(read(`fixtures/kaltim/${name}`)));

const csv = parseNomenclatureCsv(read('reference/nomenclature/nomenklatur.csv'));
if (!csv.ok) throw new Error(csv.error);
const versions: NomenclatureVersion[] = JSON.parse(read('reference/nomenclature/versions.json')).versions;
const refs = new Map(versions.map((v) => [v.id, buildNomenclatureReference(csv.rows, v)]));
const nomenclature = (id: string) => refs.get(id);

const rpd = load('rpd-2024-2026.json');
const draft = load('renstra-pupr-pera-2024-2026.draft.json');
const revised = load('renstra-pupr-pera-2024-2026.revised.json');

describe('the Kaltim demo plan (golden)', () => {
  it('draft: the verification meeting’s findings, and nothing else', () => {
    const { findings } = validatePlanSet([rpd, draft], { nomenclature });
    const summary = findings.map((f) => `${f.severity} ${f.code} ${f.target.node ?? ''}`);
    expect(summary.filter((s) => s.includes('coverage/outside-composite')).sort()).toEqual([
      'error coverage/outside-composite P-1.03.01',
      'error coverage/outside-composite P-1.03.08',
      'error coverage/outside-composite P-1.04.06',
    ]);
    expect(findings.filter((f) => f.code === 'data/stale-baseline')).toHaveLength(8);
    expect(
      findings.filter((f) => f.code === 'indicator/missing-target').map((f) => f.target.indicator),
    ).toEqual(['sk_rehab_irigasi_permukaan']);
    expect(findings).toHaveLength(12);
  });

  it('revised: no findings at all', () => {
    expect(validatePlanSet([rpd, revised], { nomenclature }).findings).toEqual([]);
  });

  it('the RPD on its own is clean', () => {
    expect(validatePlanSet([rpd], { nomenclature }).findings).toEqual([]);
  });

  it('IKLI 2024 computes to the reported 7.74 under version 2024.1, and 2025 uses 2025.1', () => {
    for (const plan of [draft, revised]) {
      const ikli = scorePlan(plan, { year: 2024 }).composites.find((c) => c.composite.id === 'ikli');
      expect(ikli?.value).toBe(7.74);
      expect(ikli?.version?.version).toBe('2024.1');
      expect(ikli?.components.some((c) => c.indicator === 'pr_skoring')).toBe(true);
    }
    expect(scorePlan(revised, { year: 2025 }).composites[0]?.version?.version).toBe('2025.1');
  });

  it('kemantapan jalan provinsi 2024 is the observed 82.21%', () => {
    const s = scorePlan(revised, { year: 2024 }).indicators.find(
      (i) => i.indicator.id === 'bm_kemantapan_jalan',
    );
    expect(s?.realisation.value).toBe(82.21);
  });

  it('revised adds one tujuan and one sasaran, keeps ids, and moves the non-IKLI programs under them', () => {
    const ids = (p: Plan) => new Set(p.nodes.map((n) => n.id));
    const added = [...ids(revised)].filter((id) => !ids(draft).has(id));
    const levels = added.map((id) => revised.nodes.find((n) => n.id === id)?.level).sort();
    expect(levels).toEqual(['sasaran', 'tujuan']);
    const sasaran = revised.nodes.find((n) => added.includes(n.id) && n.level === 'sasaran');
    for (const code of ['1.03.01', '1.03.08', '1.04.06']) {
      expect(revised.nodes.find((n) => n.code === code)?.parent).toBe(sasaran?.id);
    }
  });
});
