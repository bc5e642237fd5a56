import { readFileSync } from 'node:fs';
import {
  compileFormula,
  type NomenclatureReference,
  type Plan,
  PlanFileSchema,
  parseNomenclatureCsv,
  scorePlan,
  validatePlanSet,
} from '@selaras/core';
import { type CodePool, generateRegionalPlan, generateRenstra } from '@selaras/core/generator';
import { loadNomenclatureStore } from '@selaras/services';
import { compile as mathCompile } from 'mathjs';
import { type BenchResult, measure } from './harness.ts';

const FIXTURES = [
  'rpd-2024-2026.json',
  'renstra-pupr-pera-2024-2026.draft.json',
  'renstra-pupr-pera-2024-2026.revised.json',
];

const codePool = (ref: NomenclatureReference): CodePool => ({
  programs: ['1.03.02', '1.03.03', '1.03.10', '1.03.11', '1.03.12', '1.04.02', '1.04.03', '1.04.05'].map(
    (program) => ({
      code: program,
      kegiatan: ref
        .childrenOf(program)
        .filter((k) => k.appliesTo !== 'kabkota' && k.code.split('.')[3] === '1')
        .map((k) => ({
          code: k.code,
          subKegiatan: ref
            .childrenOf(k.code)
            .filter((s) => s.appliesTo !== 'kabkota')
            .map((s) => s.code),
        }))
        .filter((k) => k.subKegiatan.length > 0),
    }),
  ),
});

const validateAndScore = (plans: readonly Plan[], ref: NomenclatureReference, year: number) => {
  const { findings, indexes } = validatePlanSet(plans, { nomenclature: () => ref });
  for (const p of plans) scorePlan(p, { year, index: indexes.get(p.id) });
  return findings.length;
};

/** Core suites: nomenclature loading, the demo plan, a generated 10,000-node plan, and formulas. */
export const runCoreBench = (): BenchResult[] => {
  const results: BenchResult[] = [];
  const csvText = readFileSync(new URL('../reference/nomenclature/nomenklatur.csv', import.meta.url), 'utf8');
  results.push(
    measure('core', 'nomenclature: parse CSV (9,842 rows)', () => parseNomenclatureCsv(csvText), {
      runs: 10,
      warmup: 2,
    }),
  );
  const store = loadNomenclatureStore();
  const ref = store.get('sipd-2027') as NomenclatureReference;

  const raw = FIXTURES.map((f) =>
    JSON.parse(readFileSync(new URL(`../fixtures/kaltim/${f}`, import.meta.url), 'utf8')),
  );
  const demo = raw.map((r) => PlanFileSchema.parse(r));
  const demoNodes = demo.reduce((s, p) => s + p.nodes.length, 0);
  results.push(
    measure('core', 'demo: parse plan files (zod)', () => raw.map((r) => PlanFileSchema.parse(r)), {
      runs: 50,
      extra: { nodes: demoNodes },
    }),
  );
  results.push(
    measure(
      'core',
      'demo: validate + score (RPD + draft + revised)',
      () => validateAndScore(demo, ref, 2024),
      { runs: 100, extra: { nodes: demoNodes } },
    ),
  );

  const rpd = generateRegionalPlan({ seed: 1, tujuan: 4, sasaran: 4 });
  const big = generateRenstra({
    seed: 42,
    nodes: 10_000,
    indicatorsPerNode: 2,
    codes: codePool(ref),
    regionalPlanId: rpd.id,
    regionalSasaran: rpd.nodes.filter((n) => n.level === 'sasaran').map((n) => n.id),
  });
  const indicators = big.nodes.reduce((s, n) => s + n.indicators.length, 0);
  const bigPlans = [rpd, big];
  results.push(
    measure(
      'core',
      'generated: validate + score (10,000 nodes, 20,000 indicators)',
      () => validateAndScore(bigPlans, ref, 2024),
      {
        runs: 60,
        goalMs: 20,
        extra: { nodes: big.nodes.length, indicators, findings: validateAndScore(bigPlans, ref, 2024) },
      },
    ),
  );
  results.push(
    measure(
      'core',
      'generated: validate only',
      () => validatePlanSet(bigPlans, { nomenclature: () => ref }),
      { runs: 60 },
    ),
  );
  results.push(measure('core', 'generated: score only', () => scorePlan(big, { year: 2024 }), { runs: 60 }));
  results.push(
    measure(
      'core',
      'generated: parse plan (zod)',
      () => PlanFileSchema.parse(JSON.parse(JSON.stringify(big))),
      { runs: 5, warmup: 1 },
    ),
  );

  const own = compileFormula('0.3 * x + 0.7 * y');
  if (!own.ok) throw new Error('formula did not compile');
  const scope = new Map([
    ['x', 1],
    ['y', 2],
  ]);
  const N = 1_000_000;
  results.push(
    measure(
      'formula',
      `own: evaluate 0.3*x + 0.7*y ×${N.toLocaleString('en')}`,
      () => {
        for (let i = 0; i < N; i++) {
          scope.set('x', i);
          own.value.evaluate(scope);
        }
      },
      { runs: 5, warmup: 1 },
    ),
  );
  const mj = mathCompile('0.3 * x + 0.7 * y');
  const mjScope = new Map([
    ['x', 1],
    ['y', 2],
  ]);
  results.push(
    measure(
      'formula',
      `mathjs 15: evaluate 0.3*x + 0.7*y ×${N.toLocaleString('en')}`,
      () => {
        for (let i = 0; i < N; i++) {
          mjScope.set('x', i);
          mj.evaluate(mjScope);
        }
      },
      { runs: 5, warmup: 1 },
    ),
  );
  results.push(
    measure(
      'formula',
      'own: compile a 60-term formula',
      () => compileFormula(Array.from({ length: 60 }, (_, i) => `max(a${i}, ${i}) * 2`).join(' + ')),
      { runs: 200 },
    ),
  );
  return results;
};
