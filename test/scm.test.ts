import assert from "node:assert/strict";
import {test} from "node:test";
import {monomialCount} from "../src/features/monomial-basis.js";
import {meanSem} from "../src/metrics.js";
import {randomAdditiveScm, validateScm, type AdditiveScm} from "../src/scm/additive-scm.js";
import {evaluateJointEffect, exactJointEffect} from "../src/scm/exact-effect.js";
import {jointRegime, mixedRegime, observationalRegime, regimeLabel, singleRegime} from "../src/scm/regime.js";
import {interventionsFromSample, sampleRegime} from "../src/scm/sample-regime.js";
import {strongConfoundingScm, strongConfoundingTruth} from "./scm-fixtures.js";

test("random SCM follows Appendix E: L1-normalized degree-2 polynomials, V_k an input of g_k, stds, families", () => {
  for (let seed = 0; seed < 20; seed++) {
    const scm = randomAdditiveScm(5, seed);
    validateScm(scm);
    for (let k = 0; k < 5; k++) {
      assert.equal(scm.f[k].coef.length, 6);
      assert.equal(scm.g[k].nInputs, scm.parents[k].length + 2);
      assert.equal(scm.g[k].coef.length, monomialCount(scm.parents[k].length + 2, 2));
      for (const poly of [scm.f[k], scm.g[k]]) assert.ok(Math.abs(poly.coef.reduce((s, c) => s + Math.abs(c), 0) - 1) < 1e-12);
      assert.equal(scm.confounderNoise[k].std, 0.5);
      assert.equal(scm.actionNoise[k].std, 0.1);
    }
    assert.equal(scm.outcomeNoise.std, 0.1);
  }
  assert.deepEqual(randomAdditiveScm(4, 9), randomAdditiveScm(4, 9));
  assert.notDeepEqual(randomAdditiveScm(4, 9), randomAdditiveScm(4, 10));
});

test("action DAG: each pair j < k is an edge with probability 0.3; all three noise families occur", () => {
  let edges = 0;
  let pairs = 0;
  const families = new Set<string>();
  for (let seed = 0; seed < 400; seed++) {
    const scm = randomAdditiveScm(5, seed);
    scm.parents.forEach((pa, k) => {
      edges += pa.length;
      pairs += k;
    });
    for (const s of [...scm.confounderNoise, ...scm.actionNoise, scm.outcomeNoise]) families.add(s.family);
  }
  const p = edges / pairs;
  const se = Math.sqrt((0.3 * 0.7) / pairs);
  assert.ok(Math.abs(p - 0.3) < 4 * se, `edge frequency ${p}`);
  assert.deepEqual([...families].sort(), ["gaussian", "logistic", "uniform"]);
});

test("sample mean of Y under a fixed joint intervention matches the closed-form E[Y | do(a)]", () => {
  const n = 200_000;
  for (const seed of [0, 1, 2]) {
    const scm = randomAdditiveScm(5, seed);
    const effect = exactJointEffect(scm);
    for (const a of [[0, 0, 0, 0, 0], [0.3, -0.2, 0.5, 0.1, -0.4]]) {
      const sample = sampleRegime(scm, jointRegime(5), n, seed, {mean: a, std: [0, 0, 0, 0, 0]}, "moment-check");
      const m = meanSem(sample.outcome);
      const truth = evaluateJointEffect(effect, a.map((v) => [v]))[0];
      assert.ok(Math.abs(m.mean - truth) < 5 * m.sem, `seed ${seed} a ${a}: sample ${m.mean} +- ${m.sem}, exact ${truth}`);
    }
  }
});

test("exact effect uses the confounders' fourth moments (degree-4 f, uniform and logistic confounders)", () => {
  const base = strongConfoundingScm();
  // f0 = c^4 + a*c^2: E = E[C^4] + a E[C^2]; basis(2,4) index of c^4 is 14, of a c^2 is 8
  const coef = new Array(15).fill(0);
  coef[14] = 1;
  coef[8] = 1;
  for (const family of ["uniform", "logistic"] as const) {
    const scm: AdditiveScm = {...base, f: [{nInputs: 2, degree: 4, coef}, base.f[1]], confounderNoise: [{family, mean: 0, std: 1}, base.confounderNoise[1]]};
    const a = [0.7, 0];
    const exact = evaluateJointEffect(exactJointEffect(scm), a.map((v) => [v]))[0];
    const fourth = family === "uniform" ? 9 / 5 : 21 / 5;
    assert.ok(Math.abs(exact - (fourth + 0.7 + strongConfoundingTruth(0, 0) - 0)) < 1e-12);
    const m = meanSem(sampleRegime(scm, jointRegime(2), 400_000, 5, {mean: a, std: [0, 0]}, family).outcome);
    assert.ok(Math.abs(m.mean - exact) < 5 * m.sem, `${family}: ${m.mean} +- ${m.sem} vs ${exact}`);
  }
});

test("regimes: intervening cuts A_k from its confounder; mixed regimes intervene exactly on their set", () => {
  const scm = strongConfoundingScm();
  const n = 50_000;
  const corr = (x: Float64Array, y: Float64Array) => {
    const mx = meanSem(x).mean;
    const my = meanSem(y).mean;
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) ** 2;
      syy += (y[i] - my) ** 2;
    }
    return sxy / Math.sqrt(sxx * syy);
  };
  const obs = sampleRegime(scm, observationalRegime(2), n, 1);
  const iv = interventionsFromSample(obs);
  assert.ok(corr(obs.actions[0], obs.confounders[0]) > 0.8);
  const do0 = sampleRegime(scm, singleRegime(2, 0), n, 1, iv);
  assert.ok(Math.abs(corr(do0.actions[0], do0.confounders[0])) < 0.03);
  // A1 still follows its mechanism (and so A0) under do(A0)
  assert.ok(corr(do0.actions[1], do0.actions[0]) > 0.2);
  const mixed = sampleRegime(scm, mixedRegime(2, [1]), n, 1, iv);
  assert.ok(Math.abs(corr(mixed.actions[1], mixed.actions[0])) < 0.03);
  assert.ok(Math.abs(meanSem(do0.actions[0]).mean - iv.mean[0]) < 0.05);
  assert.equal(regimeLabel(mixedRegime(5, [1, 3])), "do1-3");
  assert.equal(regimeLabel(jointRegime(3)), "joint");
  assert.throws(() => sampleRegime(scm, jointRegime(2), 10, 1), /needs an intervention distribution/);
  assert.throws(() => mixedRegime(2, [2]), /not in 0..1/);
});

test("sampling is deterministic per seed and independent of what else was drawn", () => {
  const scm = randomAdditiveScm(3, 4);
  const a = sampleRegime(scm, observationalRegime(3), 1000, 4);
  const b = sampleRegime(scm, observationalRegime(3), 1000, 4);
  assert.deepEqual(a.outcome, b.outcome);
  // the first 500 rows of a 1000-row draw equal a 500-row draw (per-variable streams)
  const c = sampleRegime(scm, observationalRegime(3), 500, 4);
  assert.deepEqual(c.outcome, a.outcome.subarray(0, 500));
  assert.notDeepEqual(sampleRegime(scm, observationalRegime(3), 1000, 5).outcome, a.outcome);
});

test("hand-written SCMs are validated with a message naming the problem", () => {
  const scm = strongConfoundingScm();
  assert.throws(() => validateScm({...scm, parents: [[], [1]]}), /parents\[1\] must be increasing indices below 1/);
  assert.throws(() => validateScm({...scm, f: [scm.f[0]]}), /f has 1 entries, expected K = 2/);
  assert.throws(() => randomAdditiveScm(0, 1), /K must be an integer >= 1/);
});
