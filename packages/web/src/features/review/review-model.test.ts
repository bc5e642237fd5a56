import { describe, expect, it } from 'vitest';
import {
  anchorLink,
  collapseEqual,
  formatDateTime,
  formatValue,
  groupFindings,
  shortHash,
  splitField,
  stepOf,
  tidyText,
  unresolvedAnchors,
  validNip,
} from './review-model.ts';
import type { ReviewFinding } from './review-types.ts';

const finding = (over: Partial<ReviewFinding>): ReviewFinding => ({
  id: 'f',
  planId: 'p',
  round: 1,
  institution: 'bappeda',
  anchor: { type: 'plan' },
  category: 'data',
  severity: 'minor',
  text: 'x',
  recommendation: null,
  status: 'open',
  createdBy: null,
  createdAt: '2023-05-12T02:00:00.000Z',
  updatedAt: '2023-05-12T02:00:00.000Z',
  version: 1,
  replies: [],
  ...over,
});

describe('anchorLink', () => {
  it('points chapters, sections, nodes and indicators at their screens', () => {
    expect(anchorLink('p1', { type: 'chapter', chapter: 2 })).toBe('/rencana/p1/bab/2');
    expect(anchorLink('p1', { type: 'section', chapter: 2, section: '2.3' })).toBe('/rencana/p1/bab/2/2.3');
    expect(anchorLink('p1', { type: 'node', node: 'TJ1.SS1' })).toBe('/rencana/p1/pohon?node=TJ1.SS1');
    expect(anchorLink('p1', { type: 'indicator', indicator: 'bm_kemantapan_jalan' })).toBe(
      '/rencana/p1/indikator?indicator=bm_kemantapan_jalan',
    );
    expect(anchorLink('p1', { type: 'tree' })).toBe('/rencana/p1/pohon');
    expect(anchorLink('p1', { type: 'plan' })).toBeUndefined();
  });
});

describe('groupFindings and unresolvedAnchors', () => {
  const list = [
    finding({ id: 'a', status: 'answered', institution: 'inspektorat', anchor: { type: 'tree' } }),
    finding({ id: 'b', status: 'open', anchor: { type: 'tree' } }),
    finding({ id: 'c', status: 'resolved', anchor: { type: 'chapter', chapter: 2 } }),
    finding({ id: 'd', status: 'open', institution: 'inspektorat', anchor: { type: 'node', node: 'TJ1' } }),
  ];
  it('orders groups by status, then institution, leaving empty ones out', () => {
    const g = groupFindings(list);
    expect(g.map((x) => [x.status, x.count])).toEqual([
      ['open', 2],
      ['answered', 1],
      ['resolved', 1],
    ]);
    expect(g[0]?.institutions.map((i) => [i.institution, i.findings.map((f) => f.id)])).toEqual([
      ['bappeda', ['b']],
      ['inspektorat', ['d']],
    ]);
  });
  it('unlocks the anchors of open and answered findings once each', () => {
    expect(unresolvedAnchors(list)).toEqual([{ type: 'tree' }, { type: 'node', node: 'TJ1' }]);
  });
});

describe('formats', () => {
  it('writes dates and times the Indonesian way', () => {
    const d = new Date(2023, 4, 17, 14, 5);
    expect(formatDateTime(d.toISOString(), 'id')).toBe('17 Mei 2023, 14.05');
    expect(formatDateTime(d.toISOString(), 'en')).toBe('17 May 2023, 14:05');
  });
  it('formats field values: pagu in rupiah, targets and ranges, lists, booleans', () => {
    expect(formatValue('pagu.2024', 1250000000, 'id')).toBe('Rp1.250.000.000');
    expect(formatValue('targets.2025', 85.5, 'id')).toBe('85,5');
    expect(formatValue('targets.2025', { min: 5, max: 7.5 }, 'id')).toBe('5–7,5');
    expect(formatValue('alignsTo', ['T1.S1', 'T2.S3'], 'id')).toBe('T1.S1, T2.S3');
    expect(formatValue('priority', true, 'id')).toBe('ya');
    expect(formatValue('baseline', { year: 2022, value: 1234.5 }, 'id')).toBe('1.234,5 (2022)');
    expect(formatValue('statement', null, 'id')).toBe('–');
    expect(splitField('targets.2026')).toEqual({ name: 'targets', year: '2026' });
    expect(splitField('statement')).toEqual({ name: 'statement' });
  });
  it('checks a NIP of 18 digits, shortens hashes and places states on the stepper', () => {
    expect(validNip('197001011990031001')).toBe(true);
    expect(validNip('')).toBe(true);
    expect(validNip('1970')).toBe(false);
    expect(shortHash('6a52ca9023de9159b7a7daa130453555')).toBe('6a52ca9023de');
    expect(stepOf('draft')).toBe(0);
    expect(stepOf('returned')).toBe(3);
    expect(stepOf('ditetapkan')).toBe(6);
  });
});

describe('collapseEqual', () => {
  it('shortens long unchanged text between changes and keeps short text', () => {
    const long = 'a'.repeat(500);
    const parts = collapseEqual(
      [
        { op: 'equal', text: long },
        { op: 'insert', text: 'baru' },
        { op: 'equal', text: long },
        { op: 'delete', text: 'lama' },
        { op: 'equal', text: 'pendek' },
      ],
      50,
    );
    expect(parts[0]).toMatchObject({ elided: true, text: ` … ${'a'.repeat(50)}` });
    expect(parts[2]?.text).toBe(`${'a'.repeat(50)} … ${'a'.repeat(50)}`);
    expect(parts[4]).toEqual({ op: 'equal', text: 'pendek' });
  });
  it('puts table cells on one line', () => {
    expect(tidyText('Jabatan\n\tPNS\n\tPPPK\n\nKepala\n\t1')).toBe('Jabatan | PNS | PPPK\nKepala | 1');
  });
});
