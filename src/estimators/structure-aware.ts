
import {emptyGram, productIndex, type GramStats} from "../regression/gram.js";
import type {MomentLayout, Moments} from "../regression/moments.js";
import {modelFromStandardized, type PolynomialModel} from "../regression/polynomial-regression.js";
import {fitRidgeCV, WIDE_ALPHAS, type RidgeOptions} from "../regression/ridge.js";
import {fail, requireIndexSet} from "../validate.js";
import {requireIntervened} from "./intervention-generalization.js";
import {requireTrainingData, type TrainingMoments} from "./training-data.js";

/**
 * A structure-aware joint estimator (beyond the paper; the decomposition of its eqs. 15-17 with
 * only the variables the theory allows). In regime R (observational, or do(A_k)):
 *   E[Y | a] = c + sum_{k intervened} u_k(a_k) + sum_{k observed} h_k(a_k, a_anc(k)),
 * u_k = E_{p(C_k)} f_k (a function of a_k alone), h_k = E[f_k | a_k, a_pa(k)] (C_k reaches the
 * other actions only through A_k, so p(C_k | a) depends on a_k and its parents; ancestors are a
 * superset that keeps this true). One ridge regression on the pooled observational and
 * single-intervention data, each feature a monomial switched on in a set of regimes, its Gram read
 * off the per-regime moments. Joint prediction: c + sum_k u_k; mixed (Prop. 1): u for the
 * intervened actions, h for the others.
 */
export interface MaskedFeature {
  /** index in the degree-d monomial basis over all K actions (standardized variables) */
  monomial: number;
  /** regimes where it is on: 0 = observational, 1 + k = do(A_k) */
  regimes: boolean[];
  /** which term it belongs to */
  term: {kind: "u" | "h"; action: number};
}

export function structureFeatures(layout: MomentLayout, ancestors: number[][]): MaskedFeature[] {
  const {basis, nVars: K} = layout;
  const features: MaskedFeature[] = [];
  for (let k = 0; k < K; k++) {
    const allowed = new Set([k, ...ancestors[k]]);
    const uMask = Array.from({length: K + 1}, (_, r) => r === k + 1);
    const hMask = Array.from({length: K + 1}, (_, r) => r !== k + 1);
    for (let m = 0; m < basis.size; m++) {
      const vars = [...Array(K).keys()].filter((v) => basis.exponents[m * K + v] > 0);
      if (vars.length <= 1 && (vars.length === 0 || vars[0] === k)) features.push({monomial: m, regimes: uMask, term: {kind: "u", action: k}});
      if (vars.length > 0 && vars.every((v) => allowed.has(v))) features.push({monomial: m, regimes: hMask, term: {kind: "h", action: k}});
    }
  }
  return features;
}

/** Gram statistics of a masked monomial design over regimes' moments (one fold). */
export function maskedGram(layout: MomentLayout, regimes: Moments[], features: MaskedFeature[]): GramStats {
  const P = features.length;
  const p = layout.basis.size;
  const prod = productIndex(layout);
  const g = emptyGram(P);
  regimes.forEach((m, r) => {
    g.n += m.n;
    g.sy += m.y;
    g.syy += m.yy;
    for (let i = 0; i < P; i++) {
      const fi = features[i];
      if (!fi.regimes[r]) continue;
      g.sx[i] += m.mono[fi.monomial];
      g.sxy[i] += m.monoY[fi.monomial];
      for (let j = 0; j < P; j++) if (features[j].regimes[r]) g.sxx[i * P + j] += m.mono[prod[fi.monomial * p + features[j].monomial]];
    }
  });
  return g;
}

export interface StructureFit {
  layout: MomentLayout;
  features: MaskedFeature[];
  coef: Float64Array;
  intercept: number;
  alpha: number;
  ancestors: number[][];
}

export function fitStructureAware(data: TrainingMoments, ancestors: number[][], options: RidgeOptions = {alphas: WIDE_ALPHAS}): StructureFit {
  requireTrainingData("fitStructureAware", data);
  const {layout, K} = data;
  if (!Array.isArray(ancestors) || ancestors.length !== K) fail(`fitStructureAware: ancestors for ${Array.isArray(ancestors) ? ancestors.length : 0} actions, data has K = ${K}`);
  ancestors.forEach((a, k) => {
    if (!Array.isArray(a)) fail(`fitStructureAware: ancestors of action ${k} missing; expected an array of indices`);
    requireIndexSet(`fitStructureAware: ancestors of action ${k}`, a, K);
    if (a.includes(k)) fail(`fitStructureAware: action ${k} is listed as its own ancestor`);
  });
  const features = structureFeatures(layout, ancestors);
  const folds = data.observational.map((obs, f) => maskedGram(layout, [obs, ...data.single.map((s) => s[f])], features));
  const fit = fitRidgeCV(folds, {p: features.length, blocks: 1}, options);
  return {layout, features, coef: fit.coef, intercept: fit.intercept, alpha: fit.alpha, ancestors};
}

/** The prediction for the regime intervening on `intervened` (default: all, the joint effect). */
export function structurePrediction(fit: StructureFit, intervened?: readonly number[]): PolynomialModel {
  const {layout, features} = fit;
  const K = layout.nVars;
  if (intervened !== undefined) requireIntervened("structurePrediction", intervened, K);
  const S = new Set(intervened ?? [...Array(K).keys()]);
  const p = layout.basis.size;
  // coefficients over monomials of the standardized actions
  const gamma = new Float64Array(p);
  features.forEach((f, j) => {
    const on = f.term.kind === "u" ? S.has(f.term.action) : !S.has(f.term.action);
    if (on) gamma[f.monomial] += fit.coef[j];
  });
  return modelFromStandardized(layout, gamma, fit.intercept, true);
}

/** Ancestors from a known DAG given as parent lists (transitive closure). */
export function ancestorsOf(parents: number[][]): number[][] {
  if (!Array.isArray(parents) || parents.length === 0) fail("ancestorsOf: expected one parent list per action");
  parents.forEach((ps, k) => requireIndexSet(`ancestorsOf: parents of action ${k}`, ps, parents.length));
  const memo = new Map<number, Set<number>>();
  const onPath = new Set<number>();
  const visit = (k: number): Set<number> => {
    if (memo.has(k)) return memo.get(k)!;
    if (onPath.has(k)) fail(`ancestorsOf: action ${k} is its own ancestor (the parent lists contain a cycle); expected a DAG`);
    onPath.add(k);
    const s = new Set<number>();
    for (const j of parents[k]) {
      s.add(j);
      for (const a of visit(j)) s.add(a);
    }
    onPath.delete(k);
    memo.set(k, s);
    return s;
  };
  return parents.map((_, k) => [...visit(k)].sort((a, b) => a - b));
}
