import {outcomeIndex, type AnmModel} from "../../anm/anm-model.js";
import type {AnmTrainingData} from "../../anm/joint-likelihood.js";
import {dream4Correlation} from "../../anm/dream4-network.js";
import {dream4GroundTruth, type Dream4Parameterisation} from "../../anm/dream4-kinetic.js";
import {kdeLogDensity} from "../../anm/gaussian-kde.js";
import {checkRunSeeds} from "../run-seeds.js";
import {checkBootstrapRounds} from "./bootstrap-rounds.js";
import {fitAnmMethods, parseAnmMethods, type AnmMethodId} from "./anm-methods.js";
import {anmTrainingData, jointEffect, uniformTestPoints} from "./anm-data.js";
import {checkNetwork, referenceMarginals, resample} from "./network-runs.js";

/**
 * Fig. 5 of Saengkyongam & Silva: `points` uniform joint test points in the +-2 sd box, ranked
 * by a Gaussian KDE of the observational treatments (rank 1: most likely), with the predicted
 * joint effect refitted on `bootstrap` resamples for prediction intervals.
 */
export interface UncertaintyConfig {
  experiment: "anm-uncertainty";
  n: number;
  c: number;
  points: number;
  bootstrap: number;
  /** where the SCM's parameters come from (see NetworkConfig) */
  network: Dream4Parameterisation;
  /** kinetic only: multifactorial samples the SCM is fitted to (simulated with the seed) */
  samples: number;
  seed: number;
  methods: AnmMethodId[];
}

export const UNCERTAINTY_DEFAULTS: UncertaintyConfig = {experiment: "anm-uncertainty", n: 1600, c: 0.65, points: 10, bootstrap: 50, network: "kinetic", samples: 100, seed: 0, methods: ["anm", "reg"]};

export interface UncertaintyRow {
  point: number;
  /** 1 = highest observational density */
  rank: number;
  log_density: number;
  method: string;
  /** 0: fit on the full data; 1..B: bootstrap refits */
  replicate: number;
  prediction: number;
  truth: number;
  /** the test point, "G6=0.12 G3=..." */
  coordinates: string;
}

export function validateUncertaintyConfig(c: UncertaintyConfig): void {
  if (!Number.isInteger(c.n) || c.n < 20) throw new Error(`n must be an integer >= 20, got ${c.n}`);
  if (!(c.c >= 0 && c.c < 1)) throw new Error(`confounding level c must be in [0, 1), got ${c.c}`);
  if (!Number.isInteger(c.points) || c.points < 1 || c.points > 1000) throw new Error(`points must be an integer in 1..1000, got ${c.points}`);
  checkBootstrapRounds(c.bootstrap);
  checkRunSeeds(c.seed, 1);
  checkNetwork(c.network, c.samples);
  dream4Correlation(c.seed, c.c);
  parseAnmMethods(c.methods);
}

interface UncertaintySetup {
  key: string;
  model: AnmModel;
  test: Float64Array[];
  data: AnmTrainingData;
  logDensity: Float64Array;
  rank: number[];
  truth: Float64Array;
  coordinates: string[];
}

let cached: UncertaintySetup | undefined;

/** The model, test points, their KDE ranks and the data: shared by every replicate (computed once per process and config). */
function uncertaintySetup(c: UncertaintyConfig): UncertaintySetup {
  const key = JSON.stringify(c);
  if (cached?.key === key) return cached;
  const model = dream4GroundTruth(c.network, c.seed, c.c, c.samples);
  const y = outcomeIndex(model);
  const K = y;
  const ref = referenceMarginals(model, c.seed);
  const test = uniformTestPoints(model, c.points, ref.mean.map((m, k) => m - 2 * ref.sd[k]), ref.mean.map((m, k) => m + 2 * ref.sd[k]), c.seed, "anm-uncertainty");
  const data = anmTrainingData(model, c.n, c.seed, "anm-uncertainty");
  const logDensity = kdeLogDensity(data.observational.slice(0, K), test.slice(0, K));
  const order = Array.from(logDensity.keys()).sort((a, b) => logDensity[b] - logDensity[a]);
  const rank: number[] = new Array(c.points);
  order.forEach((p, i) => (rank[p] = i + 1));
  const truth = jointEffect(model, model.theta[y], test);
  const coordinates = Array.from({length: c.points}, (_, p) => model.names.slice(0, K).map((name, k) => `${name}=${test[k][p].toFixed(2)}`).join(" "));
  cached = {key, model, test, data, logDensity, rank, truth, coordinates};
  return cached;
}

/** Tasks are the replicates: 0 fits the full data, 1..B bootstrap resamples. */
export function uncertaintyTasks(c: UncertaintyConfig): number[] {
  return Array.from({length: c.bootstrap + 1}, (_, replicate) => replicate);
}

export function runUncertaintyTask(c: UncertaintyConfig, replicate: number): UncertaintyRow[] {
  const {model, test, data, logDensity, rank, truth, coordinates} = uncertaintySetup(c);
  const rows: UncertaintyRow[] = [];
  const fitData = replicate === 0 ? data : resample(data, c.seed, "anm-uncertainty", "bootstrap", replicate);
  for (const fit of fitAnmMethods(model, fitData, c.methods)) {
    const pred = jointEffect(model, fit.thetaY, test);
    for (let p = 0; p < c.points; p++) rows.push({point: p, rank: rank[p], log_density: logDensity[p], method: fit.method, replicate, prediction: pred[p], truth: truth[p], coordinates: coordinates[p]});
  }
  return rows;
}

/** Every replicate in order, in this thread. */
export function runUncertainty(c: UncertaintyConfig, onProgress?: (done: number, total: number) => void): UncertaintyRow[] {
  validateUncertaintyConfig(c);
  return uncertaintyTasks(c).flatMap((replicate) => {
    const rows = runUncertaintyTask(c, replicate);
    onProgress?.(replicate + 1, c.bootstrap + 1);
    return rows;
  });
}
