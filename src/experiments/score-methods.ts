import {fitJointTopline, fitObservational, fitPooled} from "../estimators/baselines.js";
import {fitIndicatorRegression, fitSeparate, indicatorPrediction, interventionGeneralization, type SeparateFits} from "../estimators/intervention-generalization.js";
import type {TrainingMoments} from "../estimators/training-data.js";
import {additiveProjection} from "../estimators/additive-projection.js";
import {detectAncestors} from "../estimators/ancestor-detection.js";
import {fitSeparateSharedAlpha} from "../estimators/shared-alpha.js";
import {fitStructureAware, structurePrediction} from "../estimators/structure-aware.js";
import {fitIGAdaptive, fitStructureAdaptive, igAdaptiveDesign, igAdaptivePrediction, setMomentsFromLayout, structureAdaptiveDesign, structureAdaptivePrediction} from "../estimators/adaptive.js";
import {predictSparse, type SparsePolynomial} from "../estimators/adaptive-basis.js";
import type {SetLayout} from "../regression/monomial-set.js";
import type {InterventionDistribution} from "../scm/regime.js";
import type {Moments} from "../regression/moments.js";
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
  /** sd of the exact E[Y | do(a)] over the test actions: the spread an RMSE is compared with */
  effectSd: number;
}

export interface FittedMethod {
  method: MethodId;
  /** the joint-effect prediction: a polynomial of the layout's degree, or (adaptive methods) a sparse one of higher degree */
  model: PolynomialModel | SparsePolynomial;
  alphas: number[];
  /** adaptive methods: the chosen degrees (u and h, or m for IG's fits) */
  degrees?: Record<string, number>;
  /** Intervention Generalization only: the K + 1 separate fits */
  parts?: SeparateFits;
}

/** The fit's model as a polynomial of the layout's degree (every method but the adaptive ones). */
export function denseModel(f: FittedMethod): PolynomialModel {
  if ("exponents" in f.model) throw new Error(`${f.method} has a sparse model of higher degree; use predictFitted`);
  return f.model;
}

/** Predictions of fitted methods at the rows of the action columns (dense models in one pass). */
export function predictFitted(fitted: FittedMethod[], x: ArrayLike<number>[]): Float64Array[] {
  const dense = fitted.flatMap((f, i) => ("exponents" in f.model ? [] : [i]));
  const out: Float64Array[] = new Array(fitted.length);
  predictMany(dense.map((i) => fitted[i].model as PolynomialModel), x).forEach((p, j) => (out[dense[j]] = p));
  fitted.forEach((f, i) => {
    if ("exponents" in f.model) out[i] = predictSparse(f.model, x);
  });
  return out;
}

/**
 * Re-draws the training rows of the observational and single-intervention datasets and returns
 * their fold moments over a monomial set (regime 0 observational, 1 + k do(A_k)); the adaptive
 * methods need it because their set depends on the data.
 */
export type Replay = (set: SetLayout) => Moments[][];

/** Fits every requested method to training statistics (observational-only on its own dataset). */
export function fitMethods(training: TrainingMoments & {joint?: Moments[]}, observationalBaseline: Moments[], methods: readonly MethodId[], alphaGrid: "paper" | "wide", interventions?: InterventionDistribution, onStage?: (stage: string) => void, replay?: Replay): FittedMethod[] {
  const ridge = {alphas: alphaGrid === "wide" ? WIDE_ALPHAS : PAPER_ALPHAS};
  const data = {training, observationalBaseline};
  let separate: SeparateFits | undefined;
  const paperFits = () => (separate ??= fitSeparate(data.training, ridge));
  const needReplay = (method: string): Replay => {
    if (!replay) throw new Error(`${method} needs to pass over the training rows again (its monomial set depends on the data); no replay was given`);
    return replay;
  };
  const needDistribution = () => {
    if (!interventions) throw new Error("the additive projection needs the joint-intervention distribution");
    return interventions;
  };
  return methods.map((method): FittedMethod => {
    onStage?.(`fitting ${method}`);
    switch (method) {
      case "intervention-generalization": {
        const fits = paperFits();
        return {method, model: interventionGeneralization(fits), alphas: fits.alphas, parts: fits};
      }
      case "ig-projected": {
        const fits = paperFits();
        return {method, model: additiveProjection(interventionGeneralization(fits), needDistribution()), alphas: fits.alphas};
      }
      case "ig-shared-alpha": {
        const fits = fitSeparateSharedAlpha(data.training);
        return {method, model: interventionGeneralization(fits), alphas: [fits.alpha]};
      }
      case "structure-aware": {
        const fit = fitStructureAware(data.training, detectAncestors(data.training).ancestors);
        return {method, model: structurePrediction(fit), alphas: [fit.alpha]};
      }
      case "structure-aware-adaptive": {
        const design = structureAdaptiveDesign(data.training.layout, detectAncestors(data.training).ancestors);
        onStage?.(`${method}: second pass over the training rows (${design.set.size} monomials)`);
        const fit = fitStructureAdaptive(design, {set: design.set, regimes: needReplay(method)(design.set)});
        return {method, model: structureAdaptivePrediction(fit), alphas: [fit.alpha], degrees: fit.degree};
      }
      case "ig-adaptive": {
        const design = igAdaptiveDesign(data.training.layout, data.training.K);
        // at its default degree (<= 3) the set lies in the layout's moments: no second pass
        const {layout} = data.training;
        const fromLayout = [data.training.observational, ...data.training.single].map((folds) => folds.map((m) => setMomentsFromLayout(layout, design.set, m)));
        const ready = fromLayout.every((folds) => folds.every((m) => m !== undefined));
        if (!ready) onStage?.(`${method}: second pass over the training rows (${design.set.size} monomials)`);
        const fit = fitIGAdaptive(design, {set: design.set, regimes: ready ? (fromLayout as Moments[][]) : needReplay(method)(design.set)});
        return {method, model: igAdaptivePrediction(fit), alphas: fit.alphas, degrees: {m: fit.degrees[0]}};
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
}

/** Fits every requested method to a run's training statistics and scores it on the joint test split. */
export function scoreMethods(data: RunData, methods: readonly MethodId[], alphaGrid: "paper" | "wide", onStage?: (stage: string) => void): MethodScore[] {
  const fitted = fitMethods(data.training, data.observationalBaseline, methods, alphaGrid, data.interventions, onStage, data.replay);
  onStage?.("scoring on the joint test split");
  const predictions = predictFitted(fitted, data.test.actions);
  const effectSd = populationSd(data.test.truth);
  return fitted.map((f, i) => ({
    method: f.method,
    rmse: rmse(predictions[i], data.test.outcome),
    rmseTruth: rmse(predictions[i], data.test.truth),
    alphas: f.alphas.join(","),
    effectSd,
  }));
}

/** Population sd (divide by m) of a sample. */
export function populationSd(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m += v[i];
  m /= v.length;
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += (v[i] - m) ** 2;
  return Math.sqrt(ss / v.length);
}
