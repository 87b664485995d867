import {NOISE_FAMILIES, type NoiseSpec} from "../random/noise.js";
import {randomStream} from "../random/streams.js";
import {randomPolynomial, type Polynomial} from "./polynomial.js";

/**
 * The additive-outcome SCM of Kekić et al. (Assumption 2, Appendix E), actions 0..K-1 in
 * topological order:
 *   C_k := W_k,  A_k := g_k(A_pa(k) in increasing index, C_k, V_k),  Y := sum_k f_k(A_k, C_k) + U.
 * Only (A, Y) are observed. Plain data, so it can be serialized, posted to a worker or recorded.
 */
export interface AdditiveScm {
  K: number;
  /** parents[k]: indices j < k with an edge A_j -> A_k, increasing */
  parents: number[][];
  /** f[k] has inputs (A_k, C_k) */
  f: Polynomial[];
  /** g[k] has inputs (...A_parents[k], C_k, V_k) */
  g: Polynomial[];
  confounderNoise: NoiseSpec[];
  actionNoise: NoiseSpec[];
  outcomeNoise: NoiseSpec;
}

export interface RandomScmOptions {
  edgeProbability?: number;
  confounderStd?: number;
  actionNoiseStd?: number;
  outcomeNoiseStd?: number;
  coefficientStd?: number;
}

/** Appendix E defaults: edge probability 0.3; std W 0.5, V 0.1, U 0.1; coefficient std 0.1. */
export const PAPER_SCM_OPTIONS: Required<RandomScmOptions> = {
  edgeProbability: 0.3,
  confounderStd: 0.5,
  actionNoiseStd: 0.1,
  outcomeNoiseStd: 0.1,
  coefficientStd: 0.1,
};

/** Draws a random SCM; everything is a function of (K, seed, options). */
export function randomAdditiveScm(K: number, seed: number, options: RandomScmOptions = {}): AdditiveScm {
  if (!Number.isInteger(K) || K < 1) throw new Error(`K must be an integer >= 1, got ${K}`);
  const o = {...PAPER_SCM_OPTIONS, ...options};
  const rng = randomStream(seed, "scm");
  const family = () => NOISE_FAMILIES[Math.floor(rng.nextDouble() * NOISE_FAMILIES.length)];
  const confounderNoise = Array.from({length: K}, () => ({family: family(), mean: 0, std: o.confounderStd}));
  const actionNoise = Array.from({length: K}, () => ({family: family(), mean: 0, std: o.actionNoiseStd}));
  const outcomeNoise = {family: family(), mean: 0, std: o.outcomeNoiseStd};
  const parents: number[][] = [];
  for (let k = 0; k < K; k++) {
    parents.push([]);
    for (let j = 0; j < k; j++) if (rng.nextDouble() < o.edgeProbability) parents[k].push(j);
  }
  const f = parents.map(() => randomPolynomial(2, rng, 2, o.coefficientStd));
  const g = parents.map((pa) => randomPolynomial(pa.length + 2, rng, 2, o.coefficientStd));
  return {K, parents, f, g, confounderNoise, actionNoise, outcomeNoise};
}

/** Checks the shapes of a hand-written SCM; throws a message naming the first problem. */
export function validateScm(scm: AdditiveScm): void {
  const {K} = scm;
  const need = (ok: boolean, msg: string) => {
    if (!ok) throw new Error(`invalid SCM: ${msg}`);
  };
  need(Number.isInteger(K) && K >= 1, `K must be an integer >= 1, got ${K}`);
  for (const [name, arr] of [["parents", scm.parents], ["f", scm.f], ["g", scm.g], ["confounderNoise", scm.confounderNoise], ["actionNoise", scm.actionNoise]] as const)
    need(arr.length === K, `${name} has ${arr.length} entries, expected K = ${K}`);
  for (let k = 0; k < K; k++) {
    const pa = scm.parents[k];
    need(pa.every((j, i) => Number.isInteger(j) && j >= 0 && j < k && (i === 0 || pa[i - 1] < j)), `parents[${k}] must be increasing indices below ${k}`);
    need(scm.f[k].nInputs === 2, `f[${k}] must take 2 inputs (A_k, C_k)`);
    need(scm.g[k].nInputs === pa.length + 2, `g[${k}] must take ${pa.length + 2} inputs (parents, C_k, V_k)`);
  }
}
