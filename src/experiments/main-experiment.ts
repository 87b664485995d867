import {fitJointTopline, fitObservational, fitPooled} from "../estimators/baselines.js";
import {fitIndicatorRegression, fitSeparate, indicatorPrediction, interventionGeneralization} from "../estimators/intervention-generalization.js";
import {METHOD_IDS, type MethodId} from "../estimators/methods.js";
import {trainingFolds, type TrainingMoments} from "../estimators/training-data.js";
import {rmse} from "../metrics.js";
import {momentLayout} from "../regression/moments.js";
import {predict, type PolynomialModel} from "../regression/polynomial-regression.js";
import {PAPER_ALPHAS, WIDE_ALPHAS} from "../regression/ridge.js";
import {randomAdditiveScm} from "../scm/additive-scm.js";
import {evaluateJointEffect, exactJointEffect} from "../scm/exact-effect.js";
import {jointRegime, observationalRegime, singleRegime} from "../scm/regime.js";
import {interventionsFromSample, sampleRegime} from "../scm/sample-regime.js";

/** Fig. 2a of Kekić et al.: every dataset (observational, K single, joint) has n rows. */
export interface MainExperimentConfig {
  K: number;
  n: number;
  runs: number;
  seed: number;
  degree: number;
  folds: number;
  alphaGrid: "paper" | "wide";
  testFraction: number;
  methods: MethodId[];
}

export const MAIN_DEFAULTS: MainExperimentConfig = {
  K: 5,
  n: 10_000,
  runs: 100,
  seed: 0,
  degree: 3,
  folds: 3,
  alphaGrid: "paper",
  testFraction: 0.2,
  methods: METHOD_IDS,
};

export interface RunResult {
  run: number;
  seed: number;
  method: MethodId;
  /** RMSE against the noisy joint test outcomes (the paper's metric) */
  rmse: number;
  /** RMSE against the exact E[Y | do(a)] at the same test actions */
  rmseTruth: number;
  /** chosen ridge alpha(s), comma-separated (IG: observational first, then each do(A_k)) */
  alphas: string;
}

/** Rows of train / test as scikit-learn's train_test_split(test_size) counts them. */
export function splitSizes(n: number, testFraction: number): {nTrain: number; nTest: number} {
  const nTest = Math.ceil(testFraction * n);
  return {nTrain: n - nTest, nTest};
}

/** Throws a one-line reason when a configuration cannot run. */
export function validateMainConfig(c: MainExperimentConfig): void {
  const int = (v: number, min: number, name: string) => {
    if (!Number.isInteger(v) || v < min) throw new Error(`${name} must be an integer >= ${min}, got ${v}`);
  };
  int(c.K, 1, "K");
  int(c.runs, 1, "runs");
  int(c.degree, 1, "degree");
  int(c.folds, 2, "folds");
  if (!Number.isSafeInteger(c.seed) || c.seed < 0) throw new Error(`seed must be a non-negative integer, got ${c.seed}`);
  if (!(c.testFraction > 0 && c.testFraction < 1)) throw new Error(`test fraction must be in (0, 1), got ${c.testFraction}`);
  const {nTrain, nTest} = splitSizes(c.n, c.testFraction);
  if (!Number.isInteger(c.n) || nTest < 1 || nTrain < c.folds)
    throw new Error(`n = ${c.n} is too small to split: need at least ${c.folds} training rows for ${c.folds}-fold CV and 1 test row`);
  if (c.methods.length === 0) throw new Error("no methods selected");
  for (const m of c.methods) if (!METHOD_IDS.includes(m)) throw new Error(`unknown method "${m}" (known: ${METHOD_IDS.join(", ")})`);
}

/** One run: a fresh SCM seeded by seed + run, all datasets drawn, every method fitted and scored. */
export function runMainRun(config: MainExperimentConfig, run: number): RunResult[] {
  const {K, n, degree, folds} = config;
  const seed = config.seed + run;
  const scm = randomAdditiveScm(K, seed);
  const {nTrain, nTest} = splitSizes(n, config.testFraction);
  const obs = sampleRegime(scm, observationalRegime(K), n, seed, undefined, "data");
  const interventions = interventionsFromSample(obs);
  const layout = momentLayout(K, degree, interventions.mean, mean(obs.outcome));
  const data: TrainingMoments = {
    layout,
    K,
    observational: trainingFolds(layout, obs, nTrain, folds),
    single: Array.from({length: K}, (_, k) =>
      trainingFolds(layout, sampleRegime(scm, singleRegime(K, k), n, seed, interventions, "data"), nTrain, folds),
    ),
  };
  const jointSample = sampleRegime(scm, jointRegime(K), n, seed, interventions, "data");
  data.joint = trainingFolds(layout, jointSample, nTrain, folds);
  const testActions = jointSample.actions.map((a) => a.subarray(nTrain, nTrain + nTest));
  const testY = jointSample.outcome.subarray(nTrain, nTrain + nTest);
  const truth = evaluateJointEffect(exactJointEffect(scm), testActions);
  const ridge = {alphas: config.alphaGrid === "wide" ? WIDE_ALPHAS : PAPER_ALPHAS};

  const score = (method: MethodId, model: PolynomialModel, alphas: number[]): RunResult => {
    const pred = predict(model, testActions);
    return {run, seed, method, rmse: rmse(pred, testY), rmseTruth: rmse(pred, truth), alphas: alphas.join(",")};
  };
  const results: RunResult[] = [];
  for (const method of config.methods) {
    switch (method) {
      case "intervention-generalization": {
        const fits = fitSeparate(data, ridge);
        results.push(score(method, interventionGeneralization(fits), fits.alphas));
        break;
      }
      case "intervention-generalization-indicators": {
        const fit = fitIndicatorRegression(data, ridge);
        results.push(score(method, indicatorPrediction(fit), [fit.alpha]));
        break;
      }
      case "joint-topline": {
        const fit = fitJointTopline(data, ridge);
        results.push(score(method, fit.model, [fit.alpha]));
        break;
      }
      case "pooled": {
        const fit = fitPooled(data, ridge);
        results.push(score(method, fit.model, [fit.alpha]));
        break;
      }
      case "observational": {
        const fit = fitObservational(data, ridge);
        results.push(score(method, fit.model, [fit.alpha]));
        break;
      }
    }
  }
  return results;
}

export interface ExperimentProgress {
  done: number;
  total: number;
  elapsedMs: number;
}

export function runMainExperiment(config: MainExperimentConfig, onProgress?: (p: ExperimentProgress) => void): RunResult[] {
  validateMainConfig(config);
  const start = Date.now();
  const results: RunResult[] = [];
  for (let r = 0; r < config.runs; r++) {
    results.push(...runMainRun(config, r));
    onProgress?.({done: r + 1, total: config.runs, elapsedMs: Date.now() - start});
  }
  return results;
}

function mean(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}
