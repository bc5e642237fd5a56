/**
 * Words of the official documents (letters, notulen, berita acara). These are Indonesian
 * government documents, printed in Indonesian whatever language the screen is in.
 */
export const NATURE_LABEL: Readonly<Record<string, string>> = {
  biasa: 'Biasa',
  penting: 'Penting',
  segera: 'Segera',
  'sangat-segera': 'Sangat Segera',
  rahasia: 'Rahasia',
};

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** BAB IV for 4. */
export const babOf = (n: number): string => `BAB ${ROMAN[n - 1] ?? n}`;

/**
 * Who issues a letter of this kind: the agency (its full name, which names the region) for
 * (re)submissions, Bappeda of the region for returns and verifications.
 */
export const letterhead = (kind: string, agencyName: string, regionName: string): string =>
  kind === 'submission' || kind === 'resubmission'
    ? agencyName
    : `Badan Perencanaan Pembangunan Daerah ${regionName}`.trim();
