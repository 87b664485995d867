import {nodeMean, type AnmModel} from "../anm/anm-model.js";
import {marginalsOf, type AnmSample} from "../anm/anm-sampling.js";
import {fitJointLikelihoodFromGrams, trainingGrams} from "../anm/joint-likelihood.js";
import {fitReg} from "../anm/regression-baselines.js";
import {fSurvival} from "../stats/f-distribution.js";
import {fail} from "../validate.js";
import {anmViolation, anmViolationEffect, sampleViolatedAnm, toAssumedOrder, type AnmViolation, type AnmViolationKind} from "./anm-violations.js";

/** The Gaussian-ANM fit of the lab: the joint likelihood on the estimator's (possibly wrong) DAG, plus its REG baseline. */
export interface AnmViolationFit {
  /** E[Y | do(x)] predicted at points in the true node order (one column per treatment) */
  predictAnm(points: ArrayLike<number>[]): Float64Array;
  predictReg(points: ArrayLike<number>[]): Float64Array;
  /** Jarque-Bera p-value of the fitted residuals, Bonferroni over nodes (observational regime) */
  gaussianityP: number;
  /** likelihood-ratio p-value of the assumed DAG against the complete DAG in the same node order (1 when the assumed DAG is complete) */
  graphP: number;
}

const completeGraph = (d: number) => Array.from({length: d}, (_, j) => Array.from({length: j}, (_, i) => i));

export function fitAnmViolation(v: AnmViolation, observational: AnmSample, single: AnmSample[]): AnmViolationFit {
  const K = v.truth.names.length - 1;
  if (single.length !== K) fail(`fitAnmViolation: ${single.length} single-intervention samples, expected ${K}`);
  const obsA = toAssumedOrder(v, observational);
  const singleA = v.order.slice(0, K).map((j) => toAssumedOrder(v, single[j]));
  const data = {observational: obsA, single: singleA};
  const {layout, grams} = trainingGrams(v.assumed, data);
  const fit = fitJointLikelihoodFromGrams(layout, grams);
  const thetaReg = fitReg(v.assumed, layout, grams);
  const at = (theta: ArrayLike<number>, points: ArrayLike<number>[]) => {
    const n = points[0].length;
    const cols = toAssumedOrder(v, [...points, new Float64Array(n)]);
    return nodeMean(v.assumed, theta, K, cols, n);
  };
  // Jarque-Bera on each node's fitted residual in the observational regime
  const n = obsA[0].length;
  const jb = v.assumed.names.map((_, j) => {
    const u = nodeMean(v.assumed, fit.theta[j], j, obsA, n);
    for (let r = 0; r < n; r++) u[r] = obsA[j][r] - u[r];
    let m = 0;
    for (const x of u) m += x;
    m /= n;
    let m2 = 0, m3 = 0, m4 = 0;
    for (const x of u) {
      const d = x - m;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;
    const skew = m3 / m2 ** 1.5;
    const kurt = m4 / (m2 * m2);
    const stat = (n / 6) * (skew * skew + (kurt - 3) ** 2 / 4);
    return chiSquareSurvival(stat, 2);
  });
  const gaussianityP = Math.min(1, Math.min(...jb) * jb.length);
  // likelihood ratio against the complete DAG in the estimator's order
  const complete = {...v.assumed, parents: completeGraph(v.assumed.names.length)};
  const extra = complete.parents.reduce((s, p, j) => s + p.length - v.assumed.parents[j].length, 0);
  let graphP = 1;
  if (extra > 0) {
    const g2 = trainingGrams(complete, data);
    const full = fitJointLikelihoodFromGrams(g2.layout, g2.grams);
    const ll0 = fit.logLikelihood[fit.logLikelihood.length - 1];
    const ll1 = full.logLikelihood[full.logLikelihood.length - 1];
    const df = g2.layout.counts.reduce((s, c) => s + c, 0) - layout.counts.reduce((s, c) => s + c, 0);
    graphP = chiSquareSurvival(Math.max(0, 2 * (ll1 - ll0)), Math.max(1, df));
  }
  return {predictAnm: (p) => at(fit.theta[K], p), predictReg: (p) => at(thetaReg, p), gaussianityP, graphP};
}

/** P(chi^2_df > x), as the F(df, infinity) limit of the F survival function. */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(x > 0)) return 1;
  return fSurvival(x / df, df, 1e9);
}

/** Draws one run's datasets of a violated ANM: observational, each do(X_k) at the observational marginals, joint rows (training, test, pilot). */
export function anmViolationData(kind: AnmViolationKind, lambda: number, nTrain: number, nTest: number, nPilot: number, seed: number) {
  const v = anmViolation(kind, lambda);
  const K = v.truth.names.length - 1;
  const observational = sampleViolatedAnm(v, {kind: "observational"}, nTrain, null, seed, "data", "observational");
  const marginals = marginalsOf(observational, K);
  const single = Array.from({length: K}, (_, k) => sampleViolatedAnm(v, {kind: "single", node: k}, nTrain, marginals, seed, "data", "single", k));
  const jointTrain = sampleViolatedAnm(v, {kind: "joint"}, nTrain, marginals, seed, "data", "joint-train");
  const test = sampleViolatedAnm(v, {kind: "joint"}, nTest, marginals, seed, "data", "joint-test");
  const pilot = sampleViolatedAnm(v, {kind: "joint"}, nPilot, marginals, seed, "pilot");
  return {v, K, observational, single, jointTrain, test, pilot, marginals, truth: anmViolationEffect(v, test.slice(0, K))};
}

export type {AnmModel};
