import {standardNormal} from "../random/ziggurat.js";
import type {Xoshiro128} from "../random/xoshiro128.js";
import type {GnwModel} from "./model.js";
import {productionDegradation} from "./ode.js";
import type {GnwParameters} from "./perturbation.js";

/**
 * GNW's two noise stages (notes/dream4-gnw.md §5).
 *
 * 1. Molecular noise: the chemical Langevin SDE dX = (P - Q) dt + c √(P + Q) dW per variable
 *    (Stratonovich), integrated by a derivative-free Milstein step with h = 1, negative values set
 *    to 0 after each step. DREAM4: c = 0.05.
 * 2. Measurement noise on every value, then negatives set to 0: normal N(0, 0.025²), log-normal
 *    10^(log10 x + N(0, 0.075²)), or the microarray model of Tu, Stolovitzky & Klein (2002),
 *    x e^w with w ~ N(0, 0.001 + 0.689 / (1 + x / 0.01)). DREAM4 used the microarray model.
 *
 * What is certain and what is not, for DREAM4 (from the note): the SDE with c = 0.05 and h = 1
 * and the microarray model are GNW's DREAM4 settings; the SDE run lengths (the ODE stopping
 * time of the same perturbation, at least 100 in GNW 3.1; 100 for the wild type) follow GNW 3.1
 * and may differ in the 2.0.1 release; the normalising constant of the published files came
 * from random noise and is known only as C = 1.4129489 inferred from the noise-free values.
 * Noisy data reproduce DREAM4's distribution, never its numbers.
 */
export const MEASUREMENT_NOISE_MODELS = ["none", "normal", "lognormal", "microarray"] as const;
export type MeasurementNoiseModel = (typeof MEASUREMENT_NOISE_MODELS)[number];

/** DREAM4's molecular-noise coefficient c. */
export const DREAM4_SDE_COEFFICIENT = 0.05;
/** GNW's SDE step h. */
export const GNW_SDE_STEP = 1;
/** The duration of the SDE wild type (time units from the ODE wild type), and the shortest perturbed run in GNW 3.1. */
export const GNW_SDE_MIN_DURATION = 100;

/** One value with measurement noise (negatives set to 0). */
export function addMeasurementNoise(value: number, model: MeasurementNoiseModel, rng: Xoshiro128): number {
  let v: number;
  switch (model) {
    case "none":
      return value;
    case "normal":
      v = value + 0.025 * standardNormal(rng);
      break;
    case "lognormal":
      v = value > 0 ? 10 ** (Math.log10(value) + 0.075 * standardNormal(rng)) : 0;
      if (value <= 0) standardNormal(rng); // same number of draws whatever the value
      break;
    case "microarray": {
      const variance = 0.001 + (0.69 - 0.001) / (1 + value / 0.01);
      v = value * Math.exp(Math.sqrt(variance) * standardNormal(rng));
      break;
    }
    default:
      return unknownNoise(model);
  }
  return v > 0 ? v : 0;
}

function unknownNoise(model: never): never {
  throw new Error(`unknown measurement noise model "${model as string}" (known: ${MEASUREMENT_NOISE_MODELS.join(", ")})`);
}

/** Every value of `values` with measurement noise, in order. */
export function measurementNoise(values: ArrayLike<number>, model: MeasurementNoiseModel, rng: Xoshiro128): Float64Array {
  return Float64Array.from(values as ArrayLike<number>, (v) => addMeasurementNoise(v, model, rng));
}

/**
 * The SDE from z (2N values, updated in place) for `duration` time units in steps of h:
 * X̃ = X + F h + G √h;  X' = X + F h + G ΔW + (G(X̃) - G(X)) ΔW² / (2√h), ΔW ~ N(0, h);
 * negatives set to 0 after each step. F = P - Q, G = c √(P + Q).
 */
export function sdeRun(model: GnwModel, params: GnwParameters, z: Float64Array, duration: number, rng: Xoshiro128, c = DREAM4_SDE_COEFFICIENT, h = GNW_SDE_STEP): Float64Array {
  const n = z.length;
  if (n !== 2 * model.genes.length) throw new Error(`SDE state: ${n} values, expected ${2 * model.genes.length}`);
  if (!(c >= 0) || !(h > 0) || !(duration >= 0)) throw new Error(`SDE: c must be >= 0, h > 0 and duration >= 0, got c ${c}, h ${h}, duration ${duration}`);
  const P = new Float64Array(n);
  const Q = new Float64Array(n);
  const F = new Float64Array(n);
  const G = new Float64Array(n);
  const support = new Float64Array(n);
  const dW = new Float64Array(n);
  const sqrtH = Math.sqrt(h);
  const steps = Math.round(duration / h);
  for (let s = 0; s < steps; s++) {
    productionDegradation(model, params, z, P, Q);
    for (let k = 0; k < n; k++) {
      F[k] = P[k] - Q[k];
      G[k] = c * Math.sqrt(Math.max(P[k] + Q[k], 0));
      support[k] = z[k] + F[k] * h + G[k] * sqrtH;
      dW[k] = sqrtH * standardNormal(rng);
    }
    productionDegradation(model, params, support, P, Q);
    for (let k = 0; k < n; k++) {
      const Gs = c * Math.sqrt(Math.max(P[k] + Q[k], 0));
      const v = z[k] + F[k] * h + G[k] * dW[k] + ((Gs - G[k]) * dW[k] * dW[k]) / (2 * sqrtH);
      z[k] = v > 0 ? v : 0;
    }
  }
  return z;
}
