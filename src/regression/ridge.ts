import {combineGrams, type GramStats} from "./gram.js";
import {solveRidgeSystem} from "./linear-solve.js";
import {fail} from "../validate.js";

/** The reference grid: 1e-8, 1e-7, ..., 1e-1 (Kekić et al.'s code). */
export const PAPER_ALPHAS: readonly number[] = Array.from({length: 8}, (_, i) => Number(`1e${i - 8}`));
/** A wider grid, 1e-8 .. 1e4, for when the paper grid's top is chosen. */
export const WIDE_ALPHAS: readonly number[] = Array.from({length: 13}, (_, i) => Number(`1e${i - 8}`));

/**
 * Maps the working basis (where statistics were accumulated) to the features the ridge
 * penalizes and standardizes: features = blockdiag(T, ..., T) * working, T of size p x p.
 * T = undefined means the identity.
 */
export interface FeatureMap {
  p: number;
  blocks: number;
  T?: Float64Array;
}

export interface RidgeFit {
  alpha: number;
  /** mean held-out R^2 per alpha of the grid (empty when no CV was run) */
  cvScores: number[];
  alphas: number[];
  /** coefficients of the features (raw, unstandardized), length p * blocks */
  coef: Float64Array;
  /** intercept in the units of the accumulated (standardized) outcome */
  intercept: number;
}

export interface RidgeOptions {
  alphas?: readonly number[];
}

interface Centered {
  n: number;
  mean: Float64Array;
  cov: Float64Array;
  cxy: Float64Array;
  ybar: number;
}

/**
 * Ridge with scikit-learn's conventions: features standardized (mean, std ddof 0; constant
 * features left unscaled), an unpenalized intercept, penalty alpha on the sum of squares.
 * With several folds, alpha is chosen by mean held-out R^2 (ties to the first, i.e. smallest,
 * alpha of an ascending grid) and the model is refit on all folds.
 */
export function fitRidgeCV(folds: GramStats[], map: FeatureMap, options: RidgeOptions = {}): RidgeFit {
  const alphas = [...(options.alphas ?? PAPER_ALPHAS)];
  if (alphas.length === 0 || alphas.some((a) => !(a > 0) || !Number.isFinite(a))) fail(`ridge: alphas must be positive finite numbers, got [${alphas}]`);
  if (folds.length === 0) fail("ridge: no folds; expected the statistics of at least one fold");
  const total = combineGrams(folds);
  let best = 0;
  const cvScores: number[] = [];
  if (folds.length > 1 && alphas.length > 1) {
    // scikit-learn's r2_score per fold, averaged; a constant fold scores 1 if predicted exactly, else 0
    const r2 = (e: {sse: number; sst: number}) => (e.sst <= 0 ? (e.sse <= 0 ? 1 : 0) : 1 - e.sse / e.sst);
    for (const perFold of heldOutFits(folds, map, alphas)) cvScores.push(perFold.reduce((s, e) => s + r2(e), 0) / folds.length);
    for (let a = 1; a < alphas.length; a++) if (cvScores[a] > cvScores[best]) best = a;
  }
  const all = centerAndMap(total, map);
  const model = solveStandardized(all, standardize(all), alphas[best]);
  return {alpha: alphas[best], alphas, cvScores, coef: model.coef, intercept: model.intercept};
}

function centerAndMap(g: GramStats, map: FeatureMap): Centered {
  const {P, n} = g;
  if (P !== map.p * map.blocks) throw new Error(`Gram of size ${P} does not match ${map.blocks} blocks of ${map.p}`);
  if (n <= 0) throw new Error("cannot fit a regression to zero rows");
  const mean = new Float64Array(P);
  for (let i = 0; i < P; i++) mean[i] = g.sx[i] / n;
  const ybar = g.sy / n;
  const cov = new Float64Array(P * P);
  for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) cov[i * P + j] = g.sxx[i * P + j] - n * mean[i] * mean[j];
  const cxy = new Float64Array(P);
  for (let i = 0; i < P; i++) cxy[i] = g.sxy[i] - n * mean[i] * ybar;
  if (!map.T) return {n, mean, cov, cxy, ybar};
  return {n, mean: blockApply(map, mean), cov: blockSandwich(map, cov), cxy: blockApply(map, cxy), ybar};
}

/** (blockdiag T) v */
function blockApply(map: FeatureMap, v: Float64Array): Float64Array {
  const {p, blocks, T} = map;
  const out = new Float64Array(p * blocks);
  for (let b = 0; b < blocks; b++)
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let k = 0; k <= i; k++) s += T![i * p + k] * v[b * p + k];
      out[b * p + i] = s;
    }
  return out;
}

/** (blockdiag T)^T v */
function blockApplyTransposed(map: FeatureMap, v: Float64Array): Float64Array {
  const {p, blocks, T} = map;
  if (!T) return v;
  const out = new Float64Array(p * blocks);
  for (let b = 0; b < blocks; b++)
    for (let i = 0; i < p; i++) {
      const vi = v[b * p + i];
      if (vi === 0) continue;
      for (let k = 0; k <= i; k++) out[b * p + k] += T[i * p + k] * vi;
    }
  return out;
}

/** (blockdiag T) C (blockdiag T)^T, block by block; T is lower triangular. */
function blockSandwich(map: FeatureMap, C: Float64Array): Float64Array {
  const {p, blocks, T} = map;
  const P = p * blocks;
  const out = new Float64Array(P * P);
  const tmp = new Float64Array(p * p);
  for (let a = 0; a < blocks; a++)
    for (let b = 0; b < blocks; b++) {
      // tmp = T C_ab
      for (let i = 0; i < p; i++)
        for (let j = 0; j < p; j++) {
          let s = 0;
          for (let k = 0; k <= i; k++) s += T![i * p + k] * C[(a * p + k) * P + b * p + j];
          tmp[i * p + j] = s;
        }
      // out_ab = tmp T^T
      for (let i = 0; i < p; i++)
        for (let j = 0; j < p; j++) {
          let s = 0;
          for (let k = 0; k <= j; k++) s += tmp[i * p + k] * T![j * p + k];
          out[(a * p + i) * P + b * p + j] = s;
        }
    }
  return out;
}

interface Standardization {
  scale: Float64Array;
  constant: Uint8Array;
  A: Float64Array;
  b: Float64Array;
}

function standardize(c: Centered): Standardization {
  const P = c.mean.length;
  const scale = new Float64Array(P).fill(1);
  const constant = new Uint8Array(P);
  const eps = Number.EPSILON;
  for (let j = 0; j < P; j++) {
    const v = c.cov[j * P + j] / c.n;
    // scikit-learn's bound on the rounding error of a variance (_is_constant_feature)
    const bound = c.n * eps * Math.abs(v) + (c.n * c.mean[j] * eps) ** 2;
    if (v <= bound) constant[j] = 1;
    else scale[j] = Math.sqrt(v);
  }
  const A = new Float64Array(P * P);
  const b = new Float64Array(P);
  for (let i = 0; i < P; i++) {
    if (constant[i]) continue;
    b[i] = c.cxy[i] / scale[i];
    for (let j = 0; j < P; j++) if (!constant[j]) A[i * P + j] = c.cov[i * P + j] / (scale[i] * scale[j]);
  }
  return {scale, constant, A, b};
}

function solveStandardized(c: Centered, s: Standardization, alpha: number): {coef: Float64Array; intercept: number} {
  const P = c.mean.length;
  const w = solveRidgeSystem(s.A, P, alpha, s.b);
  const coef = new Float64Array(P);
  let intercept = c.ybar;
  for (let j = 0; j < P; j++) {
    if (s.constant[j]) continue;
    coef[j] = w[j] / s.scale[j];
    intercept -= coef[j] * c.mean[j];
  }
  return {coef, intercept};
}

/**
 * Held-out sums of squared errors: sse[a][f] of the model trained on all folds but f with
 * alphas[a] (each alpha may be scaled per call), scored on fold f.
 */
export function heldOutErrors(folds: GramStats[], map: FeatureMap, alphas: readonly number[]): number[][] {
  return heldOutFits(folds, map, alphas).map((perFold) => perFold.map((e) => e.sse));
}

/** For each alpha and fold: the held-out SSE and SST of the model trained on the other folds. */
function heldOutFits(folds: GramStats[], map: FeatureMap, alphas: readonly number[]): {sse: number; sst: number}[][] {
  const total = combineGrams(folds);
  const out = alphas.map(() => new Array<{sse: number; sst: number}>(folds.length));
  folds.forEach((test, f) => {
    const train = centerAndMap(combineGrams([total, test], [1, -1]), map);
    const std = standardize(train);
    alphas.forEach((alpha, a) => {
      const model = solveStandardized(train, std, alpha);
      out[a][f] = heldOutFit(test, map, model.coef, model.intercept);
    });
  });
  return out;
}

/** SSE and SST on a fold from its statistics alone. */
function heldOutFit(test: GramStats, map: FeatureMap, coef: Float64Array, intercept: number): {sse: number; sst: number} {
  const {P, n} = test;
  const gamma = blockApplyTransposed(map, coef);
  let gSx = 0;
  let gSxy = 0;
  let quad = 0;
  for (let i = 0; i < P; i++) {
    const gi = gamma[i];
    if (gi === 0) continue;
    gSx += gi * test.sx[i];
    gSxy += gi * test.sxy[i];
    let row = 0;
    for (let j = 0; j < P; j++) row += test.sxx[i * P + j] * gamma[j];
    quad += gi * row;
  }
  const sse = test.syy - 2 * (intercept * test.sy + gSxy) + n * intercept * intercept + 2 * intercept * gSx + quad;
  const sst = test.syy - (test.sy * test.sy) / n;
  return {sse, sst};
}
