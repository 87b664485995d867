import {additiveProjection} from "../estimators/additive-projection.js";
import {detectAncestors, type AncestorTest} from "../estimators/ancestor-detection.js";
import {fitJointTopline} from "../estimators/baselines.js";
import {fitSeparate, interventionGeneralization} from "../estimators/intervention-generalization.js";
import {fitSeparateSharedAlpha} from "../estimators/shared-alpha.js";
import {ancestorsOf, fitStructureAware, structurePrediction} from "../estimators/structure-aware.js";
import {rmse} from "../metrics.js";
import {fitStructureAdaptive, structureAdaptiveDesign, structureAdaptivePrediction} from "../estimators/adaptive.js";
import {predictSparse} from "../estimators/adaptive-basis.js";
import type {MomentKernel} from "../regression/moment-kernel.js";
import {fitPolynomialCV, predict, predictMany} from "../regression/polynomial-regression.js";
import {accumulateFolds, momentLayout} from "../regression/moments.js";
import {randomAdditiveScm} from "../scm/additive-scm.js";
import {evaluate} from "../scm/polynomial.js";
import {observationalRegime} from "../scm/regime.js";
import {sampleRegime} from "../scm/sample-regime.js";
import {PAPER_ALPHAS} from "../regression/ridge.js";
import {generateRunData} from "./run-data.js";

/** One SCM, every estimator of the "beyond the paper" page, scored against the exact joint effect. */
export interface BeyondDemoResult {
  K: number;
  n: number;
  seed: number;
  parents: number[][];
  trueAncestors: number[][];
  detectedAncestors: number[][];
  tests: AncestorTest[];
  /** the alpha each of the paper's K + 1 fits chose (observational first), and the shared one */
  paperAlphas: number[];
  sharedAlphas: number[];
  errors: {estimator: string; rmseTruth: number}[];
  /** the degrees the adaptive fit chose for u_k and h_k */
  adaptiveDegrees: Record<string, number>;
}

export function runBeyondDemo(K: number, n: number, seed: number, kernel: MomentKernel): BeyondDemoResult {
  const data = generateRunData(K, {observational: n, single: n, observationalBaseline: n, joint: n}, {degree: 3, folds: 3, testFraction: 0.2}, seed, kernel);
  const paper = fitSeparate(data.training, {alphas: PAPER_ALPHAS});
  const ig = interventionGeneralization(paper);
  const shared = fitSeparateSharedAlpha(data.training);
  const igShared = interventionGeneralization(shared);
  const trueAncestors = ancestorsOf(data.scm.parents);
  const detection = detectAncestors(data.training);
  const models = [
    ["the paper's IG (per-model alphas)", ig],
    ["IG + additive projection", additiveProjection(ig, data.interventions)],
    ["IG, one shared alpha", igShared],
    ["IG, shared alpha + projection", additiveProjection(igShared, data.interventions)],
    ["structure-aware, true ancestors", structurePrediction(fitStructureAware(data.training, trueAncestors))],
    ["structure-aware, detected ancestors", structurePrediction(fitStructureAware(data.training, detection.ancestors))],
    ["joint-data topline", fitJointTopline(data.training, {alphas: PAPER_ALPHAS}).model],
  ] as const;
  const preds = predictMany(models.map(([, m]) => m), data.test.actions);
  // the adaptive-degree structure-aware fit (its own pass over the rows, over its monomial set)
  const design = structureAdaptiveDesign(data.training.layout, detection.ancestors);
  const adaptive = fitStructureAdaptive(design, {set: design.set, regimes: data.replay(design.set)});
  const adaptiveError = rmse(predictSparse(structureAdaptivePrediction(adaptive), data.test.actions), data.test.truth);
  return {
    K,
    n,
    seed,
    parents: data.scm.parents,
    trueAncestors,
    detectedAncestors: detection.ancestors,
    tests: detection.tests,
    paperAlphas: paper.alphas,
    sharedAlphas: shared.alphas,
    errors: [
      ...models.slice(0, -1).map(([estimator], i) => ({estimator, rmseTruth: rmse(preds[i], data.test.truth)})),
      {estimator: "structure-aware, adaptive degree", rmseTruth: adaptiveError},
      {estimator: models[models.length - 1][0], rmseTruth: rmse(preds[models.length - 1], data.test.truth)},
    ],
    adaptiveDegrees: adaptive.degree,
  };
}

/**
 * Why a cubic has a floor: h_k(a) = E[f_k(A_k, C_k) | A_k = a] for a root action k (no parents,
 * so h_k depends on a_k alone), estimated without any model from `n` observational rows of the
 * SCM (the hidden C_k is known to the simulator: the mean of f_k(A_k, C_k) in each of `bins`
 * equal-mass bins of A_k), against least-squares polynomials of degree 3 and `degree` in A_k fitted
 * to the same rows. Of the roots, the one the cubic fits worst is shown.
 */
export interface HCurve {
  action: number;
  n: number;
  degree: number;
  points: {a: number; h: number; cubic: number; high: number}[];
  /** RMS over the bins (equal mass) of each fit's distance to the binned h_k */
  cubicMisfit: number;
  highMisfit: number;
  /** the binned curve's own sampling error (RMS of the bins' standard errors) */
  binError: number;
}

export function hCurve(K: number, seed: number, n = 200_000, degree = 6, bins = 40): HCurve {
  const scm = randomAdditiveScm(K, seed);
  const obs = sampleRegime(scm, observationalRegime(K), n, seed, undefined, "h-curve");
  const roots = scm.parents.flatMap((p, k) => (p.length === 0 ? [k] : []));
  const curves = roots.map((k) => {
    const a = obs.actions[k];
    const v = evaluate(scm.f[k], [a, obs.confounders[k]]);
    const fitOf = (d: number) => {
      const layout = momentLayout(d, [a], v);
      return fitPolynomialCV(layout, accumulateFolds(layout, [a], v, n, 2), {alphas: [1e-9]}).model;
    };
    const order = Int32Array.from({length: n}, (_, i) => i).sort((i, j) => a[i] - a[j]);
    const points: {a: number; h: number; se: number}[] = [];
    for (let b = 0; b < bins; b++) {
      const lo = Math.floor((b * n) / bins);
      const hi = Math.floor(((b + 1) * n) / bins);
      let sa = 0, sv = 0, svv = 0;
      for (let i = lo; i < hi; i++) {
        sa += a[order[i]];
        sv += v[order[i]];
        svv += v[order[i]] ** 2;
      }
      const m = hi - lo;
      points.push({a: sa / m, h: sv / m, se: Math.sqrt(Math.max(svv / m - (sv / m) ** 2, 0) / m)});
    }
    const at = [Float64Array.from(points, (p) => p.a)];
    const cubic = predict(fitOf(3), at);
    const high = predict(fitOf(degree), at);
    const rms = (f: Float64Array) => Math.sqrt(points.reduce((s, p, i) => s + (f[i] - p.h) ** 2, 0) / points.length);
    return {
      action: k,
      n,
      degree,
      points: points.map((p, i) => ({a: p.a, h: p.h, cubic: cubic[i], high: high[i]})),
      cubicMisfit: rms(cubic),
      highMisfit: rms(high),
      binError: Math.sqrt(points.reduce((s, p) => s + p.se ** 2, 0) / points.length),
    };
  });
  return curves.reduce((best, c) => (c.cubicMisfit > best.cubicMisfit ? c : best));
}
