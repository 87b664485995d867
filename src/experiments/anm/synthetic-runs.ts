import {featureLabels, outcomeIndex, MECHANISMS, type Mechanism} from "../../anm/anm-model.js";
import {syntheticAnm} from "../../anm/synthetic-anm.js";
import {mae} from "../../metrics.js";
import {checkRunSeeds} from "../run-seeds.js";
import {fitAnmMethods, parseAnmMethods, type AnmMethodId} from "./anm-methods.js";
import {anmTrainingData, jointEffect, parameterMae, uniformTestPoints} from "./anm-data.js";

/**
 * Saengkyongam & Silva's synthetic experiment (Section 6.2): the fixed K = 3 SCM, n rows per
 * regime, `runs` simulations per n. Fig. 2 reads the errors, Fig. 3 the parameter estimates.
 */
export interface SyntheticConfig {
  experiment: "anm-consistency" | "anm-parameters";
  mechanisms: Mechanism[];
  n: number[];
  runs: number;
  seed: number;
  /** joint test points, uniform on [-range, range]^3 */
  testPoints: number;
  range: number;
  methods: AnmMethodId[];
}

export const SYNTHETIC_DEFAULTS: Record<SyntheticConfig["experiment"], SyntheticConfig> = {
  "anm-consistency": {experiment: "anm-consistency", mechanisms: ["linear", "nonlinear"], n: [100, 400, 1600, 6400, 25600], runs: 50, seed: 0, testPoints: 100_000, range: 3, methods: ["anm", "anm-paper", "reg", "reg-ind"]},
  "anm-parameters": {experiment: "anm-parameters", mechanisms: ["linear", "nonlinear"], n: [1600], runs: 200, seed: 0, testPoints: 0, range: 3, methods: ["anm", "anm-paper", "reg", "reg-ind"]},
};

export interface SyntheticErrorRow {
  mechanism: string;
  n: number;
  run: number;
  method: string;
  /** MAE of the predicted joint effect over the test points */
  mae: number;
  /** mean absolute error of the outcome's parameters */
  param_mae: number;
  /** joint-likelihood methods: outer iterations used */
  iterations: number;
  /** sd and mean absolute deviation of the exact effect over the test points (the spread an error is compared with) */
  effect_sd: number;
  effect_mad: number;
}

export interface ParameterRow {
  mechanism: string;
  n: number;
  run: number;
  method: string;
  parameter: string;
  estimate: number;
  truth: number;
}

export function validateSyntheticConfig(c: SyntheticConfig): void {
  for (const m of c.mechanisms) if (!MECHANISMS.includes(m)) throw new Error(`mechanism must be linear or nonlinear, got "${m}"`);
  for (const n of c.n) if (!Number.isInteger(n) || n < 10) throw new Error(`n must be an integer >= 10 (the likelihood needs more rows than variables), got ${n}`);
  checkRunSeeds(c.seed, c.runs);
  if (new Set(c.n).size !== c.n.length || new Set(c.mechanisms).size !== c.mechanisms.length) throw new Error(`n and mechanism values must each be listed once (got n ${c.n.join(",")}, mechanisms ${c.mechanisms.join(",")})`);
  if (c.experiment === "anm-consistency" && !(Number.isInteger(c.testPoints) && c.testPoints >= 1)) throw new Error(`test points must be a positive integer, got ${c.testPoints}`);
  parseAnmMethods(c.methods);
}

/** One task: run `run` of `mechanism` at size `n`; tasks are ordered mechanism, run, n (the rows' order). */
export interface SyntheticTask {
  mechanism: Mechanism;
  run: number;
  n: number;
}

export function syntheticTasks(c: SyntheticConfig): SyntheticTask[] {
  return c.mechanisms.flatMap((mechanism) => Array.from({length: c.runs}, (_, run) => c.n.map((n) => ({mechanism, run, n}))).flat());
}

/**
 * Run r of mechanism m at size n draws its data from stream (seed, "anm-synthetic", m, n, r);
 * its test points from (seed, m, r), so a task depends only on the config and its coordinates.
 */
export function runSyntheticTask(c: SyntheticConfig, {mechanism, run, n}: SyntheticTask): {errors: SyntheticErrorRow[]; parameters: ParameterRow[]} {
  const model = syntheticAnm(mechanism);
  const y = outcomeIndex(model);
  const labels = featureLabels(model, y);
  const truthTheta = model.theta[y];
  const test = c.testPoints > 0 ? uniformTestPoints(model, c.testPoints, [-c.range, -c.range, -c.range], [c.range, c.range, c.range], c.seed, "anm-synthetic", mechanism, run) : null;
  const truth = test ? jointEffect(model, truthTheta, test) : null;
  const errors: SyntheticErrorRow[] = [];
  const parameters: ParameterRow[] = [];
  const spread = truth ? effectSpread(truth) : {sd: NaN, mad: NaN};
  const data = anmTrainingData(model, n, c.seed, "anm-synthetic", mechanism, n, run);
  for (const fit of fitAnmMethods(model, data, c.methods)) {
    errors.push({mechanism, n, run, method: fit.method, mae: test ? mae(jointEffect(model, fit.thetaY, test), truth!) : NaN, param_mae: parameterMae(fit.thetaY, truthTheta), iterations: fit.iterations, effect_sd: spread.sd, effect_mad: spread.mad});
    fit.thetaY.forEach((estimate, i) => parameters.push({mechanism, n, run, method: fit.method, parameter: labels[i], estimate, truth: truthTheta[i]}));
  }
  return {errors, parameters};
}

/** sd (divide by m) and mean absolute deviation about the mean of an effect over test points. */
export function effectSpread(v: ArrayLike<number>): {sd: number; mad: number} {
  let m = 0;
  for (let i = 0; i < v.length; i++) m += v[i];
  m /= v.length;
  let ss = 0, sa = 0;
  for (let i = 0; i < v.length; i++) {
    ss += (v[i] - m) ** 2;
    sa += Math.abs(v[i] - m);
  }
  return {sd: Math.sqrt(ss / v.length), mad: sa / v.length};
}

/** Every task in order, in this thread. */
export function runSynthetic(c: SyntheticConfig, onProgress?: (done: number, total: number) => void): {errors: SyntheticErrorRow[]; parameters: ParameterRow[]} {
  validateSyntheticConfig(c);
  const all = syntheticTasks(c);
  const errors: SyntheticErrorRow[] = [];
  const parameters: ParameterRow[] = [];
  all.forEach((task, i) => {
    const r = runSyntheticTask(c, task);
    errors.push(...r.errors);
    parameters.push(...r.parameters);
    onProgress?.(i + 1, all.length);
  });
  return {errors, parameters};
}
