import { describe, expect, it } from 'vitest';
import type { AgencyUnit } from './admin-types.ts';
import {
  type PeriodFields,
  passwordProblems,
  periodProblems,
  unitAndDescendants,
  unitIdFromName,
  unitTree,
} from './rules.ts';

const unit = (id: string, parent?: string): AgencyUnit => ({
  id,
  name: id.toUpperCase(),
  kind: 'bidang',
  ...(parent !== undefined && { parent }),
});

describe('passwordProblems', () => {
  it('accepts a long password without the username', () => {
    expect(passwordProblems('pariwisata.editor', 'Destinasi-Kaltim-2025')).toEqual([]);
  });
  it('refuses a short one and one containing the username, in any case', () => {
    expect(passwordProblems('budi', 'pendek')).toEqual(['short']);
    expect(passwordProblems('budi', 'xxBUDIxx-2025')).toEqual(['containsUsername']);
    expect(passwordProblems('budi', 'x'.repeat(201))).toEqual(['long']);
  });
  it('does not call every password bad while the username is still empty', () => {
    expect(passwordProblems('', 'panjang-sekali-123')).toEqual([]);
  });
});

describe('unitIdFromName', () => {
  it('makes a key of lowercase words joined by dashes', () => {
    expect(unitIdFromName('Bidang Destinasi')).toBe('bidang-destinasi');
    expect(unitIdFromName('  UPTD Taman Budaya (Samarinda) ')).toBe('uptd-taman-budaya-samarinda');
    expect(unitIdFromName('Seksi Pemasaran & Promosi')).toBe('seksi-pemasaran-promosi');
  });
});

describe('unitTree', () => {
  it('puts each parent before its children, with depths', () => {
    const rows = unitTree([unit('seksi', 'bidang'), unit('kadis'), unit('bidang', 'kadis'), unit('uptd')]);
    expect(rows.map((r) => `${r.unit.id}:${r.depth}`)).toEqual(['kadis:0', 'bidang:1', 'seksi:2', 'uptd:0']);
  });
  it('keeps units with an unknown parent or caught in a cycle', () => {
    const rows = unitTree([unit('a', 'b'), unit('b', 'a'), unit('c', 'gone')]);
    expect(rows.map((r) => r.unit.id).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('unitAndDescendants', () => {
  it('finds the whole subtree', () => {
    const units = [unit('kadis'), unit('bidang', 'kadis'), unit('seksi', 'bidang'), unit('uptd')];
    expect([...unitAndDescendants(units, 'kadis')].sort()).toEqual(['bidang', 'kadis', 'seksi']);
    expect([...unitAndDescendants(units, 'uptd')]).toEqual(['uptd']);
  });
});

describe('periodProblems', () => {
  const period = (p: Partial<PeriodFields>): PeriodFields => ({
    kind: 'RPJMD',
    startYear: 2025,
    endYear: 2029,
    baselineYear: 2024,
    legalBasis: [],
    ...p,
  });
  it('accepts a period with its years in order', () => {
    expect(periodProblems(period({}))).toEqual({});
    expect(periodProblems(period({ endYear: 2025, baselineYear: 2025 }))).toEqual({});
  });
  it('asks for every year', () => {
    expect(periodProblems(period({ startYear: '', endYear: '', baselineYear: '' }))).toEqual({
      startYear: 'required',
      endYear: 'required',
      baselineYear: 'required',
    });
  });
  it('names an end before the start, a period over 25 years and a baseline after the start', () => {
    expect(periodProblems(period({ endYear: 2024 }))).toEqual({ endYear: 'endBeforeStart' });
    expect(periodProblems(period({ endYear: 2050 }))).toEqual({ endYear: 'tooLong' });
    expect(periodProblems(period({ baselineYear: 2026 }))).toEqual({ baselineYear: 'baselineAfterStart' });
  });
});
