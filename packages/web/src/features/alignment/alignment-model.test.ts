import { describe, expect, it } from 'vitest';
import type { Finding } from '../../api/types.ts';
import {
  findingNodeLink,
  layoutRow,
  relevantRows,
  rowState,
  summariseAlignment,
  targetText,
} from './alignment-model.ts';
import type { AgencyGoal, Alignment, AlignmentRow, RegionalGoal } from './alignment-types.ts';

const ind = (key: string) => ({ key, name: key, unit: '%', targets: { '2024': 1 } });
const regional = (key: string, indicators: number): RegionalGoal => ({
  key,
  level: 'sasaran',
  role: 'sasaran',
  statement: key,
  parentKey: null,
  indicators: Array.from({ length: indicators }, (_, i) => ind(`${key}.i${i}`)),
});
const goal = (key: string, indicators: number, inherited = false): AgencyGoal => ({
  id: key,
  key,
  level: 'sasaran',
  role: 'sasaran',
  statement: key,
  parentKey: null,
  alignsTo: [],
  inherited,
  indicators: Array.from({ length: indicators }, (_, i) => ({ ...ind(`${key}.i${i}`), id: `${key}${i}` })),
});
const row = (r: RegionalGoal, agency: AgencyGoal[], expected = false): AlignmentRow => ({
  regional: r,
  expected,
  agency,
});

/** The lines as letters: R regional indicator, G agency goal, A agency indicator, N no agency; span after. */
const shape = (r: AlignmentRow, withRegional = true) =>
  layoutRow(r, withRegional).lines.map((l) =>
    [
      l.regionalIndicator && `R${l.regionalIndicator.span}${l.regionalIndicator.item ? '' : '-'}`,
      l.noAgency !== undefined && `N${l.noAgency}`,
      l.agencyGoal && `G${l.agencyGoal.span}`,
      l.agencyIndicator && `A${l.agencyIndicator.span}${l.agencyIndicator.item ? '' : '-'}`,
    ]
      .filter(Boolean)
      .join(' '),
  );

describe('Tabel 4.2 layout', () => {
  it('spans a row without agency goals over its regional indicators', () => {
    expect(shape(row(regional('T1.S1', 2), []))).toEqual(['R1 N2', 'R1']);
    expect(shape(row(regional('T1', 0), []))).toEqual(['R1- N1']);
  });

  it('gives each agency goal as many lines as its indicators and stretches the shorter side', () => {
    // 1 regional indicator; goals with 2 and 1 indicators: 3 lines.
    expect(shape(row(regional('T2.S3', 1), [goal('TJ1', 2), goal('SS1', 1)]))).toEqual([
      'R3 G2 A1',
      'A1',
      'G1 A1',
    ]);
    // 3 regional indicators; one goal with 1 indicator: the goal and indicator stretch over 3 lines.
    expect(shape(row(regional('T2.S3', 3), [goal('TJ1', 1)]))).toEqual(['R1 G3 A3', 'R1', 'R1']);
    // A goal without indicators still gets a line, with an empty indicator cell.
    expect(shape(row(regional('T2.S3', 1), [goal('TJ1', 0), goal('SS1', 1)]))).toEqual([
      'R2 G1 A1-',
      'G1 A1',
    ]);
  });

  it('leaves the regional indicators out when they are hidden', () => {
    expect(shape(row(regional('T2.S3', 3), [goal('TJ1', 1)]), false)).toEqual(['G1 A1']);
    expect(shape(row(regional('T3.S1', 2), []), false)).toEqual(['N1']);
  });

  it('tells gaps from aligned rows and rows that are not the agency’s concern', () => {
    expect(rowState(row(regional('a', 1), [], true))).toBe('gap');
    expect(rowState(row(regional('a', 1), [goal('g', 1)], true))).toBe('aligned');
    expect(rowState(row(regional('a', 1), [goal('g', 1, true)]))).toBe('aligned');
    expect(rowState(row(regional('a', 1), []))).toBe('none');
  });

  it('keeps the rows that concern the agency and counts the table', () => {
    const rows = [
      row(regional('T1', 1), []),
      row(regional('T2.S3', 1), [goal('TJ1', 1)], true),
      row(regional('T3.S1', 1), [], true),
    ];
    expect(relevantRows(rows).map((r) => r.regional.key)).toEqual(['T2.S3', 'T3.S1']);
    const a: Alignment = {
      planId: 'p',
      key: 'k',
      etag: '"1.1"',
      regionalPlan: null,
      rows,
      unaligned: [goal('X', 0)],
      uncovered: [],
      findings: [],
    };
    expect(summariseAlignment(a)).toEqual({
      rows: 3,
      expected: 2,
      aligned: 1,
      gaps: 1,
      unaligned: 1,
      uncovered: 0,
      findings: 0,
    });
  });
});

describe('targets and links', () => {
  it('writes targets in the reader’s format', () => {
    expect(targetText(1234.5, 'id')).toBe('1.234,5');
    expect(targetText(0.315, 'id')).toBe('0,315');
    expect(targetText(7.6, 'en')).toBe('7.6');
    expect(targetText({ min: 70, max: 72.5 }, 'id')).toBe('70–72,5');
    expect(targetText(undefined, 'id')).toBe('–');
  });

  it('links findings about nodes of this plan to the tree, and no others', () => {
    const f = (plan: string, node?: string): Finding => ({
      code: 'coverage/outside-composite',
      severity: 'error',
      path: 'nodes/x',
      target: { plan, ...(node !== undefined && { node }) },
      message: { id: '', en: '' },
    });
    expect(findingNodeLink(f('k', 'P-1.03.01'), 'p1', 'k')).toBe('/rencana/p1/pohon?node=P-1.03.01');
    expect(findingNodeLink(f('rpd', 'T3.S1'), 'p1', 'k')).toBeUndefined();
    expect(findingNodeLink(f('k'), 'p1', 'k')).toBeUndefined();
  });
});
