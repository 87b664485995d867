import {sumMoments} from "../regression/moments.js";
import {fitPolynomialCV, type PolynomialModel} from "../regression/polynomial-regression.js";
import type {RidgeOptions} from "../regression/ridge.js";
import {requireFolds} from "../regression/polynomial-regression.js";
import {requireTrainingData, type TrainingMoments} from "./training-data.js";

export interface BaselineFit {
  model: PolynomialModel;
  alpha: number;
}

/** E[Y | a] from observational data only, used as if it were E[Y | do(a)]. */
export function fitObservational(data: TrainingMoments, options: RidgeOptions = {}): BaselineFit {
  requireFolds("fitObservational: regime observational", data.layout, data.observational);
  const {model, fit} = fitPolynomialCV(data.layout, data.observational, options);
  return {model, alpha: fit.alpha};
}

/** The topline: a regression on joint-interventional training data. */
export function fitJointTopline(data: TrainingMoments, options: RidgeOptions = {}): BaselineFit {
  requireTrainingData("fitJointTopline", data, true);
  const {model, fit} = fitPolynomialCV(data.layout, data.joint!, options);
  return {model, alpha: fit.alpha};
}

/**
 * The naive pooled estimator as the paper describes it: one regression on all observational
 * and single-interventional training data together (fold f = union of every dataset's fold f).
 */
export function fitPooled(data: TrainingMoments, options: RidgeOptions = {}): BaselineFit {
  requireTrainingData("fitPooled", data);
  const folds = data.observational.map((obs, f) => sumMoments(data.layout, [obs, ...data.single.map((s) => s[f])]));
  const {model, fit} = fitPolynomialCV(data.layout, folds, options);
  return {model, alpha: fit.alpha};
}
