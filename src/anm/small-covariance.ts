import {choleskyLower} from "./anm-model.js";

/** log det and inverse of a small symmetric positive definite matrix, through its Cholesky factor. */
export function logDetAndInverse(S: number[][]): {logDet: number; inverse: number[][]} {
  const L = choleskyLower(S);
  const d = S.length;
  let logDet = 0;
  for (let i = 0; i < d; i++) logDet += 2 * Math.log(L[i][i]);
  // inverse(L) column by column, then inverse(S) = inverse(L)' inverse(L)
  const Li = L.map(() => new Array(d).fill(0));
  for (let c = 0; c < d; c++) {
    for (let i = c; i < d; i++) {
      let s = i === c ? 1 : 0;
      for (let k = c; k < i; k++) s -= L[i][k] * Li[k][c];
      Li[i][c] = s / L[i][i];
    }
  }
  const inverse = S.map(() => new Array(d).fill(0));
  for (let a = 0; a < d; a++)
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let k = a; k < d; k++) s += Li[k][a] * Li[k][b];
      inverse[a][b] = inverse[b][a] = s;
    }
  return {logDet, inverse};
}

/**
 * A sample covariance made safely invertible: if its smallest Cholesky pivot is below
 * 1e-10 of its mean variance (collinear residuals, e.g. a deterministic node), adds the
 * smallest multiple of that scale to the diagonal, growing tenfold, that makes it
 * comfortably positive definite.
 */
export function regularizeCovariance(S: number[][]): {matrix: number[][]; jitter: number} {
  const d = S.length;
  const scale = Math.max(S.reduce((s, r, i) => s + r[i], 0) / d, Number.MIN_VALUE);
  const ok = (M: number[][]) => {
    try {
      const L = choleskyLower(M);
      return L.every((r, i) => r[i] * r[i] > 1e-10 * scale);
    } catch {
      return false;
    }
  };
  if (S.every((r) => r.every(Number.isFinite)) && ok(S)) return {matrix: S, jitter: 0};
  if (!S.every((r) => r.every(Number.isFinite))) throw new Error("residual covariance is not finite: the data contain NaN or infinite values, or the fit diverged");
  for (let e = 1e-10; e <= 1; e *= 10) {
    const M = S.map((r, i) => r.map((v, j) => (i === j ? v + e * scale : v)));
    if (ok(M)) return {matrix: M, jitter: e * scale};
  }
  throw new Error("residual covariance is singular even after regularization");
}
