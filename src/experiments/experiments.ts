import {METHOD_IDS, type MethodId} from "../estimators/methods.js";
import {monomialCount} from "../features/monomial-basis.js";
import {typescriptKernel, type MomentKernel} from "../regression/moment-kernel.js";
import {checkRunSeeds} from "./run-seeds.js";
import {generateRunData, splitSizes, type DatasetSizes} from "./run-data.js";
import {scoreMethods, type MethodScore} from "./score-methods.js";

/**
 * The experiments of Kekić et al. (Section 7, Appendix E):
 * - main (Fig. 2a): every dataset has n rows;
 * - ratio (Fig. 2b, Fig. B): N_tot = N_obs + K N_sint fixed, N_sint / N_obs = rho varies; the
 *   observational and joint baselines are trained on N_tot rows of their own regime;
 * - convergence (Fig. 2c, Fig. A): N_obs = N_sint = N_tot / (K + 1), against a topline trained
 *   on N_tot joint rows, all scored on the same joint test split.
 * Each sweep point uses the same SCMs: run r is seeded by seed + r.
 */
export type ExperimentName = "main" | "ratio" | "convergence";
export const EXPERIMENTS: ExperimentName[] = ["main", "ratio", "convergence"];

export interface ExperimentConfig {
  experiment: ExperimentName;
  /** numbers of actions (one sweep axis) */
  K: number[];
  /** main: rows per dataset; ratio and convergence: N_tot */
  n: number[];
  /** ratio only: N_sint / N_obs */
  ratios: number[];
  runs: number;
  seed: number;
  degree: number;
  folds: number;
  alphaGrid: "paper" | "wide";
  testFraction: number;
  methods: MethodId[];
}

export const PAPER_RATIOS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 2, 5, 10];

const COMMON = {runs: 100, seed: 0, degree: 3, folds: 3, alphaGrid: "paper" as const, testFraction: 0.2, methods: METHOD_IDS, ratios: [] as number[]};

/** The paper's settings for each experiment (Appendix E). */
export const PAPER_CONFIGS: Record<ExperimentName, ExperimentConfig> = {
  main: {...COMMON, experiment: "main", K: [5], n: [1_000_000]},
  ratio: {...COMMON, experiment: "ratio", K: [5], n: [60_000], ratios: PAPER_RATIOS},
  convergence: {...COMMON, experiment: "convergence", K: [5], n: [1e3, 1e4, 1e5, 1e6, 1e7]},
};

export interface SweepPoint {
  K: number;
  nTotal: number;
  ratio: number;
  sizes: DatasetSizes;
}

export function sweepPoints(c: ExperimentConfig): SweepPoint[] {
  const points: SweepPoint[] = [];
  for (const K of c.K)
    for (const n of c.n) {
      if (c.experiment === "main") points.push({K, nTotal: (K + 1) * n, ratio: 1, sizes: {observational: n, single: n, observationalBaseline: n, joint: n}});
      else if (c.experiment === "convergence") {
        const each = Math.floor(n / (K + 1));
        points.push({K, nTotal: n, ratio: 1, sizes: {observational: each, single: each, observationalBaseline: n, joint: n}});
      } else
        for (const ratio of c.ratios) {
          const nObs = Math.floor(n / (K * ratio + 1));
          points.push({K, nTotal: n, ratio, sizes: {observational: nObs, single: Math.floor(ratio * nObs), observationalBaseline: n, joint: n}});
        }
    }
  return points;
}

/** Throws a one-line reason when a configuration cannot run. */
export function validateConfig(c: ExperimentConfig): void {
  const int = (v: number, min: number, name: string) => {
    if (!Number.isInteger(v) || v < min) throw new Error(`${name} must be an integer >= ${min}, got ${v}`);
  };
  if (!EXPERIMENTS.includes(c.experiment)) throw new Error(`unknown experiment "${c.experiment}" (known: ${EXPERIMENTS.join(", ")})`);
  if (c.K.length === 0) throw new Error("no K given");
  c.K.forEach((K) => int(K, 1, "K"));
  if (c.n.length === 0) throw new Error("no N given");
  c.n.forEach((n) => int(n, 1, c.experiment === "main" ? "n" : "N_tot"));
  int(c.runs, 1, "runs");
  int(c.degree, 1, "degree");
  int(c.folds, 2, "folds");
  checkRunSeeds(c.seed, c.runs);
  for (const [name, list] of [["K", c.K], [c.experiment === "main" ? "n" : "N_tot", c.n], ["ratio", c.ratios], ["method", c.methods]] as const)
    if (new Set<unknown>(list).size !== list.length) throw new Error(`a ${name} value is listed twice (${list.join(", ")}): each once, or its runs would be pooled`);
  if (!(c.testFraction > 0 && c.testFraction < 1)) throw new Error(`test fraction must be in (0, 1), got ${c.testFraction}`);
  if (c.experiment === "ratio") {
    if (c.ratios.length === 0) throw new Error("no ratios given");
    for (const r of c.ratios) if (!(r > 0) || !Number.isFinite(r)) throw new Error(`ratios must be positive numbers, got ${r}`);
  }
  if (c.methods.length === 0) throw new Error("no methods selected");
  if (c.methods.includes("intervention-generalization-indicators"))
    for (const K of c.K) {
      const columns = (K + 1) * monomialCount(K, c.degree);
      if (columns > 1500) throw new Error(`the indicator form of IG at K = ${K} needs a ${columns}-column regression (too slow): leave intervention-generalization-indicators out with --methods`);
    }
  for (const m of c.methods) if (!METHOD_IDS.includes(m)) throw new Error(`unknown method "${m}" (known: ${METHOD_IDS.join(", ")})`);
  for (const p of sweepPoints(c))
    for (const [name, n] of Object.entries(p.sizes)) {
      const {nTrain, nTest} = splitSizes(n, c.testFraction);
      if (nTrain < c.folds || nTest < 1)
        throw new Error(`at K = ${p.K}, ${c.experiment === "main" ? `n = ${p.nTotal / (p.K + 1)}` : `N_tot = ${p.nTotal}`}${c.experiment === "ratio" ? `, ratio ${p.ratio}` : ""} the ${name} dataset has ${n} rows: too small to split (need ${c.folds} training rows for ${c.folds}-fold CV and 1 test row)`);
    }
}

/** One (sweep point, run) pair; tasks are independent and each is deterministic given the config. */
export interface Task {
  point: number;
  run: number;
}

export function tasks(c: ExperimentConfig): Task[] {
  return sweepPoints(c).flatMap((_, point) => Array.from({length: c.runs}, (_, run) => ({point, run})));
}

/** Where a result sits in a sweep: K, N_tot, the ratio and the dataset sizes it implies. */
export interface PointCoordinates {
  K: number;
  nTotal: number;
  ratio: number;
  nObs: number;
  nSingle: number;
  nJoint: number;
}

export interface ResultRow extends MethodScore, PointCoordinates {
  run: number;
  seed: number;
}

/** Runs one task; `onStage` hears what it is doing (drawing data, fitting a method, scoring), for progress inside long tasks. */
export function runTask(c: ExperimentConfig, task: Task, kernel: MomentKernel = typescriptKernel, onStage?: (stage: string) => void): ResultRow[] {
  const p = sweepPoints(c)[task.point];
  const seed = c.seed + task.run;
  onStage?.("drawing data and accumulating moments");
  const data = generateRunData(p.K, p.sizes, c, seed, kernel);
  const point: PointCoordinates = {K: p.K, nTotal: p.nTotal, ratio: p.ratio, nObs: p.sizes.observational, nSingle: p.sizes.single, nJoint: p.sizes.joint};
  return scoreMethods(data, c.methods, c.alphaGrid, onStage).map((s) => ({...point, run: task.run, seed, ...s}));
}

export interface ExperimentProgress {
  done: number;
  total: number;
  elapsedMs: number;
}

/** Runs every task in this thread, in order. */
export function runExperiment(c: ExperimentConfig, kernel: MomentKernel = typescriptKernel, onProgress?: (p: ExperimentProgress) => void): ResultRow[] {
  validateConfig(c);
  const start = Date.now();
  const all = tasks(c);
  return all.flatMap((task, i) => {
    const rows = runTask(c, task, kernel);
    onProgress?.({done: i + 1, total: all.length, elapsedMs: Date.now() - start});
    return rows;
  });
}
