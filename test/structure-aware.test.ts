import assert from "node:assert/strict";
import {test} from "node:test";
import {detectAncestors} from "../src/estimators/ancestor-detection.js";
import {ancestorsOf, fitStructureAware, structurePrediction} from "../src/estimators/structure-aware.js";
import {trainingFolds, type TrainingMoments} from "../src/estimators/training-data.js";
import {rmse} from "../src/metrics.js";
import {momentLayout} from "../src/regression/moments.js";
import {fitPolynomialCV, predict} from "../src/regression/polynomial-regression.js";
import type {AdditiveScm} from "../src/scm/additive-scm.js";
import {jointRegime, mixedRegime, observationalRegime, singleRegime} from "../src/scm/regime.js";
import {interventionsFromSample, sampleRegime} from "../src/scm/sample-regime.js";
import {fSurvival, holm, incompleteBeta} from "../src/stats/f-distribution.js";
import {strongConfoundingScm, strongConfoundingTruth} from "./scm-fixtures.js";

function training(scm: AdditiveScm, n: number, seed: number) {
  const K = scm.K;
  const obs = sampleRegime(scm, observationalRegime(K), n, seed);
  const iv = interventionsFromSample(obs);
  const layout = momentLayout(3, obs.actions, obs.outcome);
  const data: TrainingMoments = {
    layout,
    K,
    observational: trainingFolds(layout, obs, n, 3),
    single: Array.from({length: K}, (_, k) => trainingFolds(layout, sampleRegime(scm, singleRegime(K, k), n, seed, iv), n, 3)),
  };
  return {data, iv};
}

/** K = 3, a strong chain A0 -> A1 -> A2 (or no edges at all), Gaussian noise. */
function chain(edges: boolean): AdditiveScm {
  const g = (std: number) => ({family: "gaussian" as const, mean: 0, std});
  return {
    K: 3,
    parents: edges ? [[], [0], [1]] : [[], [], []],
    f: [0, 1, 2].map(() => ({nInputs: 2, degree: 2, coef: [0, 1, 1, -0.3, 0.5, 0]})),
    g: edges
      ? [{nInputs: 2, degree: 1, coef: [0, 1, 1]}, {nInputs: 3, degree: 1, coef: [0, 0.8, 1, 1]}, {nInputs: 3, degree: 1, coef: [0, 0.8, 1, 1]}]
      : [0, 1, 2].map(() => ({nInputs: 2, degree: 1, coef: [0, 1, 1]})),
    confounderNoise: [g(1), g(1), g(1)],
    actionNoise: [g(0.5), g(0.5), g(0.5)],
    outcomeNoise: g(0.1),
  };
}

test("F distribution and Holm: known values", () => {
  assert.ok(Math.abs(incompleteBeta(0.5, 2, 2) - 0.5) < 1e-12);
  assert.ok(Math.abs(incompleteBeta(0.3, 1, 1) - 0.3) < 1e-12);
  // F(1, 10) upper 5% point is 4.9646; F(3, 100) upper 1% point is 3.9837
  assert.ok(Math.abs(fSurvival(4.9646, 1, 10) - 0.05) < 1e-4);
  assert.ok(Math.abs(fSurvival(3.9837, 3, 100) - 0.01) < 1e-4);
  assert.deepEqual(holm([0.001, 0.04, 0.03, 0.2], 0.05), [true, false, false, false]);
  assert.deepEqual(holm([0.001, 0.012, 0.02, 0.2], 0.05), [true, true, true, false]);
});

test("ancestor detection recovers a strong chain (ancestors, not just parents) and finds nothing in an empty graph", () => {
  const found = detectAncestors(training(chain(true), 5000, 1).data);
  assert.deepEqual(found.ancestors, [[], [0], [0, 1]]);
  const none = detectAncestors(training(chain(false), 5000, 2).data);
  assert.deepEqual(none.ancestors, [[], [], []]);
  assert.equal(none.tests.length, 6);
  assert.ok(none.tests.every((t) => t.p > 0.001), "independent pairs should not look dependent");
});

test("structure-aware estimate converges to the exact joint effect, also for mixed interventions (Prop. 1)", () => {
  const scm = strongConfoundingScm();
  const errorAt = (n: number) => {
    const {data, iv} = training(scm, n, 3);
    const fit = fitStructureAware(data, ancestorsOf(scm.parents));
    const test = sampleRegime(scm, jointRegime(2), 4000, 99, iv);
    const truth = test.actions[0].map((a0, i) => strongConfoundingTruth(a0, test.actions[1][i]));
    return {err: rmse(predict(structurePrediction(fit), test.actions), truth), fit, iv};
  };
  const small = errorAt(2000);
  const large = errorAt(100_000);
  assert.ok(large.err < small.err / 3, `error ${small.err} -> ${large.err}`);
  assert.ok(large.err < 0.03, `error at n = 1e5: ${large.err}`);
  // mixed do(A1) with A0 observed: no data from that regime was used; compare with a regression
  // fitted directly to 200,000 rows of it (an independent estimate of E[Y | a0, do(a1)])
  const mixed = sampleRegime(scm, mixedRegime(2, [1]), 200_000, 7, large.iv);
  const layout = momentLayout(3, mixed.actions, mixed.outcome);
  const direct = fitPolynomialCV(layout, trainingFolds(layout, mixed, 200_000, 3)).model;
  const probe = sampleRegime(scm, mixedRegime(2, [1]), 4000, 8, large.iv);
  const gap = rmse(predict(structurePrediction(large.fit, [1]), probe.actions), predict(direct, probe.actions));
  assert.ok(gap < 0.05, `mixed prediction vs direct fit: ${gap}`);
  // the joint prediction is not the mixed one: switching A0's term from h to u matters here
  const joint = predict(structurePrediction(large.fit), probe.actions);
  assert.ok(rmse(joint, predict(direct, probe.actions)) > 0.3);
});
