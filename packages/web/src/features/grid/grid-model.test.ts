import { describe, expect, it } from 'vitest';
import type { PlanTree } from '../../api/types.ts';
import { pasteBlock, splitClipboard } from './grid-edits.ts';
import { buildColumns, buildRows, parseCell } from './grid-model.ts';
import { foldEdits } from './use-grid-save.ts';

const tree: PlanTree = {
  planId: 'p',
  regionId: 'r',
  agencyId: 'a',
  key: 'plan',
  title: 'Renstra',
  format: 'selaras.renstra',
  levels: [
    { key: 'sasaran', role: 'sasaran', label: { id: 'Sasaran', en: 'Objective' } },
    { key: 'program', role: 'program', label: { id: 'Program', en: 'Programme' } },
  ],
  period: { kind: 'Renstra', startYear: 2024, endYear: 2026 },
  composites: [],
  nodes: [
    {
      id: 'n1',
      key: 'SS1',
      parentId: null,
      parentKey: null,
      version: 3,
      level: 'sasaran',
      statement: 'Meningkatnya jalan mantap',
      alignsTo: [],
      priority: false,
      pagu: {},
      indicators: [
        {
          id: 'i1',
          key: 'jalan',
          version: 7,
          name: 'Kemantapan jalan',
          unit: '%',
          polarity: 'positive',
          cumulative: false,
          targets: { '2024': 82, '2025': 84 },
        },
      ],
    },
    {
      id: 'n2',
      key: 'P-1.03.10',
      parentId: 'n1',
      parentKey: 'SS1',
      version: 1,
      level: 'program',
      statement: 'Program jalan',
      code: '1.03.10',
      alignsTo: [],
      priority: false,
      pagu: { '2024': 1000 },
      indicators: [],
    },
  ],
};

const rows = buildRows(tree);
const cols = buildColumns([2024, 2025, 2026]);
const col = (key: string) => cols.findIndex((c) => c.key === key);

describe('the indicator grid model', () => {
  it('lists each node followed by its indicators, and one column per year of the period', () => {
    expect(rows.map((r) => r.kind)).toEqual(['node', 'indicator', 'node']);
    expect(cols.filter((c) => c.year !== undefined).map((c) => c.year)).toEqual([2024, 2025, 2026]);
  });

  it.each([
    ['82,5', 'id', { ok: true, value: 82.5 }],
    ['1.234,5', 'id', { ok: true, value: 1234.5 }],
    ['82.5', 'en', { ok: true, value: 82.5 }],
    ['5–7', 'id', { ok: true, value: { min: 5, max: 7 } }],
    ['', 'id', { ok: true, value: null }],
    ['delapan', 'id', { ok: false }],
    ['82.21', 'id', { ok: false }],
    ['7–5', 'id', { ok: false }],
  ] as const)('reads a target typed as %s (%s) strictly', (text, lang, expected) => {
    expect(parseCell(rows[1] as never, cols[col('year:2024')] as never, text, lang)).toMatchObject(expected);
  });

  it('reads polarity in Indonesian or English and refuses anything else', () => {
    const c = cols[col('polarity')] as never;
    expect(parseCell(rows[1] as never, c, 'negatif', 'id')).toEqual({ ok: true, value: 'negative' });
    expect(parseCell(rows[1] as never, c, 'Stable', 'en')).toEqual({ ok: true, value: 'stable' });
    expect(parseCell(rows[1] as never, c, 'naik', 'id').ok).toBe(false);
  });

  it('splits a block copied from Excel (CRLF, trailing newline)', () => {
    expect(splitClipboard('82,5\t84\r\n90\t91\r\n')).toEqual([
      ['82,5', '84'],
      ['90', '91'],
    ]);
  });

  it('pastes a block of targets into one patch per indicator, whole series, with its version', () => {
    const r = pasteBlock(rows, cols, { row: 1, col: col('year:2024') }, '83\t85,5\t88', 'id');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const edits = r.cells.map((c, i) => ({ seq: i + 1, rowId: 'i:i1', col: c.col.key, value: c.value }));
    const pending = foldEdits(edits, rows, cols);
    expect(pending.get('i1')).toEqual({
      kind: 'indicator',
      id: 'i1',
      version: 7,
      patch: { targets: { '2024': 83, '2025': 85.5, '2026': 88 } },
    });
  });

  it('applies nothing when one pasted cell is bad, and says where', () => {
    const r = pasteBlock(rows, cols, { row: 1, col: col('year:2024') }, '83\tdelapan\n1.000', 'id');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.row, p.column, p.text])).toEqual([[1, col('year:2025'), 'delapan']]);
    const onSasaran = pasteBlock(rows, cols, { row: 0, col: col('year:2024') }, '1.000', 'id');
    expect(onSasaran.ok ? [] : onSasaran.problems.map((p) => p.reason)).toEqual([
      'this cell cannot be edited',
    ]);
  });

  it('edits pagu on budgeted nodes only, keeping the other years', () => {
    const edits = [{ seq: 1, rowId: 'n:n2', col: 'year:2025' as const, value: 1500 }];
    expect(foldEdits(edits, rows, cols).get('n2')?.patch).toEqual({ pagu: { '2024': 1000, '2025': 1500 } });
    const r = pasteBlock(rows, cols, { row: 0, col: col('year:2024') }, '5', 'id');
    expect(r.ok).toBe(false);
  });
});
