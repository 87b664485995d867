import type {AnmModel} from "../../anm/anm-model.js";
import {sampleAnm, type AnmSample} from "../../anm/anm-sampling.js";
import {syntheticAnm} from "../../anm/synthetic-anm.js";
import {fitJointLikelihood, fitJointLikelihoodFromGrams, trainingGrams} from "../../anm/joint-likelihood.js";
import {fitReg} from "../../anm/regression-baselines.js";
import {randomAdditiveScm} from "../../scm/additive-scm.js";
import {evaluateJointEffect, exactJointEffect} from "../../scm/exact-effect.js";
import {jointRegime, observationalRegime, singleRegime, type InterventionDistribution} from "../../scm/regime.js";
import {interventionsFromSample, sampleRegime} from "../../scm/sample-regime.js";
import {accumulateFolds, momentLayout} from "../../regression/moments.js";
import {predict} from "../../regression/polynomial-regression.js";
import {typescriptKernel, type MomentKernel} from "../../regression/moment-kernel.js";
import {denseModel, fitMethods} from "../score-methods.js";
import {mean, rmse} from "../../metrics.js";
import {checkRunSeeds} from "../run-seeds.js";
import {anmTrainingData, jointEffect} from "./anm-data.js";

/**
 * Each paper's estimator on the other paper's data-generating process, scored against the exact
 * joint effect at joint-intervention points (independent normals with the treatments'
 * observational means and sds, the intervention distribution both papers use):
 * - "additive": Kekić et al.'s random additive SCM (Appendix E; non-Gaussian noise, confounders
 *   entering f_k and g_k non-additively, squares of actions) with K = 3;
 * - "gaussian-anm": Saengkyongam & Silva's nonlinear K = 3 ANM (products across actions in Y).
 * Methods: IG (Kekić, degree-3 ridge), ANM (joint likelihood with the known graph and the
 * paper's feature map: parents and pairwise products, no intercept), "anm-quadratic" (the same
 * likelihood with an intercept and squares added, beyond the paper: it separates the feature
 * map's misspecification from the noise's), REG.
 */
export const CROSS_DGPS = ["additive", "gaussian-anm"] as const;
export type CrossDgp = (typeof CROSS_DGPS)[number];
export const CROSS_METHODS = ["intervention-generalization", "anm", "anm-quadratic", "reg"] as const;

export interface CrossConfig {
  experiment: "anm-cross";
  dgps: CrossDgp[];
  n: number[];
  runs: number;
  seed: number;
  testPoints: number;
}

export const CROSS_DEFAULTS: CrossConfig = {experiment: "anm-cross", dgps: ["additive", "gaussian-anm"], n: [1000, 10_000, 100_000], runs: 20, seed: 0, testPoints: 10_000};

export interface CrossRow {
  dgp: string;
  n: number;
  run: number;
  method: string;
  /** RMSE against the exact E[Y | do(x)] */
  rmse_truth: number;
  /** the same, divided by the sd of the exact effect over the test points (comparable across DGPs) */
  relative_rmse: number;
}

export function validateCrossConfig(c: CrossConfig): void {
  for (const d of c.dgps) if (!CROSS_DGPS.includes(d)) throw new Error(`unknown data-generating process "${d}" (known: ${CROSS_DGPS.join(", ")})`);
  for (const n of c.n) if (!Number.isInteger(n) || n < 50) throw new Error(`n must be an integer >= 50, got ${n}`);
  checkRunSeeds(c.seed, c.runs);
  if (new Set(c.n).size !== c.n.length || new Set(c.dgps).size !== c.dgps.length) throw new Error(`n and DGP values must each be listed once (got n ${c.n.join(",")}, DGPs ${c.dgps.join(",")})`);
  if (!Number.isInteger(c.testPoints) || c.testPoints < 2) throw new Error(`test points must be an integer >= 2, got ${c.testPoints}`);
}

interface CrossRunData {
  /** the ANM skeleton the joint likelihood is given (graph and mechanism; parameters unused) */
  skeleton: AnmModel;
  observational: AnmSample;
  single: AnmSample[];
  interventions: InterventionDistribution;
  test: Float64Array[];
  truth: Float64Array;
}

function additiveRun(n: number, m: number, seed: number): CrossRunData {
  const K = 3;
  const scm = randomAdditiveScm(K, seed);
  const obs = sampleRegime(scm, observationalRegime(K), n, seed, undefined, "cross");
  const interventions = interventionsFromSample(obs);
  const singles = Array.from({length: K}, (_, k) => sampleRegime(scm, singleRegime(K, k), n, seed, interventions, "cross"));
  const joint = sampleRegime(scm, jointRegime(K), m, seed, interventions, "cross-test");
  const asColumns = (s: {actions: Float64Array[]; outcome: Float64Array}) => [...s.actions, s.outcome];
  const skeleton: AnmModel = {
    names: [...scm.parents.map((_, k) => `A${k + 1}`), "Y"],
    parents: [...scm.parents, [0, 1, 2]],
    mechanism: "nonlinear",
    theta: [],
    sigma: [],
  };
  return {skeleton, observational: asColumns(obs), single: singles.map(asColumns), interventions, test: joint.actions, truth: evaluateJointEffect(exactJointEffect(scm), joint.actions)};
}

function gaussianAnmRun(n: number, m: number, seed: number): CrossRunData {
  const model = syntheticAnm("nonlinear");
  const data = anmTrainingData(model, n, seed, "cross");
  const interventions = {mean: data.marginals.mean, std: data.marginals.sd};
  const test = sampleAnm(model, {kind: "joint"}, m, data.marginals, seed, "cross-test");
  return {skeleton: model, observational: data.observational, single: data.single, interventions, test: test.slice(0, 3), truth: jointEffect(model, model.theta[3], test)};
}

/** One task: run `run` of `dgp` at size `n`; tasks are ordered dgp, n, run (the rows' order). */
export interface CrossTask {
  dgp: CrossDgp;
  n: number;
  run: number;
}

export function crossTasks(c: CrossConfig): CrossTask[] {
  return c.dgps.flatMap((dgp) => c.n.flatMap((n) => Array.from({length: c.runs}, (_, run) => ({dgp, n, run}))));
}

export function runCrossTask(c: CrossConfig, {dgp, n, run}: CrossTask, kernel: MomentKernel = typescriptKernel): CrossRow[] {
  const rows: CrossRow[] = [];
  const seed = c.seed + run;
  const d = dgp === "additive" ? additiveRun(n, c.testPoints, seed) : gaussianAnmRun(n, c.testPoints, seed);
  const K = d.skeleton.names.length - 1;
  const truthMean = mean(d.truth);
  const sdTruth = Math.sqrt(mean(d.truth.map((v) => (v - truthMean) ** 2)));
  const score = (method: string, pred: Float64Array) => {
    const e = rmse(pred, d.truth);
    rows.push({dgp, n, run, method, rmse_truth: e, relative_rmse: e / sdTruth});
  };
  // Kekić et al.'s estimator: degree-3 ridge fits per regime, 3-fold CV on the paper's grid
  const outcome = (s: AnmSample) => s[K];
  const layout = momentLayout(3, d.observational.slice(0, K), outcome(d.observational));
  const folds = (s: AnmSample) => accumulateFolds(layout, s.slice(0, K), outcome(s), s[0].length, 3, kernel.accumulate);
  const training = {layout, K, observational: folds(d.observational), single: d.single.map(folds)};
  const [ig] = fitMethods(training, training.observational, ["intervention-generalization"], "paper");
  score("intervention-generalization", predict(denseModel(ig), d.test));
  // Saengkyongam & Silva's estimator and baseline
  const data = {observational: d.observational, single: d.single};
  const {layout: pl, grams} = trainingGrams(d.skeleton, data);
  const cols = [...d.test, new Float64Array(d.test[0].length)];
  score("anm", jointEffect(d.skeleton, fitJointLikelihoodFromGrams(pl, grams).theta[K], cols));
  const quadratic = {...d.skeleton, mechanism: "quadratic" as const};
  score("anm-quadratic", jointEffect(quadratic, fitJointLikelihood(quadratic, data).theta[K], cols));
  score("reg", jointEffect(d.skeleton, fitReg(d.skeleton, pl, grams), cols));
  return rows;
}

/** Every task in order, in this thread. */
export function runCross(c: CrossConfig, kernel: MomentKernel = typescriptKernel, onProgress?: (done: number, total: number) => void): CrossRow[] {
  validateCrossConfig(c);
  const all = crossTasks(c);
  return all.flatMap((task, i) => {
    const rows = runCrossTask(c, task, kernel);
    onProgress?.(i + 1, all.length);
    return rows;
  });
}
