import {monomialBasis} from "../features/monomial-basis.js";
import {quantile} from "../metrics.js";
import {fSurvival} from "../stats/f-distribution.js";
import {fail, requireFiniteColumn, requireFiniteColumns} from "../validate.js";
import {nestedFTest, residualSumOfSquares, type NestedFTest} from "./nested-f-test.js";

/**
 * What can warn a user that an assumption fails (issue 13 part 2). Each check returns a p-value;
 * `calibratedThreshold` and `power` turn p-values over many SCMs into a false-alarm-calibrated
 * detection rate.
 */

/** Standardized columns z_k = (x_k - mean) / sd of the sample itself. */
function standardize(columns: ArrayLike<number>[]): Float64Array[] {
  return columns.map((c) => {
    const n = c.length;
    let m = 0;
    for (let r = 0; r < n; r++) m += c[r];
    m /= n;
    let ss = 0;
    for (let r = 0; r < n; r++) ss += (c[r] - m) ** 2;
    const s = Math.sqrt(ss / n) || 1;
    return Float64Array.from(c as ArrayLike<number>, (v) => (v - m) / s);
  });
}

/**
 * (i) The pilot test: given an estimator's predictions at a pilot joint experiment's actions and
 * the pilot's outcomes, test H0 "the residual y - prediction is pure noise" against a systematic
 * misfit that is linear in the actions or their pairwise products: regress the residual on an
 * intercept, z_k and z_j z_k (j < k) and F-test all of them against the zero model (1 + K +
 * K(K-1)/2 numerator degrees of freedom). At finite training size the estimator's own error is
 * a misfit too, so the nominal p-value is not a calibrated test of the assumptions: calibrate
 * its threshold at lambda = 0 (`calibratedThreshold`).
 */
export function pilotTest(actions: ArrayLike<number>[], outcome: ArrayLike<number>, prediction: ArrayLike<number>): NestedFTest {
  requireFiniteColumns("pilotTest: actions", actions, undefined, 0, undefined, (k) => `A${k + 1}`);
  const n = actions[0].length;
  requireFiniteColumn("pilotTest: outcome", outcome, 0, n);
  requireFiniteColumn("pilotTest: prediction", prediction, 0, n);
  if (outcome.length !== n || prediction.length !== n) fail(`pilotTest: ${n} pilot rows of actions, ${outcome.length} outcomes and ${prediction.length} predictions; expected equal lengths`);
  const K = actions.length;
  const z = standardize(actions);
  const cols = [...z];
  for (let j = 0; j < K; j++) for (let k = j + 1; k < K; k++) cols.push(z[j].map((v, r) => v * z[k][r]));
  const P = cols.length + 1;
  if (n <= P + 1) fail(`pilotTest: ${n} pilot rows for ${P} coefficients at K = ${K}; need more than ${P + 1}`);
  const residual = Float64Array.from({length: n}, (_, r) => outcome[r] - prediction[r]);
  // H0 model: residual = noise (no intercept). Full model: intercept + columns.
  let sse0 = 0;
  for (const e of residual) sse0 += e * e;
  const sse1 = residualSumOfSquares(residual, cols);
  const d1 = P;
  const d2 = n - P;
  const f = sse1 > 0 ? Math.max(0, (sse0 - sse1) / d1 / (sse1 / d2)) : Infinity;
  return nestedFromF(f, d1, d2);
}

function nestedFromF(f: number, d1: number, d2: number): NestedFTest {
  return {f, d1, d2, p: f === Infinity ? 0 : fSurvival(f, d1, d2)};
}

/**
 * (ii) The separability check, which needs no joint data. In the paper's model, in the regime
 * do(A_k) of an action k with no descendants among the actions, A_k is independent of (A_-k, C),
 * so E[Y | do(a_k), a_-k] = E f_k(a_k, C_k) + h(a_-k): additive in a_k. Compare, on that regime's
 * rows, a cubic additive in a_k (a_k, a_k^2, a_k^3 plus a full cubic in a_-k) with the full cubic
 * in all actions by an F-test; h gets monomials up to `nuisanceDegree` (5) so that its misfit, which
 * heteroscedasticity-like inflates the F-test, stays small. `sinks` are the actions with no (detected) descendants; the check
 * runs in each sink's regime and the family's p-value is Bonferroni's min p times their count.
 */
export interface SeparabilityResult {
  p: number;
  perSink: {k: number; test: NestedFTest}[];
}

export function separabilityCheck(singleRegimes: {actions: ArrayLike<number>[]; outcome: ArrayLike<number>}[], sinks: number[], degree = 3, nuisanceDegree = 5): SeparabilityResult {
  const K = singleRegimes.length;
  if (K < 2) fail(`separabilityCheck: needs K >= 2 single-intervention regimes, found ${K}`);
  if (sinks.length === 0) fail("separabilityCheck: no action without descendants was given");
  if (sinks.some((k) => !Number.isInteger(k) || k < 0 || k >= K) || new Set(sinks).size !== sinks.length) fail(`separabilityCheck: sinks must be distinct action indices below ${K}, found [${sinks.join(", ")}]`);
  const basis = monomialBasis(K, Math.max(degree, nuisanceDegree));
  const perSink = sinks.map((k) => {
    const data = singleRegimes[k];
    requireFiniteColumns(`separabilityCheck: regime do(A${k + 1}) actions`, data.actions, K, 0, undefined, (c) => `A${c + 1}`);
    const z = standardize(data.actions);
    const n = z[0].length;
    const full: Float64Array[] = [];
    const restricted: number[] = [];
    for (let m = 0; m < basis.size; m++) {
      const e = basis.exponents.subarray(m * K, (m + 1) * K);
      let total = 0;
      for (let c = 0; c < K; c++) total += e[c];
      if (total === 0) continue;
      const involvesK = e[k] > 0;
      const onlyK = e[k] === total;
      // restricted: u(a_k) (powers of a_k up to `degree`) + h(a_-k) (monomials up to `nuisanceDegree`);
      // full adds the interactions of a_k with a_-k up to total degree `degree`
      const inRestricted = (!involvesK && total <= nuisanceDegree) || (onlyK && total <= degree);
      const inFull = inRestricted || (involvesK && total <= degree);
      if (!inFull) continue;
      const col = new Float64Array(n).fill(1);
      for (let c = 0; c < K; c++) for (let p = 0; p < e[c]; p++) for (let r = 0; r < n; r++) col[r] *= z[c][r];
      if (inRestricted) restricted.push(full.length);
      full.push(col);
    }
    return {k, test: nestedFTest(data.outcome, full, restricted)};
  });
  const p = Math.min(1, Math.min(...perSink.map((s) => s.test.p)) * perSink.length);
  return {p, perSink};
}

/** Actions with no descendants, from each action's detected ancestors (ancestors[j] lists j's ancestors). */
export function sinksOf(ancestors: number[][]): number[] {
  const K = ancestors.length;
  const hasDescendant = new Array(K).fill(false);
  ancestors.forEach((list) => list.forEach((a) => (hasDescendant[a] = true)));
  return hasDescendant.flatMap((d, k) => (d ? [] : [k]));
}

/**
 * The p-value threshold that flags a fraction `alpha` of the null (lambda = 0) p-values: the
 * alpha-quantile of the null p-values (type-7 quantile). A check flags when p <= threshold.
 */
export function calibratedThreshold(nullPValues: number[], alpha = 0.05): number {
  if (nullPValues.length < 2) fail(`calibratedThreshold: needs at least 2 null p-values, found ${nullPValues.length}`);
  if (!(alpha > 0 && alpha < 1)) fail(`calibratedThreshold: alpha must be in (0, 1), found ${alpha}`);
  nullPValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) fail(`calibratedThreshold: p-value ${i} is ${p}; expected a number in [0, 1]`);
  });
  return quantile(Float64Array.from(nullPValues), alpha);
}

/**
 * Fraction of p-values at or below the threshold, with its binomial standard error. A p-value of
 * 1 never flags (a check that returns 1 has no evidence: calibrated on such a check, the
 * threshold is 1, and flagging p = 1 would call a blind check perfect).
 */
export function power(pValues: number[], threshold: number): {power: number; se: number; n: number} {
  if (pValues.length === 0) fail("power: no p-values");
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) fail(`power: p-value ${i} is ${p}; expected a number in [0, 1]`);
  });
  if (!(threshold >= 0 && threshold <= 1)) fail(`power: threshold ${threshold}; expected a number in [0, 1]`);
  const hits = pValues.filter((p) => p <= threshold && p < 1).length;
  const rate = hits / pValues.length;
  return {power: rate, se: Math.sqrt((rate * (1 - rate)) / pValues.length), n: pValues.length};
}
