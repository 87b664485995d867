#!/usr/bin/env -S npx tsx
import {accessSync, constants, statSync} from "node:fs";
import {dirname, extname, resolve} from "node:path";
import {METHOD_IDS, methodLabel, type MethodId} from "../estimators/methods.js";
import {EXPERIMENTS, PAPER_CONFIGS, validateConfig, type ExperimentConfig, type ExperimentName} from "../experiments/experiments.js";
import {summarizeByPoint, type PointSummary} from "../experiments/summary.js";
import {experimentMetadata} from "../io/experiment-metadata.js";
import {resultsToArrow, resultsToCsv} from "../io/results-table.js";
import {kernelByName} from "../regression/moment-kernel.js";
import {intFlag, listFlag, parseCli, UsageError} from "./args.js";
import {DEFAULT_WORKERS, runExperimentParallel} from "./worker-pool.js";
import {writeAtomically} from "./write-atomically.js";
import {ANM_EXPERIMENTS, ANM_USAGE, buildAnmConfig, runAnmExperiment, writeAnmOutput, type AnmExperiment} from "./anm-experiment.js";

const USAGE = `usage: npm run experiment -- <main|ratio|convergence|${ANM_EXPERIMENTS.join("|")}> [options]

Runs an experiment of Kekić et al. (ICML 2025) at the paper's settings unless told otherwise:
  main         Fig. 2a: every dataset (observational, K single, joint) has --n rows
  ratio        Fig. 2b / Fig. B: N_tot = N_obs + K N_sint fixed, N_sint / N_obs over --ratios
  convergence  Fig. 2c / Fig. A: N_obs = N_sint = N_tot / (K + 1), topline on N_tot joint rows
Every dataset is split 80/20; every method is scored on the joint test split against the noisy
outcome (the paper's metric) and the exact E[Y | do(a)]. Run r uses seed + r at every sweep point.

options (lists are comma-separated, 1e4 notation accepted):
  --k LIST         numbers of actions (default 5)
  --n LIST         main: rows per dataset (default 1e6)
  --n-total LIST   ratio, convergence: N_tot (default 60000; 1e3,1e4,1e5,1e6,1e7)
  --ratios LIST    ratio: N_sint / N_obs (default 0.05,0.1,0.2,0.3,0.4,0.5,0.6,0.8,1,2,5,10)
  --runs R         random SCMs per sweep point (default 100)
  --seed S         first seed (default 0)
  --workers W      worker threads (default ${DEFAULT_WORKERS}, this machine's cores); results do not depend on it
  --kernel NAME    moment kernel: best (default), wasm-simd or typescript
  --degree D       degree of the polynomial regressions (default 3)
  --folds F        CV folds (default 3)
  --alphas GRID    paper (1e-8..1e-1, default) or wide (1e-8..1e4)
  --methods LIST   subset of: ${METHOD_IDS.join(", ")}
  --json           print one JSON summary on stdout (progress and table go to stderr)
  --out FILE       also write per-run results to FILE (.arrow or .csv), atomically
  --quiet          no progress lines

${ANM_USAGE}`;

async function main(argv: string[]): Promise<number> {
  const {experiment, values} = parseCli(argv);
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const known = [...EXPERIMENTS, ...ANM_EXPERIMENTS].join(", ");
  if ((ANM_EXPERIMENTS as readonly string[]).includes(experiment)) return anmMain(experiment as AnmExperiment, values);
  if (!EXPERIMENTS.includes(experiment as ExperimentName))
    throw new UsageError(experiment ? `unknown experiment "${experiment}" (known: ${known})` : `missing experiment name (known: ${known})`);
  const config = buildConfig(experiment as ExperimentName, values);
  const out = typeof values.out === "string" ? checkOutput(values.out) : undefined;
  const kernelName = values.kernel ?? "best";
  if (kernelName !== "best" && kernelName !== "wasm-simd" && kernelName !== "typescript") throw new UsageError(`--kernel expects best, wasm-simd or typescript, got "${kernelName}"`);
  let kernel;
  try {
    kernel = kernelByName(kernelName);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const workers = intFlag(values, "workers", DEFAULT_WORKERS, 1);

  const log = (s: string) => process.stderr.write(s);
  const started = Date.now();
  const results = await runExperimentParallel(config, kernel, workers, ({done, total, elapsedMs}) => {
    if (values.quiet) return;
    const eta = (elapsedMs / done) * (total - done);
    log(`run ${done}/${total}  elapsed ${fmt(elapsedMs)}  ETA ${fmt(eta)}\n`);
  });
  const points = summarizeByPoint(results);
  const table = formatTable(config.experiment, points);
  if (out) writeAtomically(out.path, out.kind === "arrow" ? resultsToArrow(results, experimentMetadata(config, kernel.name)) : resultsToCsv(results));
  if (values.json) {
    const doc = {experiment: config.experiment, config, engine: kernel.name, points, ...(points.length === 1 ? {methods: points[0].methods} : {})};
    process.stdout.write(JSON.stringify(doc) + "\n");
    log(table);
  } else {
    process.stdout.write(table);
  }
  log(`done in ${fmt(Date.now() - started)} (${workers} worker${workers > 1 ? "s" : ""}, ${kernel.name} kernel)${out ? `; wrote ${out.path}` : ""}\n`);
  return 0;
}

async function anmMain(experiment: AnmExperiment, values: Record<string, string | boolean | undefined>): Promise<number> {
  const config = buildAnmConfig(experiment, values);
  const out = typeof values.out === "string" ? checkOutput(values.out) : undefined;
  const log = (s: string) => process.stderr.write(s);
  const started = Date.now();
  let last = 0;
  const {rows, summary, table} = runAnmExperiment(config, (done, total) => {
    if (values.quiet || (done < total && Date.now() - last < 2000)) return;
    last = Date.now();
    const elapsed = Date.now() - started;
    log(`step ${done}/${total}  elapsed ${fmt(elapsed)}  ETA ${fmt((elapsed / done) * (total - done))}\n`);
  });
  if (out) writeAtomically(out.path, writeAnmOutput(out.kind, config, rows));
  if (values.json) {
    process.stdout.write(JSON.stringify({experiment, config, summary}) + "\n");
    log(table);
  } else process.stdout.write(table);
  log(`done in ${fmt(Date.now() - started)}${out ? `; wrote ${out.path}` : ""}\n`);
  return 0;
}

function buildConfig(experiment: ExperimentName, values: Record<string, string | boolean | undefined>): ExperimentConfig {
  const paper = PAPER_CONFIGS[experiment];
  if (experiment === "main" && values["n-total"] !== undefined) throw new UsageError("main takes --n (rows per dataset), not --n-total");
  if (experiment !== "main" && values.n !== undefined) throw new UsageError(`${experiment} takes --n-total (N_tot), not --n`);
  if (experiment !== "ratio" && values.ratios !== undefined) throw new UsageError(`--ratios applies to the ratio experiment only`);
  const alphaGrid = values.alphas ?? "paper";
  if (alphaGrid !== "paper" && alphaGrid !== "wide") throw new UsageError(`--alphas expects "paper" or "wide", got "${alphaGrid}"`);
  const methods = typeof values.methods === "string" ? (values.methods.split(",").map((s) => s.trim()) as MethodId[]) : paper.methods;
  for (const m of methods) if (!METHOD_IDS.includes(m)) throw new UsageError(`--methods: unknown method "${m}" (known: ${METHOD_IDS.join(", ")})`);
  const config: ExperimentConfig = {
    ...paper,
    K: listFlag(values, "k", paper.K, {integer: true, min: 1}),
    n: listFlag(values, experiment === "main" ? "n" : "n-total", paper.n, {integer: true, min: 1}),
    ratios: experiment === "ratio" ? listFlag(values, "ratios", paper.ratios, {integer: false, min: Number.MIN_VALUE}) : [],
    runs: intFlag(values, "runs", paper.runs, 1),
    seed: intFlag(values, "seed", paper.seed, 0),
    degree: intFlag(values, "degree", paper.degree, 1),
    folds: intFlag(values, "folds", paper.folds, 2),
    alphaGrid,
    methods,
  };
  try {
    validateConfig(config);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return config;
}

/** Checks the output path before hours of computing, not after. */
function checkOutput(path: string): {path: string; kind: "arrow" | "csv"} {
  const ext = extname(path).toLowerCase();
  if (ext !== ".arrow" && ext !== ".csv") throw new UsageError(`--out must end in .arrow or .csv, got "${path}"`);
  const abs = resolve(path);
  try {
    if (!statSync(dirname(abs)).isDirectory()) throw new Error();
    accessSync(dirname(abs), constants.W_OK);
  } catch {
    throw new UsageError(`--out: directory "${dirname(abs)}" does not exist or is not writable`);
  }
  return {path: abs, kind: ext === ".arrow" ? "arrow" : "csv"};
}

function formatTable(experiment: ExperimentName, points: PointSummary[]): string {
  const head = ["K", experiment === "main" ? "n" : "N_tot", ...(experiment === "ratio" ? ["ratio"] : []), "method", "RMSE vs noisy Y", "RMSE vs exact E[Y|do(a)]", "runs"];
  const rows = points.flatMap((p) =>
    Object.entries(p.methods).map(([id, s]) => [
      String(p.K),
      String(experiment === "main" ? p.nJoint : p.nTotal),
      ...(experiment === "ratio" ? [String(p.ratio)] : []),
      methodLabel(id),
      num(s.rmse.mean, s.rmse.sem),
      num(s.rmse_truth.mean, s.rmse_truth.sem),
      String(s.runs),
    ]),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (head[i] === "method" ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ") + "\n";
  return line(head) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("");
}

const num = (m: number, sem: number) => `${m.toFixed(4)} ± ${Number.isFinite(sem) ? sem.toFixed(4) : "n/a"}`;
const fmt = (ms: number) => (ms < 60_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`);

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message} (see --help)\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    }
  },
);
