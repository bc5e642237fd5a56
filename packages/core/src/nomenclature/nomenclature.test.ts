import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_REFERENCE } from '../../test/reference.ts';
import { isCodeUnder, parentCode, parseCode, templateCode } from './code.ts';
import { parseNomenclatureCsv } from './csv.ts';
import { buildNomenclatureReference } from './reference.ts';

describe('parseCode', () => {
  it.each([
    ['1', 'urusan', undefined],
    ['1.03', 'bidang', '1'],
    ['1.03.12', 'program', '1.03'],
    ['1.03.12.1.02', 'kegiatan', '1.03.12'],
    ['1.03.12.1.02.0007', 'subKegiatan', '1.03.12.1.02'],
    ['1.03.12.1.02.07', 'subKegiatan', '1.03.12.1.02'],
    ['X.XX.01.1.01.0001', 'subKegiatan', 'X.XX.01.1.01'],
    [' 1.03.10 ', 'program', '1.03'],
  ] as const)('%s is a %s under %s', (code, level, parent) => {
    const p = parseCode(code);
    expect(p?.level).toBe(level);
    expect(p && parentCode(p)).toBe(parent);
  });

  it.each([
    '',
    '1.3',
    '1.03.1',
    '1.03.12.1',
    '1.03.12.1.2',
    '1.03.12.1.02.007',
    '1.03.12.1.02.00007',
    'A.03',
    '1.03.12.12.02',
    '0.03',
  ])('%s is malformed', (code) => {
    expect(parseCode(code)).toBeUndefined();
  });

  it('knows the bidang urusan and government digit', () => {
    expect(parseCode('1.04.05.1.01')).toMatchObject({
      bidangUrusan: '1.04',
      government: '1',
      program: '05',
      kegiatan: '01',
    });
  });

  it('maps program penunjang to its template', () => {
    expect(templateCode(parseCode('1.03.01.1.01.0001') as never)).toBe('X.XX.01.1.01.0001');
    expect(templateCode(parseCode('1.03.02') as never)).toBeUndefined();
    expect(templateCode(parseCode('X.XX.01') as never)).toBeUndefined();
    expect(isCodeUnder(parseCode('1.03.12.1.02') as never, parseCode('1.03.12') as never)).toBe(true);
    expect(isCodeUnder(parseCode('1.03.12.1.02') as never, parseCode('1.03.10') as never)).toBe(false);
  });
});

describe('NomenclatureReference', () => {
  it.each([
    ['1.03.12.1.02.0007', 'provinsi', 'found'],
    ['1.03.01.1.01.0001', 'provinsi', 'found'],
    ['1.03.10.2.01.0032', 'provinsi', 'other-government'],
    ['1.03.10.2.01.0032', 'kabupaten', 'found'],
    ['1.03.12.1.02', 'kota', 'other-government'],
    ['1.03.12.1.99', 'provinsi', 'unknown'],
    ['1.03.99', 'provinsi', 'unknown'],
    ['1.03.12.1.02.07', 'provinsi', 'unknown'],
    ['one.two', 'provinsi', 'malformed'],
  ] as const)('%s for a %s: %s', (code, kind, status) => {
    expect(TEST_REFERENCE.lookup(code, kind).status).toBe(status);
  });

  it('suggests the 4-digit form of a 2-digit sub kegiatan code', () => {
    const r = TEST_REFERENCE.lookup('1.03.12.1.02.07', 'provinsi');
    expect(r.status === 'unknown' && r.hint).toBe('1.03.12.1.02.0007');
  });

  it('lists the entries under a code', () => {
    expect(TEST_REFERENCE.childrenOf('1.03.12').map((e) => e.code)).toEqual(['1.03.12.1.02', '1.03.12.1.03']);
    expect(TEST_REFERENCE.size).toBe(13);
  });
});

describe('the shipped reference list', () => {
  const text = readFileSync(
    new URL('../../../../reference/nomenclature/nomenklatur.csv', import.meta.url),
    'utf8',
  );
  const versions = JSON.parse(
    readFileSync(new URL('../../../../reference/nomenclature/versions.json', import.meta.url), 'utf8'),
  );
  const csv = parseNomenclatureCsv(text);
  if (!csv.ok) throw new Error(csv.error);

  it('has every row and both versions', () => {
    expect(csv.rows.length).toBe(9842);
    expect(versions.versions.map((v: { id: string }) => v.id)).toEqual([
      'sipd-2027',
      'kepmendagri-900.1.15.5-1317-2023',
    ]);
  });

  it('keeps renumbered codes apart by version (Pembangunan Jalan kab/kota)', () => {
    const [v2027, v2023] = versions.versions.map((v: never) => buildNomenclatureReference(csv.rows, v));
    expect(v2023?.lookup('1.03.10.2.01.0032', 'kabupaten').status).toBe('found');
    expect(v2027?.lookup('1.03.10.2.01.0032', 'kabupaten').status).toBe('unknown');
    const r = v2027?.lookup('1.03.10.2.01.0053', 'kabupaten');
    expect(r?.status === 'found' && r.entry.name).toBe('Pembangunan Jalan');
    expect(v2027?.lookup('1.03.12.1.02', 'provinsi').status).toBe('found');
  });

  it('refuses a CSV without the required columns', () => {
    expect(parseNomenclatureCsv('code,name\n1.03,x\n')).toEqual({
      ok: false,
      error: 'missing columns: level, applies_to, regulation',
    });
  });
});
