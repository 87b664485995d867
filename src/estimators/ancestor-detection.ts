import type {MomentLayout, Moments} from "../regression/moments.js";
import {sumMoments} from "../regression/moments.js";
import {solveRidgeSystem} from "../regression/linear-solve.js";
import {fSurvival, holm} from "../stats/f-distribution.js";
import {fail} from "../validate.js";
import {requireTrainingData, type TrainingMoments} from "./training-data.js";

/**
 * Ancestors of each action from the single-intervention data alone: in the regime do(A_k), A_j
 * depends on A_k only if k is an ancestor of j. Two F-tests per pair (j, k) from the regime's
 * moments: the mean of A_j against a cubic in A_k, and E[A_j^2] against a quadratic in A_k (a
 * change of spread); the pair's p-value is twice the smaller one, and Holm's procedure over all
 * K(K - 1) pairs controls the family-wise error. Detecting an edge relies on faithfulness.
 */
export interface AncestorTest {
  /** ancestor k of action j */
  k: number;
  j: number;
  pMean: number;
  pSpread: number;
  p: number;
  detected: boolean;
}

export function detectAncestors(data: TrainingMoments, alpha = 0.05): {ancestors: number[][]; tests: AncestorTest[]} {
  requireTrainingData("detectAncestors", data);
  if (!(alpha > 0 && alpha < 1)) fail(`detectAncestors: level ${alpha}; expected a number in (0, 1)`);
  if (data.layout.degree < 3) fail(`detectAncestors: the layout has degree ${data.layout.degree}; the tests need moments of degree 6, i.e. a layout of degree >= 3`);
  const {layout, K} = data;
  const tests: AncestorTest[] = [];
  for (let k = 0; k < K; k++) {
    const m = sumMoments(layout, data.single[k]);
    for (let j = 0; j < K; j++) {
      if (j === k) continue;
      const pMean = dependenceTest(layout, m, k, j, 1, 3);
      const pSpread = dependenceTest(layout, m, k, j, 2, 2);
      tests.push({k, j, pMean, pSpread, p: Math.min(1, 2 * Math.min(pMean, pSpread)), detected: false});
    }
  }
  const reject = holm(tests.map((t) => t.p), alpha);
  tests.forEach((t, i) => (t.detected = reject[i]));
  const ancestors = Array.from({length: K}, (_, j) => tests.filter((t) => t.j === j && t.detected).map((t) => t.k).sort((a, b) => a - b));
  return {ancestors, tests};
}

/**
 * F-test of a regression of z_j^power on [1, z_k, ..., z_k^degree] against the intercept alone,
 * from the moments (z are the layout's standardized actions; all moments needed have degree <= 6).
 */
function dependenceTest(layout: MomentLayout, m: Moments, k: number, j: number, power: number, degree: number): number {
  const {basis2, nVars} = layout;
  const mono = (ek: number, ej: number) => {
    const e = new Array(nVars).fill(0);
    e[k] += ek;
    e[j] += ej;
    return m.mono[basis2.indexOf(e)];
  };
  const n = m.n;
  // scale z_k to unit spread so the normal equations are well conditioned
  const mean = mono(1, 0) / n;
  const s = Math.sqrt(Math.max(mono(2, 0) / n - mean * mean, 1e-300));
  const P = degree + 1;
  const A = new Float64Array(P * P);
  const b = new Float64Array(P);
  for (let r = 0; r < P; r++) {
    b[r] = mono(r, power) / s ** r;
    for (let c = 0; c < P; c++) A[r * P + c] = mono(r + c, 0) / s ** (r + c);
  }
  const syy = mono(0, 2 * power);
  const sy = mono(0, power);
  const beta = solveRidgeSystem(A, P, 1e-10 * n, b);
  let fitted = 0;
  for (let r = 0; r < P; r++) fitted += beta[r] * b[r];
  const sse = Math.max(syy - fitted, 0);
  const sst = syy - (sy * sy) / n;
  const d1 = degree;
  const d2 = n - P;
  if (!(sse > 0) || !(sst > sse) || d2 <= 0) return sse > 0 ? 1 : 0;
  return fSurvival(((sst - sse) / d1) / (sse / d2), d1, d2);
}
