import { describe, expect, it } from 'vitest';
import { ind, node, regional, renstra } from '../../test/builders.ts';
import { TEST_REFERENCE } from '../../test/reference.ts';
import { validatePlanSet } from './validate-plan-set.ts';

const codes = (plans: Parameters<typeof validatePlanSet>[0]) =>
  validatePlanSet(plans, { nomenclature: (v) => (v === 'test' ? TEST_REFERENCE : undefined) }).findings.map(
    (f) => `${f.target.plan}:${f.code}`,
  );

describe('validatePlanSet', () => {
  const rpd = regional({
    nodes: [
      node('T1', 'tujuan', null, { indicators: [ind('rpd_t1')] }),
      node('T1.S1', 'sasaran', 'T1', { indicators: [ind('rpd_s1'), ind('rpd_s1b')] }),
      node('T2', 'tujuan', null, { indicators: [ind('rpd_t2')] }),
      node('T2.S1', 'sasaran', 'T2', { indicators: [ind('rpd_t2s1')] }),
    ],
  });

  it('reports regional indicators of touched sasaran that no agency indicator supports', () => {
    const plan = renstra();
    const plan2 = {
      ...plan,
      nodes: plan.nodes.map((n) =>
        n.id === 'S'
          ? { ...n, indicators: n.indicators.map((i) => ({ ...i, contributesTo: ['rpd_s1'] })) }
          : n,
      ),
    };
    const found = codes([rpd, plan2]).filter((c) => c.includes('uncovered'));
    expect(found).toEqual(['rpd:coverage/regional-indicator-uncovered']);
    const detail = validatePlanSet([rpd, plan2]).findings.find(
      (f) => f.code === 'coverage/regional-indicator-uncovered',
    );
    expect(detail?.target.indicator).toBe('rpd_s1b');
    expect(detail?.message.id).toContain('Dinas PUPR PERA');
  });

  it('counts regional programs assigned to a checked agency as touched', () => {
    const withProgram = regional({
      nodes: [
        node('T1', 'tujuan', null, { indicators: [ind('rpd_t1')] }),
        node('T1.S1', 'sasaran', 'T1', { indicators: [ind('rpd_s1')] }),
        node('P1', 'program', 'T1.S1', {
          code: '1.03.12',
          assignedAgencies: ['1.03.1.04.0.00.01.0000'],
          indicators: [ind('rpd_p1')],
        }),
      ],
    });
    expect(
      validatePlanSet([withProgram, renstra()]).findings.filter((f) => f.target.indicator === 'rpd_p1'),
    ).toHaveLength(1);
  });

  it('reports a missing regional plan, period mismatch and duplicate ids', () => {
    expect(codes([renstra()])).toContain('renstra:plan/regional-plan-missing');
    const other = renstra({
      period: { kind: 'Renstra', startYear: 2025, endYear: 2029, baselineYear: 2023 },
    });
    expect(codes([rpd, other])).toContain('renstra:plan/period-mismatch');
    expect(codes([rpd, renstra(), renstra()])).toContain('renstra:plan/duplicate-id');
  });

  it('links a Renstra that names no regional plan to the only one of its region', () => {
    const { regionalPlan: _, ...unnamed } = renstra();
    expect(codes([rpd, unnamed as never])).not.toContain('renstra:plan/regional-plan-missing');
    expect(codes([rpd, unnamed as never, { ...rpd, id: 'rpd2' } as never])).toContain(
      'renstra:plan/regional-plan-missing',
    );
  });

  it('reports an unavailable nomenclature version per plan', () => {
    expect(codes([rpd, renstra({ nomenclatureVersion: 'nope' })])).toContain(
      'renstra:nomenclature/unknown-version',
    );
  });

  it('returns an index per plan for reuse', () => {
    const { indexes } = validatePlanSet([rpd, renstra()]);
    expect([...indexes.keys()]).toEqual(['rpd', 'renstra']);
  });
});
