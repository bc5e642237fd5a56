import { describe, expect, it } from 'vitest';
import { scorePlan, validatePlanSet } from '../index.ts';
import { generateRegionalPlan, generateRenstra } from './generate-plan.ts';
import { createPrng } from './prng.ts';

describe('the synthetic plan generator', () => {
  it('is deterministic by seed', () => {
    const a = createPrng(7);
    const b = createPrng(7);
    expect([a.next(), a.int(1, 6), a.chance(0.5)]).toEqual([b.next(), b.int(1, 6), b.chance(0.5)]);
    expect(JSON.stringify(generateRenstra({ seed: 3, nodes: 200 }))).toBe(
      JSON.stringify(generateRenstra({ seed: 3, nodes: 200 })),
    );
  });

  it('makes a plan of the size asked, clean against its regional plan', () => {
    const rpd = generateRegionalPlan({ seed: 1, tujuan: 2, sasaran: 3 });
    const plan = generateRenstra({
      seed: 5,
      nodes: 500,
      indicatorsPerNode: 2,
      regionalPlanId: rpd.id,
      regionalSasaran: rpd.nodes.filter((n) => n.level === 'sasaran').map((n) => n.id),
    });
    expect(plan.nodes).toHaveLength(500);
    expect(plan.nodes.reduce((s, n) => s + n.indicators.length, 0)).toBe(1000);
    expect(validatePlanSet([rpd, plan]).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(scorePlan(plan, { year: 2024 }).composites[0]?.value).toBeGreaterThan(0);
  });
});
