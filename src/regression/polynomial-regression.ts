import {evaluateMonomials, evaluatePolynomial, monomialBasis} from "../features/monomial-basis.js";
import {gramFromMoments, indicatorGram} from "./gram.js";
import type {MomentLayout, Moments} from "./moments.js";
import {fitRidgeCV, type FeatureMap, type RidgeFit, type RidgeOptions} from "./ridge.js";
import {shiftExpansion} from "./shift-expansion.js";

/** A fitted polynomial in the raw variables; the intercept is folded into coef[0]. */
export interface PolynomialModel {
  nVars: number;
  degree: number;
  coef: Float64Array;
}

export function predict(model: PolynomialModel, x: ArrayLike<number>[]): Float64Array {
  return evaluatePolynomial(monomialBasis(model.nVars, model.degree), model.coef, x);
}

/** Predictions of several models of one basis in one pass over the rows' monomials. */
export function predictMany(models: PolynomialModel[], x: ArrayLike<number>[]): Float64Array[] {
  if (models.length === 0) return [];
  const {nVars, degree} = models[0];
  if (models.some((m) => m.nVars !== nVars || m.degree !== degree)) throw new Error("predictMany: models must share a basis");
  const basis = monomialBasis(nVars, degree);
  const n = x[0]?.length ?? 0;
  const out = models.map(() => new Float64Array(n));
  const row = new Float64Array(nVars);
  const mono = new Float64Array(basis.size);
  for (let i = 0; i < n; i++) {
    for (let v = 0; v < nVars; v++) row[v] = x[v][i];
    evaluateMonomials(basis, row, mono);
    for (let k = 0; k < models.length; k++) {
      const c = models[k].coef;
      let s = 0;
      for (let m = 0; m < mono.length; m++) s += c[m] * mono[m];
      out[k][i] = s;
    }
  }
  return out;
}

/** sum_i weights[i] * models[i]: the models share a basis. */
export function combineModels(models: PolynomialModel[], weights: number[]): PolynomialModel {
  const coef = new Float64Array(models[0].coef.length);
  models.forEach((m, i) => {
    for (let j = 0; j < coef.length; j++) coef[j] += weights[i] * m.coef[j];
  });
  return {nVars: models[0].nVars, degree: models[0].degree, coef};
}

const featureMaps = new WeakMap<MomentLayout, Float64Array>();

export function featureMap(layout: MomentLayout, blocks = 1): FeatureMap {
  let T = featureMaps.get(layout);
  if (!T) featureMaps.set(layout, (T = shiftExpansion(layout.basis, layout.shiftX)));
  return {p: layout.basis.size, blocks, T};
}

function toModel(layout: MomentLayout, coef: Float64Array, intercept: number): PolynomialModel {
  const c = Float64Array.from(coef);
  c[0] += intercept;
  return {nVars: layout.nVars, degree: layout.degree, coef: c};
}

/** Ridge-CV polynomial regression on the moments of each fold (contiguous folds of one dataset, or their union over datasets). */
export function fitPolynomialCV(layout: MomentLayout, folds: Moments[], options: RidgeOptions = {}): {model: PolynomialModel; fit: RidgeFit} {
  const fit = fitRidgeCV(folds.map((m) => gramFromMoments(layout, m)), featureMap(layout), {...options, shiftY: layout.shiftY});
  return {model: toModel(layout, fit.coef, fit.intercept), fit};
}

/**
 * One ridge-CV regression on [phi, R_1 phi, ..., R_B phi] over a reference dataset and B
 * regime datasets, fold f being the union of fold f of every dataset. Returns the block
 * models (intercept in block 0): the prediction for regimes S is block 0 + sum_{b in S} block b.
 */
export function fitIndicatorCV(layout: MomentLayout, reference: Moments[], regimes: Moments[][], options: RidgeOptions = {}): {blocks: PolynomialModel[]; fit: RidgeFit} {
  const B = regimes.length + 1;
  const grams = reference.map((ref, f) => indicatorGram(layout, ref, regimes.map((r) => r[f])));
  const fit = fitRidgeCV(grams, featureMap(layout, B), {...options, shiftY: layout.shiftY});
  const p = layout.basis.size;
  const blocks = Array.from({length: B}, (_, b) => toModel(layout, fit.coef.subarray(b * p, (b + 1) * p), b === 0 ? fit.intercept : 0));
  return {blocks, fit};
}
