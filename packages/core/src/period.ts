import type { Period } from './schema/region.schema.ts';

/**
 * The years of a period, in order.
 *
 * @example
 * getPeriodYears({ kind: 'RPD', startYear: 2024, endYear: 2026, baselineYear: 2022, legalBasis: [] });
 * // [2024, 2025, 2026]
 */
export const getPeriodYears = (period: Pick<Period, 'startYear' | 'endYear'>): number[] => {
  const years: number[] = [];
  for (let y = period.startYear; y <= period.endYear; y++) years.push(y);
  return years;
};

/** Whether a year falls inside the period. */
export const isYearInPeriod = (period: Pick<Period, 'startYear' | 'endYear'>, year: number): boolean =>
  year >= period.startYear && year <= period.endYear;

/** The number of years of the period (3 for an RPD 2024–2026). */
export const getPeriodLength = (period: Pick<Period, 'startYear' | 'endYear'>): number =>
  period.endYear - period.startYear + 1;
