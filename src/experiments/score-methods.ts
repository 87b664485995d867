import {fitJointTopline, fitObservational, fitPooled} from "../estimators/baselines.js";
import {fitIndicatorRegression, fitSeparate, indicatorPrediction, interventionGeneralization} from "../estimators/intervention-generalization.js";
import type {MethodId} from "../estimators/methods.js";
import {rmse} from "../metrics.js";
import {predictMany, type PolynomialModel} from "../regression/polynomial-regression.js";
import {PAPER_ALPHAS, WIDE_ALPHAS} from "../regression/ridge.js";
import type {RunData} from "./run-data.js";

export interface MethodScore {
  method: MethodId;
  /** RMSE against the noisy joint test outcomes (the paper's metric) */
  rmse: number;
  /** RMSE against the exact E[Y | do(a)] at the same test actions */
  rmseTruth: number;
  /** chosen ridge alpha(s), comma-separated (IG: observational first, then each do(A_k)) */
  alphas: string;
}

/** Fits every requested method to a run's training statistics and scores it on the joint test split. */
export function scoreMethods(data: RunData, methods: readonly MethodId[], alphaGrid: "paper" | "wide"): MethodScore[] {
  const ridge = {alphas: alphaGrid === "wide" ? WIDE_ALPHAS : PAPER_ALPHAS};
  const fitted = methods.map((method): {method: MethodId; model: PolynomialModel; alphas: number[]} => {
    switch (method) {
      case "intervention-generalization": {
        const fits = fitSeparate(data.training, ridge);
        return {method, model: interventionGeneralization(fits), alphas: fits.alphas};
      }
      case "intervention-generalization-indicators": {
        const fit = fitIndicatorRegression(data.training, ridge);
        return {method, model: indicatorPrediction(fit), alphas: [fit.alpha]};
      }
      case "joint-topline": {
        const fit = fitJointTopline(data.training, ridge);
        return {method, model: fit.model, alphas: [fit.alpha]};
      }
      case "pooled": {
        const fit = fitPooled(data.training, ridge);
        return {method, model: fit.model, alphas: [fit.alpha]};
      }
      case "observational": {
        const fit = fitObservational({...data.training, observational: data.observationalBaseline}, ridge);
        return {method, model: fit.model, alphas: [fit.alpha]};
      }
    }
  });
  const predictions = predictMany(fitted.map((f) => f.model), data.test.actions);
  return fitted.map((f, i) => ({
    method: f.method,
    rmse: rmse(predictions[i], data.test.outcome),
    rmseTruth: rmse(predictions[i], data.test.truth),
    alphas: f.alphas.join(","),
  }));
}
