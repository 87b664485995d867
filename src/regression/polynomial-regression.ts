import {evaluateMonomials, monomialBasis} from "../features/monomial-basis.js";
import {fail, requireFiniteColumns, requireInteger} from "../validate.js";
import {gramFromMoments, indicatorGram} from "./gram.js";
import type {MomentLayout, Moments} from "./moments.js";
import {fitRidgeCV, type FeatureMap, type RidgeFit, type RidgeOptions} from "./ridge.js";
import {rawCoefficients} from "./shift-expansion.js";

/**
 * A fitted polynomial: sum_m coef[m] * monomial_m(z) with z = (a - center) / scale per action
 * (the standardization the moments were accumulated in; absent = raw actions), in the units of
 * the outcome, the intercept folded into coef[0]. Evaluating in standardized variables keeps
 * predictions exact for data far from the origin or of extreme magnitude; rawCoefficientsOf
 * gives the coefficients in the raw actions.
 */
export interface PolynomialModel {
  nVars: number;
  degree: number;
  coef: Float64Array;
  center?: Float64Array;
  scale?: Float64Array;
}

/** Checks a model's shape: an integer degree, one center and scale per action, finite coefficients. */
export function requireModel(label: string, model: PolynomialModel): void {
  if (!model || typeof model !== "object") fail(`${label}: expected a polynomial model, found ${model === null ? "null" : typeof model}`);
  requireInteger(`${label}: number of actions`, model.nVars, 1);
  requireInteger(`${label}: degree`, model.degree, 0);
  const p = monomialBasis(model.nVars, model.degree).size;
  if (!model.coef || model.coef.length !== p) fail(`${label}: ${model.coef?.length ?? 0} coefficients, expected ${p} (degree ${model.degree} in ${model.nVars} actions)`);
  for (let m = 0; m < p; m++) if (!Number.isFinite(model.coef[m])) fail(`${label}: coefficient ${m} is ${model.coef[m]}; expected a finite number`);
  for (const [name, v] of [["center", model.center], ["scale", model.scale]] as const) {
    if (v === undefined) continue;
    if (v.length !== model.nVars) fail(`${label}: ${name} has ${v.length} entries, expected ${model.nVars}`);
    for (let k = 0; k < v.length; k++) if (!Number.isFinite(v[k]) || (name === "scale" && !(v[k] > 0))) fail(`${label}: ${name}[${k}] = ${v[k]}; expected a ${name === "scale" ? "positive " : ""}finite number`);
  }
}

function sameStandardization(a: PolynomialModel, b: PolynomialModel): boolean {
  const same = (u: Float64Array | undefined, v: Float64Array | undefined, neutral: number) => {
    for (let k = 0; k < a.nVars; k++) if ((u ? u[k] : neutral) !== (v ? v[k] : neutral)) return false;
    return true;
  };
  return same(a.center, b.center, 0) && same(a.scale, b.scale, 1);
}

export function predict(model: PolynomialModel, x: ArrayLike<number>[]): Float64Array {
  return predictMany([model], x)[0];
}

/** Predictions of several models of one basis and standardization in one pass over the rows' monomials. */
export function predictMany(models: PolynomialModel[], x: ArrayLike<number>[]): Float64Array[] {
  if (!Array.isArray(models)) fail(`predict: expected an array of models, found ${typeof models}`);
  if (models.length === 0) return [];
  models.forEach((m, i) => requireModel(`predict: model ${i}`, m));
  const {nVars, degree} = models[0];
  models.forEach((m, i) => {
    if (m.nVars !== nVars || m.degree !== degree) fail(`predict: model ${i} has degree ${m.degree} in ${m.nVars} actions, model 0 degree ${degree} in ${nVars}; models must share a basis`);
    if (!sameStandardization(m, models[0])) fail(`predict: model ${i} is standardized differently from model 0; models must share a standardization`);
  });
  requireFiniteColumns("predict: actions", x, nVars, 0, undefined, (c) => `action ${c}`);
  const basis = monomialBasis(nVars, degree);
  const center = models[0].center ?? new Float64Array(nVars);
  const inv = models[0].scale ? models[0].scale.map((s) => 1 / s) : new Float64Array(nVars).fill(1);
  const n = x[0].length;
  const out = models.map(() => new Float64Array(n));
  const row = new Float64Array(nVars);
  const mono = new Float64Array(basis.size);
  for (let i = 0; i < n; i++) {
    for (let v = 0; v < nVars; v++) row[v] = (x[v][i] - center[v]) * inv[v];
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

/** sum_i weights[i] * models[i]: the models share a basis and a standardization. */
export function combineModels(models: PolynomialModel[], weights: number[]): PolynomialModel {
  if (!Array.isArray(models) || models.length === 0) fail("combineModels: no models; expected at least one");
  if (!Array.isArray(weights) || weights.length !== models.length) fail(`combineModels: ${weights?.length ?? 0} weights for ${models.length} models`);
  models.forEach((m, i) => {
    requireModel(`combineModels: model ${i}`, m);
    if (m.nVars !== models[0].nVars || m.degree !== models[0].degree) fail(`combineModels: model ${i} has degree ${m.degree} in ${m.nVars} actions, model 0 degree ${models[0].degree} in ${models[0].nVars}`);
    if (!sameStandardization(m, models[0])) fail(`combineModels: model ${i} is standardized differently from model 0`);
    if (!Number.isFinite(weights[i])) fail(`combineModels: weight ${i} is ${weights[i]}; expected a finite number`);
  });
  const coef = new Float64Array(models[0].coef.length);
  models.forEach((m, i) => {
    for (let j = 0; j < coef.length; j++) coef[j] += weights[i] * m.coef[j];
  });
  return {...standardizationOfModel(models[0]), nVars: models[0].nVars, degree: models[0].degree, coef};
}

function standardizationOfModel(model: PolynomialModel): Pick<PolynomialModel, "center" | "scale"> {
  return {...(model.center ? {center: Float64Array.from(model.center)} : {}), ...(model.scale ? {scale: Float64Array.from(model.scale)} : {})};
}

/** The model's coefficients in the raw actions (monomials of a, not of z); see rawCoefficients for their precision. */
export function rawCoefficientsOf(model: PolynomialModel): Float64Array {
  requireModel("rawCoefficientsOf: model", model);
  const {nVars} = model;
  return rawCoefficients(monomialBasis(nVars, model.degree), model.coef, model.center ?? new Float64Array(nVars), model.scale ?? new Float64Array(nVars).fill(1));
}

/** The ridge's features are the monomials of the layout's standardized actions, standardized again by the ridge. */
export function featureMap(layout: MomentLayout, blocks = 1): FeatureMap {
  return {p: layout.basis.size, blocks};
}

/**
 * The model of coefficients gamma and intercept fitted to the standardized outcome
 * y' = (y - shiftY) / scaleY: y = shiftY + scaleY (intercept + gamma . psi(z)).
 * `withLocation` adds shiftY (the intercept block); other indicator blocks are differences.
 */
export function modelFromStandardized(layout: MomentLayout, gamma: ArrayLike<number>, intercept: number, withLocation: boolean): PolynomialModel {
  const c = Float64Array.from(gamma, (g) => g * layout.scaleY);
  c[0] += intercept * layout.scaleY + (withLocation ? layout.shiftY : 0);
  return {nVars: layout.nVars, degree: layout.degree, coef: c, center: Float64Array.from(layout.shiftX), scale: Float64Array.from(layout.scaleX)};
}

/** Every fold: moments of this layout with at least one row. */
export function requireFolds(label: string, layout: MomentLayout, folds: Moments[], nFolds?: number): void {
  if (!Array.isArray(folds) || folds.length === 0) fail(`${label}: no folds; expected the moments of at least one fold`);
  if (nFolds !== undefined && folds.length !== nFolds) fail(`${label}: ${folds.length} folds, expected ${nFolds} (as the observational data)`);
  folds.forEach((m, f) => {
    if (!m || !(m.mono instanceof Float64Array) || m.mono.length !== layout.basis2.size || m.monoY?.length !== layout.basis.size)
      fail(`${label}, fold ${f}: not moments of this layout (degree ${layout.degree} in ${layout.nVars} actions)`);
    if (!(m.n >= 1)) fail(`${label}, fold ${f}: ${m.n} rows; expected at least 1 row per fold`);
  });
}

/** Ridge-CV polynomial regression on the moments of each fold (contiguous folds of one dataset, or their union over datasets). */
export function fitPolynomialCV(layout: MomentLayout, folds: Moments[], options: RidgeOptions = {}): {model: PolynomialModel; fit: RidgeFit} {
  requireFolds("fitPolynomialCV: folds", layout, folds);
  const fit = fitRidgeCV(folds.map((m) => gramFromMoments(layout, m)), featureMap(layout), options);
  return {model: modelFromStandardized(layout, fit.coef, fit.intercept, true), fit};
}

/**
 * One ridge-CV regression on [phi, R_1 phi, ..., R_B phi] over a reference dataset and B
 * regime datasets, fold f being the union of fold f of every dataset. Returns the block
 * models (intercept in block 0): the prediction for regimes S is block 0 + sum_{b in S} block b.
 */
export function fitIndicatorCV(layout: MomentLayout, reference: Moments[], regimes: Moments[][], options: RidgeOptions = {}): {blocks: PolynomialModel[]; fit: RidgeFit} {
  requireFolds("fitIndicatorCV: reference", layout, reference);
  regimes.forEach((r, b) => requireFolds(`fitIndicatorCV: regime ${b + 1}`, layout, r, reference.length));
  const B = regimes.length + 1;
  const grams = reference.map((ref, f) => indicatorGram(layout, ref, regimes.map((r) => r[f])));
  const fit = fitRidgeCV(grams, featureMap(layout, B), options);
  const p = layout.basis.size;
  const blocks = Array.from({length: B}, (_, b) => modelFromStandardized(layout, fit.coef.subarray(b * p, (b + 1) * p), b === 0 ? fit.intercept : 0, b === 0));
  return {blocks, fit};
}
