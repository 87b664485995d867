import {Matrix, solve} from "ml-matrix";
import {fSurvival} from "../stats/f-distribution.js";
import {fail, requireFiniteColumn, requireFiniteColumns} from "../validate.js";

/**
 * The classical F-test of a linear model nested in a larger one, by least squares on raw rows
 * (ml-matrix): columns are given as functions of a row index. `restricted` must be a subset of
 * `full` (indices into it). Returns F, its degrees of freedom and the p-value P(F(d1, d2) > F).
 * Columns are centred and scaled before solving (an intercept is always included), and a tiny
 * ridge (1e-10 of the diagonal) keeps a rank-deficient design solvable.
 */
export interface NestedFTest {
  f: number;
  d1: number;
  d2: number;
  p: number;
}

export function nestedFTest(y: ArrayLike<number>, full: Float64Array[], restricted: number[]): NestedFTest {
  const n = y.length;
  const P = full.length;
  if (full.some((c) => c.length !== n)) fail(`nestedFTest: every column must have ${n} rows`);
  requireFiniteColumn("nestedFTest: outcome", y);
  requireFiniteColumns("nestedFTest: columns", full);
  if (restricted.some((r) => !Number.isInteger(r) || r < 0 || r >= P) || new Set(restricted).size !== restricted.length) fail(`nestedFTest: restricted columns must be distinct indices below ${P}`);
  const d1 = P - restricted.length;
  const d2 = n - P - 1;
  if (d1 < 1) fail(`nestedFTest: the restricted model has as many columns as the full one (${P})`);
  if (d2 < 1) fail(`nestedFTest: ${n} rows for ${P + 1} coefficients; need more rows than coefficients`);
  const sse = (cols: number[]) => residualSumOfSquares(y, cols.map((c) => full[c]));
  const sseFull = sse(full.map((_, c) => c));
  const sseRestricted = sse(restricted);
  if (!(sseFull > 0)) return {f: Infinity, d1, d2, p: sseRestricted > sseFull ? 0 : 1};
  const f = Math.max(0, (sseRestricted - sseFull) / d1 / (sseFull / d2));
  return {f, d1, d2, p: fSurvival(f, d1, d2)};
}

/** Residual sum of squares of y on an intercept plus the columns (least squares). */
export function residualSumOfSquares(y: ArrayLike<number>, columns: Float64Array[]): number {
  const n = y.length;
  let yMean = 0;
  for (let r = 0; r < n; r++) yMean += y[r];
  yMean /= n;
  const yc = Float64Array.from(y, (v) => v - yMean);
  if (columns.length === 0) return yc.reduce((s, v) => s + v * v, 0);
  const scaled = columns.map((c) => {
    let m = 0;
    for (let r = 0; r < n; r++) m += c[r];
    m /= n;
    let ss = 0;
    for (let r = 0; r < n; r++) ss += (c[r] - m) ** 2;
    const s = Math.sqrt(ss / n) || 1;
    return Float64Array.from(c, (v) => (v - m) / s);
  });
  const P = scaled.length;
  const xtx = new Matrix(P, P);
  const xty = new Matrix(P, 1);
  for (let a = 0; a < P; a++) {
    const ca = scaled[a];
    let sy = 0;
    for (let r = 0; r < n; r++) sy += ca[r] * yc[r];
    xty.set(a, 0, sy);
    for (let b = a; b < P; b++) {
      const cb = scaled[b];
      let s = 0;
      for (let r = 0; r < n; r++) s += ca[r] * cb[r];
      xtx.set(a, b, s);
      xtx.set(b, a, s);
    }
  }
  for (let a = 0; a < P; a++) xtx.set(a, a, xtx.get(a, a) * (1 + 1e-10) + 1e-12);
  const beta = solve(xtx, xty);
  let sse = 0;
  for (let r = 0; r < n; r++) {
    let fit = 0;
    for (let a = 0; a < P; a++) fit += beta.get(a, 0) * scaled[a][r];
    sse += (yc[r] - fit) ** 2;
  }
  return sse;
}
