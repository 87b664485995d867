import {combineModels, fitIndicatorCV, fitPolynomialCV, type PolynomialModel} from "../regression/polynomial-regression.js";
import type {RidgeOptions} from "../regression/ridge.js";
import {fail, requireIndexSet} from "../validate.js";
import {requireTrainingData, type TrainingMoments} from "./training-data.js";

/**
 * The Intervention Generalization estimator of Kekić et al. as their figures used it: K + 1
 * separate ridge-CV fits m_obs and m_k (do(A_k)), combined for the regime that intervenes on
 * the set S (Proposition 1) as m_obs + sum_{k in S} (m_k - m_obs); for S = all actions this is
 * sum_k m_k - (K - 1) m_obs.
 */
export interface SeparateFits {
  observational: PolynomialModel;
  single: PolynomialModel[];
  alphas: number[];
}

export function fitSeparate(data: TrainingMoments, options: RidgeOptions = {}): SeparateFits {
  requireTrainingData("fitSeparate", data);
  const obs = fitPolynomialCV(data.layout, data.observational, options);
  const single = data.single.map((folds) => fitPolynomialCV(data.layout, folds, options));
  return {observational: obs.model, single: single.map((s) => s.model), alphas: [obs.fit.alpha, ...single.map((s) => s.fit.alpha)]};
}

/** The intervened set S: distinct action indices 0 .. K - 1 (index k is do(A_{k+1})). */
export function requireIntervened(label: string, intervened: readonly number[], K: number): void {
  requireIndexSet(`${label}: intervened actions`, intervened, K, (k) => `do(A${k + 1})`);
}

export function interventionGeneralization(fits: SeparateFits, intervened?: readonly number[]): PolynomialModel {
  if (!fits || !fits.observational || !Array.isArray(fits.single) || fits.single.length === 0) fail("interventionGeneralization: expected separate fits with an observational model and one model per action");
  const K = fits.single.length;
  fits.single.forEach((m, k) => {
    if (!m) fail(`interventionGeneralization: the model of regime do(A${k + 1}) is missing`);
  });
  const S = intervened ?? fits.single.map((_, k) => k);
  requireIntervened("interventionGeneralization", S, K);
  return combineModels([fits.observational, ...S.map((k) => fits.single[k])], [1 - S.length, ...S.map(() => 1)]);
}

/**
 * The same estimator as one regression with regime indicators (the paper's f_hat(a, R)):
 * features [phi, R_1 phi, ..., R_K phi] on pooled observational and single-intervention data,
 * one alpha for all; the prediction for intervened set S switches on R_k for k in S.
 */
export interface IndicatorFit {
  blocks: PolynomialModel[];
  alpha: number;
}

export function fitIndicatorRegression(data: TrainingMoments, options: RidgeOptions = {}): IndicatorFit {
  requireTrainingData("fitIndicatorRegression", data);
  const {blocks, fit} = fitIndicatorCV(data.layout, data.observational, data.single, options);
  return {blocks, alpha: fit.alpha};
}

export function indicatorPrediction(fit: IndicatorFit, intervened?: readonly number[]): PolynomialModel {
  if (!fit || !Array.isArray(fit.blocks) || fit.blocks.length < 2) fail("indicatorPrediction: expected an indicator fit with a reference block and one block per action");
  const S = intervened ?? fit.blocks.slice(1).map((_, k) => k);
  requireIntervened("indicatorPrediction", S, fit.blocks.length - 1);
  return combineModels([fit.blocks[0], ...S.map((k) => fit.blocks[k + 1])], [1, ...S.map(() => 1)]);
}
