import { buildNomenclatureReference, type NomenclatureRow } from '../src/index.ts';

const row = (
  code: string,
  level: string,
  name: string,
  applies_to = 'provinsi',
  extra: Partial<NomenclatureRow> = {},
): NomenclatureRow => ({
  code,
  level,
  name,
  applies_to,
  regulation: 'TEST',
  ...extra,
});

/** A tiny reference list named `test`, enough for the rules. */
export const TEST_ROWS: NomenclatureRow[] = [
  row('1.03', 'bidang', 'PU DAN PENATAAN RUANG', 'both'),
  row('1.03.10', 'program', 'PROGRAM PENYELENGGARAAN JALAN', 'both'),
  row('1.03.10.1.01', 'kegiatan', 'Penyelenggaraan Jalan Provinsi'),
  row('1.03.10.2.01', 'kegiatan', 'Penyelenggaraan Jalan Kabupaten/Kota', 'kabkota'),
  row('1.03.10.2.01.0032', 'subkegiatan', 'Pembangunan Jalan', 'kabkota', {
    indikator: 'Panjang Jalan',
    satuan: 'KM',
  }),
  row('1.03.12', 'program', 'PROGRAM PENYELENGGARAAN PENATAAN RUANG', 'both'),
  row('1.03.12.1.02', 'kegiatan', 'Koordinasi dan Sinkronisasi Perencanaan Tata Ruang'),
  row('1.03.12.1.02.0007', 'subkegiatan', 'Penyusunan RTRW Provinsi', 'provinsi', {
    indikator: 'Jumlah materi teknis',
    satuan: 'Dokumen',
  }),
  row('1.03.12.1.03', 'kegiatan', 'Koordinasi dan Sinkronisasi Pemanfaatan Ruang'),
  row('2.10.02', 'program', 'PROGRAM PENATAAN PERTANAHAN', 'both'),
  row('X.XX.01', 'program', 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI'),
  row('X.XX.01.1.01', 'kegiatan', 'Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah'),
  row('X.XX.01.1.01.0001', 'subkegiatan', 'Penyusunan Dokumen Perencanaan Perangkat Daerah'),
  row('1.03.99', 'program', 'OTHER VERSION', 'both', { regulation: 'OTHER' }),
];

export const TEST_REFERENCE = buildNomenclatureReference(TEST_ROWS, {
  id: 'test',
  title: 'Test',
  sourceMatch: 'TEST',
  scope: ['provinsi', 'kabkota'],
});
