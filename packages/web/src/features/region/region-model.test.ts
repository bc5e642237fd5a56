import { describe, expect, it } from 'vitest';
import {
  agencyKind,
  agencyRows,
  DEFAULT_SORT,
  filterRows,
  nextSort,
  sortRows,
  summarise,
} from './region-model.ts';
import type { OverviewPlan, RegionOverview } from './region-types.ts';

const plan = (id: string, error: number, updatedAt: string, title = `Renstra ${id}`): OverviewPlan => ({
  planId: id,
  key: `key-${id}`,
  title,
  kind: 'renstra',
  stage: 'rancangan',
  etag: '"1.1"',
  updatedAt,
  findings: { error, warning: 0, info: 0 },
  reviewState: null,
});

const overview: RegionOverview = {
  regionId: 'r',
  regionalPlans: [],
  agencies: [
    {
      agencyId: 'a1',
      code: '1.01',
      name: 'Dinas Pendidikan',
      shortName: 'Disdikbud',
      kind: 'dinas',
      plans: [],
    },
    {
      agencyId: 'a2',
      code: '1.02',
      name: 'Dinas Kesehatan',
      shortName: 'Dinkes',
      kind: 'dinas',
      plans: [plan('p2', 0, '2024-05-17T08:00:00Z')],
    },
    {
      agencyId: 'a3',
      code: '1.03',
      name: 'Dinas Pekerjaan Umum',
      shortName: 'Dinas PUPR PERA',
      kind: 'dinas',
      plans: [plan('p3', 12, '2024-03-01T08:00:00Z', 'Rencana Strategis PUPR')],
    },
    { agencyId: 'a4', code: '5.01', name: 'Badan Perencanaan', shortName: null, kind: 'bappeda', plans: [] },
  ],
};

describe('region overview model', () => {
  it('lists every agency, one line per Renstra and one for an agency without', () => {
    const rows = agencyRows(overview);
    expect(rows.map((r) => [r.agency.agencyId, r.plan?.planId ?? null])).toEqual([
      ['a1', null],
      ['a2', 'p2'],
      ['a3', 'p3'],
      ['a4', null],
    ]);
  });

  it('counts agencies, Renstra, Renstra with errors and agencies without one', () => {
    expect(summarise(overview)).toEqual({ agencies: 4, plans: 2, withErrors: 1, withoutPlan: 2 });
  });

  it('filters by code, name, short name or title, and by errors', () => {
    const rows = agencyRows(overview);
    expect(filterRows(rows, { text: 'pupr', onlyErrors: false }).map((r) => r.agency.agencyId)).toEqual([
      'a3',
    ]);
    expect(filterRows(rows, { text: 'RENCANA strategis', onlyErrors: false })).toHaveLength(1);
    expect(filterRows(rows, { text: '5.01', onlyErrors: false }).map((r) => r.agency.agencyId)).toEqual([
      'a4',
    ]);
    expect(filterRows(rows, { text: '', onlyErrors: true }).map((r) => r.agency.agencyId)).toEqual(['a3']);
    expect(filterRows(rows, { text: 'dinkes', onlyErrors: true })).toEqual([]);
  });

  it('sorts by code, name, errors and update, keeping agencies without a Renstra last', () => {
    const rows = agencyRows(overview);
    const ids = (s: Parameters<typeof sortRows>[1]) => sortRows(rows, s).map((r) => r.agency.agencyId);
    expect(ids(DEFAULT_SORT)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(ids({ key: 'name', dir: 'asc' })).toEqual(['a4', 'a3', 'a2', 'a1']);
    expect(ids({ key: 'errors', dir: 'desc' })).toEqual(['a3', 'a2', 'a1', 'a4']);
    expect(ids({ key: 'errors', dir: 'asc' })).toEqual(['a2', 'a3', 'a1', 'a4']);
    expect(ids({ key: 'updated', dir: 'desc' })).toEqual(['a2', 'a3', 'a1', 'a4']);
  });

  it('flips the direction of the same column and starts errors and update descending', () => {
    expect(nextSort(DEFAULT_SORT, 'code')).toEqual({ key: 'code', dir: 'desc' });
    expect(nextSort(DEFAULT_SORT, 'errors')).toEqual({ key: 'errors', dir: 'desc' });
    expect(nextSort({ key: 'errors', dir: 'desc' }, 'errors')).toEqual({ key: 'errors', dir: 'asc' });
    expect(nextSort(DEFAULT_SORT, 'name')).toEqual({ key: 'name', dir: 'asc' });
  });

  it('names the known agency kinds and calls the rest other', () => {
    expect(agencyKind('inspektorat')).toBe('inspektorat');
    expect(agencyKind('badan')).toBe('other');
  });
});
