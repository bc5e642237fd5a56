import type { Lang } from '@selaras/core';

/** Strings of the command line in both languages; Indonesian is the default. */
export const MESSAGES = {
  checkTitle: { id: 'Pemeriksaan rencana', en: 'Plan check' },
  scoreTitle: { id: 'Capaian kinerja', en: 'Performance' },
  error: { id: 'Kesalahan', en: 'Errors' },
  warning: { id: 'Peringatan', en: 'Warnings' },
  info: { id: 'Informasi', en: 'Information' },
  summary: { id: 'Ringkasan', en: 'Summary' },
  noFindings: { id: 'Tidak ada temuan.', en: 'No findings.' },
  regionalPlan: { id: 'rencana daerah', en: 'regional plan' },
  renstra: { id: 'renstra', en: 'agency plan' },
  indicator: { id: 'Indikator', en: 'Indicator' },
  target: { id: 'Target', en: 'Target' },
  realisation: { id: 'Realisasi', en: 'Actual' },
  capaian: { id: 'Capaian', en: 'Achievement' },
  predicate: { id: 'Predikat', en: 'Rating' },
  composites: { id: 'Indeks komposit', en: 'Composite indices' },
  units: { id: 'Capaian per unit kerja', en: 'Achievement by unit' },
  tree: { id: 'Roll-up pohon kinerja', en: 'Performance tree roll-up' },
  overall: { id: 'Capaian keseluruhan', en: 'Overall achievement' },
  notMeasured: {
    id: 'indikator belum memiliki realisasi tahun ini',
    en: 'indicators have no actual value this year',
  },
  useAll: { id: 'tampilkan semua dengan --all', en: 'show all with --all' },
  computed: { id: 'dihitung', en: 'computed' },
  cannotRead: { id: 'Berkas tidak dapat dibaca', en: 'File cannot be read' },
  notAPlan: { id: 'Berkas bukan rencana Selaras yang sah', en: 'File is not a valid Selaras plan' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** Looks a message up in a language. */
export const t = (key: MessageKey, lang: Lang): string => MESSAGES[key][lang];

/** Plural-free counts in both languages: "3 kesalahan" / "3 errors". */
export const countLabel = (n: number, key: 'error' | 'warning' | 'info', lang: Lang): string => {
  const words = {
    id: { error: 'kesalahan', warning: 'peringatan', info: 'informasi' },
    en: { error: 'errors', warning: 'warnings', info: 'notes' },
  };
  return `${n} ${words[lang][key]}`;
};
