import type {MethodId} from "../estimators/methods.js";
import {PAPER_CONFIGS, runTask, sweepPoints, validateConfig, type ExperimentConfig} from "../experiments/experiments.js";
import {splitSizes} from "../experiments/run-data.js";
import {checkRunSeeds, runSeedsNote} from "../experiments/run-seeds.js";
import {meanSem} from "../metrics.js";
import {typescriptKernel, type MomentKernel} from "../regression/moment-kernel.js";
import {fail} from "../validate.js";
import {curveOptimum, type CurveOptimum, type CurvePoint} from "./curve-optimum.js";
import {fitPowerLaw, toplineEquivalentRows, type PowerLaw, type ToplineEquivalent, type ToplinePoint} from "./topline-equivalent.js";

/**
 * How to spend an experiment budget: given K actions, a budget of N_tot cost units and the cost
 * ρ of one single-intervention row (an observational row costs 1), which share of the budget
 * should buy single-intervention rows? Each split s buys floor(s N_tot / (K ρ)) rows of each of
 * the K single-intervention regimes and spends what is left on observational rows, so
 * N_obs + ρ K N_sint <= N_tot. Each split is one point of Kekić et al.'s ratio experiment
 * (Fig. 2b / B, `ratio` in experiments.ts) with N_sint / N_obs and N_obs + K N_sint set from the
 * budget, run unchanged on the same R seeded SCMs (run r uses seed + r at every split). The
 * joint-data topline is measured at a few N by the convergence experiment (Fig. 2c / A) on the
 * same SCMs, and the error of each method's best split is translated into the joint rows the
 * topline would need for it (topline-equivalent.ts). Errors are RMSEs against the exact
 * E[Y | do(a)] on the joint test split (not the noisy outcome, whose noise floor would hide the
 * differences), averaged over SCMs. Row counts include each dataset's 20% test part, as the
 * experiments count them.
 */

/** Methods a budget can buy data for: those fitted to observational and single-intervention rows only. */
export const PLAN_METHODS = [
  "intervention-generalization",
  "structure-aware",
  "intervention-generalization-indicators",
  "pooled",
  "ig-projected",
  "ig-shared-alpha",
  "structure-aware-adaptive",
  "ig-adaptive",
] as const satisfies readonly MethodId[];
export type PlanMethodId = (typeof PLAN_METHODS)[number];

export interface BudgetPlanConfig {
  /** number of actions */
  K: number;
  /** the budget, in cost units (an observational row costs 1) */
  nTotal: number;
  /** cost of one single-intervention row relative to an observational row */
  cost: number;
  /** fractions of the budget spent on single-intervention rows, increasing, each in (0, 1) */
  splits: number[];
  /** SCMs per split (>= 2, for a standard error) */
  runs: number;
  seed: number;
  methods: PlanMethodId[];
  /** joint rows at which the topline is measured (at least 2, increasing) */
  toplineN: number[];
}

export const DEFAULT_SPLITS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98];
export const DEFAULT_PLAN_METHODS: PlanMethodId[] = ["intervention-generalization", "structure-aware"];
/**
 * The topline is measured at N_tot / 3^j joint rows, j = 6..0 (small N are cheap, and a method
 * far from the topline needs them to be interpolated rather than extrapolated), keeping those
 * the convergence experiment can split (every dataset at least MIN_REGIME_ROWS rows).
 */
export const TOPLINE_FRACTIONS = [1 / 729, 1 / 243, 1 / 81, 1 / 27, 1 / 9, 1 / 3, 1];
export const MAX_PLAN_K = 10;

export function defaultToplineN(K: number, nTotal: number): number[] {
  return [...new Set(TOPLINE_FRACTIONS.map((f) => Math.round(f * nTotal)))].filter((n) => Math.floor(n / (K + 1)) >= MIN_REGIME_ROWS);
}

export function defaultPlanConfig(K: number, nTotal: number, cost: number, overrides: Partial<BudgetPlanConfig> = {}): BudgetPlanConfig {
  return {K, nTotal, cost, splits: DEFAULT_SPLITS, runs: 30, seed: 0, methods: DEFAULT_PLAN_METHODS, toplineN: defaultToplineN(K, nTotal), ...overrides};
}

const FIT = {degree: PAPER_CONFIGS.ratio.degree, folds: PAPER_CONFIGS.ratio.folds, testFraction: PAPER_CONFIGS.ratio.testFraction};
/** Fewest rows a dataset can have: the folds' training rows plus one test row. */
export const MIN_REGIME_ROWS = (() => {
  let n = 1;
  while (splitSizes(n, FIT.testFraction).nTrain < FIT.folds || splitSizes(n, FIT.testFraction).nTest < 1) n++;
  return n;
})();

/** What one split of the budget buys. */
export interface BudgetSplit {
  /** the split asked for: the fraction of the budget meant for single-intervention rows */
  split: number;
  /** rows of the observational dataset */
  nObs: number;
  /** rows of each single-intervention dataset */
  nSingle: number;
  /** cost units spent: N_obs + ρ K N_sint (<= N_tot) */
  spent: number;
  /** the ratio experiment's N_sint / N_obs at this split */
  ratio: number;
}

/**
 * The rows split `split` buys: N_sint = floor(s N_tot / (K ρ)) per single-intervention regime,
 * the rest of the budget on observational rows (floor(N_tot - ρ K N_sint)). The ratio
 * experiment's own size rule (sweepPoints) then reproduces exactly these rows.
 */
export function budgetSplit(K: number, nTotal: number, cost: number, split: number): BudgetSplit {
  checkBudget(K, nTotal, cost);
  if (!(split > 0 && split < 1)) fail(`split must be a fraction in (0, 1), got ${split}`);
  const eps = 1e-9;
  const single = Math.floor((split * nTotal) / (K * cost) + eps);
  const obs = Math.floor(nTotal - cost * K * single + eps);
  if (single < 1 || obs < 1) return {split, nObs: Math.max(obs, 0), nSingle: Math.max(single, 0), spent: Math.max(obs, 0) + cost * K * Math.max(single, 0), ratio: obs > 0 ? single / obs : 0};
  const sizes = sweepPoints(ratioConfig(K, obs, single, 1, 0, DEFAULT_PLAN_METHODS))[0].sizes;
  if (sizes.observational !== obs || sizes.single !== single) throw new Error(`budgetSplit: the ratio experiment gives ${sizes.observational} + ${K} × ${sizes.single} rows for ${obs} + ${K} × ${single} (a rounding bug)`);
  return {split, nObs: obs, nSingle: single, spent: obs + cost * K * single, ratio: single / obs};
}

/**
 * The ratio experiment's point whose size rule, N_obs = floor(n / (K r + 1)) and
 * N_sint = floor(r N_obs), gives exactly o and s rows: r = (s + 1/(2K)) / o and n = o + K s + 1
 * put the exact values at o + o / (2 (o + K s) + 1) and then s + 1 / (2K), both strictly inside
 * their integer's interval by far more than rounding error, where r = s / o and
 * n = o + K s would sit on the integers themselves and lose a row to rounding about one time in a
 * hundred. n (the joint and observational-baseline datasets' rows) is used here only for the
 * joint test split, 20% of n.
 */
function ratioConfig(K: number, nObs: number, nSingle: number, runs: number, seed: number, methods: MethodId[]): ExperimentConfig {
  return {...PAPER_CONFIGS.ratio, K: [K], n: [nObs + K * nSingle + 1], ratios: [(nSingle + 1 / (2 * K)) / nObs], runs, seed, methods};
}

/** The ratio experiment's config that runs split `split` of the plan (one sweep point). */
export function splitExperiment(config: BudgetPlanConfig, split: number): ExperimentConfig {
  const b = budgetSplit(config.K, config.nTotal, config.cost, split);
  return ratioConfig(config.K, b.nObs, b.nSingle, config.runs, config.seed, config.methods);
}

/** The convergence experiment's config that measures the topline at N joint rows (one sweep point). */
export function toplineExperiment(config: BudgetPlanConfig, n: number): ExperimentConfig {
  return {...PAPER_CONFIGS.convergence, K: [config.K], n: [n], runs: config.runs, seed: config.seed, methods: ["joint-topline"]};
}

function checkBudget(K: number, nTotal: number, cost: number): void {
  if (!Number.isInteger(K) || K < 1 || K > MAX_PLAN_K) fail(`K must be an integer from 1 to ${MAX_PLAN_K}, got ${K}`);
  if (!Number.isFinite(nTotal) || nTotal <= 0 || nTotal > 1e9) fail(`N_tot (the budget in cost units) must be a number in (0, 1e9], got ${nTotal}`);
  if (!Number.isFinite(cost) || cost <= 0 || cost > 1e6) fail(`the cost of a single-intervention row (relative to an observational row) must be a number in (0, 1e6], got ${cost}`);
}

/** Throws one line naming the problem when the plan cannot run. */
export function validatePlanConfig(c: BudgetPlanConfig): void {
  if (c === null || typeof c !== "object") fail(`plan config: expected an object, found ${c === null ? "null" : typeof c}`);
  checkBudget(c.K, c.nTotal, c.cost);
  if (!Number.isInteger(c.runs) || c.runs < 2) fail(`runs must be an integer >= 2 (a standard error needs two SCMs), got ${c.runs}`);
  checkRunSeeds(c.seed, c.runs);
  if (!Array.isArray(c.splits) || c.splits.length === 0) fail("no splits given");
  c.splits.forEach((s, i) => {
    if (typeof s !== "number" || !(s > 0 && s < 1)) fail(`splits must be fractions of the budget in (0, 1), got ${s}`);
    if (i > 0 && s === c.splits[i - 1]) fail(`split ${s} is listed twice (each once, or its runs would be pooled)`);
    if (i > 0 && s < c.splits[i - 1]) fail(`splits must increase, got ${c.splits[i - 1]} before ${s}`);
  });
  if (!Array.isArray(c.methods) || c.methods.length === 0) fail("no methods selected");
  c.methods.forEach((m, i) => {
    if (!(PLAN_METHODS as readonly string[]).includes(m)) fail(`method "${m}" cannot be planned for (known: ${PLAN_METHODS.join(", ")}; the topline is always measured)`);
    if (c.methods.indexOf(m) !== i) fail(`method ${m} is listed twice`);
  });
  if (!Array.isArray(c.toplineN) || c.toplineN.length < 2) fail(`the topline needs at least 2 values of N, got ${Array.isArray(c.toplineN) ? c.toplineN.length : typeof c.toplineN}`);
  c.toplineN.forEach((n, i) => {
    if (!Number.isInteger(n) || n < MIN_REGIME_ROWS) fail(`topline N must be integers >= ${MIN_REGIME_ROWS}, got ${n}`);
    if (i > 0 && !(n > c.toplineN[i - 1])) fail(`topline N must increase without repeats, got ${c.toplineN[i - 1]} then ${n}`);
  });
  for (const s of c.splits) {
    const b = budgetSplit(c.K, c.nTotal, c.cost, s);
    if (b.nSingle < MIN_REGIME_ROWS)
      fail(`at split ${s}, N_tot = ${c.nTotal} at cost ${c.cost} buys ${b.nSingle} rows per single-intervention regime (s N_tot / (K cost)); each regime needs at least ${MIN_REGIME_ROWS} (${FIT.folds}-fold CV and a test row): raise N_tot or drop the smaller splits`);
    if (b.nObs < MIN_REGIME_ROWS)
      fail(`at split ${s}, N_tot = ${c.nTotal} leaves ${b.nObs} observational rows; need at least ${MIN_REGIME_ROWS} (${FIT.folds}-fold CV and a test row): raise N_tot or drop the larger splits`);
    validateConfig(splitExperiment(c, s));
  }
  for (const n of c.toplineN) validateConfig(toplineExperiment(c, n));
}

/** One task: one SCM (run) at one split, or the topline at one N. Tasks are ordered run by run, so any prefix of whole runs is a smaller plan. */
export type PlanTask = {kind: "split"; point: number; run: number} | {kind: "topline"; point: number; run: number};

export function planTasks(c: BudgetPlanConfig): PlanTask[] {
  const out: PlanTask[] = [];
  for (let run = 0; run < c.runs; run++) {
    c.splits.forEach((_, point) => out.push({kind: "split", point, run}));
    c.toplineN.forEach((_, point) => out.push({kind: "topline", point, run}));
  }
  return out;
}

/** Tasks per run (splits plus topline points). */
export const tasksPerRun = (c: BudgetPlanConfig) => c.splits.length + c.toplineN.length;

/** One method's score on one SCM at one split, or the topline's at one N. Flat, for Arrow and CSV. */
export interface PlanRow {
  [key: string]: string | number;
  kind: "split" | "topline";
  method: string;
  run: number;
  seed: number;
  /** the split asked for (0 for topline rows) */
  split: number;
  n_obs: number;
  /** rows per single-intervention regime (0 for topline rows) */
  n_single: number;
  /** joint rows: the topline's N, or the ratio experiment's joint dataset (test rows are its 20%) */
  n_joint: number;
  /** cost units spent (topline rows: 0, joint rows are not priced) */
  spent: number;
  /** RMSE against the noisy joint test outcome */
  rmse: number;
  /** RMSE against the exact E[Y | do(a)] (the planner's error) */
  rmse_truth: number;
}

/** Runs one task (deterministic given the config and the task). */
export function runPlanTask(c: BudgetPlanConfig, task: PlanTask, kernel: MomentKernel = typescriptKernel): PlanRow[] {
  switch (task.kind) {
    case "split": {
      const split = c.splits[task.point];
      const b = budgetSplit(c.K, c.nTotal, c.cost, split);
      return runTask(splitExperiment(c, split), {point: 0, run: task.run}, kernel).map((r) => ({
        kind: "split",
        method: r.method,
        run: task.run,
        seed: r.seed,
        split,
        n_obs: r.nObs,
        n_single: r.nSingle,
        n_joint: r.nJoint,
        spent: b.spent,
        rmse: r.rmse,
        rmse_truth: r.rmseTruth,
      }));
    }
    case "topline": {
      const n = c.toplineN[task.point];
      return runTask(toplineExperiment(c, n), {point: 0, run: task.run}, kernel)
        .filter((r) => r.method === "joint-topline")
        .map((r) => ({kind: "topline", method: r.method, run: task.run, seed: r.seed, split: 0, n_obs: 0, n_single: 0, n_joint: n, spent: 0, rmse: r.rmse, rmse_truth: r.rmseTruth}));
    }
    default:
      return unknownTask(task);
  }
}

function unknownTask(task: never): never {
  throw new Error(`unknown plan task kind "${(task as {kind: string}).kind}"`);
}

/** Runs the whole plan in this thread. */
export function runPlan(c: BudgetPlanConfig, kernel: MomentKernel = typescriptKernel, onProgress?: (done: number, total: number) => void): PlanRow[] {
  validatePlanConfig(c);
  const all = planTasks(c);
  return all.flatMap((t, i) => {
    const rows = runPlanTask(c, t, kernel);
    onProgress?.(i + 1, all.length);
    return rows;
  });
}

export interface MethodPlan {
  method: PlanMethodId;
  curve: (CurvePoint & BudgetSplit)[];
  optimum: CurveOptimum;
  /** joint rows the topline needs for the best split's mean error, and for that error ± its SE */
  toplineEquivalent: ToplineEquivalent | null;
  toplineEquivalentRange: {fewer: ToplineEquivalent | null; more: ToplineEquivalent | null};
}

export interface PlanSummary {
  config: BudgetPlanConfig;
  runs: number;
  methods: MethodPlan[];
  topline: (ToplinePoint & {sem: number})[];
  /** the topline's fitted convergence rate, error ≈ coefficient · N^exponent */
  toplineLaw: PowerLaw;
  /** the method and split with the smallest mean error overall */
  best: {method: PlanMethodId; split: number};
  seeds: string;
}

/** Mean error ± SE per method and split, each method's best split and flat range, and its topline-equivalent rows. */
export function summarizePlan(c: BudgetPlanConfig, rows: PlanRow[]): PlanSummary {
  validatePlanConfig(c);
  const collect = (keep: (r: PlanRow) => boolean) => {
    const v = rows.filter(keep).map((r) => r.rmse_truth);
    if (v.length !== c.runs) fail(`summarizePlan: expected ${c.runs} runs, found ${v.length}`);
    const {mean, sem} = meanSem(v);
    return {mean, sem};
  };
  const topline = c.toplineN.map((n) => ({n, ...(({mean, sem}) => ({error: mean, sem}))(collect((r) => r.kind === "topline" && r.n_joint === n))}));
  const toplineLaw = fitPowerLaw(topline);
  const equivalent = (e: number) => (e > 0 ? (toplineEquivalentRows(topline, e) ?? null) : null);
  const methods = c.methods.map((method): MethodPlan => {
    const curve = c.splits.map((split) => ({...budgetSplit(c.K, c.nTotal, c.cost, split), ...collect((r) => r.kind === "split" && r.method === method && r.split === split)}));
    const optimum = curveOptimum(curve);
    const {mean, sem} = optimum.best;
    return {method, curve, optimum, toplineEquivalent: equivalent(mean), toplineEquivalentRange: {fewer: equivalent(mean + sem), more: equivalent(mean - sem)}};
  });
  const winner = methods.reduce((a, b) => (b.optimum.best.mean < a.optimum.best.mean ? b : a));
  return {config: c, runs: c.runs, methods, topline, toplineLaw, best: {method: winner.method, split: winner.optimum.best.split}, seeds: runSeedsNote(c.seed, c.runs)};
}

/** The plan restricted to its first `runs` runs (the complete ones of a run in progress). */
export function firstRuns(c: BudgetPlanConfig, rows: PlanRow[], runs: number): {config: BudgetPlanConfig; rows: PlanRow[]} {
  return {config: {...c, runs}, rows: rows.filter((r) => r.run < runs)};
}
