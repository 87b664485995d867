import {MECHANISMS, type Mechanism} from "../anm/anm-model.js";
import {ANM_METHOD_IDS, anmMethodLabel, type AnmMethodId} from "../experiments/anm/anm-methods.js";
import {MIN_BOOTSTRAP_ROUNDS} from "../experiments/anm/bootstrap-rounds.js";
import {anmCost, type TaskCost} from "../experiments/cost-model.js";
import {summarizeCross, summarizeNetwork, summarizeParameters, summarizeSynthetic, summarizeUncertainty} from "../experiments/anm/anm-summaries.js";
import {CROSS_DEFAULTS, CROSS_DGPS, runCross, validateCrossConfig, type CrossConfig, type CrossDgp} from "../experiments/anm/cross-paper-runs.js";
import {NETWORK_DEFAULTS, runNetwork, validateNetworkConfig, type NetworkConfig} from "../experiments/anm/network-runs.js";
import {runSynthetic, SYNTHETIC_DEFAULTS, validateSyntheticConfig, type SyntheticConfig} from "../experiments/anm/synthetic-runs.js";
import {runUncertainty, UNCERTAINTY_DEFAULTS, validateUncertaintyConfig, type UncertaintyConfig} from "../experiments/anm/uncertainty-runs.js";
import {anmMetadata} from "../io/anm-metadata.js";
import {recordsToArrow, recordsToCsv, type FlatRecord} from "../io/record-table.js";
import {bestKernel} from "../regression/moment-kernel.js";
import {intFlag, listFlag, nameListFlag, UsageError, type ParsedArgs} from "./args.js";

export const ANM_EXPERIMENTS = ["anm-consistency", "anm-parameters", "anm-network", "anm-uncertainty", "anm-cross"] as const;
export type AnmExperiment = (typeof ANM_EXPERIMENTS)[number];
type AnyConfig = SyntheticConfig | NetworkConfig | UncertaintyConfig | CrossConfig;

export const ANM_USAGE = `Saengkyongam & Silva (UAI 2020), Gaussian additive noise models:
  anm-consistency  Fig. 2: the fixed K = 3 SCM, MAE of the joint effect on uniform test points in
                   [-3, 3]^3 and of the outcome's parameters vs n (--n, default 100..25600; --runs 50)
  anm-parameters   Fig. 3: the outcome's parameter estimates over --runs (200) at --n (1600)
  anm-network      Fig. 4: the DREAM4 network-3 stand-in (Y = G4, K = 9); MAE and Spearman vs n
                   (--n, at c = 0.65) and vs confounding level (--c, at n = 1600), 95% bootstrap bands
  anm-uncertainty  Fig. 5: bootstrap prediction intervals at --points (10) test points ranked by
                   their KDE density (--n 1600, --c 0.65)
  anm-cross        each paper's estimator on the other's data-generating process (--dgps, --n)
options for these: --mechanism linear|nonlinear (default both), --n LIST, --c LIST, --runs R,
  --seed S (run r uses seed + r), --bootstrap B (50; at least ${MIN_BOOTSTRAP_ROUNDS} for a 95% band), --test-points M,
  --points P, --methods LIST (anm-consistency, anm-parameters, anm-network, anm-uncertainty;
  any of: ${ANM_METHOD_IDS.join(", ")}), --dgps LIST (anm-cross; any of: ${CROSS_DGPS.join(", ")}),
  --json, --out FILE (.arrow or .csv), --quiet, --force
`;

const ALLOWED: Record<AnmExperiment, string[]> = {
  "anm-consistency": ["mechanism", "n", "runs", "seed", "test-points", "methods"],
  "anm-parameters": ["mechanism", "n", "runs", "seed", "methods"],
  "anm-network": ["n", "c", "runs", "seed", "bootstrap", "test-points", "methods"],
  "anm-uncertainty": ["n", "c", "seed", "bootstrap", "points", "methods"],
  "anm-cross": ["n", "runs", "seed", "test-points", "dgps"],
};
const COMMON = ["json", "out", "quiet", "help", "force"];

/** --seed: run r uses seed + r, so seed + runs - 1 must stay a safe integer. */
function seedFlag(values: ParsedArgs["values"], fallback: number): number {
  const runs = intFlag(values, "runs", 1, 1);
  return intFlag(values, "seed", fallback, 0, Number.MAX_SAFE_INTEGER - (runs - 1));
}

export function buildAnmConfig(experiment: AnmExperiment, values: ParsedArgs["values"]): AnyConfig {
  for (const [k, v] of Object.entries(values)) if (v !== undefined && !COMMON.includes(k) && !ALLOWED[experiment].includes(k)) throw new UsageError(`--${k} does not apply to ${experiment} (it takes ${ALLOWED[experiment].map((a) => `--${a}`).join(", ")})`);
  const methods = (fallback: AnmMethodId[]) => nameListFlag(values, "methods", fallback, ANM_METHOD_IDS);
  const single = (name: string, fallback: number, integer: boolean) => {
    const list = listFlag(values, name, [fallback], {integer, min: 0});
    if (list.length !== 1) throw new UsageError(`--${name} takes one value for ${experiment}, got ${list.length}`);
    return list[0];
  };
  let config: AnyConfig;
  if (experiment === "anm-consistency" || experiment === "anm-parameters") {
    const d = SYNTHETIC_DEFAULTS[experiment];
    const mechanisms = nameListFlag<Mechanism>(values, "mechanism", d.mechanisms, MECHANISMS);
    config = {...d, mechanisms, n: listFlag(values, "n", d.n, {integer: true, min: 10}), runs: intFlag(values, "runs", d.runs, 1), seed: seedFlag(values, d.seed), testPoints: intFlag(values, "test-points", d.testPoints, 1), methods: methods(d.methods)};
  } else if (experiment === "anm-network") {
    const d = NETWORK_DEFAULTS;
    config = {...d, n: listFlag(values, "n", d.n, {integer: true, min: 20}), c: listFlag(values, "c", d.c, {integer: false, min: 0}), runs: intFlag(values, "runs", d.runs, 1), seed: seedFlag(values, d.seed), bootstrap: intFlag(values, "bootstrap", d.bootstrap, 0), testPoints: intFlag(values, "test-points", d.testPoints, 2), methods: methods(d.methods)};
  } else if (experiment === "anm-uncertainty") {
    const d = UNCERTAINTY_DEFAULTS;
    config = {...d, n: single("n", d.n, true), c: single("c", d.c, false), seed: seedFlag(values, d.seed), bootstrap: intFlag(values, "bootstrap", d.bootstrap, 0), points: intFlag(values, "points", d.points, 1), methods: methods(d.methods)};
  } else {
    const d = CROSS_DEFAULTS;
    const dgps = nameListFlag<CrossDgp>(values, "dgps", d.dgps, CROSS_DGPS);
    config = {...d, dgps, n: listFlag(values, "n", d.n, {integer: true, min: 50}), runs: intFlag(values, "runs", d.runs, 1), seed: seedFlag(values, d.seed), testPoints: intFlag(values, "test-points", d.testPoints, 2)};
  }
  try {
    validateAnmConfig(config);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return config;
}

function validateAnmConfig(config: AnyConfig): void {
  switch (config.experiment) {
    case "anm-consistency":
    case "anm-parameters":
      return validateSyntheticConfig(config);
    case "anm-network":
      return validateNetworkConfig(config);
    case "anm-uncertainty":
      return validateUncertaintyConfig(config);
    case "anm-cross":
      return validateCrossConfig(config);
    default:
      return unknownExperiment(config);
  }
}

function unknownExperiment(config: never): never {
  throw new Error(`unknown experiment "${(config as {experiment: string}).experiment}" (known: ${ANM_EXPERIMENTS.join(", ")})`);
}

/** Memory and time of a configuration, before it runs (see cost-model.ts). */
export function anmConfigCost(config: AnyConfig): TaskCost {
  switch (config.experiment) {
    case "anm-consistency":
    case "anm-parameters":
      return anmCost({rows: Math.max(...config.n), variables: 4, regimes: 5, testPoints: config.testPoints, methods: config.methods.length, refits: config.runs * config.n.length * config.mechanisms.length * config.methods.length});
    case "anm-network":
      return anmCost({rows: Math.max(...config.n, config.nAtC), variables: 10, regimes: 11, testPoints: config.testPoints, methods: config.methods.length, refits: config.runs * (config.n.length + config.c.length) * (config.bootstrap + 1) * config.methods.length});
    case "anm-uncertainty":
      return anmCost({rows: config.n, variables: 10, regimes: 11, testPoints: config.points, methods: config.methods.length, refits: (config.bootstrap + 1) * config.methods.length});
    case "anm-cross":
      return anmCost({rows: Math.max(...config.n), variables: 4, regimes: 5, testPoints: config.testPoints, methods: 4, refits: config.runs * config.n.length * config.dgps.length * 4});
    default:
      return unknownExperiment(config);
  }
}

export interface AnmRunOutput {
  rows: FlatRecord[];
  summary: unknown;
  table: string;
}

/** Runs a configuration; rows are what --out writes, summary what --json prints. */
export function runAnmExperiment(config: AnyConfig, progress: (done: number, total: number) => void): AnmRunOutput {
  switch (config.experiment) {
    case "anm-consistency": {
      const {errors} = runSynthetic(config, progress);
      const summary = summarizeSynthetic(errors);
      return {rows: errors as unknown as FlatRecord[], summary, table: formatTable(["mechanism", "n", "method", "effect MAE", "parameter MAE", "iterations"], summary.map((s) => [s.mechanism, String(s.n), anmMethodLabel(s.method), pm(s.mae), pm(s.param_mae), Number.isFinite(s.iterations.mean) ? s.iterations.mean.toFixed(1) : "-"]))};
    }
    case "anm-parameters": {
      const {parameters} = runSynthetic(config, progress);
      const summary = summarizeParameters(parameters);
      return {rows: parameters as unknown as FlatRecord[], summary, table: formatTable(["mechanism", "n", "method", "parameter", "truth", "mean", "sd", "bias"], summary.map((s) => [s.mechanism, String(s.n), anmMethodLabel(s.method), s.parameter, s.truth.toFixed(3), s.mean.toFixed(4), s.sd.toFixed(4), s.bias.toFixed(4)]))};
    }
    case "anm-network": {
      const rows = runNetwork(config, progress);
      const summary = summarizeNetwork(rows);
      const band = (b: {value: number; lo: number; hi: number}) => `${b.value.toFixed(4)} [${b.lo.toFixed(4)}, ${b.hi.toFixed(4)}]`;
      return {rows: rows as unknown as FlatRecord[], summary, table: formatTable(["sweep", "n", "c", "method", "MAE vs noisy Y [95% bootstrap]", "Spearman vs noisy Y", "MAE vs exact", "Spearman vs exact"], summary.map((s) => [s.sweep, String(s.n), String(s.c), anmMethodLabel(s.method), band(s.mae), band(s.spearman), band(s.mae_truth), band(s.spearman_truth)]))};
    }
    case "anm-uncertainty": {
      const rows = runUncertainty(config, progress);
      const summary = summarizeUncertainty(rows);
      return {rows: rows as unknown as FlatRecord[], summary, table: formatTable(["rank", "log density", "method", "prediction", "95% interval", "width", "truth"], summary.map((s) => [String(s.rank), s.log_density.toFixed(1), anmMethodLabel(s.method), s.prediction.toFixed(4), `[${s.lo.toFixed(4)}, ${s.hi.toFixed(4)}]`, s.width.toFixed(4), s.truth.toFixed(4)]))};
    }
    case "anm-cross": {
      const rows = runCross(config, bestKernel(), progress);
      const summary = summarizeCross(rows);
      return {rows: rows as unknown as FlatRecord[], summary, table: formatTable(["DGP", "n", "method", "RMSE vs exact", "relative RMSE"], summary.map((s) => [s.dgp, String(s.n), s.method, pm(s.rmse_truth), pm(s.relative_rmse)]))};
    }
  }
}

export function writeAnmOutput(kind: "arrow" | "csv", config: AnyConfig, rows: FlatRecord[]): Uint8Array | string {
  const engine = config.experiment === "anm-cross" ? bestKernel().name : "typescript";
  return kind === "arrow" ? recordsToArrow(rows, anmMetadata(config, engine)) : recordsToCsv(rows);
}

const pm = (s: {mean: number; sem: number}) => `${s.mean.toFixed(4)} ± ${Number.isFinite(s.sem) ? s.sem.toFixed(4) : "n/a"}`;

function formatTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < 4 && isNaN(Number(c)) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ") + "\n";
  return line(head) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("");
}
