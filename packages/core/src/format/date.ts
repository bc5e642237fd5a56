import type { Lang } from '../schema/common.schema.ts';

const MONTHS: Record<Lang, readonly string[]> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/**
 * Formats an ISO date (`2023-05-17`) as `17 Mei 2023` (Indonesian) or `17 May 2023` (English).
 * Dates are calendar dates: no time zone, no clock.
 */
export const formatDate = (isoDate: string, lang: Lang = 'id'): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const month = MONTHS[lang][Number(m[2]) - 1];
  if (month === undefined) return isoDate;
  return `${Number(m[3])} ${month} ${m[1]}`;
};
