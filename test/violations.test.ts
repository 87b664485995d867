import assert from "node:assert/strict";
import {test} from "node:test";
import {evaluateJointEffect, exactJointEffect} from "../src/scm/exact-effect.js";
import {jointRegime, observationalRegime, singleRegime} from "../src/scm/regime.js";
import {sampleRegime} from "../src/scm/sample-regime.js";
import {VIOLATION_KIND_IDS} from "../src/violations/violation-kinds.js";
import {violatedScm, couplingPair} from "../src/violations/violated-scm.js";
import {singleInterventions, violatedSampler} from "../src/violations/violated-sampler.js";
import {violatedJointEffect} from "../src/violations/violated-effect.js";

const meanSe = (v: Float64Array) => {
  let m = 0;
  for (const x of v) m += x;
  m /= v.length;
  let ss = 0;
  for (const x of v) ss += (x - m) ** 2;
  return {mean: m, se: Math.sqrt(ss / (v.length - 1) / v.length)};
};

test("at lambda = 0 every violated SCM draws exactly the paper SCM's rows", () => {
  for (const kind of VIOLATION_KIND_IDS) {
    const v = violatedScm(3, 11, kind, 0);
    const interventions = {mean: [0.1, -0.2, 0.3], std: [0.5, 0.4, 0.3]};
    for (const regime of [observationalRegime(3), singleRegime(3, 1), jointRegime(3)]) {
      const a = violatedSampler(v, regime, 11, interventions, "t")(500);
      const b = sampleRegime(v.base, regime, 500, 11, interventions, "t");
      assert.deepEqual(a.outcome, b.outcome, kind);
      assert.deepEqual(a.actions, b.actions, kind);
    }
  }
});

test("the violation changes the rows when lambda > 0 (except narrow, which changes only the experiments)", () => {
  for (const kind of VIOLATION_KIND_IDS) {
    const v0 = violatedScm(3, 4, kind, 0);
    const v1 = violatedScm(3, 4, kind, 1);
    const a = violatedSampler(v0, observationalRegime(3), 4)(300);
    const b = violatedSampler(v1, observationalRegime(3), 4)(300);
    const same = a.outcome.every((y, i) => y === b.outcome[i]);
    assert.equal(same, kind === "narrow", kind);
  }
  const v = violatedScm(3, 4, "narrow", 1);
  const s = singleInterventions(v, {mean: [1, 2, 3], std: [1, 2, 4]});
  assert.deepEqual(s.std.map((x) => +x.toFixed(12)), [0.1, 0.2, 0.4]);
});

test("closed-form E[Y | do(a)] of every violation matches Monte Carlo (|diff| < 4.5 SE), and the check can fail", () => {
  const n = 60_000;
  let detectedMissingTerm = 0;
  for (const kind of VIOLATION_KIND_IDS)
    for (const seed of [1, 2, 3]) {
      const K = 3;
      const v = violatedScm(K, seed, kind, 1);
      for (const shift of [-1.5, 1]) {
        const point = v.actionMean.map((m, k) => m + shift * (k % 2 === 0 ? 1 : -1) * v.actionSd[k]);
        const sample = violatedSampler(v, jointRegime(K), seed, {mean: point, std: [0, 0, 0]}, "mc", String(shift))(n);
        const {mean, se} = meanSe(sample.outcome);
        const exact = violatedJointEffect(v, point.map((x) => [x]))[0];
        assert.ok(Math.abs(mean - exact) < 4.5 * se, `${kind} seed ${seed} shift ${shift}: MC ${mean} ± ${se}, closed form ${exact}`);
        // the paper's closed form without the added term misses the interaction by far more than the MC error
        const paperOnly = evaluateJointEffect(exactJointEffect(v.base), point.map((x) => [x]))[0];
        if (kind === "interaction" && Math.abs(mean - paperOnly) > 4.5 * se) detectedMissingTerm++;
      }
    }
  assert.equal(detectedMissingTerm, 6);
});

test("the coupling pair is a valid, seed-determined pair that covers every pair", () => {
  const seen = new Set<string>();
  for (let s = 0; s < 200; s++) {
    const [i, j] = couplingPair(4, s);
    assert.ok(0 <= i && i < j && j < 4);
    seen.add(`${i},${j}`);
  }
  assert.equal(seen.size, 6);
  assert.throws(() => violatedScm(3, 0, "narrow", 1.5), /narrow.*\[0, 1\]/);
  assert.throws(() => violatedScm(3, 0, "bogus" as never, 0.5), /unknown violation kind "bogus"/);
  assert.throws(() => violatedScm(1, 0, "interaction", 0.5), /K must be >= 2/);
  assert.throws(() => violatedScm(3, 0, "interaction", Number.NaN), /lambda/);
});

import {randomStream} from "../src/random/streams.js";
import {anmViolation, anmViolationEffect, sampleViolatedAnm, skewedHeavyVariate, ANM_VIOLATION_KIND_IDS} from "../src/violations/anm-violations.js";
import {sampleAnm} from "../src/anm/anm-sampling.js";

test("ANM violations: lambda = 0 draws sampleAnm's rows; closed-form E[Y | do(x)] matches Monte Carlo; the noise keeps its covariance", () => {
  const marginals = {mean: [0.2, -0.3, 0.5], sd: [0, 0, 0]};
  for (const kind of ANM_VIOLATION_KIND_IDS) {
    const v0 = anmViolation(kind, 0);
    assert.deepEqual(sampleViolatedAnm(v0, {kind: "observational"}, 200, null, 3, "t"), sampleAnm(v0.truth, {kind: "observational"}, 200, null, 3, "t"));
    const v = anmViolation(kind, 1);
    const s = sampleViolatedAnm(v, {kind: "joint"}, 80_000, marginals, 5, "mc");
    const {mean, se} = meanSe(s[3]);
    const exact = anmViolationEffect(v, marginals.mean.map((m) => [m]))[0];
    assert.ok(Math.abs(mean - exact) < 4.5 * se, `${kind}: MC ${mean} ± ${se}, closed form ${exact}`);
  }
  // non-Gaussian noise: same variance of Y's noise as Gaussian (Sigma_YY = 1), visibly skewed
  const v = anmViolation("anm-noise", 1);
  const s = sampleViolatedAnm(v, {kind: "joint"}, 100_000, {mean: [0, 0, 0], sd: [0, 0, 0]}, 9, "shape");
  const y = s[3];
  const m = meanSe(y).mean;
  let v2 = 0;
  let v3 = 0;
  for (const x of y) {
    v2 += (x - m) ** 2;
    v3 += (x - m) ** 3;
  }
  v2 /= y.length;
  v3 /= y.length;
  assert.ok(Math.abs(v2 - 1) < 0.05, `variance ${v2}`);
  assert.ok(v3 / v2 ** 1.5 > 0.05, `skewness ${v3 / v2 ** 1.5}`);
  // the non-Gaussian source itself: mean 0, variance 1, skewness 2 / 2^1.5 = 0.71 (t_5 adds none)
  const rng = randomStream(1, "w");
  const w = Float64Array.from({length: 200_000}, () => skewedHeavyVariate(rng));
  const wm = meanSe(w);
  assert.ok(Math.abs(wm.mean) < 4.5 * wm.se, `mean ${wm.mean}`);
  const wv = w.reduce((acc, x) => acc + (x - wm.mean) ** 2, 0) / w.length;
  const ws = w.reduce((acc, x) => acc + (x - wm.mean) ** 3, 0) / w.length / wv ** 1.5;
  assert.ok(Math.abs(wv - 1) < 0.03, `variance ${wv}`);
  assert.ok(ws > 0.5 && ws < 0.9, `skewness ${ws}`);
  assert.throws(() => anmViolation("anm-noise", 1.5), /\[0, 1\]/);
});
