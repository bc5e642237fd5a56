import {
  formatDate as coreDate,
  formatNumber as coreNumber,
  formatRupiah as coreRupiah,
} from '@selaras/core/format';
import type { Lang } from '../i18n/index.ts';

/** Numbers as readers expect them: 1.234,56 in Indonesian, 1,234.56 in English. */
export const formatNumber = (
  value: number,
  lang: Lang,
  opts?: { decimals?: number; maxDecimals?: number },
): string => coreNumber(value, lang, opts);

/** Rupiah without decimals: Rp1.234.567. */
export const formatRupiah = (value: number, lang: Lang): string => coreRupiah(value, lang);

/** Dates as 17 Mei 2023 / 17 May 2023 (from ISO text; the time part is ignored). */
export const formatDate = (iso: string, lang: Lang): string => coreDate(iso.slice(0, 10), lang);

export { parseLocaleNumber } from '@selaras/core/format';
