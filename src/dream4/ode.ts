import type {GnwModel} from "./model.js";
import type {GnwParameters} from "./perturbation.js";
import {relativeActivation} from "./regulation.js";

/**
 * GNW's ODEs (notes/dream4-gnw.md §2) on the state z = (x_1..x_N, y_1..y_N):
 *   dx_i/dt = m_i f_i(y) - δ_i x_i,   dy_i/dt = r_i x_i - λ_i y_i.
 */
export type Rhs = (z: Float64Array, out: Float64Array) => void;

export function gnwRhs(model: GnwModel, params: GnwParameters): Rhs {
  const N = model.genes.length;
  const maxModules = Math.max(1, ...model.genes.map((g) => g.modules.length));
  const mu = new Float64Array(maxModules);
  return (z, out) => {
    const y = z.subarray(N);
    for (let i = 0; i < N; i++) {
      const g = model.genes[i];
      const f = relativeActivation(g.modules, params.alpha[i], y, mu);
      out[i] = params.max[i] * f - g.delta * z[i];
      out[N + i] = g.translation * z[i] - g.proteinDelta * z[N + i];
    }
  };
}

/** Production P and degradation Q of every variable (the SDE's noise scale needs both, §5). */
export function productionDegradation(model: GnwModel, params: GnwParameters, z: Float64Array, P: Float64Array, Q: Float64Array): void {
  const N = model.genes.length;
  const y = z.subarray(N);
  for (let i = 0; i < N; i++) {
    const g = model.genes[i];
    P[i] = params.max[i] * relativeActivation(g.modules, params.alpha[i], y);
    Q[i] = g.delta * z[i];
    P[N + i] = g.translation * z[i];
    Q[N + i] = g.proteinDelta * z[N + i];
  }
}

/**
 * Tolerances of the adaptive integrator. GNW used an adaptive Runge-Kutta 4(5) with tolerance
 * 1e-3 and internal steps of at most 5; the note shows the stopped states do not depend on the
 * integrator beyond 1e-8 once the relative tolerance is <= 1e-6, so the default is tight.
 */
export interface IntegratorOptions {
  rtol: number;
  atol: number;
  /** largest internal step (GNW: 5) */
  maxStep: number;
}

export const TIGHT_INTEGRATOR: IntegratorOptions = {rtol: 1e-10, atol: 1e-12, maxStep: 5};
/** GNW's own setting (tolerance 1e-3), for comparison: stays within 1e-5 of the tight result (§3). */
export const GNW_TOLERANCE_INTEGRATOR: IntegratorOptions = {rtol: 1e-3, atol: 1e-3, maxStep: 5};

// Dormand-Prince 5(4) coefficients
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const B1 = 35 / 384, B3 = 500 / 1113, B4 = 125 / 192, B5 = -2187 / 6784, B6 = 11 / 84;
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;

/**
 * Adaptive Dormand-Prince 5(4) from t0 to t1, updating z in place. `state.h` carries the step
 * size from one call to the next (the integration blocks of the steady-state rule).
 */
export class DormandPrince {
  private readonly k: Float64Array[];
  private readonly tmp: Float64Array;
  private readonly next: Float64Array;
  h = 0;
  steps = 0;

  constructor(
    private readonly rhs: Rhs,
    private readonly dim: number,
    private readonly options: IntegratorOptions = TIGHT_INTEGRATOR,
  ) {
    if (!(options.rtol > 0 && options.atol > 0 && options.maxStep > 0)) throw new Error(`integrator tolerances and maxStep must be > 0, got rtol ${options.rtol}, atol ${options.atol}, maxStep ${options.maxStep}`);
    this.k = Array.from({length: 7}, () => new Float64Array(dim));
    this.tmp = new Float64Array(dim);
    this.next = new Float64Array(dim);
  }

  integrate(z: Float64Array, t0: number, t1: number): void {
    const {rtol, atol, maxStep} = this.options;
    const [k1, k2, k3, k4, k5, k6, k7] = this.k;
    const n = this.dim;
    const tmp = this.tmp;
    const y1 = this.next;
    let t = t0;
    let h = this.h > 0 ? this.h : Math.min(maxStep, 0.1);
    this.rhs(z, k1);
    while (t < t1) {
      const last = t + h >= t1 - 1e-12 * Math.max(1, Math.abs(t1));
      const step = last ? t1 - t : h;
      for (let i = 0; i < n; i++) tmp[i] = z[i] + step * A21 * k1[i];
      this.rhs(tmp, k2);
      for (let i = 0; i < n; i++) tmp[i] = z[i] + step * (A31 * k1[i] + A32 * k2[i]);
      this.rhs(tmp, k3);
      for (let i = 0; i < n; i++) tmp[i] = z[i] + step * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
      this.rhs(tmp, k4);
      for (let i = 0; i < n; i++) tmp[i] = z[i] + step * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
      this.rhs(tmp, k5);
      for (let i = 0; i < n; i++) tmp[i] = z[i] + step * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
      this.rhs(tmp, k6);
      for (let i = 0; i < n; i++) y1[i] = z[i] + step * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
      this.rhs(y1, k7);
      let err = 0;
      for (let i = 0; i < n; i++) {
        const e = step * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
        const scale = atol + rtol * Math.max(Math.abs(z[i]), Math.abs(y1[i]));
        err += (e / scale) ** 2;
      }
      err = Math.sqrt(err / n);
      if (!Number.isFinite(err)) throw new Error(`integration failed at t = ${t}: the state is not finite`);
      const factor = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * err ** -0.2));
      if (err <= 1) {
        t = last ? t1 : t + step;
        z.set(y1);
        k1.set(k7);
        this.steps++;
        if (!last || step >= h) h = Math.min(maxStep, step * factor);
      } else {
        h = Math.min(maxStep, step * factor);
        if (h < 1e-12) throw new Error(`integration failed at t = ${t}: step size underflow`);
      }
    }
    this.h = h;
  }
}
