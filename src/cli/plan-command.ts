import {totalmem} from "node:os";
import {parseArgs} from "node:util";
import {methodLabel} from "../estimators/methods.js";
import {calibrated, experimentTaskCost, formatBytes, formatSeconds, totalCost} from "../experiments/cost-model.js";
import {sweepPoints} from "../experiments/experiments.js";
import {planMetadata} from "../io/plan-metadata.js";
import {recordsToArrow, recordsToCsv} from "../io/record-table.js";
import {codeVersion} from "../node/code-version.js";
import {checkOutputPath, OutputPathError, writeOrRecover} from "../node/output-file.js";
import {
  DEFAULT_PLAN_METHODS,
  DEFAULT_SPLITS,
  defaultToplineN,
  PLAN_METHODS,
  planTasks,
  runPlanTask,
  splitExperiment,
  summarizePlan,
  TOPLINE_FRACTIONS,
  toplineExperiment,
  validatePlanConfig,
  type BudgetPlanConfig,
  type PlanRow,
  type PlanSummary,
} from "../planning/budget-plan.js";
import type {ToplineEquivalent} from "../planning/topline-equivalent.js";
import {kernelByName} from "../regression/moment-kernel.js";
import {intFlag, listFlag, nameListFlag, rejectRepeatedFlags, UsageError, type FlagValues} from "./args.js";

export const PLAN_USAGE = `usage: npm run experiment -- plan --k K --n-total N_TOT --cost RHO [options]

How to spend an experiment budget (src/planning/budget-plan.ts): N_TOT cost units, an
observational row costs 1 and a single-intervention row RHO. Each split s (the fraction of the
budget spent on single-intervention rows) buys floor(s N_TOT / (K RHO)) rows of each of the K
single-intervention regimes and observational rows with the rest; each split is one point of
the ratio experiment (Fig. 2b / B), run on the same R seeded SCMs (run r uses seed + r). Prints
the error (RMSE against the exact E[Y | do(a)], mean ± SE over SCMs) per split and method, the
best split, the splits within one SE and within 5% of it, and the joint rows the topline needs
for the best error (the convergence experiment's topline at a few N, interpolated log-log).

options:
  --k K            number of actions (1 to 10; required)
  --n-total N      the budget in cost units (required; 6e4 notation accepted)
  --cost RHO       cost of a single-intervention row relative to an observational row (required, > 0)
  --splits LIST    fractions of the budget on single-intervention rows, each in (0, 1)
                   (default ${DEFAULT_SPLITS.join(",")})
  --runs R         random SCMs (default 30, at least 2)
  --seed S         first seed (default 0)
  --methods LIST   subset of: ${PLAN_METHODS.join(", ")}
                   (default ${DEFAULT_PLAN_METHODS.join(",")})
  --topline-n LIST joint rows at which the topline is measured (default N_tot × ${TOPLINE_FRACTIONS.map((f) => (f === 1 ? "1" : `1/${Math.round(1 / f)}`)).join(", ")},
                   those the convergence experiment can split)
  --kernel NAME    moment kernel: best (default), wasm-simd or typescript
  --json           print the summary as JSON on stdout (the table goes to stderr)
  --out FILE       also write per-run rows to FILE (.arrow or .csv), atomically
  --quiet          no progress lines
`;

const OPTIONS = {
  k: {type: "string"},
  "n-total": {type: "string"},
  cost: {type: "string"},
  splits: {type: "string"},
  runs: {type: "string"},
  seed: {type: "string"},
  methods: {type: "string"},
  "topline-n": {type: "string"},
  kernel: {type: "string"},
  json: {type: "boolean"},
  out: {type: "string"},
  quiet: {type: "boolean"},
  help: {type: "boolean", short: "h"},
} as const;

export interface PlanIo {
  stdout(s: string): void;
  stderr(s: string): void;
  stopped(): boolean;
}

/** Parses `plan`'s flags strictly (unknown flags, a flag twice, a value that looks like a flag are usage errors). */
export function parsePlanArgs(argv: string[]): FlagValues {
  for (let i = 0; i < argv.length - 1; i++) {
    const name = argv[i].startsWith("--") ? argv[i].slice(2) : "";
    if ((OPTIONS as Record<string, {type: string}>)[name]?.type === "string" && argv[i + 1].startsWith("-"))
      throw new UsageError(`--${name} expects a value, got "${argv[i + 1]}" (write --${name}=${argv[i + 1]} if that is the value)`);
  }
  let parsed;
  try {
    parsed = parseArgs({args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true});
  } catch (e) {
    throw new UsageError(`plan: ${(e as Error).message.split(/\.( |$)|\n/)[0]}`);
  }
  rejectRepeatedFlags(parsed.tokens);
  if (parsed.positionals.length) throw new UsageError(`plan: unexpected argument "${parsed.positionals[0]}"`);
  return parsed.values as FlagValues;
}

function oneNumber(values: FlagValues, name: string, integer: boolean): number {
  if (values[name] === undefined) throw new UsageError(`plan needs --${name}`);
  const list = listFlag(values, name, [], {integer, min: 0, exclusive: true});
  if (list.length !== 1) throw new UsageError(`--${name} takes one value, got ${list.length} (${list.join(", ")})`);
  return list[0];
}

/** The plan a command line asks for (validated; nothing run). */
export function buildPlanConfig(values: FlagValues): BudgetPlanConfig {
  const K = oneNumber(values, "k", true);
  const nTotal = oneNumber(values, "n-total", false);
  const cost = oneNumber(values, "cost", false);
  const runs = intFlag(values, "runs", 30, 2);
  const splits = [...listFlag(values, "splits", DEFAULT_SPLITS, {integer: false, min: 0, exclusive: true, max: 1})].sort((a, b) => a - b);
  if (splits.includes(1)) throw new UsageError("--splits values must be < 1 (some budget must buy observational rows), got 1");
  let toplineN: number[];
  try {
    toplineN = values["topline-n"] === undefined ? defaultToplineN(K, nTotal) : [...listFlag(values, "topline-n", [], {integer: true, min: 1})].sort((a, b) => a - b);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError((e as Error).message);
  }
  const config: BudgetPlanConfig = {
    K,
    nTotal,
    cost,
    splits,
    runs,
    seed: intFlag(values, "seed", 0, 0, Number.MAX_SAFE_INTEGER - (runs - 1)),
    methods: nameListFlag(values, "methods", DEFAULT_PLAN_METHODS, PLAN_METHODS),
    toplineN,
  };
  try {
    validatePlanConfig(config);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return config;
}

/** `plan`: runs the planner, prints the table (and JSON), writes --out; returns the exit status. */
export async function runPlanCommand(argv: string[], io: PlanIo): Promise<number> {
  const values = parsePlanArgs(argv);
  if (values.help) {
    io.stdout(PLAN_USAGE);
    return 0;
  }
  const config = buildPlanConfig(values);
  const kernelName = values.kernel ?? "best";
  if (kernelName !== "best" && kernelName !== "wasm-simd" && kernelName !== "typescript") throw new UsageError(`--kernel expects best, wasm-simd or typescript, got "${kernelName}"`);
  let kernel;
  try {
    kernel = kernelByName(kernelName);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  let out;
  if (values.out !== undefined) {
    try {
      out = checkOutputPath(String(values.out));
    } catch (e) {
      if (e instanceof OutputPathError) throw new UsageError(e.message);
      throw e;
    }
  }
  const log = (s: string) => values.quiet || io.stderr(s);
  const tasks = planTasks(config);
  const perRun = [
    ...config.splits.map((s) => (e => calibrated("ratio", experimentTaskCost(e, sweepPoints(e)[0])))(splitExperiment(config, s))),
    ...config.toplineN.map((n) => (e => calibrated("convergence", experimentTaskCost(e, sweepPoints(e)[0])))(toplineExperiment(config, n))),
  ];
  const estimate = totalCost(perRun);
  if (estimate.taskMemoryBytes > 0.8 * totalmem()) throw new UsageError(`this plan needs about ${formatBytes(estimate.taskMemoryBytes)} of memory per task but this machine has ${formatBytes(totalmem())}; lower --n-total or --topline-n`);
  log(`estimate: ${tasks.length} tasks (${config.runs} SCMs × ${config.splits.length} splits + ${config.toplineN.length} topline sizes), about ${formatSeconds(estimate.cpuSeconds * config.runs)} in one thread, up to ${formatBytes(estimate.taskMemoryBytes)}\n`);
  const started = Date.now();
  let lastLog = started;
  const rows: PlanRow[] = [];
  for (let i = 0; i < tasks.length; i++) {
    if (io.stopped()) {
      io.stderr("error: the launching process ended; stopped without writing output\n");
      return 129;
    }
    rows.push(...runPlanTask(config, tasks[i], kernel));
    const now = Date.now();
    if (now - lastLog > 2000 || i === tasks.length - 1) {
      lastLog = now;
      const elapsed = now - started;
      const left = tasks.length - i - 1;
      log(`task ${i + 1}/${tasks.length}  elapsed ${formatSeconds(elapsed / 1000)}${left ? `  ETA ${formatSeconds(((elapsed / (i + 1)) * left) / 1000)}` : ""}\n`);
    }
  }
  if (io.stopped()) {
    io.stderr("error: the launching process ended; stopped without writing output\n");
    return 129;
  }
  const summary = summarizePlan(config, rows);
  const table = formatPlan(summary);
  if (values.json) {
    io.stdout(JSON.stringify({experiment: "plan", engine: kernel.name, ...summary}) + "\n");
    io.stderr(table);
  } else io.stdout(table);
  let status = 0;
  if (out) {
    const metadata = {...planMetadata(config, kernel.name), code_version: codeVersion()};
    const r = writeOrRecover(out, out.kind === "arrow" ? recordsToArrow(rows, metadata) : recordsToCsv(rows));
    if ("written" in r) log(`wrote ${r.written}\n`);
    else {
      io.stderr(`error: could not write ${out.path} (${r.reason}); the results are saved in ${r.recovered}\n`);
      status = 1;
    }
  }
  log(`done in ${formatSeconds((Date.now() - started) / 1000)} (${kernel.name} kernel)\n`);
  return status;
}

const span = (r: {from: number; to: number}) => (r.from === r.to ? `${r.from} only` : `${r.from} to ${r.to}`);
const sig = (v: number, digits = 3) => Number(v.toPrecision(digits)).toString();
const rowsText = (e: ToplineEquivalent | null) => (e ? `${e.method === "extrapolated" ? "about " : ""}${Math.round(e.rows).toLocaleString("en-US")}${e.method === "extrapolated" ? " (extrapolated beyond the measured N)" : ""}` : "none (the topline does not improve with N)");

/** The human-readable plan: the table of splits, each method's best split, flat range and topline-equivalent rows. */
export function formatPlan(s: PlanSummary): string {
  const c = s.config;
  const lines: string[] = [];
  lines.push(`budget N_tot = ${c.nTotal.toLocaleString("en-US")} cost units, K = ${c.K}, a single-intervention row costs ${c.cost} observational rows; ${s.runs} SCMs (seeds ${c.seed}..${c.seed + s.runs - 1})`);
  lines.push(`error: RMSE against the exact E[Y | do(a)] on the joint test split, mean ± SE over SCMs\n`);
  const head = ["split", "N_obs", "N_sint each", "spent", ...s.methods.map((m) => methodLabel(m.method))];
  const rows = c.splits.map((split, i) => {
    const p = s.methods[0].curve[i];
    return [String(split), String(p.nObs), String(p.nSingle), sig(p.spent, 6), ...s.methods.map((m) => `${m.curve[i].mean.toFixed(4)} ± ${m.curve[i].sem.toFixed(4)}${m.optimum.index === i ? " *" : "  "}`)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padStart(widths[i])).join("  ") + "\n";
  let text = lines.join("\n") + "\n" + line(head) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("") + "(* best split)\n\n";
  for (const m of s.methods) {
    const o = m.optimum;
    text += `${methodLabel(m.method)}: best split ${o.best.split}${o.atEdge ? " (the edge of the grid: the optimum may lie beyond it)" : ""} (RMSE ${o.best.mean.toFixed(4)} ± ${o.best.sem.toFixed(4)}); within one SE: ${span(o.withinSe)}; within 5%: ${span(o.within5Percent)}\n`;
    const {fewer, more} = m.toplineEquivalentRange;
    const range = fewer && more ? ` (${rowsText(fewer)} to ${rowsText(more)} for its error ± SE)` : "";
    text += `  the topline needs ${rowsText(m.toplineEquivalent)} joint rows for the same error${range}\n`;
  }
  text += `topline (convergence experiment, ${s.runs} SCMs): ${s.topline.map((t) => `N = ${t.n.toLocaleString("en-US")}: ${t.error.toFixed(4)} ± ${t.sem.toFixed(4)}`).join("; ")}; error ≈ ${sig(s.toplineLaw.coefficient)} N^${sig(s.toplineLaw.exponent)}\n`;
  text += `best overall: ${methodLabel(s.best.method)} at split ${s.best.split}\n`;
  return text;
}
