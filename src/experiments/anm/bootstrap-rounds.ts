/**
 * The bands and intervals of Fig. 4-5 are 95% percentile intervals: the 2.5% and 97.5%
 * percentiles of B bootstrap refits. With B < 40 the 2.5% tail holds less than one resample, so
 * the band would be the sample's extremes under a "95%" label; such B is refused.
 */
export const MIN_BOOTSTRAP_ROUNDS = 40;

export function checkBootstrapRounds(B: number): void {
  if (!Number.isInteger(B) || B < MIN_BOOTSTRAP_ROUNDS) throw new Error(`bootstrap rounds must be an integer >= ${MIN_BOOTSTRAP_ROUNDS} for a 95% percentile interval (2.5% of B must be at least one resample), got ${B}`);
}
