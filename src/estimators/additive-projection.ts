import {monomialBasis} from "../features/monomial-basis.js";
import {requireModel, type PolynomialModel} from "../regression/polynomial-regression.js";
import type {InterventionDistribution} from "../scm/regime.js";
import {fail} from "../validate.js";

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
  requireModel("additiveProjection: model", model);
  const {nVars: K, degree} = model;
  if (!distribution || !distribution.mean || !distribution.std) fail("additiveProjection: expected a distribution with mean and std per action");
  if (distribution.mean.length !== K || distribution.std.length !== K) fail(`additiveProjection: distribution has ${distribution.mean.length} means and ${distribution.std.length} standard deviations, the model ${K} actions`);
  for (let k = 0; k < K; k++) {
    if (!Number.isFinite(distribution.mean[k])) fail(`additiveProjection: mean of action ${k} is ${distribution.mean[k]}; expected a finite number`);
    if (!Number.isFinite(distribution.std[k]) || distribution.std[k] < 0) fail(`additiveProjection: std of action ${k} is ${distribution.std[k]}; expected a finite number >= 0`);
  }
  const basis = monomialBasis(K, degree);
  // the model is a polynomial in z_k = (a_k - center_k) / scale_k, and z_k ~ N((mean_k - center_k) / scale_k, (std_k / scale_k)^2)
  const center = model.center ?? new Float64Array(K);
  const scale = model.scale ?? new Float64Array(K).fill(1);
  const moments = distribution.mean.map((m, k) => normalRawMoments((m - center[k]) / scale[k], distribution.std[k] / scale[k], degree));
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
  return {...model, coef: out};
}
