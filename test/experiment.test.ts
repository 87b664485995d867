import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync, readdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {tableFromIPC} from "apache-arrow";
import {MAIN_DEFAULTS, runMainExperiment, runMainRun, splitSizes, validateMainConfig} from "../src/experiments/main-experiment.js";
import {summarizeByMethod} from "../src/experiments/summary.js";
import {experimentMetadata, MAIN_EXPERIMENT_REFERENCE} from "../src/io/experiment-metadata.js";
import {metadataOf, resultsToArrow, resultsToCsv} from "../src/io/results-table.js";
import {METHOD_IDS} from "../src/estimators/methods.js";

const small = {...MAIN_DEFAULTS, K: 3, n: 600, runs: 3, seed: 7};

test("same seed, byte-identical Arrow; another seed, different bytes", () => {
  const meta = experimentMetadata("main", small, MAIN_EXPERIMENT_REFERENCE);
  const a = resultsToArrow(runMainExperiment(small), meta);
  const b = resultsToArrow(runMainExperiment(small), meta);
  assert.deepEqual(a, b);
  const c = resultsToArrow(runMainExperiment({...small, seed: 8}), experimentMetadata("main", {...small, seed: 8}, MAIN_EXPERIMENT_REFERENCE));
  assert.notDeepEqual(a, c);
  const table = tableFromIPC(a);
  assert.equal(table.numRows, 3 * METHOD_IDS.length);
  assert.deepEqual(table.schema.fields.map((f) => f.name), ["run", "seed", "method", "rmse", "rmse_truth", "alphas"]);
  const m = metadataOf(a);
  assert.equal(m.experiment, "main");
  assert.equal(m.seed, "7");
  assert.deepEqual(JSON.parse(m.config), JSON.parse(JSON.stringify(small)));
});

test("run r depends only on seed + r: run 1 of seed 7 is run 0 of seed 8", () => {
  const a = runMainRun(small, 1);
  const b = runMainRun({...small, seed: 8}, 0);
  assert.deepEqual(a.map(({run, ...rest}) => rest), b.map(({run, ...rest}) => rest));
});

test("results and summary: every method scored against noisy Y and the exact effect", () => {
  const results = runMainExperiment({...small, n: 3000, runs: 4});
  const summary = summarizeByMethod(results);
  assert.deepEqual(Object.keys(summary), METHOD_IDS);
  for (const s of Object.values(summary)) {
    assert.ok(s.rmse.mean > 0 && Number.isFinite(s.rmse.sem));
    // the noisy target adds Var(U) = 0.01 plus confounder variation, so it is never below the truth RMSE here
    assert.ok(s.rmse.mean > s.rmse_truth.mean);
  }
  assert.ok(summary["joint-topline"].rmse_truth.mean < summary["observational"].rmse_truth.mean);
  const csv = resultsToCsv(results).trim().split("\n");
  assert.equal(csv.length, results.length + 1);
  assert.match(csv[1], /^0,7,intervention-generalization,[0-9.e-]+,[0-9.e-]+,"[0-9.e,-]+"$/);
});

test("configurations that cannot run are rejected with a reason", () => {
  assert.deepEqual(splitSizes(10, 0.2), {nTrain: 8, nTest: 2});
  assert.deepEqual(splitSizes(11, 0.2), {nTrain: 8, nTest: 3});
  assert.throws(() => validateMainConfig({...small, n: 3}), /too small to split/);
  assert.throws(() => validateMainConfig({...small, K: 0}), /K must be an integer >= 1/);
  assert.throws(() => validateMainConfig({...small, runs: 0}), /runs must be/);
  assert.throws(() => validateMainConfig({...small, methods: ["nope" as never]}), /unknown method "nope"/);
});

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/experiment.ts", ...args], {encoding: "utf8"});
  return {status: r.status, stdout: r.stdout, stderr: r.stderr};
}

test("CLI: --json prints one JSON document with mean and SEM of both RMSEs per method", () => {
  const dir = mkdtempSync(join(tmpdir(), "jel-"));
  const out = join(dir, "r.arrow");
  const r = cli(["main", "--k", "2", "--n", "500", "--runs", "2", "--seed", "3", "--json", "--out", out]);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.experiment, "main");
  assert.equal(doc.config.K, 2);
  assert.equal(doc.config.seed, 3);
  assert.deepEqual(Object.keys(doc.methods), METHOD_IDS);
  for (const s of Object.values(doc.methods) as {rmse: {mean: number; sem: number}; rmse_truth: {mean: number; sem: number}}[]) {
    assert.equal(typeof s.rmse.mean, "number");
    assert.equal(typeof s.rmse_truth.sem, "number");
  }
  assert.match(r.stderr, /run 2\/2 .*ETA/);
  assert.equal(tableFromIPC(readFileSync(out)).numRows, 2 * METHOD_IDS.length);
  // the file equals the library's output for the same configuration
  assert.equal(metadataOf(readFileSync(out)).seed, "3");
});

test("CLI: bad flags exit non-zero with one line naming the problem, and write nothing", () => {
  const dir = mkdtempSync(join(tmpdir(), "jel-"));
  const out = join(dir, "r.csv");
  for (const [args, pattern] of [
    [["main", "--k", "0"], /--k must be >= 1/],
    [["main", "--n", "3"], /too small to split/],
    [["main", "--runs", "0"], /--runs must be >= 1/],
    [["main", "--frobnicate"], /Unknown option '--frobnicate'/],
    [["main", "--n", "ten"], /--n expects an integer, got "ten"/],
    [["main", "--out", join(dir, "r.txt")], /--out must end in .arrow or .csv/],
    [["main", "--out", join(dir, "missing", "r.csv")], /does not exist/],
    [["sideways"], /unknown experiment "sideways"/],
    [["main", "--k", "2", "--n", "3", "--out", out], /too small/],
  ] as [string[], RegExp][]) {
    const r = cli(args);
    assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.equal(r.stdout, "");
  }
  assert.equal(existsSync(out), false);
  assert.deepEqual(readdirSync(dir), []);
});
