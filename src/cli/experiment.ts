#!/usr/bin/env -S npx tsx
import {accessSync, constants, statSync} from "node:fs";
import {dirname, extname, resolve} from "node:path";
import {METHOD_IDS, methodLabel, type MethodId} from "../estimators/methods.js";
import {MAIN_DEFAULTS, runMainExperiment, validateMainConfig, type MainExperimentConfig} from "../experiments/main-experiment.js";
import {summarizeByMethod} from "../experiments/summary.js";
import {experimentMetadata, MAIN_EXPERIMENT_REFERENCE} from "../io/experiment-metadata.js";
import {resultsToArrow, resultsToCsv} from "../io/results-table.js";
import {intFlag, parseCli, UsageError} from "./args.js";
import {writeAtomically} from "./write-atomically.js";

const USAGE = `usage: npm run experiment -- main [options]

Runs Kekić et al.'s main comparison (Fig. 2a): R random SCMs, each with observational,
K single-intervention and one joint-intervention dataset of n rows (80/20 split).

options:
  --k K            number of actions (default 5)
  --n N            rows per dataset (default 10000; 1e4 notation accepted)
  --runs R         number of random SCMs (default 100); run r uses seed + r
  --seed S         first seed (default 0)
  --degree D       degree of the polynomial regressions (default 3)
  --folds F        CV folds (default 3)
  --alphas GRID    paper (1e-8..1e-1, default) or wide (1e-8..1e4)
  --methods LIST   comma-separated subset of: ${METHOD_IDS.join(", ")}
  --json           print one JSON summary on stdout (progress and table go to stderr)
  --out FILE       also write per-run results to FILE (.arrow or .csv)
  --quiet          no progress lines
`;

function main(argv: string[]): number {
  const {experiment, values} = parseCli(argv);
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (experiment !== "main") throw new UsageError(experiment ? `unknown experiment "${experiment}" (known: main)` : "missing experiment name (known: main)");
  const config = mainConfig(values);
  const out = typeof values.out === "string" ? checkOutput(values.out) : undefined;

  const log = (s: string) => process.stderr.write(s);
  const started = Date.now();
  const results = runMainExperiment(config, ({done, total, elapsedMs}) => {
    if (values.quiet) return;
    const eta = (elapsedMs / done) * (total - done);
    log(`run ${done}/${total}  elapsed ${fmt(elapsedMs)}  ETA ${fmt(eta)}\n`);
  });
  const summary = summarizeByMethod(results);
  const table = formatTable(summary);
  if (out) {
    const meta = experimentMetadata("main", config, MAIN_EXPERIMENT_REFERENCE);
    writeAtomically(out.path, out.kind === "arrow" ? resultsToArrow(results, meta) : resultsToCsv(results));
  }
  if (values.json) {
    process.stdout.write(JSON.stringify({experiment: "main", config, methods: summary}) + "\n");
    log(table);
  } else {
    process.stdout.write(table);
  }
  log(`done in ${fmt(Date.now() - started)}${out ? `; wrote ${out.path}` : ""}\n`);
  return 0;
}

function mainConfig(values: Record<string, string | boolean | undefined>): MainExperimentConfig {
  const alphaGrid = values.alphas ?? "paper";
  if (alphaGrid !== "paper" && alphaGrid !== "wide") throw new UsageError(`--alphas expects "paper" or "wide", got "${alphaGrid}"`);
  const methods = typeof values.methods === "string" ? (values.methods.split(",").map((s) => s.trim()) as MethodId[]) : MAIN_DEFAULTS.methods;
  for (const m of methods) if (!METHOD_IDS.includes(m)) throw new UsageError(`--methods: unknown method "${m}" (known: ${METHOD_IDS.join(", ")})`);
  const config: MainExperimentConfig = {
    ...MAIN_DEFAULTS,
    K: intFlag(values, "k", MAIN_DEFAULTS.K, 1),
    n: intFlag(values, "n", MAIN_DEFAULTS.n, 1),
    runs: intFlag(values, "runs", MAIN_DEFAULTS.runs, 1),
    seed: intFlag(values, "seed", MAIN_DEFAULTS.seed, 0),
    degree: intFlag(values, "degree", MAIN_DEFAULTS.degree, 1),
    folds: intFlag(values, "folds", MAIN_DEFAULTS.folds, 2),
    alphaGrid,
    methods,
  };
  try {
    validateMainConfig(config);
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
  let dir: ReturnType<typeof statSync> | undefined;
  try {
    dir = statSync(dirname(abs));
    accessSync(dirname(abs), constants.W_OK);
  } catch {
    throw new UsageError(`--out: directory "${dirname(abs)}" does not exist or is not writable`);
  }
  if (!dir.isDirectory()) throw new UsageError(`--out: "${dirname(abs)}" is not a directory`);
  return {path: abs, kind: ext === ".arrow" ? "arrow" : "csv"};
}

function formatTable(summary: ReturnType<typeof summarizeByMethod>): string {
  const rows = Object.entries(summary).map(([id, s]) => [methodLabel(id), num(s.rmse.mean, s.rmse.sem), num(s.rmse_truth.mean, s.rmse_truth.sem), String(s.runs)]);
  const head = ["method", "RMSE vs noisy Y", "RMSE vs exact E[Y|do(a)]", "runs"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ") + "\n";
  return line(head) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("");
}

const num = (m: number, sem: number) => `${m.toFixed(4)} ± ${Number.isFinite(sem) ? sem.toFixed(4) : "n/a"}`;
const fmt = (ms: number) => (ms < 60_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`);

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`error: ${e.message} (see --help)\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  }
}
