import {recordsToArrow, recordsToCsv, type FlatRecord} from "../io/record-table.js";
import {LIBRARY_VERSION} from "../io/experiment-metadata.js";
import {codeVersion} from "../node/code-version.js";
import {checkOutputPath, OutputPathError, writeOrRecover} from "../node/output-file.js";
import {ALL_VIOLATION_KIND_IDS, isAnmKind, type AnyViolationKind} from "../violations/violation-kinds.js";
import {checksFor} from "../violations/violation-run.js";
import {runViolationTask, summarizeViolation, taskSeconds, validateViolationConfig, VIOLATION_DEFAULTS, violationTasks, type ViolationConfig, type ViolationRow} from "../violations/violation-sweep.js";
import {intFlag, listFlag, UsageError, type FlagValues} from "./args.js";

export const VIOLATION_EXPERIMENT = "violation";
/** The flags only `violation` takes: every other command rejects them. */
export const VIOLATION_OWN_FLAGS = ["kind", "lambda"] as const;
const ALLOWED = ["kind", "lambda", "k", "n", "runs", "seed", "json", "out", "quiet", "help"];

export const VIOLATION_USAGE = `The violation lab (issue 13; page /assumptions): every method scored against the exact
E[Y | do(a)] of SCMs that break one assumption with strength lambda (lambda = 0 is the paper's model):
  violation        --kind ${ALL_VIOLATION_KIND_IDS.join("|")} (required)
  (anm-noise, anm-dag, anm-reversed: Saengkyongam & Silva's nonlinear K = 3 ANM; K is 3)
options for violation: --lambda LIST (default 0,0.25,0.5,1; narrow and the ANM kinds: at most 1), --k LIST (default 3,5),
  --n N rows per dataset (default 1e4), --runs R SCMs per point (default 100), --seed S (run r uses
  seed + r at every point), --json, --out FILE (.arrow or .csv; one row per K, lambda, run, method,
  with the run's check p-values), --quiet. Runs in this process, one task after another: --workers,
  --shard and --dry-run are not supported (the estimate printed first says how long it takes).
  Powers of the checks are calibrated at lambda = 0 (5% false alarms) when 0 is in --lambda.
`;

export interface ViolationIo {
  stdout(s: string): void;
  stderr(s: string): void;
  stopped(): boolean;
}

/** Validates every flag before any work; usage errors are one line naming the flag. */
export function buildViolationConfig(values: FlagValues): ViolationConfig {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || ALLOWED.includes(k)) continue;
    if (k === "shard" || k === "workers" || k === "dry-run") throw new UsageError(`--${k} is not supported by violation (it runs in this process, one task after another)`);
    throw new UsageError(`--${k} does not apply to violation (it takes ${ALLOWED.filter((a) => a !== "help").map((a) => `--${a}`).join(", ")})`);
  }
  const rawKind = values.kind;
  if (rawKind === undefined) throw new UsageError(`violation needs --kind (one of ${ALL_VIOLATION_KIND_IDS.join(", ")})`);
  if (typeof rawKind !== "string" || !ALL_VIOLATION_KIND_IDS.includes(rawKind as AnyViolationKind)) throw new UsageError(`--kind expects one of ${ALL_VIOLATION_KIND_IDS.join(", ")}; got "${String(rawKind)}"`);
  const kind = rawKind as AnyViolationKind;
  const d = VIOLATION_DEFAULTS;
  const nList = listFlag(values, "n", [d.n], {integer: true, min: 200, max: 10_000_000});
  if (nList.length !== 1) throw new UsageError(`--n takes one value for violation, got ${nList.length}`);
  const runs = intFlag(values, "runs", d.runs, 1, 100_000);
  const config: ViolationConfig = {
    experiment: "violation",
    kind,
    lambda: listFlag(values, "lambda", d.lambda, {integer: false, min: 0, max: kind === "narrow" || isAnmKind(kind) ? 1 : 100}),
    K: listFlag(values, "k", isAnmKind(kind) ? [3] : d.K, {integer: true, min: 2, max: 12}),
    n: nList[0],
    runs,
    seed: intFlag(values, "seed", d.seed, 0, 2 ** 31 - 1 - runs),
  };
  try {
    validateViolationConfig(config);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return config;
}

export async function runViolationCommand(values: FlagValues, io: ViolationIo): Promise<number> {
  const config = buildViolationConfig(values);
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
  const tasks = violationTasks(config);
  const seconds = tasks.reduce((s, t) => s + taskSeconds(t.K, config.n), 0);
  log(`estimate: ${tasks.length} task${tasks.length > 1 ? "s" : ""}, about ${seconds < 120 ? `${seconds.toFixed(0)} s` : `${(seconds / 60).toFixed(1)} min`} on one core\n`);
  const started = Date.now();
  let lastLog = started;
  const rows: ViolationRow[] = [];
  for (let i = 0; i < tasks.length; i++) {
    if (io.stopped()) {
      io.stderr("error: the launching process ended; stopped without writing output\n");
      return 129;
    }
    rows.push(...runViolationTask(config, tasks[i]));
    const now = Date.now();
    if (now - lastLog > 10_000 || i === tasks.length - 1) {
      lastLog = now;
      log(`task ${i + 1}/${tasks.length} (K = ${tasks[i].K}, lambda = ${tasks[i].lambda}, run ${tasks[i].run})  elapsed ${((now - started) / 1000).toFixed(0)} s\n`);
    }
  }
  const summary = summarizeViolation(rows);
  const table = formatSummary(summary);
  if (values.json) {
    io.stdout(JSON.stringify({experiment: VIOLATION_EXPERIMENT, config, points: summary}) + "\n");
    if (!values.quiet) io.stderr(table);
  } else io.stdout(table);
  let status = 0;
  if (out) {
    const metadata = {experiment: VIOLATION_EXPERIMENT, config: JSON.stringify(config), seed: String(config.seed), seeds: `${config.seed}..${config.seed + config.runs - 1}`, code_version: codeVersion(), generator: LIBRARY_VERSION, checks: checksFor(config.kind).join(",")};
    const recs = rows as unknown as FlatRecord[];
    const r = writeOrRecover(out, out.kind === "arrow" ? recordsToArrow(recs, metadata) : recordsToCsv(recs));
    if ("written" in r) log(`wrote ${r.written}\n`);
    else {
      io.stderr(`error: could not write ${out.path} (${r.reason}); the results are saved in ${r.recovered}\n`);
      status = 1;
    }
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return status;
}

function formatSummary(points: ReturnType<typeof summarizeViolation>): string {
  const head = ["K", "lambda", "method", "RMSE / s", "bias / s"];
  const rows = points.flatMap((p) => p.methods.map((m) => [String(p.K), String(p.lambda), m.method, `${m.relRmse.mean.toFixed(4)} ± ${m.relRmse.sem.toFixed(4)}`, `${m.relBias.mean.toFixed(4)} ± ${m.relBias.sem.toFixed(4)}`]));
  const checkHead = ["K", "lambda", "check", "power", "threshold"];
  const checkRows = points.flatMap((p) => p.checks.map((c) => [String(p.K), String(p.lambda), c.check, `${c.power.toFixed(2)} ± ${c.se.toFixed(2)}`, `${c.threshold.toPrecision(3)}${c.calibrated ? " (calibrated at lambda = 0)" : " (nominal)"}`]));
  return table(head, rows) + "\n" + table(checkHead, checkRows);
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ") + "\n";
  return line(head) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("");
}
