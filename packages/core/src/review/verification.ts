import type { LocalizedText } from '../schema/common.schema.ts';

/**
 * What Bappeda's verification (and the Inspektorat's reviu) checks, after DOMAIN §2.3: each
 * criterion is passed or failed with a note. The keys are stable; the texts can be shown as they are.
 */
export const VERIFICATION_CRITERIA: readonly { readonly key: string; readonly label: LocalizedText }[] = [
  {
    key: 'alignment',
    label: {
      id: 'Tujuan dan sasaran perangkat daerah mendukung sasaran RPD/RPJMD (Tabel 4.2 lengkap).',
      en: 'The agency’s goals and objectives support the regional plan’s objectives (Table 4.2 complete).',
    },
  },
  {
    key: 'indicators',
    label: {
      id: 'Indikator berorientasi hasil dan SMART; ada baseline dan target setiap tahun.',
      en: 'Indicators are outcome-oriented and SMART, with a baseline and a target for every year.',
    },
  },
  {
    key: 'nomenclature',
    label: {
      id: 'Program, kegiatan dan sub kegiatan memakai nomenklatur dan kode resmi serta sesuai kewenangan.',
      en: 'Programmes, activities and sub-activities use the official nomenclature and codes and are within the authority.',
    },
  },
  {
    key: 'funding',
    label: {
      id: 'Pagu indikatif per tahun berada dalam kerangka pendanaan RPD.',
      en: 'The indicative budget per year stays within the regional plan’s funding frame.',
    },
  },
  {
    key: 'cascading',
    label: {
      id: 'Cascading lengkap: output sub kegiatan → kegiatan → program → sasaran perangkat daerah.',
      en: 'The cascade is complete: sub-activity outputs → activities → programmes → agency objectives.',
    },
  },
  {
    key: 'data',
    label: { id: 'Data mutakhir (baseline diperbarui).', en: 'Data are current (baselines updated).' },
  },
  {
    key: 'structure',
    label: {
      id: 'Bab mengikuti sistematika yang diwajibkan dan tabel lengkap.',
      en: 'Chapters follow the required structure and the tables are complete.',
    },
  },
  {
    key: 'ikk-spm',
    label: {
      id: 'Konsisten dengan IKK dan SPM bila berlaku.',
      en: 'Consistent with the key performance indicators (IKK) and minimum service standards (SPM) where they apply.',
    },
  },
];

/** One checked criterion. */
export interface CriterionResult {
  readonly key: string;
  readonly pass: boolean;
  readonly note?: string | undefined;
}

/**
 * Whether a checklist is complete and passed: every criterion once, all passing. Returns the keys
 * missing, unknown or failed otherwise, so the message can name them.
 */
export const checklistOutcome = (
  results: readonly CriterionResult[],
): { complete: boolean; passed: boolean; missing: string[]; unknown: string[]; failed: string[] } => {
  const known = new Set(VERIFICATION_CRITERIA.map((c) => c.key));
  const given = new Set(results.map((r) => r.key));
  const missing = [...known].filter((k) => !given.has(k));
  const unknown = [...given].filter((k) => !known.has(k));
  const failed = results.filter((r) => !r.pass).map((r) => r.key);
  const complete = missing.length === 0 && unknown.length === 0;
  return { complete, passed: complete && failed.length === 0, missing, unknown, failed };
};
