// GNW's perturbations of the basal activation and its noise models (notes/dream4-gnw.md §4-5),
// checked against hand computations and the distributions the note states.
import assert from "node:assert/strict";
import test from "node:test";
import {fixedPoint} from "../src/dream4/fixed-point.js";
import {dream4Network3} from "../src/dream4/network3.js";
import {addMeasurementNoise, sdeRun} from "../src/dream4/noise.js";
import {multifactorialShifts, perturbedParameters, strongShifts, wildTypeParameters} from "../src/dream4/perturbation.js";
import {DREAM4_NOISE, knockoutExperiments, multifactorialExperiments, simulateExperiments, wildTypeExperiment} from "../src/dream4/simulate.js";
import {gnwWildType, stateVector} from "../src/dream4/steady-state.js";
import {dream4TimeSeries} from "../src/dream4/time-series.js";
import {randomStream} from "../src/random/streams.js";

const model = dream4Network3();
const sd = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
};

test("basal shift: clipped so that α_0 + d ∈ [0, 1], added to every α_s, each clipped to [0, 1] (hand-computed on G1, G2)", () => {
  // G1: α = (1, 0.0217...); G2: α = (0.0921..., 1)
  const [a1, b1] = model.genes[0].alpha;
  const [a2] = model.genes[1].alpha;
  const shift = (d1: number, d2: number) => perturbedParameters(model, {basalShift: [d1, d2, 0, 0, 0, 0, 0, 0, 0, 0]}).alpha;
  assert.deepEqual(shift(0.2, 0)[0], [1, b1], "α_0 + d > 1: d clipped to 0");
  assert.deepEqual(shift(-0.5, 0)[0], [a1 - 0.5, 0], "α_1 - 0.5 < 0 clipped to 0");
  assert.deepEqual(shift(0, 0.3)[1], [a2 + 0.3, 1]);
  assert.deepEqual(shift(0, -0.5)[1], [0, 1 - a2], "d clipped to -α_0");
  assert.deepEqual(wildTypeParameters(model).alpha[0], [a1, b1], "the model is never changed");
});

test("multifactorial shifts: N(0, 0.33²) per gene, seeded, sample r independent of the number of samples", () => {
  const rng = randomStream(3, "test", "mf");
  const draws = Array.from({length: 2000}, () => multifactorialShifts(model, rng)).flat();
  assert.ok(Math.abs(sd(draws) - 0.33) < 0.01, `sd ${sd(draws)}`);
  const five = multifactorialExperiments(model, 5, 11);
  const two = multifactorialExperiments(model, 2, 11);
  assert.deepEqual(two.map((e) => e.perturbation), five.slice(0, 2).map((e) => e.perturbation));
  assert.notDeepEqual(multifactorialExperiments(model, 1, 12)[0].perturbation, five[0].perturbation);
  const strong = Array.from({length: 3000}, () => strongShifts(model, rng)).flat();
  const hit = strong.filter((d) => d !== 0).length / strong.length;
  assert.ok(Math.abs(hit - 0.33) < 0.02, `strong perturbation rate ${hit}`);
});

test("measurement noise: normal sd 0.025, log-normal sd 0.075 in log10, microarray sd ≈ 0.0884 in log at x = 1 and 0.83 near 0; zero stays zero; no negatives", () => {
  const rng = randomStream(5, "test", "measurement");
  const n = 20000;
  const normal = Array.from({length: n}, () => addMeasurementNoise(0.5, "normal", rng) - 0.5);
  assert.ok(Math.abs(sd(normal) - 0.025) < 0.001);
  const lognormal = Array.from({length: n}, () => Math.log10(addMeasurementNoise(0.5, "lognormal", rng) / 0.5));
  assert.ok(Math.abs(sd(lognormal) - 0.075) < 0.002);
  const micro = Array.from({length: n}, () => Math.log(addMeasurementNoise(1, "microarray", rng)));
  const expected = Math.sqrt(0.001 + 0.689 / (1 + 1 / 0.01));
  assert.ok(Math.abs(sd(micro) - expected) < 0.003, `${sd(micro)} vs ${expected}`);
  const low = Array.from({length: n}, () => Math.log(addMeasurementNoise(1e-6, "microarray", rng) / 1e-6));
  assert.ok(Math.abs(sd(low) - Math.sqrt(0.001 + 0.689 / (1 + 1e-4))) < 0.02);
  for (const kind of ["normal", "lognormal", "microarray", "none"] as const) {
    assert.equal(kind === "normal" ? 0 : addMeasurementNoise(0, kind, rng), 0);
    for (let i = 0; i < 1000; i++) assert.ok(addMeasurementNoise(0.01, kind, rng) >= 0);
  }
});

test("SDE: with c = 0 the Milstein step is Euler's and settles on the exact fixed point; with c = 0.05 it stays non-negative and near it", () => {
  const params = wildTypeParameters(model);
  const wt = gnwWildType(model);
  const exact = fixedPoint(model, params, wt.x);
  const z = sdeRun(model, params, stateVector(wt), 6000, randomStream(1, "sde"), 0);
  for (let i = 0; i < 10; i++) assert.ok(Math.abs(z[i] - exact.x[i]) < 1e-8, `G${i + 1}: ${z[i]} vs ${exact.x[i]}`);
  const rng = randomStream(2, "sde");
  const noisy = stateVector(wt);
  const samples: number[][] = [];
  for (let r = 0; r < 200; r++) {
    sdeRun(model, params, noisy, 20, rng);
    samples.push(Array.from(noisy.slice(0, 10)));
    for (const v of noisy) assert.ok(v >= 0);
  }
  for (let i = 0; i < 10; i++) {
    const mean = samples.reduce((a, s) => a + s[i], 0) / samples.length;
    assert.ok(Math.abs(mean - exact.x[i]) < 0.05, `G${i + 1}: mean ${mean} vs ${exact.x[i]}`);
  }
});

test("noisy experiments: need a seed, reproduce with it, and one experiment's noise does not depend on the others", () => {
  const ko = knockoutExperiments(model, [[4, 5]]);
  assert.throws(() => simulateExperiments(model, ko, {noise: DREAM4_NOISE}), /noisy simulations need a seed/);
  const a = simulateExperiments(model, ko, {noise: DREAM4_NOISE, seed: 4});
  const b = simulateExperiments(model, [wildTypeExperiment(), ...ko], {noise: DREAM4_NOISE, seed: 4});
  assert.deepEqual(a[0].x, b[1].x);
  const c = simulateExperiments(model, ko, {noise: DREAM4_NOISE, seed: 5});
  assert.notDeepEqual(a[0].x, c[0].x);
  const clean = simulateExperiments(model, ko);
  assert.ok(a[0].x[4] === 0 && a[0].x[5] === 0, "knocked-out genes stay at 0 under SDE + microarray noise");
  assert.ok(Math.max(...a[0].x.map((v, i) => Math.abs(v - clean[0].x[i]))) > 1e-3, "noise changes the values");
});

test("time series: 21 points per series at t = 0..1000; noise-free they start at the wild type, move under the perturbation and relax after t = 500", () => {
  const clean = dream4TimeSeries(model, {count: 2, seed: 3, noise: {sde: 0, measurement: "none"}});
  assert.equal(clean.length, 42);
  assert.deepEqual(clean.slice(0, 21).map((p) => p.time), Array.from({length: 21}, (_, i) => 50 * i));
  const wt = gnwWildType(model);
  const dist = (x: ArrayLike<number>) => Math.max(...Array.from(x, (v, i) => Math.abs(v - wt.x[i])));
  for (const s of [0, 1]) {
    const series = clean.filter((p) => p.series === s);
    assert.deepEqual(series[0].x, wt.x);
    assert.ok(dist(series[10].x) > 1e-2, `series ${s} barely moved: ${dist(series[10].x)}`);
    assert.ok(dist(series[20].x) < dist(series[10].x) / 2, `series ${s} did not relax`);
  }
  const noisy = dream4TimeSeries(model, {count: 1, seed: 3, noise: DREAM4_NOISE});
  assert.deepEqual(noisy, dream4TimeSeries(model, {count: 1, seed: 3, noise: DREAM4_NOISE}));
  assert.notDeepEqual(noisy, dream4TimeSeries(model, {count: 1, seed: 4, noise: DREAM4_NOISE}));
  for (const p of noisy) for (const v of p.x) assert.ok(v >= 0 && Number.isFinite(v));
});
