import {MECHANISMS, type Mechanism} from "../anm/anm-model.js";
import {ANM_METHOD_IDS, anmMethodLabel, type AnmMethodId} from "../experiments/anm/anm-methods.js";
import {ANM_EXPERIMENTS, validateAnmConfig, type AnmConfig, type AnmExperiment} from "../experiments/anm/anm-experiments.js";
import {MIN_BOOTSTRAP_ROUNDS} from "../experiments/anm/bootstrap-rounds.js";
import {summarizeCross, summarizeNetwork, summarizeParameters, summarizeSynthetic, summarizeUncertainty} from "../experiments/anm/anm-summaries.js";
import {CROSS_DEFAULTS, CROSS_DGPS, type CrossDgp, type CrossRow} from "../experiments/anm/cross-paper-runs.js";
import {NETWORK_DEFAULTS, type NetworkRow} from "../experiments/anm/network-runs.js";
import {SYNTHETIC_DEFAULTS, type ParameterRow, type SyntheticErrorRow} from "../experiments/anm/synthetic-runs.js";
import {UNCERTAINTY_DEFAULTS, type UncertaintyRow} from "../experiments/anm/uncertainty-runs.js";
import type {FlatRecord} from "../io/record-table.js";
import {DREAM4_PARAMETERISATIONS, KINETIC_SAMPLES_DEFAULT, KINETIC_SAMPLES_MAX, KINETIC_SAMPLES_MIN, type Dream4Parameterisation} from "../anm/dream4-kinetic.js";
import {intFlag, listFlag, nameListFlag, UsageError, type ParsedArgs} from "./args.js";

export {ANM_EXPERIMENTS, type AnmExperiment};
type AnyConfig = AnmConfig;

export const ANM_USAGE = `Saengkyongam & Silva (UAI 2020), Gaussian additive noise models:
  anm-consistency  Fig. 2: the fixed K = 3 SCM, MAE of the joint effect on uniform test points in
                   [-3, 3]^3 and of the outcome's parameters vs n (--n, default 100..25600; --runs 50)
  anm-parameters   Fig. 3: the outcome's parameter estimates over --runs (200) at --n (1600)
  anm-network      Fig. 4: DREAM4 network 3 (Y = G4, K = 9); MAE and Spearman vs n
                   (--n, at c = 0.65) and vs confounding level (--c, at n = 1600), 95% bootstrap bands
  anm-uncertainty  Fig. 5: bootstrap prediction intervals at --points (10) test points ranked by
                   their KDE density (--n 1600, --c 0.65)
  anm-cross        each paper's estimator on the other's data-generating process (--dgps, --n)
options for these: --mechanism linear|nonlinear (default both), --n LIST, --c LIST, --runs R,
  --seed S (run r uses seed + r), --bootstrap B (50; at least ${MIN_BOOTSTRAP_ROUNDS} for a 95% band), --test-points M,
  --points P, --methods LIST (anm-consistency, anm-parameters, anm-network, anm-uncertainty;
  any of: ${ANM_METHOD_IDS.join(", ")}), --dgps LIST (anm-cross; any of: ${CROSS_DGPS.join(", ")}),
  --network kinetic|stand-in (anm-network, anm-uncertainty: the SCM fitted to --multifactorial N
  (default ${KINETIC_SAMPLES_DEFAULT}) simulated multifactorial samples of the kinetic model, or the random stand-in),
  --workers W, --shard i/n, --dry-run, --json, --out FILE (.arrow or .csv), --quiet, --force
`;

const ALLOWED: Record<AnmExperiment, string[]> = {
  "anm-consistency": ["mechanism", "n", "runs", "seed", "test-points", "methods"],
  "anm-parameters": ["mechanism", "n", "runs", "seed", "methods"],
  "anm-network": ["n", "c", "runs", "seed", "bootstrap", "test-points", "methods", "network", "multifactorial"],
  "anm-uncertainty": ["n", "c", "seed", "bootstrap", "points", "methods", "network", "multifactorial"],
  "anm-cross": ["n", "runs", "seed", "test-points", "dgps"],
};
const COMMON = ["json", "out", "quiet", "help", "force", "workers", "shard", "dry-run"];

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
    config = {...d, n: listFlag(values, "n", d.n, {integer: true, min: 20}), c: listFlag(values, "c", d.c, {integer: false, min: 0}), runs: intFlag(values, "runs", d.runs, 1), seed: seedFlag(values, d.seed), bootstrap: intFlag(values, "bootstrap", d.bootstrap, 0), testPoints: intFlag(values, "test-points", d.testPoints, 2), methods: methods(d.methods), ...networkFlags(values, d)};
  } else if (experiment === "anm-uncertainty") {
    const d = UNCERTAINTY_DEFAULTS;
    config = {...d, n: single("n", d.n, true), c: single("c", d.c, false), seed: seedFlag(values, d.seed), bootstrap: intFlag(values, "bootstrap", d.bootstrap, 0), points: intFlag(values, "points", d.points, 1), methods: methods(d.methods), ...networkFlags(values, d)};
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

/** --network and --multifactorial (the kinetic fit's sample count; only with the kinetic network). */
function networkFlags(values: ParsedArgs["values"], d: {network: Dream4Parameterisation; samples: number}): {network: Dream4Parameterisation; samples: number} {
  const [network, ...more] = nameListFlag<Dream4Parameterisation>(values, "network", [d.network], DREAM4_PARAMETERISATIONS);
  if (more.length) throw new UsageError(`--network takes one value, got ${more.length + 1}`);
  if (network !== "kinetic" && values.multifactorial !== undefined) throw new UsageError(`--multifactorial applies only to --network kinetic (the stand-in is not fitted to data)`);
  return {network, samples: intFlag(values, "multifactorial", d.samples, KINETIC_SAMPLES_MIN, KINETIC_SAMPLES_MAX)};
}

/** The summary --json prints and the table printed for a whole run's rows. */
export function anmSummaryTable(config: AnyConfig, records: FlatRecord[]): {summary: unknown; table: string} {
  switch (config.experiment) {
    case "anm-consistency": {
      const summary = summarizeSynthetic(records as unknown as SyntheticErrorRow[]);
      return {summary, table: formatTable(["mechanism", "n", "method", "effect MAE", "parameter MAE", "iterations"], summary.map((s) => [s.mechanism, String(s.n), anmMethodLabel(s.method), pm(s.mae), pm(s.param_mae), Number.isFinite(s.iterations.mean) ? s.iterations.mean.toFixed(1) : "-"]))};
    }
    case "anm-parameters": {
      const summary = summarizeParameters(records as unknown as ParameterRow[]);
      return {summary, table: formatTable(["mechanism", "n", "method", "parameter", "truth", "mean", "sd", "bias"], summary.map((s) => [s.mechanism, String(s.n), anmMethodLabel(s.method), s.parameter, s.truth.toFixed(3), s.mean.toFixed(4), s.sd.toFixed(4), s.bias.toFixed(4)]))};
    }
    case "anm-network": {
      const summary = summarizeNetwork(records as unknown as NetworkRow[]);
      const band = (b: {value: number; lo: number; hi: number}) => `${b.value.toFixed(4)} [${b.lo.toFixed(4)}, ${b.hi.toFixed(4)}]`;
      return {summary, table: formatTable(["sweep", "n", "c", "method", "MAE vs noisy Y [95% bootstrap]", "Spearman vs noisy Y", "MAE vs exact", "Spearman vs exact"], summary.map((s) => [s.sweep, String(s.n), String(s.c), anmMethodLabel(s.method), band(s.mae), band(s.spearman), band(s.mae_truth), band(s.spearman_truth)]))};
    }
    case "anm-uncertainty": {
      const summary = summarizeUncertainty(records as unknown as UncertaintyRow[]);
      return {summary, table: formatTable(["rank", "log density", "method", "prediction", "95% interval", "width", "truth"], summary.map((s) => [String(s.rank), s.log_density.toFixed(1), anmMethodLabel(s.method), s.prediction.toFixed(4), `[${s.lo.toFixed(4)}, ${s.hi.toFixed(4)}]`, s.width.toFixed(4), s.truth.toFixed(4)]))};
    }
    case "anm-cross": {
      const summary = summarizeCross(records as unknown as CrossRow[]);
      return {summary, table: formatTable(["DGP", "n", "method", "RMSE vs exact", "relative RMSE"], summary.map((s) => [s.dgp, String(s.n), s.method, pm(s.rmse_truth), pm(s.relative_rmse)]))};
    }
    default:
      throw new Error(`unknown experiment "${(config as {experiment: string}).experiment}"`);
  }
}

const pm = (s: {mean: number; sem: number}) => `${s.mean.toFixed(4)} ± ${Number.isFinite(s.sem) ? s.sem.toFixed(4) : "n/a"}`;

function formatTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < 4 && isNaN(Number(c)) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ") + "\n";
  return line(head) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("");
}
