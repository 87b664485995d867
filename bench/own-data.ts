// The own-data estimator, measured (issue 12): accuracy against the experiment pipeline on the
// same SCMs, interval coverage of the exact joint effect over many simulated datasets, and the
// cost of each step at K = 5, 10^6 rows. A benchmark, not a test: it prints figures.
//   npx tsx bench/own-data.ts [datasets=100] [bootstrap=200]
import {PAPER_CONFIGS, runTask} from "../src/experiments/experiments.js";
import {bestKernel} from "../src/regression/moment-kernel.js";
import {exampleDataset, exactEffect, EXAMPLES, type ExampleDataset, type ExampleSpec} from "../src/own-data/example-data.js";
import {exampleCsv} from "../src/own-data/example-files.js";
import {FIT_DEFAULTS, fitJointEffects, type Query} from "../src/own-data/joint-effects.js";
import {regimeData, type RegimeData} from "../src/own-data/regime-data.js";
import {readCsv, type RawTable} from "../src/own-data/tidy-table.js";

const datasets = Number(process.argv[2] ?? 100);
const bootstrap = Number(process.argv[3] ?? 200);
const paper = EXAMPLES.find((e) => e.id === "paper-k5")!;
const spec = (K: number, seed: number, rows: number, jointRows = 200): ExampleSpec => ({...paper, K, seed, rowsPerRegime: rows, jointRows, actions: Array.from({length: K}, (_, k) => `A${k + 1}`), actionUnits: Array.from({length: K}, () => ({offset: 0, scale: 1}))});

/** The dataset's columns as a RawTable, skipping the text round trip (the CLI test covers that). */
function rawOf(ds: ExampleDataset): RawTable {
  const cols = new Map<string, ArrayLike<number | string | null>>([...ds.spec.actions.map((a, k) => [a, ds.actions[k]] as const), [ds.spec.outcome, ds.outcome], ["regime", ds.regime]]);
  return {source: ds.spec.id, names: [...cols.keys()], rows: ds.regime.length, column: (n) => cols.get(n)!, where: (i) => `row ${i + 1}`};
}
const dataOf = (ds: ExampleDataset): RegimeData => regimeData(rawOf(ds), {actions: ds.spec.actions, outcome: ds.spec.outcome, regime: "regime"});
const jointQueries = (data: RegimeData): Query[] => Array.from(data.mixed[0].rows, (i) => Object.fromEntries(data.actions.map((a, k) => [a, data.x[k][i]])));
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

// 1. accuracy: the own-data default vs the experiment pipeline's same method on the same SCM seeds (K = 5, 10^4 rows per regime)
{
  const own: number[] = [];
  const exp: number[] = [];
  const seeds = Math.min(datasets, 30);
  const config = {...PAPER_CONFIGS.main, K: [5], n: [12_500], runs: seeds, methods: [FIT_DEFAULTS.method]};
  for (let s = 0; s < seeds; s++) {
    const ds = exampleDataset(spec(5, s, 10_000, 2500));
    const data = dataOf(ds);
    const q = jointQueries(data);
    const truth = exactEffect(ds.truth, data.actions.map((a) => Float64Array.from(q, (r) => r[a])));
    const pred = fitJointEffects(data, {bootstrap: 0}).predict(q);
    own.push(Math.sqrt(mean(Array.from(pred, (p, i) => (p - truth[i]) ** 2))));
    exp.push(runTask(config, {point: 0, run: s}, bestKernel())[0].rmseTruth);
  }
  console.log(`accuracy, K = 5, 10^4 training rows per regime, ${seeds} SCMs (seeds 0..${seeds - 1}), RMSE vs exact effect:`);
  console.log(`  own-data default (${FIT_DEFAULTS.method}): mean ${mean(own).toFixed(4)}, median ${median(own).toFixed(4)}`);
  console.log(`  experiment pipeline, same SCMs:     mean ${mean(exp).toFixed(4)}, median ${median(exp).toFixed(4)}`);
}

// 2. coverage of nominal 95% intervals over simulated datasets
for (const K of [3, 5]) {
  const covered: number[] = [];
  const width: number[] = [];
  const relBias: number[] = [];
  const started = Date.now();
  for (let s = 0; s < datasets; s++) {
    const ds = exampleDataset(spec(K, 1000 + s, 10_000, 20));
    const data = dataOf(ds);
    const q = jointQueries(data);
    const truth = exactEffect(ds.truth, data.actions.map((a) => Float64Array.from(q, (r) => r[a])));
    const m = fitJointEffects(data, {bootstrap, seed: s});
    const pred = m.predict(q);
    const iv = m.interval(q);
    q.forEach((_, i) => {
      covered.push(iv.lower[i] <= truth[i] && truth[i] <= iv.upper[i] ? 1 : 0);
      width.push(iv.upper[i] - iv.lower[i]);
      relBias.push(Math.abs(pred[i] - truth[i]) / (iv.upper[i] - iv.lower[i]));
    });
  }
  console.log(`coverage, K = ${K}, 10^4 rows per regime, ${datasets} datasets x 20 joint points, ${bootstrap} resamples: ${(100 * mean(covered)).toFixed(1)}% of nominal 95% (median width ${median(width).toFixed(4)}, median |error| / width ${median(relBias).toFixed(2)}; ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

// 3. cost of each step at K = 5, 10^6 rows (in Node; the page measures the same in Chromium)
{
  const ds = exampleDataset(spec(5, 7, 166_000, 4000));
  let t = Date.now();
  const text = exampleCsv(ds);
  const make = Date.now() - t;
  const times: Record<string, number[]> = {parse: [], fit: [], resample: [], intervals: []};
  for (let r = 0; r < 3; r++) {
    t = Date.now();
    const data = regimeData(readCsv(text, "big.csv"), {actions: ds.spec.actions, outcome: "Y", regime: "regime"});
    times.parse.push(Date.now() - t);
    t = Date.now();
    const m = fitJointEffects(data, {bootstrap: 200});
    times.fit.push(m.diagnostics.timings.fitMs);
    times.resample.push(m.diagnostics.timings.resampleMs);
    t = Date.now();
    m.interval(jointQueries(data).slice(0, 200));
    times.intervals.push(Date.now() - t);
  }
  console.log(`K = 5, ${ds.regime.length.toLocaleString("en-US")} rows (${(text.length / 1e6).toFixed(0)} MB of CSV, written in ${make} ms), median of 3: parse ${median(times.parse)} ms, fit ${median(times.fit).toFixed(0)} ms, 200 resamples ${median(times.resample).toFixed(0)} ms, then intervals at 200 points ${median(times.intervals)} ms`);
}
