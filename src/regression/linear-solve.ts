import {EigenvalueDecomposition, Matrix} from "ml-matrix";
import {fail} from "../validate.js";

/**
 * Solves (A + alpha I) w = b for symmetric positive semi-definite A (P x P, row-major).
 * Cholesky first; if the factorization breaks down (numerically singular), falls back to the
 * minimum-norm solution from ml-matrix's symmetric eigendecomposition, as scikit-learn falls
 * back from Cholesky to least squares.
 */
export function solveRidgeSystem(A: Float64Array, P: number, alpha: number, b: Float64Array): Float64Array {
  if (!(alpha >= 0) || !Number.isFinite(alpha)) fail(`linear solve: penalty ${alpha}; expected a finite number >= 0`);
  if (A.length !== P * P || b.length !== P) fail(`linear solve: a ${A.length}-entry matrix and ${b.length}-entry right-hand side for ${P} unknowns`);
  for (let i = 0; i < A.length; i++) if (!Number.isFinite(A[i])) fail(`linear solve: matrix entry (${Math.floor(i / P)}, ${i % P}) is ${A[i]}; the statistics it was built from are not finite`);
  for (let i = 0; i < P; i++) if (!Number.isFinite(b[i])) fail(`linear solve: right-hand side entry ${i} is ${b[i]}; the statistics it was built from are not finite`);
  const L = new Float64Array(P * P);
  if (cholesky(A, P, alpha, L)) return choleskySolve(L, P, b);
  return eigenSolve(A, P, alpha, b);
}

/** Lower Cholesky factor of A + alpha I into L; false if a pivot is not positive. */
export function cholesky(A: Float64Array, P: number, alpha: number, L: Float64Array): boolean {
  for (let j = 0; j < P; j++) {
    let d = A[j * P + j] + alpha;
    for (let k = 0; k < j; k++) d -= L[j * P + k] * L[j * P + k];
    if (!(d > 0) || !Number.isFinite(d)) return false;
    const ljj = Math.sqrt(d);
    L[j * P + j] = ljj;
    for (let i = j + 1; i < P; i++) {
      let s = A[i * P + j];
      const ri = i * P;
      const rj = j * P;
      for (let k = 0; k < j; k++) s -= L[ri + k] * L[rj + k];
      L[ri + j] = s / ljj;
    }
  }
  return true;
}

function choleskySolve(L: Float64Array, P: number, b: Float64Array): Float64Array {
  const y = new Float64Array(P);
  for (let i = 0; i < P; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * P + k] * y[k];
    y[i] = s / L[i * P + i];
  }
  const x = new Float64Array(P);
  for (let i = P - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < P; k++) s -= L[k * P + i] * x[k];
    x[i] = s / L[i * P + i];
  }
  return x;
}

function eigenSolve(A: Float64Array, P: number, alpha: number, b: Float64Array): Float64Array {
  const rows = Array.from({length: P}, (_, i) => Array.from(A.subarray(i * P, (i + 1) * P)));
  const evd = new EigenvalueDecomposition(new Matrix(rows), {assumeSymmetric: true});
  const values = evd.realEigenvalues;
  const V = evd.eigenvectorMatrix;
  const top = Math.max(...values.map((v) => Math.abs(v + alpha)));
  const tol = top * P * Number.EPSILON;
  const x = new Float64Array(P);
  for (let c = 0; c < P; c++) {
    const denom = values[c] + alpha;
    if (!(denom > tol)) continue;
    let proj = 0;
    for (let i = 0; i < P; i++) proj += V.get(i, c) * b[i];
    const scale = proj / denom;
    for (let i = 0; i < P; i++) x[i] += scale * V.get(i, c);
  }
  return x;
}
