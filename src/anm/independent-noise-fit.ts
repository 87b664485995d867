import {cholesky} from "../regression/linear-solve.js";
import {fail} from "../validate.js";
import {featureTerms, requireStructure, type AnmModel} from "./anm-model.js";
import {requireSample, type AnmSample} from "./anm-sampling.js";

/**
 * Saengkyongam & Silva's model fitted to observational data by Gaussian likelihood with
 * independent noise, U ~ N(0, diag(s_1^2, ..., s_d^2)): how they turned DREAM4's multifactorial
 * data into the ground-truth SCM of Fig. 4-5 (before imposing a noise correlation). Over a DAG
 * with independent noise the likelihood factorises by node, so the maximum is each node's least
 * squares on its own feature map (parents and their pairwise products, no intercept; a root's
 * single mean parameter) and s_j^2 = RSS_j / n.
 *
 * With a free noise covariance and observational data alone the parameters would not be
 * identified (any confounding could explain a dependence), which is why the fit assumes
 * independence and the correlation is imposed afterwards.
 */
export interface IndependentNoiseFit {
  theta: number[][];
  /** maximum-likelihood noise variance per node, RSS / n */
  noiseVariance: number[];
  /** the maximised log-likelihood (sum over rows and nodes) */
  logLikelihood: number;
}

export function fitIndependentNoise(structure: Pick<AnmModel, "names" | "parents" | "mechanism">, sample: AnmSample): IndependentNoiseFit {
  requireStructure("fitIndependentNoise", structure);
  const d = structure.names.length;
  requireSample("fitIndependentNoise: sample", sample, d, 1, structure.names);
  const n = sample[0].length;
  const theta: number[][] = [];
  const noiseVariance: number[] = [];
  let logLikelihood = 0;
  for (let j = 0; j < d; j++) {
    const terms = featureTerms(structure.parents[j], structure.mechanism);
    const p = terms.length;
    if (n < p) fail(`fitIndependentNoise: node ${structure.names[j]} has ${p} parameters but the sample has ${n} rows; expected at least ${p}`);
    const features = terms.map((t) => Float64Array.from({length: n}, (_, r) => t.reduce((v, parent) => v * sample[parent][r], 1)));
    const gram = new Float64Array(p * p);
    const rhs = new Float64Array(p);
    const y = sample[j];
    for (let a = 0; a < p; a++) {
      for (let b = 0; b <= a; b++) {
        let s = 0;
        for (let r = 0; r < n; r++) s += features[a][r] * features[b][r];
        gram[a * p + b] = gram[b * p + a] = s;
      }
      let s = 0;
      for (let r = 0; r < n; r++) s += features[a][r] * y[r];
      rhs[a] = s;
    }
    const w = solveOrFail(gram, p, rhs, structure.names[j], n);
    let rss = 0;
    for (let r = 0; r < n; r++) {
      let m = 0;
      for (let a = 0; a < p; a++) m += w[a] * features[a][r];
      rss += (y[r] - m) ** 2;
    }
    const s2 = rss / n;
    theta.push(Array.from(w));
    noiseVariance.push(s2);
    logLikelihood += s2 > 0 ? -0.5 * n * (Math.log(2 * Math.PI * s2) + 1) : Infinity;
  }
  return {theta, noiseVariance, logLikelihood};
}

/** Cholesky solve of the normal equations; a singular Gram (collinear features) is an error naming the node. */
function solveOrFail(gram: Float64Array, p: number, rhs: Float64Array, name: string, n: number): Float64Array {
  const L = new Float64Array(p * p);
  let scale = 0;
  for (let a = 0; a < p; a++) scale = Math.max(scale, gram[a * p + a]);
  if (!cholesky(gram, p, 0, L) || L.some((v, i) => i % (p + 1) === 0 && Math.floor(i / p) < p && v * v <= 1e-12 * scale)) fail(`fitIndependentNoise: node ${name}: its ${p} features are collinear on the ${n} rows; the least-squares fit is not unique`);
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = rhs[i];
    for (let k = 0; k < i; k++) s -= L[i * p + k] * z[k];
    z[i] = s / L[i * p + i];
  }
  const w = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < p; k++) s -= L[k * p + i] * w[k];
    w[i] = s / L[i * p + i];
  }
  return w;
}
