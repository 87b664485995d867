import {EigenvalueDecomposition, Matrix} from "ml-matrix";
import type {GnwModel} from "./model.js";
import {gnwRhs} from "./ode.js";
import type {GnwParameters} from "./perturbation.js";
import {relativeActivation} from "./regulation.js";

/**
 * The exact steady state, as an alternative to GNW's stopping rule: Newton's method on
 * x = g(x), g_i(x) = (m_i/δ_i) f_i(y(x)) with y_i = (r_i/λ_i) x_i (at a fixed point of the ODEs
 * the protein is r_i/λ_i times the mRNA). This is not what GNW published: its stopped states differ
 * from these by up to about 2e-3 in model units for this network (notes/dream4-gnw.md §3).
 */
export interface FixedPoint {
  x: Float64Array;
  y: Float64Array;
  /** max_i |x_i - g_i(x)| at the solution */
  residual: number;
  iterations: number;
}

export interface FixedPointOptions {
  /** stop when the residual is at most this (default 1e-13) */
  tolerance?: number;
  maxIterations?: number;
}

function proteinOf(model: GnwModel, x: ArrayLike<number>): Float64Array {
  return Float64Array.from(model.genes, (g, i) => (g.translation / g.proteinDelta) * x[i]);
}

/** x - g(x) */
function residualVector(model: GnwModel, params: GnwParameters, x: ArrayLike<number>): Float64Array {
  const y = proteinOf(model, x);
  return Float64Array.from(model.genes, (g, i) => x[i] - (params.max[i] / g.delta) * relativeActivation(g.modules, params.alpha[i], y));
}

const maxAbs = (v: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
};

/** Newton's method from `start` (mRNA), with a forward-difference Jacobian (states stay >= 0) and step halving. */
export function fixedPoint(model: GnwModel, params: GnwParameters, start: ArrayLike<number>, options: FixedPointOptions = {}): FixedPoint {
  const N = model.genes.length;
  const tolerance = options.tolerance ?? 1e-13;
  const maxIterations = options.maxIterations ?? 100;
  if (start.length !== N) throw new Error(`fixed point start: ${start.length} values, expected ${N}`);
  let x = Float64Array.from(start, (v) => Math.max(v, 0));
  let F = residualVector(model, params, x);
  let norm = maxAbs(F);
  let iterations = 0;
  while (norm > tolerance) {
    if (iterations >= maxIterations) throw new Error(`Newton's method did not converge in ${maxIterations} iterations (residual ${norm.toExponential(2)})`);
    iterations++;
    const J = new Matrix(N, N);
    for (let j = 0; j < N; j++) {
      const h = 1e-7 * Math.max(1e-2, Math.abs(x[j]));
      const xh = Float64Array.from(x);
      xh[j] += h;
      const Fh = residualVector(model, params, xh);
      for (let i = 0; i < N; i++) J.set(i, j, (Fh[i] - F[i]) / h);
    }
    const step = solve(J, F);
    let lambda = 1;
    for (;;) {
      const trial = Float64Array.from(x, (v, i) => Math.max(v - lambda * step[i], 0));
      const Ft = residualVector(model, params, trial);
      const nt = maxAbs(Ft);
      if (nt < norm || lambda < 1e-6) {
        if (!(nt < norm) && nt > tolerance) throw new Error(`Newton's method stalled at residual ${norm.toExponential(2)}`);
        x = trial;
        F = Ft;
        norm = nt;
        break;
      }
      lambda /= 2;
    }
  }
  return {x, y: proteinOf(model, x), residual: norm, iterations};
}

function solve(J: Matrix, F: Float64Array): Float64Array {
  const N = F.length;
  // Gaussian elimination with partial pivoting (N is small)
  const a = J.to2DArray().map((row, i) => [...row, F[i]]);
  for (let c = 0; c < N; c++) {
    let p = c;
    for (let r = c + 1; r < N; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (!(Math.abs(a[p][c]) > 1e-300)) throw new Error("Newton's method: singular Jacobian");
    [a[c], a[p]] = [a[p], a[c]];
    for (let r = c + 1; r < N; r++) {
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= N; k++) a[r][k] -= f * a[c][k];
    }
  }
  const s = new Float64Array(N);
  for (let r = N - 1; r >= 0; r--) {
    let v = a[r][N];
    for (let k = r + 1; k < N; k++) v -= a[r][k] * s[k];
    s[r] = v / a[r][r];
  }
  return s;
}

/** The Jacobian of the 2N-variable ODE at z (forward differences, step 1e-7 relative; states kept >= 0). */
export function odeJacobian(model: GnwModel, params: GnwParameters, z: ArrayLike<number>): number[][] {
  const n = z.length;
  const rhs = gnwRhs(model, params);
  const base = Float64Array.from(z);
  const f0 = new Float64Array(n);
  rhs(base, f0);
  const J = Array.from({length: n}, () => new Array<number>(n).fill(0));
  const f1 = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const h = 1e-7 * Math.max(1e-2, Math.abs(base[j]));
    const zh = Float64Array.from(base);
    zh[j] += h;
    rhs(zh, f1);
    for (let i = 0; i < n; i++) J[i][j] = (f1[i] - f0[i]) / h;
  }
  return J;
}

/** Eigenvalues (real and imaginary parts) of the ODE Jacobian at z; stable when every real part is < 0. */
export function jacobianEigenvalues(model: GnwModel, params: GnwParameters, z: ArrayLike<number>): {re: number[]; im: number[]} {
  const e = new EigenvalueDecomposition(new Matrix(odeJacobian(model, params, z)));
  return {re: e.realEigenvalues, im: e.imaginaryEigenvalues};
}
