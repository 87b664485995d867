import {randomStream, type StreamLabel} from "../random/streams.js";
import {standardNormal} from "../random/ziggurat.js";
import {RunningMoments} from "../scm/sample-regime.js";
import {fail, requireFiniteColumns, requireInteger} from "../validate.js";
import {choleskyLower, nodeMean, outcomeIndex, validateModel, type AnmModel} from "./anm-model.js";

/** Which treatments are set: none, one (do(X_k)), or all of them (the joint intervention). */
export type AnmRegime = {kind: "observational"} | {kind: "single"; node: number} | {kind: "joint"};

export const regimeName = (r: AnmRegime, names?: string[]) => (r.kind === "observational" ? "observational" : r.kind === "joint" ? "joint" : `do(${names ? names[r.node] : `X${r.node + 1}`})`);

/** Intervention values are independent normals with these means and standard deviations (one per treatment). */
export interface Marginals {
  mean: number[];
  sd: number[];
}

/** One column per node. */
export type AnmSample = Float64Array[];

/** `sample` has `d` columns of equal length >= `minRows`, all finite numbers. */
export function requireSample(label: string, sample: AnmSample, d: number, minRows = 1, names?: string[]): void {
  requireFiniteColumns(label, sample, d, 0, undefined, (c) => `node ${names?.[c] ?? c}`);
  if (sample[0].length < minRows) fail(`${label}: ${sample[0].length} rows; expected at least ${minRows}`);
}

/** K means and K standard deviations, finite, sd >= 0. */
export function requireMarginals(label: string, marginals: Marginals, K: number): void {
  if (!marginals || !Array.isArray(marginals.mean) || !Array.isArray(marginals.sd)) fail(`${label}: expected marginals with mean and sd arrays`);
  if (marginals.mean.length !== K || marginals.sd.length !== K) fail(`${label}: ${marginals.mean.length} means and ${marginals.sd.length} sds; expected ${K} of each (one per treatment)`);
  for (let k = 0; k < K; k++) {
    if (!Number.isFinite(marginals.mean[k])) fail(`${label}: mean of treatment ${k} is ${marginals.mean[k]}; expected a finite number`);
    if (!Number.isFinite(marginals.sd[k]) || marginals.sd[k] < 0) fail(`${label}: sd of treatment ${k} is ${marginals.sd[k]}; expected a finite number >= 0`);
  }
}

/**
 * n rows of a regime. Noise rows are L z with z standard normal; an intervened treatment takes
 * N(mean_k, sd_k^2) values instead of its structural equation and its descendants follow.
 */
export function sampleAnm(model: AnmModel, regime: AnmRegime, n: number, marginals: Marginals | null, seed: number, ...path: StreamLabel[]): AnmSample {
  validateModel(model);
  const d = model.names.length;
  const K = outcomeIndex(model);
  requireInteger("sampleAnm: rows", n, 0);
  switch (regime?.kind) {
    case "observational":
      break;
    case "single":
      if (!(Number.isInteger(regime.node) && regime.node >= 0 && regime.node < K)) fail(`sampleAnm: cannot intervene on node ${regime.node}: treatments are 0..${K - 1}`);
    // falls through: interventions need marginals
    case "joint":
      if (!marginals) fail(`sampleAnm: regime ${regimeName(regime)} needs the intervention marginals`);
      requireMarginals(`sampleAnm: marginals of regime ${regimeName(regime)}`, marginals, K);
      break;
    default: {
      const unknown: never = regime;
      fail(`sampleAnm: unknown regime ${JSON.stringify(unknown)}; expected observational, single or joint`);
    }
  }
  const intervened = (j: number) => regime.kind === "joint" ? j < K : regime.kind === "single" && regime.node === j;
  const L = choleskyLower(model.sigma);
  const noise = Array.from({length: d}, () => new Float64Array(n));
  const rng = randomStream(seed, ...path, "noise");
  const z = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) z[j] = standardNormal(rng);
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

/** Means and standard deviations (ddof 0) of the treatments in a sample. */
export function marginalsOf(sample: AnmSample, K: number): Marginals {
  requireInteger("marginalsOf: K", K, 1, Array.isArray(sample) ? sample.length : 1);
  requireFiniteColumns("marginalsOf: sample", sample.slice(0, K), K, 0, undefined, (c) => `node ${c}`);
  if (sample[0].length === 0) fail("marginalsOf: sample has 0 rows; expected at least 1");
  const stats = sample.slice(0, K).map((c) => {
    const m = new RunningMoments();
    m.add(c);
    return m;
  });
  return {mean: stats.map((m) => m.mean()), sd: stats.map((m) => m.std())};
}

/** Rows `index` of every column (a bootstrap resample when index is drawn with replacement). */
export function takeRows(sample: AnmSample, index: ArrayLike<number>): AnmSample {
  requireFiniteColumns("takeRows: sample", sample);
  const n = sample[0].length;
  for (let r = 0; r < index.length; r++) if (!Number.isInteger(index[r]) || index[r] < 0 || index[r] >= n) fail(`takeRows: index ${r} is ${index[r]}; expected an integer row in [0, ${n - 1}]`);
  return sample.map((c) => {
    const out = new Float64Array(index.length);
    for (let r = 0; r < index.length; r++) out[r] = c[index[r]];
    return out;
  });
}

/** n indices drawn uniformly with replacement from 0..n-1. */
export function bootstrapIndex(n: number, seed: number, ...path: StreamLabel[]): Int32Array {
  requireInteger("bootstrapIndex: rows", n, 1);
  const rng = randomStream(seed, ...path);
  const idx = new Int32Array(n);
  for (let r = 0; r < n; r++) idx[r] = Math.floor(rng.nextDouble() * n);
  return idx;
}
