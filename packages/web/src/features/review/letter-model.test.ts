import { describe, expect, it } from 'vitest';
import { defaultLetter, fieldOfPath, letterBody, letterProblems } from './letter-model.ts';

const context = {
  regionName: 'Provinsi Kalimantan Timur',
  capital: 'Samarinda',
  agencyName: 'Dinas PUPR PERA',
  headName: 'A.M. Fitra Firnanda',
  headPosition: 'Kepala Dinas PUPR PERA Provinsi Kalimantan Timur',
  planTitle: 'Rencana Strategis Dinas PUPR PERA Provinsi Kalimantan Timur Tahun 2024–2026',
  stage: 'rancangan',
  resubmit: false,
  today: '2023-05-02',
};

describe('defaultLetter', () => {
  it('addresses Bappeda of the region, signed by the head, copied to the Inspektorat', () => {
    const f = defaultLetter(context);
    expect(f).toMatchObject({
      number: '',
      date: '2023-05-02',
      place: 'Samarinda',
      subject: 'Penyampaian Rancangan Renstra Dinas PUPR PERA Provinsi Kalimantan Timur Tahun 2024–2026',
      addresseePosition: 'Kepala Bappeda Provinsi Kalimantan Timur',
      signatoryName: 'A.M. Fitra Firnanda',
      copies: ['Inspektur Daerah Provinsi Kalimantan Timur'],
    });
    expect(letterProblems(f)).toEqual(['number']);
  });
  it('keeps the previous letter’s choices for a resubmission', () => {
    const previous = {
      ...letterBody({ ...defaultLetter(context), number: '050/1', signatoryNip: '197001011990031001' }),
      copies: ['Gubernur'],
    };
    const f = defaultLetter({ ...context, resubmit: true, today: '2023-05-17', previous });
    expect(f.subject).toMatch(/^Penyampaian Perbaikan Rancangan Renstra/);
    expect(f).toMatchObject({ signatoryNip: '197001011990031001', copies: ['Gubernur'], date: '2023-05-17' });
  });
});

describe('letterBody and problems', () => {
  it('trims, leaves an empty NIP and empty copies out', () => {
    const body = letterBody({ ...defaultLetter(context), number: ' 050/2 ', copies: ['A', ' '] });
    expect(body.number).toBe('050/2');
    expect(body.signatory).not.toHaveProperty('nip');
    expect(body.copies).toEqual(['A']);
  });
  it('names a short NIP and the API’s paths as fields', () => {
    expect(letterProblems({ ...defaultLetter(context), number: 'x', signatoryNip: '123' })).toEqual([
      'signatoryNip',
    ]);
    expect(fieldOfPath('letter.signatory.nip')).toBe('signatoryNip');
    expect(fieldOfPath('body.letter.date')).toBe('date');
    expect(fieldOfPath('letter.copies.0')).toBe('copies');
  });
});
