import assert from "node:assert/strict";
import {test} from "node:test";
import {ancestorsOf} from "../src/estimators/structure-aware.js";
import {jointRegime, singleRegime} from "../src/scm/regime.js";
import {calibratedThreshold, pilotTest, power, separabilityCheck, sinksOf} from "../src/violations/detection.js";
import {nestedFTest} from "../src/violations/nested-f-test.js";
import {violatedJointEffect} from "../src/violations/violated-effect.js";
import {violatedSampler} from "../src/violations/violated-sampler.js";
import {violatedScm} from "../src/violations/violated-scm.js";
import {runViolation} from "../src/violations/violation-run.js";

const queryOf = (v: ReturnType<typeof violatedScm>) => ({mean: v.actionMean, std: v.actionSd});

test("nested F-test: exact on a tiny problem solved by hand, and it rejects a real extra term", () => {
  // y = 1 + 2x exactly plus a little noise: adding x^2 must not help; adding it when y has x^2 must
  const x = Float64Array.from({length: 50}, (_, i) => i / 10 - 2.5);
  const e = Float64Array.from({length: 50}, (_, i) => ((i * 37) % 11) / 11 - 0.5);
  const yLin = x.map((v, i) => 1 + 2 * v + 0.1 * e[i]);
  const yQuad = x.map((v, i) => 1 + 2 * v + v * v + 0.1 * e[i]);
  const cols = [x, x.map((v) => v * v)];
  assert.ok(nestedFTest(yQuad, cols, [0]).p < 1e-10);
  assert.ok(nestedFTest(yLin, cols, [0]).p > 1e-3);
  assert.throws(() => nestedFTest(yLin, cols, [0, 1]), /as many columns/);
});

test("pilot test with the exact effect as prediction: size about 5% at lambda = 0, power near 1 when the interaction is missed", () => {
  const v0 = violatedScm(3, 21, "interaction", 0);
  const v1 = violatedScm(3, 21, "interaction", 1);
  let falseAlarms = 0;
  let hits = 0;
  const reps = 200;
  for (let r = 0; r < reps; r++) {
    const p0 = violatedSampler(v0, jointRegime(3), 21, queryOf(v0), "pilot", r)(300);
    if (pilotTest(p0.actions, p0.outcome, violatedJointEffect(v0, p0.actions)).p < 0.05) falseAlarms++;
    if (r < 20) {
      const p1 = violatedSampler(v1, jointRegime(3), 21, queryOf(v1), "pilot", r)(300);
      if (pilotTest(p1.actions, p1.outcome, violatedJointEffect(v0, p1.actions)).p < 0.05) hits++;
    }
  }
  assert.ok(falseAlarms / reps > 0.01 && falseAlarms / reps < 0.1, `size ${falseAlarms / reps}`);
  assert.equal(hits, 20);
});

test("separability check: near its level at lambda = 0 with the true sinks; flags an interaction with a sink", () => {
  let falseAlarms = 0;
  let hits = 0;
  const reps = 30;
  for (let seed = 0; seed < reps; seed++) {
    for (const lambda of [0, 1]) {
      const v = violatedScm(3, seed, "interaction", lambda);
      const sinks = sinksOf(ancestorsOf(v.base.parents));
      const single = [0, 1, 2].map((k) => violatedSampler(v, singleRegime(3, k), seed, queryOf(v), "sep")(3000));
      const p = separabilityCheck(single, sinks).p;
      if (lambda === 0 && p < 0.05) falseAlarms++;
      if (lambda === 1 && sinks.includes(v.pair[1]) && p < 0.05) hits++;
    }
  }
  const eligible = Array.from({length: reps}, (_, seed) => violatedScm(3, seed, "interaction", 1)).filter((v) => sinksOf(ancestorsOf(v.base.parents)).includes(v.pair[1])).length;
  assert.ok(falseAlarms <= 4, `${falseAlarms} false alarms in ${reps}`);
  assert.ok(eligible >= 10 && hits >= eligible - 1, `${hits} of ${eligible}`);
  assert.deepEqual(sinksOf([[], [0], [0, 1]]), [2]);
  assert.throws(() => separabilityCheck(single3(), []), /no action without descendants/);
});

function single3() {
  const v = violatedScm(2, 0, "interaction", 0);
  return [0, 1].map((k) => violatedSampler(v, singleRegime(2, k), 0, queryOf(v))(100));
}

test("calibration and power: the threshold is the null p-values' alpha-quantile", () => {
  const nulls = Array.from({length: 101}, (_, i) => i / 100);
  const t = calibratedThreshold(nulls, 0.05);
  assert.ok(Math.abs(t - 0.05) < 1e-12);
  assert.equal(power(nulls, t).power, 6 / 101);
  const pw = power([0.001, 0.5], 0.01);
  assert.equal(pw.power, 0.5);
  assert.ok(Math.abs(pw.se - Math.sqrt(0.125)) < 1e-15);
  assert.throws(() => calibratedThreshold([0.5, 2]), /p-value 1 is 2/);
});

test("violation runs: IG is unaffected by a pure interaction, additive methods are not; the block remedy beats IG under a shared confounder", () => {
  let igGap = 0;
  let saGap = 0;
  let blockWins = 0;
  const seeds = [1, 2, 3, 4];
  for (const seed of seeds) {
    const at = (kind: Parameters<typeof runViolation>[0]["kind"], lambda: number) => runViolation({kind, K: 3, lambda, n: 4000, seed});
    const a0 = at("interaction", 0).scores;
    const a1 = at("interaction", 1).scores;
    const get = (s: typeof a0, m: string) => s.find((x) => x.method === m)!.relRmse;
    igGap += get(a1, "intervention-generalization") - get(a0, "intervention-generalization");
    saGap += get(a1, "structure-aware") - get(a0, "structure-aware");
    const sh = at("shared-confounder", 1).scores;
    if (get(sh, "block-ig") < get(sh, "intervention-generalization")) blockWins++;
  }
  assert.ok(Math.abs(igGap / seeds.length) < 0.05, `IG's error moved by ${igGap / seeds.length}`);
  assert.ok(saGap / seeds.length > 0.5, `structure-aware's error moved by ${saGap / seeds.length}`);
  assert.ok(blockWins >= 3, `block remedy better in ${blockWins} of ${seeds.length}`);
});
