import type {GnwModule} from "./model.js";

/**
 * GNW's gene regulation function (notes/dream4-gnw.md §2.1-2.2). Inputs are protein levels.
 */

/** ν = (y / k)^n, with y < 0 treated as 0 (the SDE clips states at 0; the ODE never goes below). */
function occupancy(y: number, k: number, n: number): number {
  return y > 0 ? Math.pow(y / k, n) : 0;
}

/**
 * The probability that a module is active, given protein levels `y` (indexed by gene):
 * independent binding μ = Π_act ν / Π_all (1 + ν); complex μ = Π_act ν / (1 + Π_act ν + [D > 0] Π_all ν).
 */
export function moduleActivation(module: GnwModule, y: ArrayLike<number>): number {
  let act = 1;
  let all = 1;
  let denominator = 1;
  for (let l = 0; l < module.inputs.length; l++) {
    const nu = occupancy(y[module.inputs[l]], module.k[l], module.n[l]);
    if (l < module.activators) act *= nu;
    all *= nu;
    denominator *= 1 + nu;
  }
  if (!module.complex) return act / denominator;
  return act / (1 + act + (module.deactivators > 0 ? all : 0));
}

/**
 * f_i(y) = Σ_s α_s Π_j μ_j^{b_j(s)} (1 - μ_j)^{1 - b_j(s)}, bit j-1 of s for module j; `mu` is
 * scratch space of at least M entries. Computed by folding one module at a time (multilinear in μ).
 */
export function relativeActivation(modules: GnwModule[], alpha: ArrayLike<number>, y: ArrayLike<number>, mu?: Float64Array): number {
  const M = modules.length;
  if (M === 0) return alpha[0];
  const m = mu ?? new Float64Array(M);
  for (let j = 0; j < M; j++) m[j] = moduleActivation(modules[j], y);
  let total = 0;
  for (let s = 0; s < 1 << M; s++) {
    let p = alpha[s];
    for (let j = 0; j < M && p !== 0; j++) p *= (s >> j) & 1 ? m[j] : 1 - m[j];
    total += p;
  }
  return total;
}

/** The state probabilities of §2.2 for given module activations (they sum to 1); for self-checks. */
export function stateProbabilities(mu: ArrayLike<number>): number[] {
  const M = mu.length;
  return Array.from({length: 1 << M}, (_, s) => {
    let p = 1;
    for (let j = 0; j < M; j++) p *= (s >> j) & 1 ? mu[j] : 1 - mu[j];
    return p;
  });
}
