// The violation lab's bias curves and check powers (page /assumptions): every violation kind,
// lambda in {0, 0.25, 0.5, 1}, K = 3. Default build: n = 4000 rows per dataset and 20 SCMs per
// point (about 50 s of CPU on one core); JEL_SCALE=paper: n = 10^4 and 100 SCMs per point.
// One row per (kind, lambda, run, method) with the run's check p-values; the config, seeds,
// scale and code version are in the Arrow schema metadata.
import {recordsToArrow, type FlatRecord} from "../src/io/record-table.js";
import {LIBRARY_VERSION} from "../src/io/experiment-metadata.js";
import {codeVersion} from "../src/node/code-version.js";
import {ALL_VIOLATION_KIND_IDS} from "../src/violations/violation-kinds.js";
import {runViolationTask, validateViolationConfig, violationTasks, type ViolationConfig} from "../src/violations/violation-sweep.js";
import {buildScale} from "./build-scale.js";

const scale = buildScale();
const common = {experiment: "violation" as const, lambda: [0, 0.25, 0.5, 1], K: [3], n: scale === "paper" ? 10_000 : 4000, runs: scale === "paper" ? 100 : 20, seed: 0};
const configs: ViolationConfig[] = ALL_VIOLATION_KIND_IDS.map((kind) => ({...common, kind}));
configs.forEach(validateViolationConfig);
const rows: FlatRecord[] = [];
const started = Date.now();
let last = started;
const total = configs.reduce((s, c) => s + violationTasks(c).length, 0);
let done = 0;
for (const config of configs)
  for (const task of violationTasks(config)) {
    for (const row of runViolationTask(config, task)) {
      // every kind's rows share one schema: checks a kind does not run are absent (-1 = not run)
      const record: FlatRecord = {};
      for (const [k, v] of Object.entries(row)) record[k] = v as number | string;
      rows.push(record);
    }
    done++;
    if (Date.now() - last > 10_000 || done === total) {
      last = Date.now();
      process.stderr.write(`violations: task ${done}/${total} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  }
const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
for (const r of rows) for (const c of columns) if (!(c in r)) r[c] = -1;
process.stdout.write(
  recordsToArrow(rows, {
    experiment: "violation",
    config: JSON.stringify({...common, kinds: ALL_VIOLATION_KIND_IDS}),
    seed: String(common.seed),
    seeds: `${common.seed}..${common.seed + common.runs - 1}`,
    scale: scale === "paper" ? "paper" : "reduced",
    code_version: codeVersion(),
    generator: LIBRARY_VERSION,
    source: "computed at build",
  }),
);
