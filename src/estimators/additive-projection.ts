import {monomialBasis} from "../features/monomial-basis.js";
import type {PolynomialModel} from "../regression/polynomial-regression.js";
import type {InterventionDistribution} from "../scm/regime.js";

/** Raw moments E[X^0..X^n] of N(mean, std^2): M_j = mean M_{j-1} + (j - 1) std^2 M_{j-2}. */
export function normalRawMoments(mean: number, std: number, n: number): number[] {
  const m = [1, mean];
  for (let j = 2; j <= n; j++) m.push(mean * m[j - 1] + (j - 1) * std * std * m[j - 2]);
  return m.slice(0, n + 1);
}

/**
 * The additive (ANOVA) projection of a polynomial under independent A_k ~ N(mean_k, std_k^2),
 * the distribution of joint interventions: P m = sum_k E[m | a_k] - (K - 1) E[m], computed
 * exactly term by term (E[prod_j a_j^e_j | a_k] = a_k^e_k prod_{j != k} E[a_j^e_j]).
 * It is the L2-closest additive function, so when the truth is additive (Kekić et al. eq. 12)
 * it cannot increase the L2 error under that distribution.
 */
export function additiveProjection(model: PolynomialModel, distribution: InterventionDistribution): PolynomialModel {
  const {nVars: K, degree} = model;
  if (distribution.mean.length !== K) throw new Error(`distribution has ${distribution.mean.length} actions, the model ${K}`);
  const basis = monomialBasis(K, degree);
  const moments = distribution.mean.map((m, k) => normalRawMoments(m, distribution.std[k], degree));
  const out = new Float64Array(basis.size);
  const e = new Int32Array(K);
  for (let m = 0; m < basis.size; m++) {
    const c = model.coef[m];
    if (c === 0) continue;
    let all = 1;
    for (let j = 0; j < K; j++) all *= moments[j][basis.exponents[m * K + j]];
    out[0] -= (K - 1) * c * all;
    for (let k = 0; k < K; k++) {
      let rest = 1;
      for (let j = 0; j < K; j++) if (j !== k) rest *= moments[j][basis.exponents[m * K + j]];
      e.fill(0);
      e[k] = basis.exponents[m * K + k];
      out[basis.indexOf(e)] += c * rest;
    }
  }
  return {nVars: K, degree, coef: out};
}
