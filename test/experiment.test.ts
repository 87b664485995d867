import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {tableFromIPC} from "apache-arrow";
import {runExperimentParallel} from "../src/node/worker-pool.js";
import {METHOD_IDS} from "../src/estimators/methods.js";
import {PAPER_CONFIGS, runExperiment, runTask, sweepPoints, validateConfig, type ExperimentConfig} from "../src/experiments/experiments.js";
import {splitSizes} from "../src/experiments/run-data.js";
import {summarizeByMethod, summarizeByPoint} from "../src/experiments/summary.js";
import {experimentMetadata} from "../src/io/experiment-metadata.js";
import {metadataOf, resultsFromArrow, resultsToArrow, resultsToCsv} from "../src/io/results-table.js";
import {createWasmKernel, typescriptKernel} from "../src/regression/moment-kernel.js";

const small: ExperimentConfig = {...PAPER_CONFIGS.main, K: [3], n: [600], runs: 3, seed: 7};

test("same seed, byte-identical Arrow; another seed, different bytes", () => {
  const a = resultsToArrow(runExperiment(small), experimentMetadata(small, "typescript"));
  const b = resultsToArrow(runExperiment(small), experimentMetadata(small, "typescript"));
  assert.deepEqual(a, b);
  const other = {...small, seed: 8};
  assert.notDeepEqual(a, resultsToArrow(runExperiment(other), experimentMetadata(other, "typescript")));
  const table = tableFromIPC(a);
  assert.equal(table.numRows, 3 * METHOD_IDS.length);
  assert.deepEqual(table.schema.fields.map((f) => f.name), ["K", "n_total", "ratio", "n_obs", "n_single", "n_joint", "run", "seed", "method", "rmse", "rmse_truth", "alphas", "effect_sd"]);
  const m = metadataOf(a);
  assert.equal(m.experiment, "main");
  assert.equal(m.seed, "7");
  assert.equal(m.engine, "typescript");
  assert.deepEqual(JSON.parse(m.config), JSON.parse(JSON.stringify(small)));
  assert.deepEqual(resultsFromArrow(a).rows, runExperiment(small));
});

test("results do not depend on the number of worker threads (byte-identical Arrow)", async () => {
  const config = {...small, K: [2, 3], runs: 3};
  const wasm = createWasmKernel()!;
  const one = resultsToArrow(await runExperimentParallel(config, wasm, 1), experimentMetadata(config, wasm.name));
  const two = resultsToArrow(await runExperimentParallel(config, wasm, 2), experimentMetadata(config, wasm.name));
  assert.deepEqual(one, two);
});

test("run r depends only on seed + r: run 1 of seed 7 is run 0 of seed 8", () => {
  const a = runTask(small, {point: 0, run: 1});
  const b = runTask({...small, seed: 8}, {point: 0, run: 0});
  assert.deepEqual(a.map(({run, ...rest}) => rest), b.map(({run, ...rest}) => rest));
});

test("the TypeScript and WebAssembly kernels give the same experiment results to 1e-8", () => {
  const a = runExperiment({...small, n: [2000]}, typescriptKernel);
  const b = runExperiment({...small, n: [2000]}, createWasmKernel()!);
  a.forEach((r, i) => {
    assert.equal(r.method, b[i].method);
    assert.ok(Math.abs(r.rmseTruth - b[i].rmseTruth) <= 1e-8 * r.rmseTruth, `${r.method} run ${r.run}: ${r.rmseTruth} vs ${b[i].rmseTruth}`);
  });
});

test("sweep points follow Appendix E: ratio splits N_tot = N_obs + K N_sint; convergence N_obs = N_sint = N_tot / (K + 1)", () => {
  const ratio = sweepPoints({...PAPER_CONFIGS.ratio, K: [5], n: [60_000], ratios: [0.05, 1, 10]});
  assert.deepEqual(ratio.map((p) => [p.sizes.observational, p.sizes.single, p.sizes.observationalBaseline, p.sizes.joint]), [
    [48_000, 2_400, 60_000, 60_000],
    [10_000, 10_000, 60_000, 60_000],
    [1_176, 11_760, 60_000, 60_000],
  ]);
  for (const p of ratio) assert.ok(p.sizes.observational + 5 * p.sizes.single <= 60_000 && p.sizes.observational + 5 * p.sizes.single > 60_000 - 60);
  const conv = sweepPoints({...PAPER_CONFIGS.convergence, K: [2, 5], n: [1000, 60_000]});
  assert.deepEqual(conv.map((p) => [p.K, p.nTotal, p.sizes.observational, p.sizes.single]), [
    [2, 1000, 333, 333],
    [2, 60_000, 20_000, 20_000],
    [5, 1000, 166, 166],
    [5, 60_000, 10_000, 10_000],
  ]);
});

test("ratio and convergence runs produce one summary entry per (sweep point, method)", () => {
  const ratio = runExperiment({...PAPER_CONFIGS.ratio, K: [2], n: [3000], ratios: [0.5, 2], runs: 2, methods: ["intervention-generalization", "observational"]});
  const points = summarizeByPoint(ratio);
  assert.equal(points.length, 2);
  assert.deepEqual(points.map((p) => p.ratio), [0.5, 2]);
  for (const p of points) assert.deepEqual(Object.keys(p.methods), ["intervention-generalization", "observational"]);
  const conv = runExperiment({...PAPER_CONFIGS.convergence, K: [2], n: [1500, 6000], runs: 2, methods: ["intervention-generalization", "joint-topline"]});
  assert.equal(summarizeByPoint(conv).length, 2);
});

test("results and summary: every method scored against noisy Y and the exact effect", () => {
  const results = runExperiment({...small, n: [3000], runs: 4});
  const summary = summarizeByMethod(results);
  assert.deepEqual(Object.keys(summary), METHOD_IDS);
  for (const s of Object.values(summary)) {
    assert.ok(s.rmse.mean > 0 && Number.isFinite(s.rmse.sem));
    assert.ok(s.rmse.mean > s.rmse_truth.mean);
  }
  assert.ok(summary["joint-topline"].rmse_truth.mean < summary["observational"].rmse_truth.mean);
  const csv = resultsToCsv(results).trim().split("\n");
  assert.equal(csv.length, results.length + 1);
  assert.match(csv[1], /^3,12000,1,3000,3000,3000,0,7,intervention-generalization,[0-9.e-]+,[0-9.e-]+,"[0-9.e,-]+",[0-9.e-]+$/);
});

test("configurations that cannot run are rejected with a reason", () => {
  assert.deepEqual(splitSizes(10, 0.2), {nTrain: 8, nTest: 2});
  assert.deepEqual(splitSizes(11, 0.2), {nTrain: 8, nTest: 3});
  assert.throws(() => validateConfig({...small, n: [3]}), /too small to split/);
  assert.throws(() => validateConfig({...small, K: [0]}), /K must be an integer >= 1/);
  assert.throws(() => validateConfig({...small, runs: 0}), /runs must be/);
  assert.throws(() => validateConfig({...small, methods: ["nope" as never]}), /unknown method "nope"/);
  assert.throws(() => validateConfig({...PAPER_CONFIGS.ratio, n: [50], ratios: [0.05]}), /ratio 0.05 the single dataset has 2 rows: too small to split/);
  assert.throws(() => validateConfig({...small, K: [10]}), /indicator form of IG at K = 10 needs a 3146-column regression/);
  assert.doesNotThrow(() => validateConfig({...small, K: [10], methods: ["intervention-generalization", "structure-aware"]}));
});

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/experiment.ts", ...args], {encoding: "utf8"});
  return {status: r.status, stdout: r.stdout, stderr: r.stderr};
}

test("CLI: --json prints one JSON document with mean and SEM of both RMSEs per method", () => {
  const dir = mkdtempSync(join(tmpdir(), "jel-"));
  const out = join(dir, "r.arrow");
  const r = cli(["main", "--k", "2", "--n", "500", "--runs", "2", "--seed", "3", "--workers", "2", "--json", "--out", out]);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.experiment, "main");
  assert.deepEqual(doc.config.K, [2]);
  assert.equal(doc.config.seed, 3);
  assert.equal(doc.engine, "wasm-simd");
  assert.deepEqual(Object.keys(doc.methods), METHOD_IDS);
  for (const s of Object.values(doc.methods) as {rmse: {mean: number; sem: number}; rmse_truth: {mean: number; sem: number}}[]) {
    assert.equal(typeof s.rmse.mean, "number");
    assert.equal(typeof s.rmse_truth.sem, "number");
  }
  assert.match(r.stderr, /task 2\/2 .*ETA/);
  assert.equal(tableFromIPC(readFileSync(out)).numRows, 2 * METHOD_IDS.length);
  assert.equal(metadataOf(readFileSync(out)).seed, "3");
});

test("CLI: sweeps take lists and report one entry per sweep point", () => {
  const r = cli(["ratio", "--k", "2", "--n-total", "2000", "--ratios", "0.5,2", "--runs", "2", "--methods", "intervention-generalization,observational", "--json", "--quiet"]);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(doc.points.map((p: {ratio: number}) => p.ratio), [0.5, 2]);
  assert.equal(doc.methods, undefined);
  const c = cli(["convergence", "--k", "2,3", "--n-total", "1e3", "--runs", "1", "--methods", "joint-topline", "--json", "--quiet"]);
  assert.equal(c.status, 0, c.stderr);
  assert.deepEqual(JSON.parse(c.stdout).points.map((p: {K: number}) => p.K), [2, 3]);
});

