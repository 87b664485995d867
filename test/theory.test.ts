import assert from "node:assert/strict";
import {test} from "node:test";
import {blockRegime, combineCellMeans, confounderPosterior, decompositionRhs, exactConditionalMean, factorizationGap, randomDiscreteScm, sampleCellMeans} from "../src/theory/discrete-scm.js";

const mask = (K: number, on: number[]) => Array.from({length: K}, (_, k) => on.includes(k));

test("decompositions (12)-(14) and (81): each regime's E[Y | a] equals the proof's formula with the observational posterior", () => {
  for (const seed of [0, 1, 2, 3]) {
    const scm = randomDiscreteScm(3, seed, {strength: 2.5});
    for (const S of [[], [0], [1], [2], [0, 2], [0, 1, 2]]) {
      const lhs = exactConditionalMean(scm, mask(3, S));
      const rhs = decompositionRhs(scm, mask(3, S));
      lhs.forEach((v, a) => assert.ok(Math.abs(v - rhs[a]) < 1e-12, `seed ${seed}, do(${S}), a = ${a}: ${v} vs ${rhs[a]}`));
    }
  }
});

test("the observational E[Y | a] is not the joint effect when there is confounding", () => {
  const scm = randomDiscreteScm(3, 5, {strength: 2.5});
  const obs = exactConditionalMean(scm, mask(3, []));
  const joint = exactConditionalMean(scm, mask(3, [0, 1, 2]));
  assert.ok(Math.max(...obs.map((v, a) => Math.abs(v - joint[a]))) > 0.3);
});

test("Lemma 1: intervening on A_j leaves p(c_k | a) of every other action unchanged", () => {
  for (const seed of [0, 1, 2]) {
    const scm = randomDiscreteScm(4, seed);
    const obs = confounderPosterior(scm, mask(4, []));
    for (let j = 0; j < 4; j++) {
      const post = confounderPosterior(scm, mask(4, [j]));
      for (let k = 0; k < 4; k++) {
        if (k === j) continue;
        post[k].forEach((p, a) => assert.ok(Math.abs(p - obs[k][a]) < 1e-12, `do(A${j}): p(c${k} | a=${a}) ${p} vs ${obs[k][a]}`));
      }
      // ... while the intervened action's own confounder falls back to its prior
      post[j].forEach((p) => assert.ok(Math.abs(p - scm.confounderP[j]) < 1e-12));
    }
  }
});

test("Lemma 2 a-c: the confounders' posterior factorizes in every regime, but not once the collider Y is conditioned on", () => {
  for (const seed of [0, 4]) {
    const scm = randomDiscreteScm(3, seed, {strength: 2.5});
    for (const S of [[], [1], [0, 1, 2]]) assert.ok(factorizationGap(scm, mask(3, S)) < 1e-12, `seed ${seed}, do(${S})`);
    assert.ok(factorizationGap(scm, mask(3, []), true) > 1e-3, "conditioning on Y should couple the confounders");
  }
});

test("the proof's estimator from exact regime means recovers the joint effect (76)-(80) and mixed effects (Prop. 1)", () => {
  const scm = randomDiscreteScm(3, 7, {strength: 3});
  const exact = (S: number[]) => exactConditionalMean(scm, mask(3, S));
  const obs = exact([]);
  const singles = [0, 1, 2].map((j) => exact([j]));
  for (const S of [[0, 1, 2], [1], [0, 2]]) {
    const target = exact(S);
    target.forEach((t, a) => {
      const est = obs[a] + S.reduce((s, j) => s + singles[j][a] - obs[a], 0);
      assert.ok(Math.abs(est - t) < 1e-12, `S = ${S}, a = ${a}`);
    });
  }
});

test("Corollary 1: with an interaction inside a block, single interventions fail and block interventions succeed", () => {
  const scm = randomDiscreteScm(3, 2, {strength: 2.5, blocks: [[0, 1], [2]], interaction: 2});
  const exact = (S: number[]) => exactConditionalMean(scm, mask(3, S));
  const joint = exact([0, 1, 2]);
  const obs = exact([]);
  const perAction = joint.map((_, a) => obs[a] + [0, 1, 2].reduce((s, j) => s + exact([j])[a] - obs[a], 0));
  assert.ok(Math.max(...perAction.map((v, a) => Math.abs(v - joint[a]))) > 0.1, "per-action combination should be wrong here");
  const perBlock = joint.map((_, a) => obs[a] + [[true, false], [false, true]].reduce((s, on) => s + exactConditionalMean(scm, blockRegime(scm, on))[a] - obs[a], 0));
  perBlock.forEach((v, a) => assert.ok(Math.abs(v - joint[a]) < 1e-12, `a = ${a}: ${v} vs ${joint[a]}`));
  // and the block decomposition (90)-(92) holds
  const rhs = decompositionRhs(scm, [true, true]);
  joint.forEach((v, a) => assert.ok(Math.abs(v - rhs[a]) < 1e-12));
});

test("Monte Carlo: cell means of 200,000 rows per regime estimate the joint effect within 4 standard errors", () => {
  const scm = randomDiscreteScm(3, 11, {strength: 2});
  const n = 200_000;
  const obs = sampleCellMeans(scm, mask(3, []), n, 1, "obs");
  const singles = [0, 1, 2].map((j) => sampleCellMeans(scm, mask(3, [j]), n, 1, `do${j}`));
  const est = combineCellMeans(obs, singles, [true, true, true]);
  const exact = exactConditionalMean(scm, mask(3, [0, 1, 2]));
  exact.forEach((t, a) => assert.ok(Math.abs(est.mean[a] - t) < 4 * est.se[a], `a = ${a}: ${est.mean[a]} ± ${est.se[a]} vs ${t}`));
  assert.throws(() => randomDiscreteScm(3, 1, {blocks: [[0], [2]]}), /blocks must partition/);
});

test("Saengkyongam & Silva base case: f2, Sigma_ux, sigma_Y1, sigma_Y2 and fY are recovered, better with more data", async () => {
  const {DEFAULT_BASE_CASE: m, effectError, identifyBaseCase, sampleBaseCase} = await import("../src/theory/gaussian-anm-base-case.js");
  const fit = (n: number) => identifyBaseCase(sampleBaseCase(m, "observational", n, 3), sampleBaseCase(m, "do(X1)", n, 3), sampleBaseCase(m, "do(X2)", n, 3));
  const small = fit(500);
  const large = fit(100_000);
  const errors = (r: ReturnType<typeof fit>) => [
    Math.abs(r.f2[1] - m.f2[1]),
    Math.abs(r.sigma12 - m.rho12),
    Math.abs(r.sigmaY1 - m.rho1Y),
    Math.abs(r.sigmaY2 - m.rho2Y),
    effectError(m, r.fY),
  ];
  const [ef2, e12, eY1, eY2, eF] = errors(large);
  assert.ok(ef2 < 0.02 && e12 < 0.02 && eY1 < 0.03 && eY2 < 0.03, `errors at n = 1e5: ${errors(large)}`);
  assert.ok(eF < 0.02, `fY error ${eF}`);
  assert.ok(errors(small).reduce((s, v) => s + v, 0) > 2 * errors(large).reduce((s, v) => s + v, 0));
  // the observational regression is confounded and stays wrong
  assert.ok(effectError(m, large.naive) > 0.3, `naive error ${effectError(m, large.naive)}`);
});
