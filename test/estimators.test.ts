import assert from "node:assert/strict";
import {test} from "node:test";
import {fitJointTopline, fitObservational, fitPooled} from "../src/estimators/baselines.js";
import {fitIndicatorRegression, fitSeparate, indicatorPrediction, interventionGeneralization} from "../src/estimators/intervention-generalization.js";
import {trainingFolds, type TrainingMoments} from "../src/estimators/training-data.js";
import {rmse} from "../src/metrics.js";
import {momentLayout} from "../src/regression/moments.js";
import {predict} from "../src/regression/polynomial-regression.js";
import {jointRegime, observationalRegime, singleRegime} from "../src/scm/regime.js";
import {interventionsFromSample, sampleRegime} from "../src/scm/sample-regime.js";
import {strongConfoundingScm, strongConfoundingTruth} from "./scm-fixtures.js";
import {fitSeparateSharedAlpha} from "../src/estimators/shared-alpha.js";

function errors(n: number, seed: number) {
  const scm = strongConfoundingScm();
  const obs = sampleRegime(scm, observationalRegime(2), n, seed);
  const iv = interventionsFromSample(obs);
  const layout = momentLayout(3, obs.actions, obs.outcome);
  const data: TrainingMoments = {
    layout,
    K: 2,
    observational: trainingFolds(layout, obs, n, 3),
    single: [0, 1].map((k) => trainingFolds(layout, sampleRegime(scm, singleRegime(2, k), n, seed, iv), n, 3)),
  };
  const jointData = sampleRegime(scm, jointRegime(2), n, seed, iv);
  data.joint = trainingFolds(layout, jointData, n, 3);
  const test = sampleRegime(scm, jointRegime(2), 5000, seed + 1000, iv);
  const truth = test.actions[0].map((a0, i) => strongConfoundingTruth(a0, test.actions[1][i]));
  const err = (model: Parameters<typeof predict>[0]) => rmse(predict(model, test.actions), truth);
  return {
    ig: err(interventionGeneralization(fitSeparate(data))),
    indicators: err(indicatorPrediction(fitIndicatorRegression(data))),
    observational: err(fitObservational(data).model),
    pooled: err(fitPooled(data).model),
    joint: err(fitJointTopline(data).model),
    shared: err(interventionGeneralization(fitSeparateSharedAlpha(data))),
    sharedFit: fitSeparateSharedAlpha(data),
  };
}

test("IG converges to the closed-form joint effect under strong confounding; the observational fit stays biased", () => {
  const small = errors(2_000, 1);
  const large = errors(200_000, 1);
  assert.ok(large.ig < small.ig / 3, `IG error ${small.ig} -> ${large.ig}`);
  assert.ok(large.ig < 0.06, `IG error at n = 2e5: ${large.ig}`);
  assert.ok(large.indicators < 0.06, `IG (indicators) error at n = 2e5: ${large.indicators}`);
  assert.ok(large.joint < 0.05, `topline error ${large.joint}`);
  // E[Y|a] carries 2 E[C0|a] + 1.5 E[C1|a] + ...: a bias of order 1 that data cannot remove
  assert.ok(large.observational > 0.5, `observational error ${large.observational}`);
  assert.ok(large.observational > 0.8 * small.observational);
  assert.ok(large.pooled > 0.3, `pooled error ${large.pooled}`);
  // one shared alpha, scaled by each regime's rows (equal here), converges too
  assert.ok(large.shared < 0.06 && large.shared < small.shared / 3, `shared-alpha IG ${small.shared} -> ${large.shared}`);
  assert.ok(large.sharedFit.alphas.every((a) => a === large.sharedFit.alphas[0]));
});

test("shared alpha is scaled by each regime's rows", () => {
  const scm = strongConfoundingScm();
  const obs = sampleRegime(scm, observationalRegime(2), 3000, 5);
  const iv = interventionsFromSample(obs);
  const layout = momentLayout(3, obs.actions, obs.outcome);
  const data: TrainingMoments = {
    layout,
    K: 2,
    observational: trainingFolds(layout, obs, 3000, 3),
    single: [0, 1].map((k) => trainingFolds(layout, sampleRegime(scm, singleRegime(2, k), 600, 5, iv), 600, 3)),
  };
  const fit = fitSeparateSharedAlpha(data);
  assert.ok(Math.abs(fit.alphas[1] / fit.alphas[0] - 0.2) < 1e-12 && Math.abs(fit.alphas[2] / fit.alphas[0] - 0.2) < 1e-12, `alphas ${fit.alphas}`);
  assert.equal(fit.alphas[0], fit.alpha);
});
