import type { Indicator, TargetValue } from '../schema/indicator.schema.ts';
import type { Period } from '../schema/region.schema.ts';
import type { YearSeries } from '../schema/year-series.ts';

/** The target of a year, if set. */
export const getTarget = (indicator: Indicator, year: number): TargetValue | undefined =>
  indicator.targets.get(year);

/** The entered realisation of a year, if any. */
export const getEnteredRealisation = (indicator: Indicator, year: number): number | undefined =>
  indicator.realisations.get(year);

const asNumber = (v: TargetValue | number): number | undefined => (typeof v === 'number' ? v : undefined);

/**
 * Kondisi akhir: the target at the end of the period. Non-cumulative indicators (rates, indices)
 * end at the final year's target; cumulative indicators stated as increments end at the sum of
 * the yearly targets; cumulative running totals end at the final year's.
 *
 * @example
 * // cumulative increments 1500, 1500, 1500 over 2024–2026
 * getEndOfPeriodTarget(indicator, period); // 4500
 */
export const getEndOfPeriodTarget = (
  indicator: Indicator,
  period: Pick<Period, 'startYear' | 'endYear'>,
): TargetValue | undefined => {
  if (indicator.cumulative && indicator.targetsAre === 'increments') {
    return indicator.targets.sumRange(period.startYear, period.endYear, asNumber);
  }
  return indicator.targets.get(period.endYear);
};

/**
 * For cumulative indicators stated as increments: the total of targets or realisations from the
 * start of the period up to and including `year`; undefined when a year is missing.
 */
export const getToDateTotal = (
  values: YearSeries<TargetValue> | YearSeries<number>,
  period: Pick<Period, 'startYear'>,
  year: number,
): number | undefined => (values as YearSeries<TargetValue>).sumRange(period.startYear, year, asNumber);
