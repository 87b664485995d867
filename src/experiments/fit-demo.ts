import type {MethodId} from "../estimators/methods.js";

export const DEMO_METHODS: MethodId[] = ["intervention-generalization", "joint-topline", "pooled", "observational"];
import type {TrainingMoments} from "../estimators/training-data.js";
import {rmse} from "../metrics.js";
import type {MomentKernel} from "../regression/moment-kernel.js";
import {accumulateFolds, momentLayout} from "../regression/moments.js";
import {combineModels, predictMany, type PolynomialModel} from "../regression/polynomial-regression.js";
import {randomAdditiveScm, type AdditiveScm} from "../scm/additive-scm.js";
import {evaluateJointEffect, exactJointEffect} from "../scm/exact-effect.js";
import {jointRegime, observationalRegime, singleRegime, type InterventionDistribution} from "../scm/regime.js";
import {interventionsFromSample, regimeSampler, type RegimeSample} from "../scm/sample-regime.js";
import {splitSizes} from "./run-data.js";
import {fitMethods, predictFitted} from "./score-methods.js";

/** Everything the live estimator page lets a reader set. */
export interface FitDemoSettings {
  K: number;
  /** observational rows (and joint rows, for the topline and the test split) */
  n: number;
  /** N_sint / N_obs */
  ratio: number;
  /** std of the confounders W_k (the paper: 0.5) */
  confounding: number;
  degree: number;
  alphaGrid: "paper" | "wide";
  seed: number;
}

export const FIT_DEMO_DEFAULTS: FitDemoSettings = {K: 3, n: 10_000, ratio: 1, confounding: 0.5, degree: 3, alphaGrid: "paper", seed: 0};

export interface SlicePoint {
  action: number;
  value: number;
  exact: number;
  /** predictions of each method's joint-effect model */
  predicted: Record<string, number>;
  /** f_hat_k^int - f_hat_k^obs = m_k - m_obs along the slice: action k's estimated confounding bias term */
  biasTerm: number;
}

export interface FitDemoResult {
  settings: FitDemoSettings;
  scm: AdditiveScm;
  interventions: InterventionDistribution;
  /** the first rows of each regime, for small multiples */
  samples: {regime: string; actions: number[][]; outcome: number[]}[];
  slices: SlicePoint[];
  /** exact vs predicted at joint test points */
  scatter: {exact: number; predicted: Record<string, number>}[];
  scores: {method: MethodId; rmse: number; rmseTruth: number; alphas: string}[];
  timings: {sampleMs: number; fitMs: number};
}

const SHOWN = 300;

export function validateFitDemo(s: FitDemoSettings): void {
  if (!Number.isInteger(s.K) || s.K < 1 || s.K > 8) throw new Error(`K must be an integer in 1..8, got ${s.K}`);
  if (!Number.isInteger(s.n) || s.n < 50) throw new Error(`N must be an integer >= 50, got ${s.n}`);
  if (!(s.ratio > 0)) throw new Error(`the ratio must be positive, got ${s.ratio}`);
  if (Math.floor(s.ratio * s.n) < 20) throw new Error(`ratio ${s.ratio} leaves ${Math.floor(s.ratio * s.n)} single-intervention rows: need at least 20`);
  if (!(s.confounding >= 0)) throw new Error(`confounding must be >= 0, got ${s.confounding}`);
  if (!Number.isInteger(s.degree) || s.degree < 1 || s.degree > 4) throw new Error(`degree must be an integer in 1..4, got ${s.degree}`);
  if (!Number.isSafeInteger(s.seed) || s.seed < 0) throw new Error(`seed must be a non-negative integer, got ${s.seed}`);
}

/** The sampled regimes of a demo: reusable when only the fit settings (degree, alphas) change. */
export interface DemoData {
  key: string;
  scm: AdditiveScm;
  interventions: InterventionDistribution;
  obs: RegimeSample;
  singles: RegimeSample[];
  joint: RegimeSample;
  sampleMs: number;
}

/** The settings that change the data (not the fit). */
export const dataKey = (s: FitDemoSettings) => JSON.stringify([s.K, s.n, s.ratio, s.confounding, s.seed]);

export function sampleDemoData(s: FitDemoSettings, now: () => number = () => Date.now()): DemoData {
  validateFitDemo(s);
  const t0 = now();
  const {K} = s;
  const scm = randomAdditiveScm(K, s.seed, {confounderStd: s.confounding});
  const draw = (regime: ReturnType<typeof jointRegime>, n: number, iv?: InterventionDistribution) => regimeSampler(scm, regime, s.seed, iv, "demo")(n);
  const obs = draw(observationalRegime(K), s.n);
  const interventions = interventionsFromSample(obs);
  const nSingle = Math.floor(s.ratio * s.n);
  const singles = Array.from({length: K}, (_, k) => draw(singleRegime(K, k), nSingle, interventions));
  const joint = draw(jointRegime(K), s.n, interventions);
  return {key: dataKey(s), scm, interventions, obs, singles, joint, sampleMs: now() - t0};
}

/** Fits every method to sampled data and evaluates slices, a scatter and the errors. */
export function runFitDemo(s: FitDemoSettings, kernel: MomentKernel, now: () => number = () => Date.now(), data?: DemoData): FitDemoResult {
  validateFitDemo(s);
  const reuse = data !== undefined && data.key === dataKey(s);
  const d = reuse ? data : sampleDemoData(s, now);
  const {K} = s;
  const {scm, interventions, obs, singles, joint} = d;
  const t1 = now();

  const layout = momentLayout(s.degree, obs.actions, obs.outcome);
  const folds = (sample: RegimeSample) => accumulateFolds(layout, sample.actions, sample.outcome, splitSizes(sample.n, 0.2).nTrain, 3, kernel.accumulate);
  const training: TrainingMoments & {joint: ReturnType<typeof folds>} = {layout, K, observational: folds(obs), single: singles.map(folds), joint: folds(joint)};
  // the four methods the page compares (the indicator form's (K + 1) p x (K + 1) p solves would dominate a refit)
  const fitted = fitMethods(training, training.observational, DEMO_METHODS, s.alphaGrid);
  const t2 = now();

  const {nTrain} = splitSizes(s.n, 0.2);
  const test = joint.actions.map((a) => a.subarray(nTrain));
  const truth = evaluateJointEffect(exactJointEffect(scm), test);
  const testPred = predictFitted(fitted, test);
  const scores = fitted.map((f, i) => ({method: f.method, rmse: rmse(testPred[i], joint.outcome.subarray(nTrain)), rmseTruth: rmse(testPred[i], truth), alphas: f.alphas.join(",")}));

  const parts = fitted.find((f) => f.parts)!.parts!;
  const biasModels = parts.single.map((m) => combineModels([m, parts.observational], [1, -1]));
  const slices: SlicePoint[] = [];
  for (let k = 0; k < K; k++) {
    const grid = Array.from({length: 41}, (_, i) => interventions.mean[k] + interventions.std[k] * (-2 + i / 10));
    const cols = interventions.mean.map((m, j) => Float64Array.from(grid, (v) => (j === k ? v : m)));
    const exact = evaluateJointEffect(exactJointEffect(scm), cols);
    const preds = predictFitted(fitted, cols);
    const bias = predictMany([biasModels[k]] as PolynomialModel[], cols)[0];
    grid.forEach((value, i) =>
      slices.push({action: k, value, exact: exact[i], predicted: Object.fromEntries(fitted.map((f, m) => [f.method, preds[m][i]])), biasTerm: bias[i]}),
    );
  }
  const shownTest = Math.min(500, truth.length);
  const scatter = Array.from({length: shownTest}, (_, i) => ({exact: truth[i], predicted: Object.fromEntries(fitted.map((f, m) => [f.method, testPred[m][i]]))}));
  const head = (sample: RegimeSample, regime: string) => ({
    regime,
    actions: sample.actions.map((a) => Array.from(a.subarray(0, SHOWN))),
    outcome: Array.from(sample.outcome.subarray(0, SHOWN)),
  });
  const samples = [head(obs, "observational"), ...singles.map((x, k) => head(x, `do(A${k + 1})`)), head(joint, "joint")];
  return {settings: s, scm, interventions, samples, slices, scatter, scores, timings: {sampleMs: reuse ? 0 : d.sampleMs, fitMs: t2 - t1}};
}
