import {readFileSync} from "node:fs";
import {availableParallelism, totalmem} from "node:os";
import {METHOD_IDS, methodLabel, type MethodId} from "../estimators/methods.js";
import {isAnmExperiment} from "../experiments/anm/anm-experiments.js";
import {EXPERIMENTS, PAPER_CONFIGS, validateConfig, type ExperimentConfig, type ExperimentName, type ResultRow} from "../experiments/experiments.js";
import {summarizeByPoint, type PointSummary} from "../experiments/summary.js";
import {isKekic, taskCosts, type AnyConfig, type AnyRow} from "../experiments/task-list.js";
import type {FlatRecord} from "../io/record-table.js";
import {kernelByName, bestKernel, typescriptKernel, type MomentKernel} from "../regression/moment-kernel.js";
import {totalCost, formatBytes, formatSeconds, type TaskCost} from "../experiments/cost-model.js";
import {checkOutputPath, OutputPathError, writeOrRecover, type OutputTarget} from "../node/output-file.js";
import {encodeResults, engineOf, resultsMetadata} from "../node/results-file.js";
import {assignShards, mergeShards, parseShard, ShardError, shardMetadata, type Shard} from "../node/shards.js";
import {runTasks} from "../node/worker-pool.js";
import {EXAMPLE_USAGE, ESTIMATE_USAGE, runEstimate, runExample} from "./estimate-command.js";
import {intFlag, listFlag, nameListFlag, parseCli, parseMergeArgs, UsageError, type FlagValues} from "./args.js";
import {DREAM4_EXPERIMENT, DREAM4_OWN_FLAGS, DREAM4_USAGE, runDream4} from "./dream4-command.js";
import {runPlanCommand} from "./plan-command.js";
import {anmSummaryTable, ANM_EXPERIMENTS, ANM_USAGE, buildAnmConfig} from "./anm-experiment.js";
import {runViolationCommand, VIOLATION_EXPERIMENT, VIOLATION_OWN_FLAGS, VIOLATION_USAGE} from "./violation-command.js";

const CORES = availableParallelism();

const USAGE = `usage: npm run experiment -- <main|ratio|convergence|${ANM_EXPERIMENTS.join("|")}|${VIOLATION_EXPERIMENT}> [options]
       npm run experiment -- merge OUT.arrow SHARD.arrow... [--json] [--quiet]
       (or, after npm ci, npx jel <command> [options])

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
  --seed S         first seed (default 0); run r uses seed + r, so runs of seed 7 and seed 8
                   share all but one SCM: give disjoint ranges for independent replications
  --workers W      worker threads (default and at most ${CORES}, this machine's cores); results do not depend on it
  --kernel NAME    moment kernel: best (default), wasm-simd or typescript
  --degree D       degree of the polynomial regressions (default 3)
  --folds F        CV folds (default 3)
  --alphas GRID    paper (1e-8..1e-1, default) or wide (1e-8..1e4)
  --methods LIST   subset of: ${METHOD_IDS.join(", ")}
  --json           print one JSON summary on stdout (progress and table go to stderr)
  --out FILE       also write per-run results to FILE (.arrow or .csv), atomically
  --quiet          no progress lines
  --force          run even when the size estimate says it does not fit in this machine's memory
  --shard i/n      run only shard i of n of the task list (balanced by estimated cost) and write a
                   partial Arrow file (--out FILE.arrow) for merge; every command takes it
  --dry-run        print the task count and the estimated CPU time and memory of each shard
                   (of --shard's n, else 1), run nothing

Sharded runs (any machine, any batch system; see scripts/slurm/):
  npm run experiment -- main --runs 100 --shard 3/8 --out part-3.arrow
  npm run experiment -- merge results.arrow part-*.arrow
merge checks that every shard has the same config hash and code version and that every task
appears exactly once, then writes the file the unsharded run's --out would (byte for byte).

Before running, every command estimates memory and CPU time from the sizes and refuses a run
that cannot fit in memory (the message gives the estimate). A run stops, writing nothing, when
the process that launched it ends.

${ANM_USAGE}
${VIOLATION_USAGE}
${DREAM4_USAGE}
${EXAMPLE_USAGE}
How to spend a budget (npm run experiment -- plan --help for its flags):
  plan --k 5 --n-total 6e4 --cost 5   error vs the share of N_tot cost units spent on single-
                   intervention rows (each costing --cost observational rows), best split, flat range
The own-data estimator has its own command (npm run estimate -- --help):
${ESTIMATE_USAGE.split("\n")[0]}
`;


/** The share of this machine's memory a run may plan to use. */
const MEMORY_SHARE = 0.8;

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** true when the run must stop and write nothing (its launcher died) */
  stopped(): boolean;
}

/** Thrown when a run is stopped: nothing is written. */
export class StoppedError extends Error {}

/** Exit status of a run stopped because its launcher ended (as for SIGHUP). */
export const STOPPED_EXIT = 129;

/**
 * The command line as a function: runs argv, writes one error line for a failure, and returns
 * the exit status: 0 done, 1 failed (including an output written to a recovery file instead),
 * 2 bad usage (nothing run, nothing written), 129 stopped.
 */
export async function cliMain(argv: string[], io: CliIo): Promise<number> {
  try {
    return await runCli(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`error: ${e.message} (see --help)\n`);
      return 2;
    }
    if (e instanceof StoppedError) {
      io.stderr(`error: ${e.message}\n`);
      return STOPPED_EXIT;
    }
    io.stderr(`error: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}

/** Runs the command line; returns the exit status. Usage errors are thrown as UsageError. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === "estimate") return runEstimate(argv.slice(1), io);
  if (argv[0] === "example") return runExample(argv.slice(1), io);
  if (argv[0] === "merge") return runMerge(argv.slice(1), io);
  if (argv[0] === "plan") return runPlanCommand(argv.slice(1), io);
  const {experiment, values} = parseCli(argv);
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (experiment === DREAM4_EXPERIMENT) return runDream4(values, io);
  if (experiment === VIOLATION_EXPERIMENT) return runViolationCommand(values, io);
  const known = [...EXPERIMENTS, ...ANM_EXPERIMENTS, DREAM4_EXPERIMENT, VIOLATION_EXPERIMENT, "merge", "estimate", "example", "plan"].join(", ");
  if (isAnmExperiment(experiment)) return runCommand(buildAnmConfig(experiment, values), experiment === "anm-cross" ? bestKernel() : typescriptKernel, values, io);
  if (!EXPERIMENTS.includes(experiment as ExperimentName))
    throw new UsageError(experiment ? `unknown experiment "${experiment}" (known: ${known})` : `missing experiment name (known: ${known})`);
  for (const k of ["mechanism", "c", "bootstrap", "test-points", "points", "dgps", ...DREAM4_OWN_FLAGS, ...VIOLATION_OWN_FLAGS]) if (values[k] !== undefined) throw new UsageError(`--${k} does not apply to ${experiment}`);
  const config = buildConfig(experiment as ExperimentName, values);
  const kernelName = values.kernel ?? "best";
  if (kernelName !== "best" && kernelName !== "wasm-simd" && kernelName !== "typescript") throw new UsageError(`--kernel expects best, wasm-simd or typescript, got "${kernelName}"`);
  let kernel;
  try {
    kernel = kernelByName(kernelName);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return runCommand(config, kernel, values, io);
}

/** The config an experiment command line would run (parsed and validated, nothing run): for tests and scripts. */
export function configOf(argv: string[]): AnyConfig {
  const {experiment, values} = parseCli(argv);
  if (isAnmExperiment(experiment)) return buildAnmConfig(experiment, values);
  if (!EXPERIMENTS.includes(experiment as ExperimentName)) throw new UsageError(`unknown experiment "${experiment}"`);
  return buildConfig(experiment as ExperimentName, values);
}

/** Runs any experiment command's config (whole, or one shard), prints the summary, writes --out. */
async function runCommand(config: AnyConfig, kernel: MomentKernel, values: FlagValues, io: CliIo): Promise<number> {
  let shard: Shard | undefined;
  let ids: number[];
  const costs = taskCosts(config);
  try {
    shard = values.shard === undefined ? undefined : parseShard(String(values.shard));
    ids = shard ? assignShards(costs.map((c) => c.cpuSeconds), shard.count)[shard.index - 1] : costs.map((_, i) => i);
  } catch (e) {
    if (e instanceof ShardError) throw new UsageError(e.message);
    throw e;
  }
  const asked = intFlag(values, "workers", CORES, 1);
  if (values["dry-run"]) {
    if (values.out !== undefined || values.json) throw new UsageError("--dry-run runs nothing: leave out --out and --json");
    io.stdout(dryRunReport(config, costs, shard?.count ?? 1, Math.min(asked, CORES)));
    return 0;
  }
  const out = outputTarget(values);
  if (shard && out?.kind !== "arrow") throw new UsageError(`--shard ${shard.index}/${shard.count} writes a partial results file for merge: give --out FILE.arrow`);
  if (shard && values.json) throw new UsageError("--json does not apply to one shard: merge the shards (merge --json prints the summary)");
  const mine = totalCost(ids.map((id) => costs[id]));
  const workers = Math.min(asked, CORES, ids.length);
  const log = (s: string) => values.quiet || io.stderr(s);
  if (asked > CORES) io.stderr(`note: --workers ${asked} is more than this machine's ${CORES} cores; using ${CORES}\n`);
  checkMemory(mine.taskMemoryBytes * workers, `${workers} worker${workers > 1 ? "s" : ""} × ${formatBytes(mine.taskMemoryBytes)} per task`, values);
  const upTo = mine.cpuSecondsMax > 1.5 * mine.cpuSeconds ? ` (up to ${formatSeconds(mine.cpuSecondsMax / workers)} if structure-aware finds every earlier action an ancestor)` : "";
  const of = shard ? ` (shard ${shard.index}/${shard.count} of ${costs.length})` : "";
  log(`estimate: ${ids.length} task${ids.length > 1 ? "s" : ""}${of}, about ${formatSeconds(mine.cpuSeconds / workers)} on ${workers} worker${workers > 1 ? "s" : ""}${upTo}, up to ${formatBytes(mine.taskMemoryBytes)} per worker\n`);

  const started = Date.now();
  const perTask = await runTasks(
    config,
    ids,
    kernel,
    workers,
    ({done, total, elapsedMs}) => log(`task ${done}/${total}  elapsed ${fmt(elapsedMs)}  ETA ${fmt((elapsedMs / done) * (total - done))}\n`),
    {onHeartbeat: (running, elapsedMs) => running.length && log(`  ${fmt(elapsedMs)}: ${running.map((r) => `task ${ids[r.index]} ${r.stage} (${fmt(Date.now() - r.startedMs)})`).join("; ")}\n`)},
  );
  if (io.stopped()) throw new StoppedError("the launching process ended; stopped without writing output");
  const engine = engineOf(config, kernel);
  const metadata = resultsMetadata(config, engine);
  if (shard) {
    const bytes = () => encodeResults("arrow", config, perTask.flat(), shardMetadata(metadata, shard, ids, perTask.map((r) => r.length), costs.length));
    const wrote = write(out!, bytes, io);
    log(`shard ${shard.index}/${shard.count}: ${ids.length} of ${costs.length} tasks done in ${fmt(Date.now() - started)} (${workers} worker${workers > 1 ? "s" : ""}, ${engine} kernel)${wrote}\n`);
    return wrote.startsWith("; could not") ? 1 : 0;
  }
  const rows = perTask.flat();
  printSummary(config, engine, rows, !!values.json, io);
  const wrote = out ? write(out, () => encodeResults(out.kind, config, rows, metadata), io) : "";
  log(`done in ${fmt(Date.now() - started)} (${workers} worker${workers > 1 ? "s" : ""}, ${engine} kernel)${wrote}\n`);
  return wrote.startsWith("; could not") ? 1 : 0;
}

/** The table (stdout, or stderr with --json) and the JSON summary of a whole run's rows. */
function printSummary(config: AnyConfig, engine: string, rows: AnyRow[], json: boolean, io: CliIo): void {
  let doc: unknown, table: string;
  if (isKekic(config)) {
    const points = summarizeByPoint(rows as ResultRow[]);
    table = formatTable(config.experiment, points);
    doc = {experiment: config.experiment, config, engine, points, ...(points.length === 1 ? {methods: points[0].methods} : {})};
  } else {
    const r = anmSummaryTable(config, rows as FlatRecord[]);
    table = r.table;
    doc = {experiment: config.experiment, config, summary: r.summary};
  }
  if (json) {
    io.stdout(JSON.stringify(doc) + "\n");
    io.stderr(table);
  } else io.stdout(table);
}

/** --dry-run: the plan of `count` shards from the cost model, one line per shard. */
function dryRunReport(config: AnyConfig, costs: TaskCost[], count: number, workers: number): string {
  let shards: number[][];
  try {
    shards = assignShards(costs.map((c) => c.cpuSeconds), count);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const all = totalCost(costs);
  const lines = [`${config.experiment}: ${costs.length} task${costs.length > 1 ? "s" : ""}, about ${(all.cpuSeconds / 3600).toPrecision(3)} CPU-hours (${formatSeconds(all.cpuSeconds)} on one core), largest task ${formatBytes(all.taskMemoryBytes)}; estimated from the sizes (src/experiments/cost-model.ts)`];
  const head = ["shard", "tasks", "CPU time", `wall on ${workers} worker${workers > 1 ? "s" : ""}`, "memory per worker", `memory on ${workers}`];
  const rows = shards.map((ids, i) => {
    const c = totalCost(ids.map((id) => costs[id]));
    const w = Math.min(workers, ids.length);
    return [`${i + 1}/${count}`, String(ids.length), formatSeconds(c.cpuSeconds), formatSeconds(Math.max(c.cpuSeconds / w, ...ids.map((id) => costs[id].cpuSeconds))), formatBytes(c.taskMemoryBytes), formatBytes(c.taskMemoryBytes * w)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ") + "\n";
  return lines.join("\n") + "\n" + line(head) + rows.map(line).join("");
}

/** `merge OUT.arrow SHARD...`: checks the shards, writes the whole run's file, prints its summary. */
async function runMerge(argv: string[], io: CliIo): Promise<number> {
  const args = parseMergeArgs(argv);
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (!args.out) throw new UsageError("merge: missing output file (merge OUT.arrow SHARD.arrow...)");
  if (!args.out.toLowerCase().endsWith(".arrow")) throw new UsageError(`merge writes an Arrow file: OUT must end in .arrow, got "${args.out}"`);
  if (args.shards.length === 0) throw new UsageError("merge: no shard files given (merge OUT.arrow SHARD.arrow...)");
  const seen = new Set<string>();
  for (const s of args.shards) {
    if (seen.has(s)) throw new UsageError(`merge: ${s} given twice`);
    seen.add(s);
  }
  const out = outputTarget({out: args.out});
  const files = args.shards.map((label) => {
    try {
      return {label, bytes: new Uint8Array(readFileSync(label))};
    } catch (e) {
      throw new UsageError(`merge: cannot read ${label} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  });
  let merged;
  try {
    merged = mergeShards(files);
  } catch (e) {
    // shard problems and the Arrow readers' one-line errors (plain Error); anything else is a bug: its stack is printed
    if (e instanceof ShardError || (e instanceof Error && e.constructor === Error)) throw new UsageError(`merge: ${e.message}`);
    throw e;
  }
  const {config, metadata, rows} = merged;
  printSummary(config, metadata.engine, rows, args.json, io);
  const wrote = write(out!, () => encodeResults("arrow", config, rows, metadata), io);
  if (!args.quiet) io.stderr(`merged ${files.length} shard${files.length > 1 ? "s" : ""} (${rows.length} rows, code ${metadata.code_version})${wrote}\n`);
  return wrote.startsWith("; could not") ? 1 : 0;
}

function outputTarget(values: FlagValues): OutputTarget | undefined {
  if (values.out === undefined) return undefined;
  try {
    return checkOutputPath(String(values.out));
  } catch (e) {
    if (e instanceof OutputPathError) throw new UsageError(e.message);
    throw e;
  }
}

/** Writes the output unless the run was stopped; a failed write keeps the bytes in a recovery file and says where. */
function write(out: OutputTarget, bytes: () => string | Uint8Array, io: CliIo): string {
  if (io.stopped()) throw new StoppedError("the launching process ended; stopped without writing output");
  const r = writeOrRecover(out, bytes());
  if ("written" in r) return `; wrote ${r.written}${r.written !== out.requested ? ` (through the symbolic link ${out.requested})` : ""}`;
  io.stderr(`error: could not write ${out.path} (${r.reason}); the results are saved in ${r.recovered}\n`);
  return `; could not write ${out.path}, results saved in ${r.recovered}`;
}

function checkMemory(bytes: number, detail: string, values: FlagValues): void {
  const limit = MEMORY_SHARE * totalmem();
  if (bytes > limit && !values.force)
    throw new UsageError(`this run needs about ${formatBytes(bytes)} of memory (${detail}) but this machine has ${formatBytes(totalmem())}; reduce --k, --n, --degree or --workers, or pass --force to try anyway`);
}

function buildConfig(experiment: ExperimentName, values: FlagValues): ExperimentConfig {
  const paper = PAPER_CONFIGS[experiment];
  if (experiment === "main" && values["n-total"] !== undefined) throw new UsageError("main takes --n (rows per dataset), not --n-total");
  if (experiment !== "main" && values.n !== undefined) throw new UsageError(`${experiment} takes --n-total (N_tot), not --n`);
  if (experiment !== "ratio" && values.ratios !== undefined) throw new UsageError(`--ratios applies to the ratio experiment only`);
  const alphaGrid = values.alphas ?? "paper";
  if (alphaGrid !== "paper" && alphaGrid !== "wide") throw new UsageError(`--alphas expects "paper" or "wide", got "${alphaGrid}"`);
  const runs = intFlag(values, "runs", paper.runs, 1);
  const config: ExperimentConfig = {
    ...paper,
    K: listFlag(values, "k", paper.K, {integer: true, min: 1}),
    n: listFlag(values, experiment === "main" ? "n" : "n-total", paper.n, {integer: true, min: 1}),
    ratios: experiment === "ratio" ? listFlag(values, "ratios", paper.ratios, {integer: false, min: 0, exclusive: true}) : [],
    runs,
    seed: intFlag(values, "seed", paper.seed, 0, Number.MAX_SAFE_INTEGER - (runs - 1)),
    degree: intFlag(values, "degree", paper.degree, 1),
    folds: intFlag(values, "folds", paper.folds, 2),
    alphaGrid,
    methods: nameListFlag<MethodId>(values, "methods", paper.methods, METHOD_IDS),
  };
  try {
    validateConfig(config);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return config;
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
