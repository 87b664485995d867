// The dual-knockout benchmark's data design: multifactorial regimes around the wild type and each
// single knockout, and the truth for every pair, checked against the note's reference values.
import assert from "node:assert/strict";
import test from "node:test";
import {additiveBaseline, allPairs, DREAM4_NET3_CHALLENGE_PAIRS, dualKnockoutTruth, singleKnockoutRegimes} from "../src/dream4/dual-knockout-design.js";
import {dream4Network3} from "../src/dream4/network3.js";
import {DREAM4_NET3_SCALE} from "../src/dream4/simulate.js";
import {DREAM4_NET3_REFERENCE} from "./fixtures/dream4-reference.js";

const model = dream4Network3();
const ref = (run: string) => DREAM4_NET3_REFERENCE.find((r) => r.run === run)!.values;
const published = (v: number[]) => v.map((x) => x / DREAM4_NET3_SCALE);

test("regimes: observational plus one per knockout, tidy rows, the knocked-out gene at 0 in its regime", () => {
  const rows = singleKnockoutRegimes(model, {samplesPerRegime: 3, seed: 2, knockouts: [4, 5]});
  assert.equal(rows.length, 3 * 3 * 10);
  assert.deepEqual([...new Set(rows.map((r) => r.regime))], ["observational", "do(G5=0)", "do(G6=0)"]);
  for (const r of rows) {
    if (r.gene === r.knockout) assert.ok(r.value < 1e-6, `${r.regime} ${r.gene} = ${r.value}`);
    else assert.ok(r.value >= 0 && r.value <= 1 / DREAM4_NET3_SCALE + 1e-9);
  }
  const observational = rows.filter((r) => r.regime === "observational" && r.gene === "G1").map((r) => r.value);
  assert.equal(new Set(observational).size, 3, "samples vary");
});

test("regimes: seeded; sample r does not depend on the number of samples; with σ = 0 they are the note's wild type and knockout", () => {
  const a = singleKnockoutRegimes(model, {samplesPerRegime: 2, seed: 9, knockouts: [6]});
  const b = singleKnockoutRegimes(model, {samplesPerRegime: 4, seed: 9, knockouts: [6]});
  const pick = (rows: typeof a, regime: string, sample: number) => rows.filter((r) => r.regime === regime && r.sample === sample).map((r) => r.value);
  assert.deepEqual(pick(a, "do(G7=0)", 1), pick(b, "do(G7=0)", 1));
  assert.deepEqual(pick(a, "observational", 0), pick(b, "observational", 0));
  assert.notDeepEqual(pick(a, "observational", 0), pick(singleKnockoutRegimes(model, {samplesPerRegime: 1, seed: 10, knockouts: [6]}), "observational", 0));
  const still = singleKnockoutRegimes(model, {samplesPerRegime: 1, seed: 9, sigma: 0, knockouts: [4]});
  const close = (x: number[], y: number[]) => Math.max(...x.map((v, i) => Math.abs(v - y[i])));
  assert.ok(close(pick(still, "do(G5=0)", 0), published(ref("knockout G5"))) < 5e-7);
  // an unshifted "perturbation" is GNW's rule run again from the stopped wild type: one more block
  // of 50 moves it 2.5e-4 (model units) from the published wild type, towards the exact fixed point
  const observational = pick(still, "observational", 0).map((v) => v * DREAM4_NET3_SCALE);
  const moved = close(observational, ref("wild type (mRNA)"));
  assert.ok(moved > 1e-4 && moved < 5e-4, `${moved}`);
  assert.ok(close(observational, ref("wild type, exact fixed point")) < close(ref("wild type (mRNA)"), ref("wild type, exact fixed point")));
});

test("truth: 45 pairs; exact (Newton) G4+G8 leaves every other gene at the note's exact wild type (G4, G8 regulate nothing else upstream)", () => {
  assert.equal(allPairs(model).length, 45);
  const truth = dualKnockoutTruth(model, {truth: "dream4", solver: "newton", scale: "model"});
  assert.equal(truth.length, 450);
  const g4g8 = truth.filter((r) => r.pair === "G4+G8");
  const exact = ref("wild type, exact fixed point");
  g4g8.forEach((r, i) => {
    if (r.gene === "G4" || r.gene === "G8") assert.ok(Math.abs(r.value) < 1e-12);
    else assert.equal(r.value.toFixed(6), exact[i].toFixed(6), r.gene);
  });
  for (const pair of DREAM4_NET3_CHALLENGE_PAIRS) assert.ok(truth.some((r) => r.pair === pair) || truth.some((r) => r.pair === pair.split("+").reverse().join("+")), pair);
});

test("truth: the interventional mean needs a seed and samples, has standard errors, and equals the DREAM4 truth when σ = 0", () => {
  const pairs = [[4, 5] as const];
  assert.throws(() => dualKnockoutTruth(model, {truth: "interventional-mean", pairs, samples: 5}), /needs a seed/);
  assert.throws(() => dualKnockoutTruth(model, {truth: "interventional-mean", pairs, samples: 1, seed: 1}), /samples >= 2/);
  const mean = dualKnockoutTruth(model, {truth: "interventional-mean", pairs, samples: 8, seed: 1});
  assert.ok(mean.filter((r) => r.gene === "G1")[0].se > 0);
  const flat = dualKnockoutTruth(model, {truth: "interventional-mean", pairs, samples: 2, seed: 1, sigma: 0});
  const point = dualKnockoutTruth(model, {truth: "dream4", pairs});
  flat.forEach((r, i) => assert.ok(Math.abs(r.value - point[i].value) < 1e-15 && r.se < 1e-9));
});

test("additive baseline: x_A + x_B - x_wt, clipped at 0", () => {
  const x = additiveBaseline([0.5, 0.5, 0.25], [0.75, 0.125, 0.25], [0.5, 0.25, 0.375]);
  assert.deepEqual(Array.from(x), [0.75, 0, 0.375]);
  assert.throws(() => additiveBaseline([1], [1, 2], [1]), /lengths 1, 2, 1 differ/);
});
