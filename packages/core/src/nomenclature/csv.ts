import Papa from 'papaparse';
import type { NomenclatureRow } from './reference.ts';

const REQUIRED = ['code', 'level', 'name', 'applies_to', 'regulation'] as const;

/** The outcome of reading the reference CSV. */
export type CsvResult =
  | { readonly ok: true; readonly rows: NomenclatureRow[] }
  | { readonly ok: false; readonly error: string };

/**
 * Reads the nomenclature reference CSV (lines starting with `#` are comments): columns
 * `code,level,name,applies_to,kinerja,indikator,satuan,regulation`.
 */
export const parseNomenclatureCsv = (text: string): CsvResult => {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    comments: '#',
    skipEmptyLines: true,
    transform: (v) => v.trim(),
  });
  const fields = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((f) => !fields.includes(f));
  if (missing.length > 0) return { ok: false, error: `missing columns: ${missing.join(', ')}` };
  const bad = parsed.errors.find((e) => e.type !== 'FieldMismatch' || e.code !== 'TooFewFields');
  if (bad) return { ok: false, error: `row ${(bad.row ?? 0) + 2}: ${bad.message}` };
  const rows = parsed.data.map((r) => ({
    code: r.code ?? '',
    level: r.level ?? '',
    name: r.name ?? '',
    applies_to: r.applies_to ?? '',
    kinerja: r.kinerja ?? '',
    indikator: r.indikator ?? '',
    satuan: r.satuan ?? '',
    regulation: r.regulation ?? '',
  }));
  return { ok: true, rows };
};
