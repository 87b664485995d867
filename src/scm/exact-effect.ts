import {monomialBasis} from "../features/monomial-basis.js";
import {rawMoment} from "../random/noise.js";
import type {AdditiveScm} from "./additive-scm.js";
import type {Polynomial} from "./polynomial.js";

/**
 * E_C f(a, C) as a univariate polynomial in a (coefficients of a^0..a^degree), exactly, from
 * the confounder's moments: E[a^i C^j] = a^i E[C^j].
 */
export function marginalizeConfounder(f: Polynomial, moments: (j: number) => number): number[] {
  const basis = monomialBasis(2, f.degree);
  const out = new Array(f.degree + 1).fill(0);
  for (let m = 0; m < basis.size; m++) {
    const i = basis.exponents[2 * m];
    const j = basis.exponents[2 * m + 1];
    out[i] += f.coef[m] * moments(j);
  }
  return out;
}

/**
 * The exact joint effect E[Y | do(a)] = sum_k E_{C_k} f_k(a_k, C_k) + E U (Kekić et al. eq. 12)
 * as K univariate polynomials plus a constant: no Monte Carlo.
 */
export interface ExactJointEffect {
  /** perAction[k][i]: coefficient of a_k^i in E_C f_k(a_k, C_k) */
  perAction: number[][];
  constant: number;
}

export function exactJointEffect(scm: AdditiveScm): ExactJointEffect {
  const perAction = scm.f.map((f, k) => marginalizeConfounder(f, (j) => rawMoment(scm.confounderNoise[k], j)));
  return {perAction, constant: scm.outcomeNoise.mean};
}

/** E[Y | do(a)] at each row of the given action columns. */
export function evaluateJointEffect(effect: ExactJointEffect, actions: ArrayLike<number>[]): Float64Array {
  const n = actions[0]?.length ?? 0;
  const out = new Float64Array(n).fill(effect.constant);
  effect.perAction.forEach((coef, k) => {
    const a = actions[k];
    for (let i = 0; i < n; i++) {
      let p = 0;
      for (let d = coef.length - 1; d >= 0; d--) p = p * a[i] + coef[d];
      out[i] += p;
    }
  });
  return out;
}
