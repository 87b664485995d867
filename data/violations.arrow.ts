// The violation lab's bias curves and check powers (page /assumptions): every violation kind,
// lambda in {0, 0.25, 0.5, 1}, K = 3, n = 4000 rows per dataset (JEL_SCALE=paper: n = 10^4).
// Per kind, 100 SCMs per point come from results/ when a committed file holds exactly that
// config (made by `npm run experiment -- violation --kind KIND --lambda 0,0.25,0.5,1 --k 3
// --n 4000 --runs 100 --seed 0 --out results/violation-KIND-k3.arrow`, about 30 s of CPU per
// kind); otherwise the build computes 20 SCMs per point (about 50 s of CPU for all kinds) and the
// page says so. One row per (kind, lambda, run, method) with the run's check p-values; config,
// seeds, scale, sources and code version are in the Arrow schema metadata.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {recordsFromArrow, recordsToArrow, type FlatRecord} from "../src/io/record-table.js";
import {LIBRARY_VERSION} from "../src/io/experiment-metadata.js";
import {codeVersion} from "../src/node/code-version.js";
import {canonicalJson} from "../src/node/results-file.js";
import {resultsDir} from "../src/node/stored-results.js";
import {ALL_VIOLATION_KIND_IDS} from "../src/violations/violation-kinds.js";
import {runViolationTask, validateViolationConfig, violationTasks, type ViolationConfig} from "../src/violations/violation-sweep.js";
import {buildScale} from "./build-scale.js";

const scale = buildScale();
const n = scale === "paper" ? 10_000 : 4000;
const common = {experiment: "violation" as const, lambda: [0, 0.25, 0.5, 1], K: [3], n, seed: 0};
const FULL_RUNS = 100;
const BUILD_RUNS = scale === "paper" ? FULL_RUNS : 20;

/** The committed results file of exactly `config`, if any (any code version; prebuild warns on stale ones). */
function stored(config: ViolationConfig): {path: string; rows: FlatRecord[]; code_version: string} | undefined {
  const dir = resultsDir();
  if (!existsSync(dir)) return undefined;
  const wanted = canonicalJson(config);
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".arrow")).sort()) {
    const {rows, metadata} = recordsFromArrow(readFileSync(join(dir, file)), join(dir, file));
    if (metadata.experiment !== "violation" || metadata.config === undefined) continue;
    if (canonicalJson(JSON.parse(metadata.config)) === wanted) return {path: `results/${file}`, rows, code_version: metadata.code_version ?? "unknown"};
  }
  return undefined;
}

const rows: FlatRecord[] = [];
const sources: {kind: string; runs: number; source: string; code_version: string}[] = [];
const started = Date.now();
let last = started;
for (const kind of ALL_VIOLATION_KIND_IDS) {
  const full: ViolationConfig = {...common, kind, runs: FULL_RUNS};
  validateViolationConfig(full);
  const hit = stored(full);
  if (hit) {
    process.stderr.write(`violations: ${kind}: using ${hit.path} (code ${hit.code_version})\n`);
    rows.push(...hit.rows);
    sources.push({kind, runs: FULL_RUNS, source: hit.path, code_version: hit.code_version});
    continue;
  }
  const config: ViolationConfig = {...full, runs: BUILD_RUNS};
  const tasks = violationTasks(config);
  tasks.forEach((task, i) => {
    // every kind's rows share one schema: checks a kind does not run are absent (-1 = not run)
    for (const row of runViolationTask(config, task)) rows.push({...(row as unknown as FlatRecord)});
    if (Date.now() - last > 10_000 || i === tasks.length - 1) {
      last = Date.now();
      process.stderr.write(`violations: ${kind}: task ${i + 1}/${tasks.length} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  });
  sources.push({kind, runs: BUILD_RUNS, source: "computed at build", code_version: codeVersion()});
}
const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
for (const r of rows) for (const c of columns) if (!(c in r)) r[c] = -1;
const runs = [...new Set(sources.map((s) => s.runs))];
process.stdout.write(
  recordsToArrow(rows, {
    experiment: "violation",
    config: JSON.stringify({...common, runs: Math.min(...runs), kinds: ALL_VIOLATION_KIND_IDS}),
    seed: String(common.seed),
    seeds: `${common.seed}..${common.seed + Math.max(...runs) - 1}`,
    scale: scale === "paper" ? "paper" : "build",
    runs_per_point: runs.join(" / "),
    code_version: codeVersion(),
    generator: LIBRARY_VERSION,
    sources: JSON.stringify(sources),
  }),
);
