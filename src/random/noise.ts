import {randomLogistic, randomUniform} from "d3-random";
import type {Xoshiro128} from "./xoshiro128.js";
import {standardNormal} from "./ziggurat.js";

/** The three exogenous-noise families of Kekić et al. (Appendix E), all parametrized by mean and std. */
export const NOISE_FAMILIES = ["gaussian", "uniform", "logistic"] as const;
export type NoiseFamily = (typeof NOISE_FAMILIES)[number];

export interface NoiseSpec {
  family: NoiseFamily;
  mean: number;
  std: number;
}

/** A sampler of one noise variable drawing from its own generator. */
export function noiseSampler(spec: NoiseSpec, rng: Xoshiro128): () => number {
  const {family, mean, std} = spec;
  if (!(std >= 0)) throw new Error(`noise std must be >= 0, got ${std}`);
  if (std === 0) return () => mean;
  const source = rng.source();
  switch (family) {
    case "gaussian":
      // d3-random's polar method was the largest cost of a paper-scale run (see ziggurat.ts)
      return () => mean + std * standardNormal(rng);
    case "uniform": {
      const half = Math.sqrt(3) * std;
      return randomUniform.source(source)(mean - half, mean + half);
    }
    case "logistic":
      return randomLogistic.source(source)(mean, (std * Math.sqrt(3)) / Math.PI);
  }
}

/** Fills a new column of n draws. */
export function sampleNoise(spec: NoiseSpec, rng: Xoshiro128, n: number): Float64Array {
  const draw = noiseSampler(spec, rng);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

/**
 * E[(X - mean)^j] for the family, exactly. All three families are symmetric, so odd central
 * moments vanish; the fourth central moments are 3 s^4 (Gaussian), 9/5 s^4 (uniform) and
 * 21/5 s^4 (logistic, excess kurtosis 6/5).
 */
export function centralMoment(spec: NoiseSpec, j: number): number {
  if (!Number.isInteger(j) || j < 0) throw new Error(`moment order must be a non-negative integer, got ${j}`);
  if (j === 0) return 1;
  if (j % 2 === 1) return 0;
  const s2 = spec.std * spec.std;
  if (j === 2) return s2;
  if (j === 4) return s2 * s2 * {gaussian: 3, uniform: 9 / 5, logistic: 21 / 5}[spec.family];
  if (spec.family === "gaussian") return s2 ** (j / 2) * doubleFactorial(j - 1);
  if (spec.family === "uniform") return (Math.sqrt(3) * spec.std) ** j / (j + 1);
  throw new Error(`central moment of order ${j} of the logistic family is not implemented`);
}

/** E[X^j] (raw moment) from the central moments by the binomial expansion. */
export function rawMoment(spec: NoiseSpec, j: number): number {
  let total = 0;
  let binom = 1;
  for (let i = 0; i <= j; i++) {
    total += binom * spec.mean ** (j - i) * centralMoment(spec, i);
    binom = (binom * (j - i)) / (i + 1);
  }
  return total;
}

function doubleFactorial(n: number): number {
  let r = 1;
  for (let i = n; i > 1; i -= 2) r *= i;
  return r;
}
