import {effectSpread} from "./synthetic-runs.js";
import {outcomeIndex, type AnmModel} from "../../anm/anm-model.js";
import {bootstrapIndex, marginalsOf, sampleAnm, takeRows, type Marginals} from "../../anm/anm-sampling.js";
import {dream4Correlation} from "../../anm/dream4-network.js";
import {dream4GroundTruth, DREAM4_PARAMETERISATIONS, requireKineticSamples, type Dream4Parameterisation} from "../../anm/dream4-kinetic.js";
import type {AnmTrainingData} from "../../anm/joint-likelihood.js";
import {randomStream} from "../../random/streams.js";
import {standardNormal} from "../../random/ziggurat.js";
import {mae, pearson, ranks} from "../../metrics.js";
import {checkRunSeeds} from "../run-seeds.js";
import {checkBootstrapRounds} from "./bootstrap-rounds.js";
import {fitAnmMethods, parseAnmMethods, type AnmMethodId} from "./anm-methods.js";
import {anmTrainingData, jointEffect, uniformTestPoints} from "./anm-data.js";

/**
 * Saengkyongam & Silva's semi-synthetic experiment (Section 6.3, Fig. 4) on a nonlinear ANM
 * over the DREAM4 network-3 DAG (Y = G4, K = 9): by default fitted to multifactorial data of
 * the kinetic model (dream4-kinetic.ts; run r simulates with seed + r), or the random stand-in. Two sweeps: n at confounding
 * level cAtN, and c at nAtC. Replicate 0 fits the full data; replicates 1..B refit bootstrap
 * resamples (rows drawn with replacement within each regime) for the 95% bands.
 */
export interface NetworkConfig {
  experiment: "anm-network";
  n: number[];
  cAtN: number;
  c: number[];
  nAtC: number;
  bootstrap: number;
  /** independent ground-truth SCMs and datasets (the paper shows one) */
  runs: number;
  /** where the SCM's parameters come from: the kinetic model's simulated data (default) or the random stand-in */
  network: Dream4Parameterisation;
  /** kinetic only: multifactorial samples the SCM is fitted to (simulated with seed + run) */
  samples: number;
  seed: number;
  testPoints: number;
  methods: AnmMethodId[];
}

export const NETWORK_DEFAULTS: NetworkConfig = {experiment: "anm-network", n: [100, 400, 1600, 6400], cAtN: 0.65, c: [0.1, 0.35, 0.65, 0.8], nAtC: 1600, bootstrap: 50, runs: 1, network: "kinetic", samples: 100, seed: 0, testPoints: 100_000, methods: ["anm", "reg", "reg-ind", "oracle"]};

export interface NetworkRow {
  sweep: string;
  n: number;
  c: number;
  run: number;
  replicate: number;
  method: string;
  /** against one noisy outcome Y = f_Y(x) + U_Y per test point (what an experiment would measure) */
  mae: number;
  spearman: number;
  /** against the exact effect f_Y(x) */
  mae_truth: number;
  spearman_truth: number;
  /** sd and mean absolute deviation of the exact effect over the test points */
  effect_sd: number;
  effect_mad: number;
}

export function validateNetworkConfig(c: NetworkConfig): void {
  for (const n of [...c.n, c.nAtC]) if (!Number.isInteger(n) || n < 20) throw new Error(`n must be an integer >= 20 (each regime models up to 10 variables), got ${n}`);
  for (const v of [...c.c, c.cAtN]) if (!(v >= 0 && v < 1)) throw new Error(`confounding level c must be in [0, 1), got ${v}`);
  checkBootstrapRounds(c.bootstrap);
  checkRunSeeds(c.seed, c.runs);
  checkNetwork(c.network, c.samples);
  if (new Set(c.n).size !== c.n.length || new Set(c.c).size !== c.c.length) throw new Error(`n and c values must each be listed once (got n ${c.n.join(",")}, c ${c.c.join(",")})`);
  // Every correlation the run will draw, up front: a level with no positive-definite draw fails now, not after part of the sweep.
  for (let run = 0; run < c.runs; run++) for (const v of new Set([...c.c, c.cAtN])) dream4Correlation(c.seed + run, v);
  if (!Number.isInteger(c.testPoints) || c.testPoints < 2) throw new Error(`test points must be an integer >= 2, got ${c.testPoints}`);
  parseAnmMethods(c.methods);
}

/** Means and sds of the treatments in a large observational reference sample: the test box is mean +- 2 sd. */
export function referenceMarginals(model: AnmModel, seed: number): Marginals {
  return marginalsOf(sampleAnm(model, {kind: "observational"}, 100_000, null, seed, "dream4", "reference"), outcomeIndex(model));
}

export function resample(data: AnmTrainingData, seed: number, ...path: (string | number)[]): AnmTrainingData {
  const pick = (s: Float64Array[], label: string | number) => takeRows(s, bootstrapIndex(s[0].length, seed, ...path, label));
  return {observational: pick(data.observational, "observational"), single: data.single.map((s, k) => pick(s, k))};
}

/** One task: run `run` at sweep point `point` (the n sweep, then the c sweep), all its bootstrap replicates. */
export interface NetworkTask {
  run: number;
  point: number;
}

export function networkPoints(c: NetworkConfig): {sweep: string; n: number; c: number}[] {
  return [...c.n.map((n) => ({sweep: "n", n, c: c.cAtN})), ...c.c.map((level) => ({sweep: "c", n: c.nAtC, c: level}))];
}

export function networkTasks(c: NetworkConfig): NetworkTask[] {
  const points = networkPoints(c);
  return Array.from({length: c.runs}, (_, run) => points.map((_, point) => ({run, point}))).flat();
}

export function runNetworkTask(c: NetworkConfig, task: NetworkTask, onReplicate?: (replicate: number) => void): NetworkRow[] {
  const {run} = task;
  const p = networkPoints(c)[task.point];
  const rows: NetworkRow[] = [];
  const model = dream4GroundTruth(c.network, c.seed + run, p.c, c.samples);
  const y = outcomeIndex(model);
  const ref = referenceMarginals(model, c.seed + run);
  const test = uniformTestPoints(model, c.testPoints, ref.mean.map((m, k) => m - 2 * ref.sd[k]), ref.mean.map((m, k) => m + 2 * ref.sd[k]), c.seed, "anm-network", run, `c=${p.c}`);
  const exact = jointEffect(model, model.theta[y], test);
  const noisy = noisyOutcome(exact, Math.sqrt(model.sigma[y][y]), c.seed, "anm-network", run, `c=${p.c}`);
  const exactRanks = ranks(exact), noisyRanks = ranks(noisy);
  const spread = effectSpread(exact);
  const data = anmTrainingData(model, p.n, c.seed, "anm-network", run, `c=${p.c}`, p.n);
  for (let replicate = 0; replicate <= c.bootstrap; replicate++) {
    const fitData = replicate === 0 ? data : resample(data, c.seed, "anm-network", run, `c=${p.c}`, p.n, "bootstrap", replicate);
    const methods = replicate === 0 ? c.methods : c.methods.filter((m) => m !== "oracle");
    for (const fit of fitAnmMethods(model, fitData, methods)) {
      const pred = jointEffect(model, fit.thetaY, test);
      const predRanks = ranks(pred);
      rows.push({...p, run, replicate, method: fit.method, mae: mae(pred, noisy), spearman: pearson(predRanks, noisyRanks), mae_truth: mae(pred, exact), spearman_truth: pearson(predRanks, exactRanks), effect_sd: spread.sd, effect_mad: spread.mad});
    }
    onReplicate?.(replicate);
  }
  return rows;
}

/** Every task in order, in this thread. */
export function runNetwork(c: NetworkConfig, onProgress?: (done: number, total: number) => void): NetworkRow[] {
  validateNetworkConfig(c);
  const all = networkTasks(c);
  const total = all.length * (c.bootstrap + 1);
  let done = 0;
  return all.flatMap((task) => runNetworkTask(c, task, () => onProgress?.(++done, total)));
}

export function noisyOutcome(exact: Float64Array, sd: number, seed: number, ...path: (string | number)[]): Float64Array {
  const rng = randomStream(seed, ...path, "outcome-noise");
  return exact.map((v) => v + sd * standardNormal(rng));
}

/** A known parameterisation and, for the kinetic one, a sample count it can fit. */
export function checkNetwork(network: Dream4Parameterisation, samples: number): void {
  if (!(DREAM4_PARAMETERISATIONS as readonly string[]).includes(network)) throw new Error(`unknown network parameterisation "${network}"; expected one of ${DREAM4_PARAMETERISATIONS.join(", ")}`);
  requireKineticSamples(samples);
}
