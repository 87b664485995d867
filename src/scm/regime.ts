/**
 * Which actions are intervened on: none (observational), one (single), all (joint), or any
 * subset (mixed, Proposition 1 of Kekić et al.).
 */
export interface Regime {
  K: number;
  intervened: readonly boolean[];
}

export const observationalRegime = (K: number): Regime => ({K, intervened: new Array(K).fill(false)});
export const jointRegime = (K: number): Regime => ({K, intervened: new Array(K).fill(true)});
export const singleRegime = (K: number, k: number): Regime => mixedRegime(K, [k]);

export function mixedRegime(K: number, intervened: Iterable<number>): Regime {
  const mask = new Array(K).fill(false);
  for (const k of intervened) {
    if (!Number.isInteger(k) || k < 0 || k >= K) throw new Error(`intervened action ${k} is not in 0..${K - 1}`);
    mask[k] = true;
  }
  return {K, intervened: mask};
}

export function intervenedSet(regime: Regime): number[] {
  return regime.intervened.flatMap((on, k) => (on ? [k] : []));
}

/** A stable label: "obs", "joint", or "do" followed by the intervened indices ("do2", "do0-3"). */
export function regimeLabel(regime: Regime): string {
  const set = intervenedSet(regime);
  if (set.length === 0) return "obs";
  if (set.length === regime.K) return "joint";
  return `do${set.join("-")}`;
}

/** Intervened A_k ~ N(mean[k], std[k]^2), independently (Kekić et al. eq. 100). std 0 fixes A_k. */
export interface InterventionDistribution {
  mean: number[];
  std: number[];
}
