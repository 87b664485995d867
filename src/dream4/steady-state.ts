import type {GnwModel} from "./model.js";
import {DormandPrince, gnwRhs, TIGHT_INTEGRATOR, type IntegratorOptions} from "./ode.js";
import {perturbedParameters, wildTypeParameters, type GnwParameters, type Perturbation} from "./perturbation.js";
import {relativeActivation} from "./regulation.js";

/**
 * GNW's steady-state procedure (notes/dream4-gnw.md §3): integrate in blocks of Δ = 50 and stop
 * at the first block end where every one of the 2N variables (mRNA and protein) satisfies
 * |z_k(t) - z_k(t - Δ)| <= 1e-5 + 1e-3 |z_k(t)| (the first comparison, at t = Δ, is with z(0));
 * if that never happens, stop at t = 2000. The wild type starts from no regulation,
 * x_i(0) = (m_i/δ_i) f_i(0), y_i(0) = (r_i/λ_i) x_i(0); every perturbation starts from the
 * stopped wild type (mRNA and protein), not from the exact fixed point.
 */
export interface StoppingRule {
  block: number;
  absTol: number;
  relTol: number;
  maxTime: number;
}

export const GNW_STOPPING_RULE: StoppingRule = {block: 50, absTol: 1e-5, relTol: 1e-3, maxTime: 2000};

export interface SteadyState {
  /** mRNA, model units (the measured expression) */
  x: Float64Array;
  /** protein, model units */
  y: Float64Array;
  /** the block end where the rule stopped */
  stopTime: number;
  /** false when the rule never held and the run stopped at maxTime */
  converged: boolean;
}

export interface SteadyStateOptions {
  integrator?: IntegratorOptions;
  rule?: StoppingRule;
}

/** The no-regulation start of the wild type: x_i = (m_i/δ_i) f_i(0) (= α_0 here), y_i = (r_i/λ_i) x_i; as z = (x, y). */
export function noRegulationStart(model: GnwModel, params: GnwParameters = wildTypeParameters(model)): Float64Array {
  const N = model.genes.length;
  const z = new Float64Array(2 * N);
  const zero = new Float64Array(N);
  model.genes.forEach((g, i) => {
    z[i] = (params.max[i] / g.delta) * relativeActivation(g.modules, params.alpha[i], zero);
    z[N + i] = (g.translation / g.proteinDelta) * z[i];
  });
  return z;
}

/** Runs the stopping rule from `start` (z = (x, y)) under `params`. */
export function runToSteadyState(model: GnwModel, params: GnwParameters, start: Float64Array, options: SteadyStateOptions = {}): SteadyState {
  const N = model.genes.length;
  if (start.length !== 2 * N) throw new Error(`start state: ${start.length} values, expected ${2 * N} (mRNA then protein)`);
  const rule = options.rule ?? GNW_STOPPING_RULE;
  const solver = new DormandPrince(gnwRhs(model, params), 2 * N, options.integrator ?? TIGHT_INTEGRATOR);
  const z = Float64Array.from(start);
  const previous = Float64Array.from(start);
  let t = 0;
  for (;;) {
    const t1 = Math.min(t + rule.block, rule.maxTime);
    solver.integrate(z, t, t1);
    t = t1;
    let steady = true;
    for (let k = 0; k < 2 * N && steady; k++) steady = Math.abs(z[k] - previous[k]) <= rule.absTol + rule.relTol * Math.abs(z[k]);
    if (steady || t >= rule.maxTime) return {x: z.slice(0, N), y: z.slice(N), stopTime: t, converged: steady};
    previous.set(z);
  }
}

/** GNW's wild type: the stopping rule from the no-regulation start. */
export function gnwWildType(model: GnwModel, options: SteadyStateOptions = {}): SteadyState {
  const params = wildTypeParameters(model);
  return runToSteadyState(model, params, noRegulationStart(model, params), options);
}

/** GNW's steady state under a perturbation, started from the stopped wild type. */
export function gnwPerturbed(model: GnwModel, perturbation: Perturbation, wildType: SteadyState, options: SteadyStateOptions = {}): SteadyState {
  return runToSteadyState(model, perturbedParameters(model, perturbation), stateVector(wildType), options);
}

/** z = (x, y) of a steady state. */
export function stateVector(s: {x: ArrayLike<number>; y: ArrayLike<number>}): Float64Array {
  const z = new Float64Array(s.x.length + s.y.length);
  z.set(s.x);
  z.set(s.y, s.x.length);
  return z;
}
