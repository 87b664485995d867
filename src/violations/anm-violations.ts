import {choleskyLower, nodeMean, outcomeIndex, validateModel, type AnmModel} from "../anm/anm-model.js";
import {type AnmRegime, type AnmSample, type Marginals} from "../anm/anm-sampling.js";
import {syntheticAnm} from "../anm/synthetic-anm.js";
import {randomStream, type StreamLabel} from "../random/streams.js";
import {standardNormal} from "../random/ziggurat.js";
import type {Xoshiro128} from "../random/xoshiro128.js";
import {fail, requireFiniteColumns, requireInteger} from "../validate.js";

/**
 * Violations of Saengkyongam & Silva's assumptions, on their synthetic nonlinear K = 3 ANM
 * (src/anm/synthetic-anm.ts: complete DAG X1 -> X2 -> X3 -> Y, correlated Gaussian noise):
 * - anm-noise: the noise U = L z keeps its covariance Sigma, but each z_j becomes
 *   sqrt(1 - lambda^2) g + lambda w, g standard normal and w = (t_5 / sqrt(5/3) + (E - 1)) / sqrt(2)
 *   (E ~ Exp(1)): mean 0, variance 1, heavy-tailed and skewed; lambda in [0, 1];
 * - anm-dag: the edge X1 -> X3 has strength lambda (its two terms X1 and X1 X2 times lambda) and
 *   the estimator's DAG misses it;
 * - anm-reversed: the edge X1 -> X2 has strength lambda and the estimator's DAG has X2 -> X1.
 * At lambda = 0 the estimator's DAG and the Gaussian likelihood are right.
 */
export const ANM_VIOLATION_KINDS = [
  {id: "anm-noise", label: "Non-Gaussian noise (ANM)", assumption: "Gaussian noise", description: "each standard-normal noise source becomes sqrt(1 - lambda^2) g + lambda w, w heavy-tailed (t_5) and skewed (exponential), covariance unchanged"},
  {id: "anm-dag", label: "Missing edge (ANM)", assumption: "the right DAG", description: "the edge X1 -> X3 has strength lambda and the estimator's DAG misses it"},
  {id: "anm-reversed", label: "Reversed edge (ANM)", assumption: "the right DAG", description: "the edge X1 -> X2 has strength lambda and the estimator's DAG has X2 -> X1"},
] as const;
export type AnmViolationKind = (typeof ANM_VIOLATION_KINDS)[number]["id"];
export const ANM_VIOLATION_KIND_IDS: AnmViolationKind[] = ANM_VIOLATION_KINDS.map((v) => v.id);

export interface AnmViolation {
  kind: AnmViolationKind;
  lambda: number;
  /** the data-generating ANM */
  truth: AnmModel;
  /** the graph the estimator assumes, over the columns permuted by `order` (theta and sigma unused) */
  assumed: Pick<AnmModel, "names" | "parents" | "mechanism">;
  /** assumed node i is true node order[i] */
  order: number[];
  /** the noise's non-Gaussian weight (anm-noise), else 0 */
  shape: number;
}

export function anmViolation(kind: AnmViolationKind, lambda: number): AnmViolation {
  if (!ANM_VIOLATION_KIND_IDS.includes(kind)) fail(`anmViolation: unknown kind ${JSON.stringify(kind)}; expected one of ${ANM_VIOLATION_KIND_IDS.join(", ")}`);
  if (typeof lambda !== "number" || !Number.isFinite(lambda) || lambda < 0 || lambda > 1) fail(`anmViolation: lambda of ${kind} must be in [0, 1], found ${String(lambda)}`);
  const base = syntheticAnm("nonlinear");
  const identity = [0, 1, 2, 3];
  switch (kind) {
    case "anm-noise":
      return {kind, lambda, truth: base, assumed: base, order: identity, shape: lambda};
    case "anm-dag": {
      // X3's features on parents [X1, X2]: X1, X2, X1 X2; the X1 edge's terms scaled by lambda
      const theta = base.theta.map((t) => [...t]);
      theta[2] = [0.5 * lambda, -1, 1 * lambda];
      const assumed = {names: base.names, parents: [[], [0], [1], [0, 1, 2]], mechanism: base.mechanism};
      return {kind, lambda, truth: {...base, theta}, assumed, order: identity, shape: 0};
    }
    case "anm-reversed": {
      const theta = base.theta.map((t) => [...t]);
      theta[1] = [1 * lambda];
      // estimator's node order: X2, X1, X3, Y with X2 -> X1
      const assumed = {names: ["X2", "X1", "X3", "Y"], parents: [[], [0], [0, 1], [0, 1, 2]], mechanism: base.mechanism};
      return {kind, lambda, truth: {...base, theta}, assumed, order: [1, 0, 2, 3], shape: 0};
    }
    default: {
      const never: never = kind;
      return fail(`anmViolation: unknown kind ${String(never)}`);
    }
  }
}

/** One standardized heavy-tailed, skewed variate: (t_5 / sqrt(5/3) + (E - 1)) / sqrt(2). */
export function skewedHeavyVariate(rng: Xoshiro128): number {
  const g = standardNormal(rng);
  let chi = 0;
  for (let i = 0; i < 5; i++) chi += standardNormal(rng) ** 2;
  const t = g / Math.sqrt(chi / 5);
  const e = -Math.log(1 - rng.nextDouble());
  return (t / Math.sqrt(5 / 3) + (e - 1)) / Math.SQRT2;
}

/**
 * n rows of the violated ANM under a regime: the same streams as sampleAnm (src/anm/anm-sampling.ts),
 * so at shape 0 the rows are identical to it; the non-Gaussian part comes from its own stream.
 */
export function sampleViolatedAnm(v: AnmViolation, regime: AnmRegime, n: number, marginals: Marginals | null, seed: number, ...path: StreamLabel[]): AnmSample {
  const model = v.truth;
  validateModel(model);
  requireInteger("sampleViolatedAnm: rows", n, 0);
  const d = model.names.length;
  const K = outcomeIndex(model);
  if (regime.kind !== "observational" && !marginals) fail(`sampleViolatedAnm: regime ${regime.kind} needs the intervention marginals`);
  if (regime.kind === "single" && !(Number.isInteger(regime.node) && regime.node >= 0 && regime.node < K)) fail(`sampleViolatedAnm: cannot intervene on node ${regime.node}: treatments are 0..${K - 1}`);
  const intervened = (j: number) => (regime.kind === "joint" ? j < K : regime.kind === "single" && regime.node === j);
  const L = choleskyLower(model.sigma);
  const noise = Array.from({length: d}, () => new Float64Array(n));
  const rng = randomStream(seed, ...path, "noise");
  const shapeRng = randomStream(seed, ...path, "noise-shape");
  const a = Math.sqrt(1 - v.shape * v.shape);
  const z = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) z[j] = standardNormal(rng);
    if (v.shape > 0) for (let j = 0; j < d; j++) z[j] = a * z[j] + v.shape * skewedHeavyVariate(shapeRng);
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k <= j; k++) s += L[j][k] * z[k];
      noise[j][r] = s;
    }
  }
  const columns: AnmSample = [];
  for (let j = 0; j < d; j++) {
    if (intervened(j)) {
      const rngDo = randomStream(seed, ...path, "do", j);
      const col = new Float64Array(n);
      for (let r = 0; r < n; r++) col[r] = marginals!.mean[j] + marginals!.sd[j] * standardNormal(rngDo);
      columns.push(col);
    } else {
      const col = nodeMean(model, model.theta[j], j, columns, n);
      const u = noise[j];
      for (let r = 0; r < n; r++) col[r] += u[r];
      columns.push(col);
    }
  }
  return columns;
}

/**
 * The exact E[Y | do(x)]: Y's structural mean at x plus E[U_Y] = L_Y . E[z] = 0 (every noise
 * source has mean 0, Gaussian or not), so Y's mean function of the true model, in closed form.
 * `points` has one column per treatment (true node order).
 */
export function anmViolationEffect(v: AnmViolation, points: ArrayLike<number>[]): Float64Array {
  const K = outcomeIndex(v.truth);
  requireFiniteColumns("anmViolationEffect: points", points, K, 0, undefined, (k) => v.truth.names[k]);
  const n = points[0].length;
  const cols = [...points, new Float64Array(n)];
  return nodeMean(v.truth, v.truth.theta[K], K, cols, n);
}

/** Columns of a sample in the estimator's node order. */
export function toAssumedOrder(v: AnmViolation, sample: ArrayLike<number>[]): Float64Array[] {
  return v.order.map((j) => Float64Array.from(sample[j]));
}
