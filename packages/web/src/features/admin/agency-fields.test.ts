import { describe, expect, it } from 'vitest';
import type { AgencyRecord } from './admin-types.ts';
import {
  agencyBody,
  agencyFieldsOf,
  differingFields,
  emptyAgencyFields,
  mergeAgencyFields,
  sameRecord,
} from './agency-fields.ts';

const record: AgencyRecord = {
  id: 'a1',
  regionId: 'r1',
  kind: 'dinas',
  version: 3,
  code: '3.26.0.00.0.00.01.0000',
  name: 'Dinas Pariwisata',
  bidangUrusan: ['3.26'],
  head: { position: 'Kepala Dinas Pariwisata' },
  units: [{ id: 'destinasi', name: 'Bidang Destinasi', kind: 'bidang' }],
};

describe('agencyBody', () => {
  it('sends the record without empty optional fields, units or bookkeeping', () => {
    expect(agencyBody(agencyFieldsOf(record))).toEqual({
      code: '3.26.0.00.0.00.01.0000',
      name: 'Dinas Pariwisata',
      bidangUrusan: ['3.26'],
      head: { position: 'Kepala Dinas Pariwisata' },
    });
  });
  it('sends a head with a name but no position, so the server names the missing position', () => {
    const f = { ...emptyAgencyFields(), code: 'x', name: 'y', headName: 'Budi' };
    expect(agencyBody(f).head).toEqual({ position: '', name: 'Budi' });
  });
});

describe('differingFields and sameRecord', () => {
  it('names the fields that differ with the second version’s values', () => {
    const mine = { ...agencyFieldsOf(record), name: 'Dinas Pariwisata Kaltim' };
    const theirs = { ...agencyFieldsOf(record), shortName: 'Dispar' };
    expect(differingFields(mine, theirs)).toEqual([
      { field: 'name', value: 'Dinas Pariwisata' },
      { field: 'shortName', value: 'Dispar' },
    ]);
  });
  it('ignores units and version', () => {
    expect(sameRecord(record, { ...record, version: 4, units: [] })).toBe(true);
    expect(sameRecord(record, { ...record, name: 'Dispar' })).toBe(false);
  });
});

describe('mergeAgencyFields', () => {
  const base = agencyFieldsOf(record);
  it('keeps the user’s changes and takes the other person’s where the user changed nothing', () => {
    const mine = { ...base, name: 'Dinas Pariwisata Kaltim', address: 'Jl. Gajah Mada' };
    const stored = { ...base, shortName: 'Dispar', headName: 'Siti', address: 'Jl. Kesuma Bangsa' };
    const m = mergeAgencyFields(base, mine, stored);
    expect(m.fields).toEqual({
      ...base,
      name: 'Dinas Pariwisata Kaltim',
      shortName: 'Dispar',
      headName: 'Siti',
      address: 'Jl. Gajah Mada',
    });
    expect(m.taken).toEqual(['shortName', 'headName']);
    expect(m.clashes).toEqual([{ field: 'address', value: 'Jl. Kesuma Bangsa' }]);
  });
  it('sees no clash where both made the same change', () => {
    const same = { ...base, name: 'Dispar Kaltim' };
    expect(mergeAgencyFields(base, same, same)).toEqual({ fields: same, clashes: [], taken: [] });
  });
  it('takes a changed list of bidang urusan', () => {
    const m = mergeAgencyFields(base, base, { ...base, bidangUrusan: ['3.26', '3.25'] });
    expect(m.fields.bidangUrusan).toEqual(['3.26', '3.25']);
    expect(m.taken).toEqual(['bidangUrusan']);
  });
});
