import {
  DEFAULT_PREDICATE_SCALE,
  type PredicateBand,
  type PredicateScale,
} from '../schema/settings.schema.ts';

/**
 * The predicate band for a capaian: the first band (from the top) whose `min` it reaches; a value
 * below every band gets the last one.
 *
 * @example
 * getPredicate(90.5).label.id; // 'Tinggi'
 */
export const getPredicate = (
  capaian: number,
  scale: PredicateScale = DEFAULT_PREDICATE_SCALE,
): PredicateBand => {
  const bands = scale.bands;
  for (const band of bands) if (capaian >= band.min) return band;
  return bands[bands.length - 1] as PredicateBand;
};
