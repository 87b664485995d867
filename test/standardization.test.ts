/**
 * Automatic centring and scaling (issue 11, item 3): the moment layout standardizes actions and
 * outcome from the data, so the estimators are affine equivariant — offsetting or rescaling the
 * data moves the predictions exactly with it — and the degree-6 moments neither lose digits to
 * an offset nor underflow or overflow with the data's magnitude.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {detectAncestors} from "../src/estimators/ancestor-detection.js";
import {additiveProjection} from "../src/estimators/additive-projection.js";
import {fitIndicatorRegression, fitSeparate, indicatorPrediction, interventionGeneralization} from "../src/estimators/intervention-generalization.js";
import {fitSeparateSharedAlpha} from "../src/estimators/shared-alpha.js";
import {fitStructureAware, structurePrediction} from "../src/estimators/structure-aware.js";
import {trainingFolds, type TrainingMoments} from "../src/estimators/training-data.js";
import {createWasmKernel} from "../src/regression/moment-kernel.js";
import {accumulateFolds, momentLayout} from "../src/regression/moments.js";
import {fitPolynomialCV, predict, rawCoefficientsOf, type PolynomialModel} from "../src/regression/polynomial-regression.js";
import {locationScale} from "../src/regression/standardization.js";
import {randomStream} from "../src/random/streams.js";
import {sampleNoise} from "../src/random/noise.js";
import {jointRegime, observationalRegime, singleRegime} from "../src/scm/regime.js";
import {interventionsFromSample, sampleRegime, type RegimeSample} from "../src/scm/sample-regime.js";
import {strongConfoundingScm} from "./scm-fixtures.js";

const scm = strongConfoundingScm();
const n = 3000;
const obs = sampleRegime(scm, observationalRegime(2), n, 3);
const iv = interventionsFromSample(obs);
const singles = [0, 1].map((k) => sampleRegime(scm, singleRegime(2, k), n, 3, iv));
const probe = sampleRegime(scm, jointRegime(2), 500, 4, iv);

/** x -> a x + b on the actions, y -> c y + d on the outcome. */
const transform = (s: RegimeSample, a: number, b: number, c: number, d: number): RegimeSample => ({
  ...s,
  actions: s.actions.map((col) => col.map((v) => a * v + b)),
  outcome: s.outcome.map((v) => c * v + d),
});

/** Every joint-effect estimator of the library fitted to (transformed) training data; the models predict y. */
function estimators(a: number, b: number, c: number, d: number): Record<string, PolynomialModel> {
  const o = transform(obs, a, b, c, d);
  const layout = momentLayout(3, o.actions, o.outcome);
  const data: TrainingMoments = {layout, K: 2, observational: trainingFolds(layout, o, n, 3), single: singles.map((s) => trainingFolds(layout, transform(s, a, b, c, d), n, 3))};
  const fits = fitSeparate(data);
  const ig = interventionGeneralization(fits);
  return {
    "IG, separate fits": ig,
    "IG, one regression": indicatorPrediction(fitIndicatorRegression(data)),
    "IG, one shared alpha": interventionGeneralization(fitSeparateSharedAlpha(data)),
    "IG + additive projection": additiveProjection(ig, {mean: iv.mean.map((m) => a * m + b), std: iv.std.map((s) => Math.abs(a) * s)}),
    "structure-aware": structurePrediction(fitStructureAware(data, detectAncestors(data).ancestors)),
    "observational": fitPolynomialCV(layout, data.observational).model,
  };
}

const reference = estimators(1, 0, 1, 0);
const referencePredictions = Object.fromEntries(Object.entries(reference).map(([k, m]) => [k, predict(m, probe.actions)]));
const spread = locationScale(obs.outcome).scale;

for (const [label, a, b, c, d, tol] of [
  ["actions offset by 1e4", 1, 1e4, 1, 0, 1e-8],
  ["actions and outcome offset by 1e4", 1, 1e4, 1, -1e4, 1e-8],
  ["actions and outcome scaled by 1e-150", 1e-150, 0, 1e-150, 0, 1e-9],
  ["actions and outcome scaled by 1e150", 1e150, 0, 1e150, 0, 1e-9],
  ["actions scaled by 1e-150, outcome by 1e150, both offset", 1e-150, 3e-150, 1e150, 2e150, 1e-9],
  ["actions mirrored and scaled by 7", -7, 0.5, 1, 0, 1e-9],
] as const)
  test(`equivariance: ${label} moves every estimator's predictions exactly with the data`, () => {
    const moved = estimators(a, b, c, d);
    const probeMoved = probe.actions.map((col) => col.map((v) => a * v + b));
    for (const [method, model] of Object.entries(moved)) {
      const pred = predict(model, probeMoved);
      const ref = referencePredictions[method];
      // back to the original units: (pred - d) / c
      let worst = 0;
      pred.forEach((p, i) => (worst = Math.max(worst, Math.abs((p - d) / c - ref[i]))));
      assert.ok(worst <= tol * spread, `${method}: largest difference ${worst} (tolerance ${tol * spread})`);
    }
  });

test("a noiseless cubic offset by 1e4 is recovered to 1e-9 (a closed form; the unstandardized moments lost ~1)", () => {
  const x0 = sampleNoise({family: "gaussian", mean: 0, std: 1}, randomStream(5, "x0"), 2000);
  const x1 = sampleNoise({family: "uniform", mean: 0, std: 1}, randomStream(5, "x1"), 2000);
  const truth = (u: number, v: number) => 1 + 2 * u - 0.7 * u * v + 0.3 * u ** 3 - 0.4 * v * v;
  const offset = 1e4;
  const x = [x0.map((v) => v + offset), x1.map((v) => v - offset)];
  const y = x0.map((u, i) => truth(u, x1[i]));
  for (const kernel of [undefined, createWasmKernel()!.accumulate]) {
    const layout = momentLayout(3, x, y);
    const {model} = fitPolynomialCV(layout, accumulateFolds(layout, x, y, 2000, 3, kernel), {alphas: [1e-12]});
    const pred = predict(model, x);
    pred.forEach((p, i) => assert.ok(Math.abs(p - y[i]) < 1e-9, `row ${i}: ${p} vs ${y[i]}`));
  }
});

test("values of order 1e-150: a noiseless quadratic recovered in its own units, no underflow", () => {
  const s = 1e-150;
  const u = sampleNoise({family: "gaussian", mean: 0, std: 1}, randomStream(6, "u"), 900);
  const v = sampleNoise({family: "logistic", mean: 0, std: 1}, randomStream(6, "v"), 900);
  const x = [u.map((w) => w * s), v.map((w) => w * s)];
  // y = s (1 + u - 2 u v + v^2): in raw units the coefficient of x0 x1 is -2 / s
  const y = u.map((w, i) => s * (1 + w - 2 * w * v[i] + v[i] * v[i]));
  const layout = momentLayout(2, x, y);
  const {model} = fitPolynomialCV(layout, accumulateFolds(layout, x, y, 900, 3), {alphas: [1e-12]});
  predict(model, x).forEach((p, i) => assert.ok(Math.abs(p / s - y[i] / s) < 1e-9, `row ${i}: ${p / s} vs ${y[i] / s}`));
});

test("raw coefficients of a standardized fit equal the generating polynomial's (basis 1, a, b, a^2, ab, b^2)", () => {
  const a = sampleNoise({family: "gaussian", mean: 3, std: 2}, randomStream(7, "a"), 500);
  const b = sampleNoise({family: "uniform", mean: -1, std: 0.5}, randomStream(7, "b"), 500);
  const coef = [0.5, -1, 2, 0.25, -0.75, 1.5];
  const y = a.map((u, i) => coef[0] + coef[1] * u + coef[2] * b[i] + coef[3] * u * u + coef[4] * u * b[i] + coef[5] * b[i] * b[i]);
  const layout = momentLayout(2, [a, b], y);
  const raw = rawCoefficientsOf(fitPolynomialCV(layout, accumulateFolds(layout, [a, b], y, 500, 3), {alphas: [1e-12]}).model);
  raw.forEach((c, m) => assert.ok(Math.abs(c - coef[m]) < 1e-8, `monomial ${m}: ${c} vs ${coef[m]}`));
});

test("locationScale: mean and sd (ddof 0) without overflow at 1e300; a constant column scales by its magnitude", () => {
  const big = locationScale([1e300, 3e300, 5e300]);
  assert.ok(Math.abs(big.location / 3e300 - 1) < 1e-15 && Math.abs(big.scale / (Math.sqrt(8 / 3) * 1e300) - 1) < 1e-15, JSON.stringify(big));
  assert.deepEqual(locationScale([-4, -4, -4]), {location: -4, scale: 4});
  assert.deepEqual(locationScale([0, 0]), {location: 0, scale: 1});
});
