import assert from "node:assert/strict";
import {test} from "node:test";
import {PAPER_CONFIGS, runTask} from "../src/experiments/experiments.js";
import {budgetSplit, defaultPlanConfig, firstRuns, MIN_REGIME_ROWS, planTasks, runPlan, splitExperiment, summarizePlan, validatePlanConfig, type BudgetPlanConfig} from "../src/planning/budget-plan.js";
import {curveOptimum} from "../src/planning/curve-optimum.js";
import {fitPowerLaw, toplineEquivalentRows} from "../src/planning/topline-equivalent.js";
import {createWasmKernel} from "../src/regression/moment-kernel.js";

test("the optimum is the argmin of the curve (first of ties)", () => {
  const means = [5, 3, 2.5, 2, 2.2, 2, 4];
  const points = means.map((mean, i) => ({split: (i + 1) / 10, mean, sem: 0.01}));
  const o = curveOptimum(points);
  assert.equal(o.index, 3);
  assert.equal(o.best.split, 0.4);
  assert.equal(o.best.mean, Math.min(...means));
  assert.equal(o.atEdge, false);
});

test("flatness on a hand-made curve: one-SE and 5% ranges, contiguous around the best", () => {
  // best 2.0 at 0.4 with SE 0.1: threshold 2.1 (one SE), 2.1 (5%) -> use SE 0.15 to tell them apart
  const points = [
    {split: 0.1, mean: 5, sem: 0.2},
    {split: 0.2, mean: 2.12, sem: 0.1},
    {split: 0.3, mean: 2.09, sem: 0.1},
    {split: 0.4, mean: 2.0, sem: 0.15},
    {split: 0.5, mean: 2.14, sem: 0.1},
    {split: 0.6, mean: 2.5, sem: 0.1},
    {split: 0.7, mean: 2.06, sem: 0.1}, // within both, but cut off from the best by 0.6
  ];
  const o = curveOptimum(points);
  assert.equal(o.withinSe.threshold, 2.15);
  assert.deepEqual([o.withinSe.from, o.withinSe.to], [0.2, 0.5]);
  assert.deepEqual(o.withinSe.splits, [0.2, 0.3, 0.4, 0.5, 0.7]);
  assert.equal(o.within5Percent.threshold, 2.1);
  assert.deepEqual([o.within5Percent.from, o.within5Percent.to], [0.3, 0.4]);
  assert.deepEqual(o.within5Percent.splits, [0.3, 0.4, 0.7]);
  // a best at the edge: the range stops at the grid's end
  const edge = curveOptimum([{split: 0.1, mean: 1, sem: 0.5}, {split: 0.2, mean: 1.4, sem: 0.1}, {split: 0.3, mean: 1.6, sem: 0.1}]);
  assert.deepEqual([edge.withinSe.from, edge.withinSe.to, edge.within5Percent.to], [0.1, 0.2, 0.1]);
  assert.equal(edge.atEdge, true);
});

test("cost accounting is exact: N_sint = floor(s N_tot / (K cost)), the rest observational, spent <= N_tot", () => {
  let checked = 0;
  for (let K = 1; K <= 10; K++)
    for (const cost of [1, 2, 3, 5, 7, 10])
      for (const nTotal of [2000, 6000, 60_000, 123_460, 1_000_000])
        for (let i = 1; i < 20; i++) {
          const split = i / 20;
          const b = budgetSplit(K, nTotal, cost, split);
          // integer arithmetic: i N_tot / 20 is an integer for these N_tot
          const nSingle = Math.floor((i * nTotal) / 20 / (K * cost));
          if (nSingle < 1) continue;
          assert.equal(b.nSingle, nSingle, `K ${K} cost ${cost} N ${nTotal} split ${split}`);
          assert.equal(b.nObs, nTotal - cost * K * nSingle, `K ${K} cost ${cost} N ${nTotal} split ${split}`);
          assert.equal(b.spent, b.nObs + cost * K * b.nSingle);
          assert.ok(b.spent <= nTotal);
          assert.equal(b.ratio, b.nSingle / b.nObs);
          checked++;
        }
  assert.ok(checked > 4000);
  // non-integer costs: never over budget, and less than one row per regime plus one left over
  for (const cost of [0.5, 1.7, 2.25, 3.3])
    for (let i = 1; i < 10; i++) {
      const b = budgetSplit(5, 60_000, cost, i / 10);
      assert.ok(b.spent <= 60_000 + 1e-9, `${cost} ${i}`);
      assert.ok(60_000 - b.spent < 1 + 5 * cost + 1e-9);
    }
});

test("each split runs the ratio experiment unchanged at its sizes", () => {
  const c: BudgetPlanConfig = {...defaultPlanConfig(3, 4000, 2), splits: [0.3, 0.7], runs: 2, seed: 11, toplineN: [400, 4000]};
  const e = splitExperiment(c, 0.7);
  assert.equal(e.experiment, "ratio");
  assert.deepEqual({...e, K: undefined, n: undefined, ratios: undefined, runs: undefined, seed: undefined, methods: undefined}, {...PAPER_CONFIGS.ratio, K: undefined, n: undefined, ratios: undefined, runs: undefined, seed: undefined, methods: undefined});
  const b = budgetSplit(3, 4000, 2, 0.7);
  const rows = runPlan(c, createWasmKernel()!);
  const direct = runTask(e, {point: 0, run: 1}, createWasmKernel()!);
  for (const r of direct) {
    const mine = rows.find((x) => x.kind === "split" && x.split === 0.7 && x.run === 1 && x.method === r.method)!;
    assert.equal(mine.rmse_truth, r.rmseTruth);
    assert.equal(mine.n_obs, b.nObs);
    assert.equal(mine.n_single, b.nSingle);
    assert.equal(r.nSingle, b.nSingle);
  }
});

test("determinism by seed, the summary's best is the argmin, topline rows are the convergence topline's", () => {
  const c: BudgetPlanConfig = {...defaultPlanConfig(2, 3000, 3), splits: [0.2, 0.5, 0.8], runs: 3, seed: 5, toplineN: [300, 1000, 3000]};
  const kernel = createWasmKernel()!;
  const a = runPlan(c, kernel);
  assert.deepEqual(runPlan(c, kernel), a);
  const other = runPlan({...c, seed: 6}, kernel);
  assert.notDeepEqual(other, a);
  assert.equal(a.length, planTasks(c).length > 0 ? 3 * (3 * 2 + 3) : 0);
  for (const r of a) assert.ok(Number.isFinite(r.rmse_truth) && r.rmse_truth > 0);
  // run r of other = run r + 1 of a (seed + r)
  const shifted = (rows: typeof a, run: number) => rows.filter((r) => r.run === run).map((r) => ({...r, run: 0}));
  assert.deepEqual(shifted(other, 0), shifted(a, 1));
  const s = summarizePlan(c, a);
  for (const m of s.methods) {
    const means = m.curve.map((p) => p.mean);
    assert.equal(m.optimum.best.mean, Math.min(...means));
    assert.equal(m.curve[m.optimum.index].split, m.optimum.best.split);
    const byHand = a.filter((r) => r.method === m.method && r.split === m.optimum.best.split).map((r) => r.rmse_truth);
    assert.equal(byHand.length, 3);
    assert.ok(Math.abs(m.optimum.best.mean - byHand.reduce((x, y) => x + y) / 3) < 1e-15);
    if (m.toplineEquivalent) assert.ok(m.toplineEquivalent.rows > 0);
  }
  assert.deepEqual(s.topline.map((t) => t.n), [300, 1000, 3000]);
  const conv = runTask({...PAPER_CONFIGS.convergence, K: [2], n: [1000], runs: 3, seed: 5, methods: ["joint-topline"]}, {point: 0, run: 2}, kernel)[0];
  assert.equal(a.find((r) => r.kind === "topline" && r.n_joint === 1000 && r.run === 2)!.rmse_truth, conv.rmseTruth);
  // the first two runs alone summarize as a plan of two runs
  const two = firstRuns(c, a, 2);
  assert.equal(summarizePlan(two.config, two.rows).runs, 2);
});

test("topline-equivalent rows against a closed form: error = c N^(-1/2)", () => {
  const c = 3.7;
  const points = [1000, 3000, 10_000, 30_000].map((n) => ({n, error: c / Math.sqrt(n)}));
  const law = fitPowerLaw(points);
  assert.ok(Math.abs(law.exponent + 0.5) < 1e-12);
  assert.ok(Math.abs(law.coefficient / c - 1) < 1e-12);
  for (const [n, method] of [[5000, "interpolated"], [1001, "interpolated"], [30_000, "interpolated"], [29_999, "interpolated"], [100_000, "extrapolated"], [100, "extrapolated"], [1000, "extrapolated"]] as const) {
    const r = toplineEquivalentRows(points, c / Math.sqrt(n))!;
    assert.equal(r.method, method);
    assert.ok(Math.abs(r.rows / n - 1) < 1e-9, `${n}: got ${r.rows}`);
  }
  // piecewise: linear in log-log between the bracketing pair, not the global fit
  const kinked = [{n: 100, error: 1}, {n: 1000, error: 0.5}, {n: 10_000, error: 0.1}];
  const r = toplineEquivalentRows(kinked, 0.3)!;
  assert.equal(r.method, "interpolated");
  assert.ok(Math.abs(Math.log10(r.rows) - (3 + Math.log(0.6) / Math.log(0.2))) < 1e-12);
  // not monotone at small N: the last crossing counts (from 300 rows on the error stays below 0.8)
  const bumpy = [{n: 25, error: 0.6}, {n: 75, error: 1.2}, {n: 225, error: 0.9}, {n: 675, error: 0.3}];
  const last = toplineEquivalentRows(bumpy, 0.8)!;
  assert.equal(last.method, "interpolated");
  assert.ok(Math.abs(Math.log(last.rows) - (Math.log(225) + (Math.log(0.8 / 0.9) / Math.log(0.3 / 0.9)) * Math.log(3))) < 1e-12);
  assert.ok(last.rows > 225 && last.rows < 675);
  // a topline that does not improve has no equivalent beyond its range
  assert.equal(toplineEquivalentRows([{n: 100, error: 1}, {n: 1000, error: 1.2}], 0.5), undefined);
});

test("a plan that cannot run is one line naming the problem", () => {
  const base = defaultPlanConfig(5, 60_000, 5);
  const cases: [Partial<BudgetPlanConfig>, string][] = [
    [{K: 0}, "K must be an integer from 1 to 10, got 0"],
    [{K: 2.5}, "K must be an integer"],
    [{cost: -1}, "must be a number in (0, 1e6], got -1"],
    [{cost: NaN}, "got NaN"],
    [{nTotal: 0}, "N_tot (the budget in cost units) must be a number in (0, 1e9], got 0"],
    [{nTotal: 200}, `buys 0 rows per single-intervention regime`],
    [{splits: [0.5, 0.5]}, "split 0.5 is listed twice"],
    [{splits: [0.5, 0.2]}, "splits must increase"],
    [{splits: [0, 0.5]}, "splits must be fractions of the budget in (0, 1), got 0"],
    [{splits: [1]}, "got 1"],
    [{splits: []}, "no splits given"],
    [{runs: 1}, "runs must be an integer >= 2"],
    [{seed: -1}, "seed must be a non-negative integer"],
    [{methods: ["joint-topline" as never]}, 'method "joint-topline" cannot be planned for'],
    [{methods: []}, "no methods selected"],
    [{toplineN: [1000]}, "the topline needs at least 2 values of N"],
    [{toplineN: [1000, 1000]}, "topline N must increase without repeats"],
    [{toplineN: [2, 1000]}, `topline N must be integers >= ${MIN_REGIME_ROWS}`],
  ];
  for (const [change, message] of cases)
    assert.throws(
      () => validatePlanConfig({...base, ...change}),
      (e: Error) => e.message.includes(message) && !/\n/.test(e.message),
      `${JSON.stringify(change)} should fail with "${message}"`,
    );
  assert.throws(() => budgetSplit(5, 60_000, 5, 1.5), /split must be a fraction in \(0, 1\), got 1.5/);
  validatePlanConfig(base);
});

test("plan command: table, JSON summary and an Arrow file with config, seed and code version", async () => {
  const {cliMain} = await import("../src/cli/main.js");
  const {mkdtempSync, readFileSync} = await import("node:fs");
  const {tmpdir} = await import("node:os");
  const {join} = await import("node:path");
  const {tableFromIPC} = await import("apache-arrow");
  const {codeVersion} = await import("../src/node/code-version.js");
  const dir = mkdtempSync(join(tmpdir(), "jel-plan-"));
  const argv = ["plan", "--k", "2", "--n-total", "3000", "--cost", "3", "--splits", "0.8,0.2,0.5", "--runs", "3", "--seed", "5", "--topline-n", "300,1000,3000", "--quiet"];
  let stdout = "";
  let stderr = "";
  const io = {stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), stopped: () => false};
  assert.equal(await cliMain([...argv, "--json", "--out", join(dir, "plan.arrow")], io), 0, stderr);
  const doc = JSON.parse(stdout);
  assert.deepEqual(doc.config.splits, [0.2, 0.5, 0.8]);
  const config: BudgetPlanConfig = doc.config;
  const expected = summarizePlan(config, runPlan(config, createWasmKernel()!));
  assert.deepEqual(doc.methods.map((m: {optimum: {best: unknown}}) => m.optimum.best), expected.methods.map((m) => m.optimum.best));
  assert.match(stderr, /best split/);
  const table = tableFromIPC(readFileSync(join(dir, "plan.arrow")));
  assert.equal(table.numRows, 3 * (3 * 2 + 3));
  const meta = Object.fromEntries(table.schema.metadata);
  assert.equal(meta.experiment, "plan");
  assert.equal(meta.seed, "5");
  assert.equal(meta.code_version, codeVersion());
  assert.deepEqual(JSON.parse(meta.config), config);
  stdout = "";
  assert.equal(await cliMain(argv, io), 0);
  assert.match(stdout, /split +N_obs +N_sint each/);
  assert.match(stdout, /IG, separate fits: best split (0\.2|0\.5|0\.8) \(RMSE/);
  assert.match(stdout, /the topline needs (about )?[\d,]+ (\(extrapolated beyond the measured N\) )?joint rows for the same error/);
  assert.doesNotMatch(stdout, /NaN|undefined|Infinity/);
});
