import {fail, requireFiniteColumns} from "../validate.js";
import {logDetAndInverse} from "./small-covariance.js";

/**
 * Gaussian kernel density estimate with Scott's rule, as scipy.stats.gaussian_kde: kernel
 * covariance = sample covariance (ddof 1) * n^(-2/(d+4)). Returns log densities, summed with
 * log-sum-exp so that low-density points do not underflow.
 */
export function kdeLogDensity(data: ArrayLike<number>[], points: ArrayLike<number>[]): Float64Array {
  requireFiniteColumns("kdeLogDensity: data", data);
  const d = data.length;
  const n = data[0].length;
  if (n < d + 1) fail(`kdeLogDensity: a ${d}-dimensional KDE needs more than ${d} rows, got ${n}`);
  requireFiniteColumns("kdeLogDensity: points", points, d);
  const means = data.map((c) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i];
    return s / n;
  });
  const factor2 = n ** (-2 / (d + 4));
  const H = means.map((ma, a) =>
    means.map((mb, b) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += (data[a][i] - ma) * (data[b][i] - mb);
      return (s / (n - 1)) * factor2;
    }),
  );
  requireNonSingular(H);
  const {logDet, inverse} = logDetAndInverse(H);
  const norm = -Math.log(n) - 0.5 * (d * Math.log(2 * Math.PI) + logDet);
  const m = points[0].length;
  const out = new Float64Array(m);
  const diff = new Float64Array(d);
  const q = new Float64Array(n);
  for (let p = 0; p < m; p++) {
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < d; a++) diff[a] = points[a][p] - data[a][i];
      let s = 0;
      for (let a = 0; a < d; a++) {
        let t = 0;
        for (let b = 0; b < d; b++) t += inverse[a][b] * diff[b];
        s += diff[a] * t;
      }
      q[i] = -0.5 * s;
      if (q[i] > max) max = q[i];
    }
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.exp(q[i] - max);
    out[p] = norm + max + Math.log(sum);
  }
  return out;
}

/**
 * The kernel covariance must be comfortably positive definite: a constant column, or a column
 * that is an exact linear function of others (e.g. a duplicate), makes it singular and the
 * density degenerate (a log density of order -1e16 instead of an error).
 */
function requireNonSingular(H: number[][]): void {
  const d = H.length;
  for (let a = 0; a < d; a++) if (!(H[a][a] > 0)) fail(`kdeLogDensity: data column ${a} is constant; the kernel covariance is singular`);
  // pivots of the correlation matrix: 1 - R^2 of each column on the previous ones
  const R = H.map((row, a) => row.map((v, b) => v / Math.sqrt(H[a][a] * H[b][b])));
  const L = R.map(() => new Array<number>(d).fill(0));
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < a; b++) {
      let s = R[a][b];
      for (let k = 0; k < b; k++) s -= L[a][k] * L[b][k];
      L[a][b] = s / L[b][b];
    }
    let pivot = R[a][a];
    for (let k = 0; k < a; k++) pivot -= L[a][k] * L[a][k];
    L[a][a] = Math.sqrt(pivot);
    if (!(pivot > 1e-10))
      fail(`kdeLogDensity: data column ${a} is (almost) a linear function of the columns before it (1 - R^2 = ${pivot.toExponential(2)}); the kernel covariance is singular`);
  }
}
