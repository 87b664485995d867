import assert from "node:assert/strict";
import {test} from "node:test";
import {basisGram, featureTerms, hermiteCoefficients, predictSparse} from "../src/estimators/adaptive-basis.js";
import {fitIGAdaptive, fitStructureAdaptive, igAdaptiveDesign, igAdaptivePrediction, structureAdaptiveDesign, structureAdaptivePrediction} from "../src/estimators/adaptive.js";
import {runTask, PAPER_CONFIGS, type ExperimentConfig} from "../src/experiments/experiments.js";
import {experimentTaskCost} from "../src/experiments/cost-model.js";
import {sweepPoints} from "../src/experiments/experiments.js";
import {monomialBasis} from "../src/features/monomial-basis.js";
import {rmse} from "../src/metrics.js";
import {bestKernel, typescriptKernel} from "../src/regression/moment-kernel.js";
import {foldSizes, type Moments} from "../src/regression/moments.js";
import {emptySetMoments, setLayout, type SetLayout} from "../src/regression/monomial-set.js";
import {standardizationOf} from "../src/regression/standardization.js";
import type {AdditiveScm} from "../src/scm/additive-scm.js";
import {evaluateJointEffect, exactJointEffect} from "../src/scm/exact-effect.js";
import {jointRegime, mixedRegime, observationalRegime, singleRegime} from "../src/scm/regime.js";
import {interventionsFromSample, sampleRegime, type RegimeSample} from "../src/scm/sample-regime.js";

const kernel = bestKernel();
const gaussian = (std: number) => ({family: "gaussian" as const, mean: 0, std});

/**
 * K = 2, A0 -> A1: a0 = C0 + V0, a1 = 0.8 a0 + C1 + V1, Y = sum_k p_k(a_k) + C_k + U, with the
 * given confounder family. For Gaussian confounders E[C_k | a] is linear, so h_k(a_k, a_anc) =
 * p_k(a_k) + linear is exactly a polynomial of p_k's degree; for uniform ones it is not.
 */
function scmWith(p: [number, number, number][][], confounder: "gaussian" | "uniform"): AdditiveScm {
  const degree = Math.max(2, ...p.flat().map(([i]) => i));
  const B = monomialBasis(2, degree);
  const f = p.map((terms) => {
    const coef = new Array(B.size).fill(0);
    coef[B.indexOf([0, 1])] = 1;
    for (const [i, , c] of terms) coef[B.indexOf([i, 0])] += c;
    return {nInputs: 2, degree, coef};
  });
  return {
    K: 2,
    parents: [[], [0]],
    f,
    g: [{nInputs: 2, degree: 1, coef: [0, 1, 1]}, {nInputs: 3, degree: 1, coef: [0, 0.8, 1, 1]}],
    confounderNoise: [{family: confounder, mean: 0, std: 1}, {family: confounder, mean: 0, std: 1}],
    actionNoise: [gaussian(0.5), gaussian(0.5)],
    outcomeNoise: gaussian(0.1),
  };
}

function setFolds(set: SetLayout, s: RegimeSample, n: number): Moments[] {
  let at = 0;
  return foldSizes(n, 3).map((rows) => {
    const m = emptySetMoments(set);
    kernel.accumulateSet(set, s.actions, s.outcome, at, at + rows, m);
    at += rows;
    return m;
  });
}

function draw(scm: AdditiveScm, n: number, seed: number) {
  const obs = sampleRegime(scm, observationalRegime(2), n, seed);
  const iv = interventionsFromSample(obs);
  const regimes = [obs, ...[0, 1].map((k) => sampleRegime(scm, singleRegime(2, k), n, seed, iv))];
  return {obs, iv, regimes, standardization: standardizationOf(obs.actions, obs.outcome)};
}

test("set moments: TypeScript and WebAssembly kernels give the sums of each monomial computed directly", () => {
  const n = 1000;
  const cols = [0, 1, 2].map((v) => Float64Array.from({length: n}, (_, i) => Math.sin(i * (v + 1.3)) * 2 + v));
  const y = Float64Array.from({length: n}, (_, i) => Math.cos(i * 0.7));
  const s = standardizationOf(cols, y);
  const set = setLayout(s, [[8, 0, 0], [1, 1, 1]], [[16, 0, 0], [9, 1, 1], [2, 2, 2]]);
  const direct = (e: number[]) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += e.reduce((p, k, v) => p * ((cols[v][i] - s.shiftX[v]) / s.scaleX[v]) ** k, 1);
    return sum;
  };
  for (const k of [typescriptKernel, kernel]) {
    const m = emptySetMoments(set);
    k.accumulateSet(set, cols, y, 0, 617, m);
    k.accumulateSet(set, cols, y, 617, n, m);
    for (const e of [[16, 0, 0], [9, 1, 1], [2, 2, 2], [0, 0, 1], [8, 0, 0]]) {
      const want = direct(e);
      assert.ok(Math.abs(m.mono[set.indexOf(e)] - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${k.name} ${e}: ${m.mono[set.indexOf(e)]} vs ${want}`);
    }
    assert.equal(m.n, n);
  }
  assert.equal(set.indexOf([17, 0, 0]), -1);
  assert.throws(() => setLayout(s, [[1, 0]], []), /^Error: set layout: monomial 0 has 2 exponents, expected 3$/);
});

test("Hermite features: He_n recurrence and the Gram read off set moments equals the Gram of the materialised design", () => {
  // He_4 = z^4 - 6 z^2 + 3, He_5 = z^5 - 10 z^3 + 15 z
  assert.deepEqual(hermiteCoefficients(5)[4], [3, 0, -6, 0, 1]);
  assert.deepEqual(hermiteCoefficients(5)[5], [0, 15, 0, -10, 0, 1]);
  const scm = scmWith([[[3, 0, 0.2]], [[2, 0, 0.3]]], "uniform");
  const {regimes, standardization: s} = draw(scm, 300, 4);
  const design = structureAdaptiveDesign(s, [[], [0]], 6);
  const moments = regimes.map((r) => {
    const m = emptySetMoments(design.set);
    kernel.accumulateSet(design.set, r.actions, r.outcome, 0, r.n, m);
    return m;
  });
  const g = basisGram(design, moments);
  const P = design.features.length;
  const value = (f: number, r: RegimeSample, i: number) => featureTerms(design.features[f].lead).reduce((sum, t) => sum + t.c * t.e.reduce((p, k, v) => p * ((r.actions[v][i] - s.shiftX[v]) / s.scaleX[v]) ** k, 1), 0);
  let worst = 0;
  for (const a of [0, 5, 9, P - 1])
    for (let b = 0; b < P; b++) {
      let want = 0;
      regimes.forEach((r, reg) => {
        if (!(design.features[a].regimes[reg] && design.features[b].regimes[reg])) return;
        for (let i = 0; i < r.n; i++) want += value(a, r, i) * value(b, r, i);
      });
      worst = Math.max(worst, Math.abs(g.sxx[a * P + b] - want) / Math.max(1, Math.abs(want)));
    }
  assert.ok(worst < 1e-10, `largest relative Gram error ${worst}`);
});

test("on an SCM whose h_k is exactly a polynomial of degree d, the adaptive fits choose d (d = 2 and d = 5)", () => {
  for (const d of [2, 5]) {
    const scm = scmWith([[[d, 0, 0.3]], [[d, 0, -0.2]]], "gaussian");
    const n = 30_000;
    const {regimes, standardization, iv} = draw(scm, n, 11 + d);
    const design = structureAdaptiveDesign(standardization, [[], [0]]);
    const fit = fitStructureAdaptive(design, {set: design.set, regimes: regimes.map((r) => setFolds(design.set, r, n))});
    assert.deepEqual(fit.degree, {u: d, h: d}, `chosen ${JSON.stringify(fit.degree)} for d = ${d}`);
    const ig = igAdaptiveDesign(standardization, 2, 8);
    const igFit = fitIGAdaptive(ig, {set: ig.set, regimes: regimes.map((r) => setFolds(ig.set, r, n))});
    assert.deepEqual(igFit.degrees, [d, d, d], `IG chose ${igFit.degrees} for d = ${d}`);
    // the joint effect and the mixed effect do(a1), a0 observed (Prop. 1) against closed forms:
    // E[Y | do(a)] = p0(a0) + p1(a1); E[Y | a0, do(a1)] = p0(a0) + E[C0 | a0] + p1(a1), E[C0 | a0] = a0 / 1.25
    const test = sampleRegime(scm, jointRegime(2), 5000, 99, iv);
    const joint = evaluateJointEffect(exactJointEffect(scm), test.actions);
    const err = rmse(predictSparse(structureAdaptivePrediction(fit), test.actions), joint);
    const spread = rmse(joint, new Float64Array(joint.length).fill(joint.reduce((a, b) => a + b) / joint.length));
    assert.ok(err < 0.02 * spread, `joint RMSE ${err} at d = ${d} (the effect's spread: ${spread})`);
    const igErr = rmse(predictSparse(igAdaptivePrediction(igFit), test.actions), joint);
    assert.ok(igErr < 0.05 * spread, `IG joint RMSE ${igErr} at d = ${d} (spread ${spread})`);
    const mixed = sampleRegime(scm, mixedRegime(2, [1]), 5000, 98, iv);
    const mixedTruth = Float64Array.from(evaluateJointEffect(exactJointEffect(scm), mixed.actions), (v, i) => v + mixed.actions[0][i] / 1.25);
    const mixedErr = rmse(predictSparse(structureAdaptivePrediction(fit, [1]), mixed.actions), mixedTruth);
    assert.ok(mixedErr < 0.03 * spread, `mixed RMSE ${mixedErr} at d = ${d} (the joint effect's spread: ${spread})`);
  }
});

test("on an SCM with non-polynomial h_k (uniform confounders), the adaptive fit's error falls with N where the cubic's stalls", () => {
  const scm = scmWith([[[5, 0, -0.1]], [[4, 0, 0.1]]], "uniform");
  const errors = [20_000, 200_000].map((n) => {
    const {regimes, standardization, iv} = draw(scm, n, 5);
    const design = structureAdaptiveDesign(standardization, [[], [0]]);
    const stats = {set: design.set, regimes: regimes.map((r) => setFolds(design.set, r, n))};
    const test = sampleRegime(scm, jointRegime(2), 20_000, 99, iv);
    const truth = evaluateJointEffect(exactJointEffect(scm), test.actions);
    const error = (fit: ReturnType<typeof fitStructureAdaptive>) => rmse(predictSparse(structureAdaptivePrediction(fit), test.actions), truth);
    return {adaptive: error(fitStructureAdaptive(design, stats)), cubic: error(fitStructureAdaptive(design, stats, {degrees: [3]}))};
  });
  const [small, large] = errors;
  assert.ok(large.cubic > 0.9 * small.cubic, `the cubic should stall: ${small.cubic} -> ${large.cubic}`);
  assert.ok(large.adaptive < 0.7 * small.adaptive, `the adaptive error should fall: ${small.adaptive} -> ${large.adaptive}`);
  assert.ok(large.adaptive < 0.02 * large.cubic, `adaptive ${large.adaptive} vs cubic ${large.cubic} at the larger N`);
});

test("the adaptive methods run in the experiments (second pass over the same rows) and have a cost", () => {
  const c: ExperimentConfig = {...PAPER_CONFIGS.convergence, K: [3], n: [4000], runs: 1, methods: ["structure-aware", "structure-aware-adaptive", "ig-adaptive", "joint-topline"]};
  const rows = runTask(c, {point: 0, run: 0}, kernel);
  assert.deepEqual(rows.map((r) => r.method), c.methods);
  for (const r of rows) assert.ok(Number.isFinite(r.rmseTruth) && r.rmseTruth < 1, `${r.method}: ${r.rmseTruth}`);
  const cost = experimentTaskCost(c, sweepPoints(c)[0]);
  const base = experimentTaskCost({...c, methods: ["structure-aware", "joint-topline"]}, sweepPoints(c)[0]);
  assert.ok(cost.cpuSeconds > base.cpuSeconds, "the second pass costs time");
});

test("adaptive fits refuse statistics of another design in one line", () => {
  const scm = scmWith([[[2, 0, 0.3]], [[2, 0, 0.3]]], "gaussian");
  const {regimes, standardization} = draw(scm, 300, 1);
  const a = structureAdaptiveDesign(standardization, [[], [0]], 4);
  const b = structureAdaptiveDesign(standardization, [[], []], 4);
  const stats = {set: b.set, regimes: regimes.map((r) => setFolds(b.set, r, 300))};
  assert.throws(() => fitStructureAdaptive(a, stats), /^Error: fitStructureAdaptive: statistics were not accumulated over this design's monomial set$/);
  assert.throws(() => structureAdaptiveDesign(standardization, [[], [1]]), /^Error: structure-aware adaptive: action 1 is listed as its own ancestor$/);
  assert.throws(() => fitStructureAdaptive(b, {set: b.set, regimes: stats.regimes.slice(1)}), /^Error: fitStructureAdaptive: 2 regimes, expected 3/);
});

test("IG adaptive at degree <= 3 reads its set moments off the degree-3 layout: the same fit as a second pass", async () => {
  const {generateRunData} = await import("../src/experiments/run-data.js");
  const {setMomentsFromLayout} = await import("../src/estimators/adaptive.js");
  const d = generateRunData(3, {observational: 3000, single: 3000, observationalBaseline: 3000, joint: 3000}, {degree: 3, folds: 3, testFraction: 0.2}, 4, kernel);
  const design = igAdaptiveDesign(d.training.layout, 3);
  const copied = [d.training.observational, ...d.training.single].map((folds) => folds.map((m) => setMomentsFromLayout(d.training.layout, design.set, m)!));
  const replayed = d.replay(design.set);
  copied.forEach((folds, r) => folds.forEach((m, f) => m.mono.forEach((v, i) => assert.ok(Math.abs(v - replayed[r][f].mono[i]) <= 1e-9 * Math.max(1, Math.abs(v)), `regime ${r} fold ${f} monomial ${i}`))));
  const a = igAdaptivePrediction(fitIGAdaptive(design, {set: design.set, regimes: copied}));
  const b = igAdaptivePrediction(fitIGAdaptive(design, {set: design.set, regimes: replayed}));
  const pa = predictSparse(a, d.test.actions);
  const pb = predictSparse(b, d.test.actions);
  assert.ok(rmse(pa, pb) < 1e-8 * (1 + rmse(pa, new Float64Array(pa.length))), "same predictions");
  // a degree-6 set is not in a degree-3 layout
  assert.equal(setMomentsFromLayout(d.training.layout, igAdaptiveDesign(d.training.layout, 3, 6).set, d.training.observational[0]), undefined);
});
