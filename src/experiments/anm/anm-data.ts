import type {AnmModel} from "../../anm/anm-model.js";
import {marginalsOf, sampleAnm, type Marginals} from "../../anm/anm-sampling.js";
import type {AnmTrainingData} from "../../anm/joint-likelihood.js";
import {nodeMean, outcomeIndex} from "../../anm/anm-model.js";
import {randomStream, type StreamLabel} from "../../random/streams.js";

/**
 * One run's training data, as in both of Saengkyongam & Silva's experiments: n observational
 * rows, then n rows of do(X_k) for each treatment with values drawn from N(mean, sd^2) of X_k
 * in that observational sample.
 */
export function anmTrainingData(model: AnmModel, n: number, seed: number, ...path: StreamLabel[]): AnmTrainingData & {marginals: Marginals} {
  const K = outcomeIndex(model);
  const observational = sampleAnm(model, {kind: "observational"}, n, null, seed, ...path, "observational");
  const marginals = marginalsOf(observational, K);
  const single = Array.from({length: K}, (_, k) => sampleAnm(model, {kind: "single", node: k}, n, marginals, seed, ...path, "single", k));
  return {observational, single, marginals};
}

/** m joint test points, each treatment uniform on [lo_k, hi_k]; one column per node (the outcome column left 0). */
export function uniformTestPoints(model: AnmModel, m: number, lo: number[], hi: number[], seed: number, ...path: StreamLabel[]): Float64Array[] {
  const K = outcomeIndex(model);
  const rng = randomStream(seed, ...path, "test-points");
  const cols = Array.from({length: K + 1}, () => new Float64Array(m));
  for (let r = 0; r < m; r++) for (let k = 0; k < K; k++) cols[k][r] = lo[k] + (hi[k] - lo[k]) * rng.nextDouble();
  return cols;
}

/** The joint effect E[Y | do(x)] = f_Y(x; thetaY) at test points (noise has mean zero). */
export function jointEffect(model: AnmModel, thetaY: ArrayLike<number>, points: Float64Array[]): Float64Array {
  return nodeMean(model, thetaY, outcomeIndex(model), points, points[0].length);
}

/** Mean absolute difference between two coefficient vectors. */
export function parameterMae(estimate: ArrayLike<number>, truth: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < truth.length; i++) s += Math.abs(estimate[i] - truth[i]);
  return s / truth.length;
}
