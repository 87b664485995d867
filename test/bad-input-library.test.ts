/**
 * The library's hostile-input corpus (issue 11, items 3, 4 and 12): each row is a public entry
 * point called with input it cannot use, and a fragment of the one-line message it must throw.
 * No row may return a number. New entry points add their rows here.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {syntheticAnm} from "../src/anm/synthetic-anm.js";
import {kdeLogDensity} from "../src/anm/gaussian-kde.js";
import {BENCHMARK_DEFAULTS, goldStandardAncestors, regimeMatrices, scoreBenchmark, validateBenchmarkConfig} from "../src/dream4/benchmark.js";
import {dream4GroundTruth, kineticObservations} from "../src/anm/dream4-kinetic.js";
import {fitIndependentNoise} from "../src/anm/independent-noise-fit.js";
import {bootstrapIndex, marginalsOf, sampleAnm, takeRows, type AnmSample} from "../src/anm/anm-sampling.js";
import {fitJointLikelihood, fitJointLikelihoodFromGrams, trainingGrams, type JointLikelihoodOptions} from "../src/anm/joint-likelihood.js";
import {fitReg, fitRegInd} from "../src/anm/regression-baselines.js";
import {additiveProjection} from "../src/estimators/additive-projection.js";
import {detectAncestors} from "../src/estimators/ancestor-detection.js";
import {fitJointTopline, fitObservational, fitPooled} from "../src/estimators/baselines.js";
import {fitIndicatorRegression, fitSeparate, indicatorPrediction, interventionGeneralization} from "../src/estimators/intervention-generalization.js";
import {fitSeparateSharedAlpha} from "../src/estimators/shared-alpha.js";
import {ancestorsOf, fitStructureAware, structurePrediction} from "../src/estimators/structure-aware.js";
import {trainingFolds, type TrainingMoments} from "../src/estimators/training-data.js";
import {metadataOf, resultsFromArrow, resultsToArrow} from "../src/io/results-table.js";
import {recordsFromArrow, recordsToArrow} from "../src/io/record-table.js";
import {quantile, ranks, spearman} from "../src/metrics.js";
import {FoldAccumulator} from "../src/regression/fold-accumulator.js";
import {createWasmKernel, typescriptKernel} from "../src/regression/moment-kernel.js";
import {accumulateFolds, accumulateMoments, emptyMoments, momentLayout, momentLayoutWith} from "../src/regression/moments.js";
import {combineModels, fitPolynomialCV, predict, predictMany} from "../src/regression/polynomial-regression.js";
import {observationalRegime, singleRegime} from "../src/scm/regime.js";
import {interventionsFromSample, sampleRegime} from "../src/scm/sample-regime.js";
import {strongConfoundingScm} from "./scm-fixtures.js";
import {violatedScm, withViolation} from "../src/violations/violated-scm.js";
import {violatedJointEffect} from "../src/violations/violated-effect.js";
import {violatedSampler} from "../src/violations/violated-sampler.js";
import {anmViolation, anmViolationEffect} from "../src/violations/anm-violations.js";
import {calibratedThreshold, pilotTest, power, separabilityCheck} from "../src/violations/detection.js";
import {runViolation} from "../src/violations/violation-run.js";
import {summarizeViolation, validateViolationConfig} from "../src/violations/violation-sweep.js";
import {budgetSplit, defaultPlanConfig, summarizePlan, validatePlanConfig} from "../src/planning/budget-plan.js";
import {curveOptimum} from "../src/planning/curve-optimum.js";
import {fitPowerLaw, toplineEquivalentRows} from "../src/planning/topline-equivalent.js";

// ---- fixtures: a small, valid K = 2 problem; each row breaks one thing ----
const scm = strongConfoundingScm();
const obs = sampleRegime(scm, observationalRegime(2), 300, 1);
const iv = interventionsFromSample(obs);
const singles = [0, 1].map((k) => sampleRegime(scm, singleRegime(2, k), 300, 1, iv));
const layout = momentLayout(3, obs.actions, obs.outcome);
const data: TrainingMoments = {layout, K: 2, observational: trainingFolds(layout, obs, 300, 3), single: singles.map((s) => trainingFolds(layout, s, 300, 3))};
const fits = fitSeparate(data);
const indicators = fitIndicatorRegression(data);
const structure = fitStructureAware(data, [[], [0]]);
const model = interventionGeneralization(fits);
const other = fitPolynomialCV(momentLayout(3, singles[0].actions, singles[0].outcome), data.observational.map(() => data.observational[0])).model;

const withValue = (c: ArrayLike<number>, i: number, v: unknown): number[] => {
  const out = Array.from(c) as unknown[];
  out[i] = v;
  return out as number[];
};
const anm = syntheticAnm("linear");
const anmObs = sampleAnm(anm, {kind: "observational"}, 200, null, 1);
const anmMarginals = marginalsOf(anmObs, 3);
const anmSingles = [0, 1, 2].map((k) => sampleAnm(anm, {kind: "single", node: k}, 200, anmMarginals, 1, k));
const anmGrams = trainingGrams(anm, {observational: anmObs, single: anmSingles});
const replaceColumn = (s: AnmSample, c: number, col: ArrayLike<number>) => s.map((x, j) => (j === c ? Float64Array.from(col) : x));
const results = resultsToArrow([{K: 2, nTotal: 10, ratio: 1, nObs: 5, nSingle: 5, nJoint: 5, run: 0, seed: 1, method: "pooled", rmse: 1, rmseTruth: 1, effectSd: 1, alphas: "0.1"}], {experiment: "main"});
const records = recordsToArrow([{a: 1, b: "x"}], {experiment: "anm-consistency"});
const dup = Array.from(obs.actions[0]);

interface Row {
  what: string;
  call: () => unknown;
  message: string | RegExp;
}

const rows: Row[] = [
  // ---- item 3: regimes and indices ----
  {what: "IG fit with a regime missing (only do(A1) for K = 2)", call: () => fitSeparate({...data, single: [data.single[0]]}), message: "regime do(A2) missing"},
  {what: "indicator regression with a regime missing", call: () => fitIndicatorRegression({...data, single: [data.single[0]]}), message: "regime do(A2) missing"},
  {what: "pooled fit with a regime missing", call: () => fitPooled({...data, single: [data.single[0]]}), message: "regime do(A2) missing"},
  {what: "shared-alpha IG with a regime missing", call: () => fitSeparateSharedAlpha({...data, single: [data.single[0]]}), message: "regime do(A2) missing"},
  {what: "structure-aware fit with a regime missing", call: () => fitStructureAware({...data, single: [data.single[0]]}, [[], [0]]), message: "regime do(A2) missing"},
  {what: "ancestor detection with a regime missing", call: () => detectAncestors({...data, single: [data.single[0]]}), message: "regime do(A2) missing"},
  {what: "a hole where do(A1) should be", call: () => fitSeparate({...data, single: [undefined as never, data.single[1]]}), message: "regime do(A1) missing"},
  {what: "more single-intervention regimes than actions", call: () => fitSeparate({...data, single: [...data.single, data.single[0]]}), message: "3 single-intervention regimes for K = 2"},
  {what: "K = 0", call: () => fitSeparate({...data, K: 0}), message: "K: 0; expected an integer >= 1"},
  {what: "K disagrees with the layout", call: () => fitSeparate({...data, K: 3, single: [...data.single, data.single[0]]}), message: "K = 3 but the layout has 2 actions"},
  {what: "zero rows in a regime's fold", call: () => fitSeparate({...data, single: [data.single[0], data.single[1].map((m, f) => (f === 1 ? emptyMoments(layout) : m))]}), message: "regime do(A2), fold 1: 0 rows"},
  {what: "a regime with fewer folds than the observational data", call: () => fitSeparate({...data, single: [data.single[0], data.single[1].slice(0, 2)]}), message: "regime do(A2): 2 folds, expected 3"},
  {what: "observational regime without folds", call: () => fitObservational({...data, observational: []}), message: "no folds"},
  {what: "joint topline without joint data", call: () => fitJointTopline(data), message: "regime joint missing"},
  {what: "IG with do(A1) counted twice", call: () => interventionGeneralization(fits, [0, 0]), message: "index 0 (do(A1)) appears twice"},
  {what: "IG with an out-of-range action", call: () => interventionGeneralization(fits, [2]), message: "index 2 out of range; expected integers in [0, 1]"},
  {what: "IG with a negative action", call: () => interventionGeneralization(fits, [-1]), message: "index -1 out of range"},
  {what: "IG with a fractional action", call: () => interventionGeneralization(fits, [0.5]), message: "index 0.5 out of range"},
  {what: "indicator prediction with a duplicate", call: () => indicatorPrediction(indicators, [1, 1]), message: "index 1 (do(A2)) appears twice"},
  {what: "structure-aware prediction out of range", call: () => structurePrediction(structure, [5]), message: "index 5 out of range"},
  {what: "structure-aware fit with an action its own ancestor", call: () => fitStructureAware(data, [[0], []]), message: "action 0 is listed as its own ancestor"},
  {what: "structure-aware fit with ancestors for the wrong K", call: () => fitStructureAware(data, [[]]), message: "ancestors for 1 actions, data has K = 2"},
  {what: "ancestors of a cyclic graph", call: () => ancestorsOf([[1], [0]]), message: "the parent lists contain a cycle"},
  {what: "ancestors with a parent out of range", call: () => ancestorsOf([[], [2]]), message: "parents of action 1: index 2 out of range"},
  // ---- item 3: values ----
  {what: "NaN in the outcome", call: () => accumulateFolds(layout, obs.actions, withValue(obs.outcome, 5, NaN), 300, 3), message: "outcome, row 5: NaN; expected a finite number"},
  {what: "Infinity in the outcome", call: () => trainingFolds(layout, {...obs, outcome: Float64Array.from(withValue(obs.outcome, 7, Infinity))}, 300, 3), message: "outcome, row 7: Infinity"},
  {what: "NaN in an action", call: () => accumulateFolds(layout, [obs.actions[0], withValue(obs.actions[1], 250, NaN)], obs.outcome, 300, 3), message: "action 1, row 250: NaN"},
  {what: "-Infinity in an action (WebAssembly kernel)", call: () => accumulateFolds(layout, [withValue(obs.actions[0], 3, -Infinity), obs.actions[1]], obs.outcome, 300, 3, createWasmKernel()!.accumulate), message: "action 0, row 3: -Infinity"},
  {what: "a string in an action", call: () => accumulateFolds(layout, [withValue(obs.actions[0], 9, "1.5"), obs.actions[1]], obs.outcome, 300, 3), message: 'action 0, row 9: the string "1.5"'},
  {what: "null in an action", call: () => accumulateMoments(layout, [withValue(obs.actions[0], 2, null), obs.actions[1]], obs.outcome, 0, 300, emptyMoments(layout)), message: "action 0, row 2: null"},
  {what: "ragged action columns", call: () => accumulateFolds(layout, [obs.actions[0], obs.actions[1].subarray(0, 200)], obs.outcome, 300, 3), message: "action 1 has 200 rows, expected at least 300"},
  {what: "outcome shorter than the actions", call: () => accumulateFolds(layout, obs.actions, obs.outcome.subarray(0, 100), 300, 3), message: "outcome: has 100 rows, expected at least 300"},
  {what: "wrong number of action columns", call: () => accumulateFolds(layout, [obs.actions[0]], obs.outcome, 300, 3), message: "actions: 1 columns, expected 2"},
  {what: "a value 1e200 with a layout standardized on data of spread 1", call: () => accumulateFolds(layout, [withValue(obs.actions[0], 4, 1e200), obs.actions[1]], obs.outcome, 300, 3), message: /action 0, row 4: [0-9.]+e\+199 standard units .* overflow/},
  {what: "fewer rows than folds", call: () => accumulateFolds(layout, obs.actions, obs.outcome, 2, 3), message: "cannot split 2 rows into 3 folds"},
  {what: "zero rows", call: () => trainingFolds(layout, obs, 0, 3), message: "cannot split 0 rows into 3 folds"},
  {what: "one fold", call: () => accumulateFolds(layout, obs.actions, obs.outcome, 300, 1), message: "number of folds: 1; expected an integer >= 2"},
  {what: "rows beyond the columns", call: () => accumulateFolds(layout, obs.actions, obs.outcome, 301, 3), message: "has 300 rows, expected at least 301"},
  {what: "a streamed fold accumulator over fewer rows than folds", call: () => new FoldAccumulator(layout, 2, 3, typescriptKernel), message: "cannot split 2 rows into 3 folds"},
  {what: "a streamed chunk with NaN", call: () => new FoldAccumulator(layout, 300, 3, createWasmKernel()!).add([obs.actions[0], withValue(obs.actions[1], 120, NaN)], obs.outcome, 300), message: "action 1, row 120: NaN"},
  {what: "a streamed chunk of -5 rows", call: () => new FoldAccumulator(layout, 300, 3, typescriptKernel).add(obs.actions, obs.outcome, -5), message: "rows in the chunk: -5; expected an integer >= 0"},
  {what: "a kernel call with end before start", call: () => accumulateMoments(layout, obs.actions, obs.outcome, 10, 5, emptyMoments(layout)), message: "end row: 5; expected an integer >= 10"},
  {what: "training data that is null", call: () => fitSeparate(null as unknown as TrainingMoments), message: "fitSeparate: expected training moments, found null"},
  {what: "predict with no action columns", call: () => predict(model, []), message: "predict: actions: 0 columns, expected 2"},
  {what: "negative degree", call: () => momentLayout(-1, obs.actions, obs.outcome), message: "degree: -1; expected an integer in [0, 12]"},
  {what: "non-integer degree", call: () => momentLayout(1.5, obs.actions, obs.outcome), message: "degree: 1.5; expected an integer"},
  {what: "degree given as a string", call: () => momentLayout("3" as unknown as number, obs.actions, obs.outcome), message: 'degree: the string "3"'},
  {what: "a layout from no action columns", call: () => momentLayout(3, [], obs.outcome), message: "actions: no columns"},
  {what: "a layout from zero rows", call: () => momentLayout(3, [new Float64Array(0)], new Float64Array(0)), message: "0 rows; expected at least 1 row"},
  {what: "a layout from NaN data", call: () => momentLayout(3, [withValue(obs.actions[0], 0, NaN), obs.actions[1]], obs.outcome), message: "action 0, row 0: NaN"},
  {what: "an explicit standardization with scale 0", call: () => momentLayoutWith(3, {shiftX: new Float64Array(2), scaleX: Float64Array.from([1, 0]), shiftY: 0, scaleY: 1}), message: "scaleX[1] = 0; expected a positive finite number"},
  {what: "ridge grid with a zero alpha", call: () => fitPolynomialCV(layout, data.observational, {alphas: [0, 1]}), message: "alphas must be positive finite numbers"},
  {what: "ridge grid empty", call: () => fitPolynomialCV(layout, data.observational, {alphas: []}), message: "alphas must be positive finite numbers"},
  {what: "shared alpha with a NaN grid", call: () => fitSeparateSharedAlpha(data, [NaN]), message: "alphas must be positive finite numbers"},
  {what: "predict with NaN actions", call: () => predict(model, [withValue(obs.actions[0], 1, NaN), obs.actions[1]]), message: "predict: actions, action 0, row 1: NaN"},
  {what: "predict with one column for two actions", call: () => predict(model, [obs.actions[0]]), message: "predict: actions: 1 columns, expected 2"},
  {what: "predict with ragged columns", call: () => predict(model, [obs.actions[0], obs.actions[1].subarray(1)]), message: "action 1 has 299 rows, action 0 300; expected equal lengths"},
  {what: "predictMany with differently standardized models", call: () => predictMany([model, other], obs.actions), message: "model 1 is standardized differently from model 0"},
  {what: "combineModels with a NaN weight", call: () => combineModels([model, model], [1, NaN]), message: "weight 1 is NaN"},
  {what: "predict with a model of too few coefficients", call: () => predict({nVars: 2, degree: 3, coef: new Float64Array(3)}, obs.actions), message: "3 coefficients, expected 10"},
  {what: "additive projection with a NaN mean", call: () => additiveProjection(model, {mean: [0, NaN], std: [1, 1]}), message: "mean of action 1 is NaN"},
  {what: "additive projection with a negative std", call: () => additiveProjection(model, {mean: [0, 0], std: [1, -1]}), message: "std of action 1 is -1"},
  {what: "ancestor detection on a degree-2 layout", call: () => detectAncestors({...data, ...(() => {
    const l2 = momentLayout(2, obs.actions, obs.outcome);
    return {layout: l2, observational: trainingFolds(l2, obs, 300, 3), single: singles.map((s) => trainingFolds(l2, s, 300, 3))};
  })()}), message: "layout of degree >= 3"},
  // ---- item 3: the Gaussian ANM ----
  {what: "ANM training data with a regime missing", call: () => fitJointLikelihood(anm, {observational: anmObs, single: [anmSingles[0], anmSingles[1]]}), message: "regime do(X3) missing"},
  {what: "ANM training data with NaN", call: () => trainingGrams(anm, {observational: replaceColumn(anmObs, 3, withValue(anmObs[3], 17, NaN)), single: anmSingles}), message: "regime observational, node Y, row 17: NaN"},
  {what: "ANM training data with ragged columns", call: () => trainingGrams(anm, {observational: anmObs, single: [anmSingles[0], anmSingles[1], replaceColumn(anmSingles[2], 1, anmSingles[2][1].subarray(0, 150))]}), message: "regime do(X3): node X2 has 150 rows, node X1 200"},
  {what: "ANM training data with a missing column", call: () => trainingGrams(anm, {observational: anmObs.slice(0, 3), single: anmSingles}), message: "regime observational: 3 columns, expected 4"},
  {what: "ANM fit with an unknown mode", call: () => fitJointLikelihoodFromGrams(anmGrams.layout, anmGrams.grams, {mode: "fast"} as unknown as JointLikelihoodOptions), message: 'unknown mode "fast"'},
  {what: "ANM fit with zero iterations", call: () => fitJointLikelihoodFromGrams(anmGrams.layout, anmGrams.grams, {maxIterations: 0}), message: "maxIterations 0; expected an integer >= 1"},
  {what: "ANM fit with no regimes", call: () => fitJointLikelihoodFromGrams(anmGrams.layout, []), message: "no regimes"},
  {what: "REG with no regimes", call: () => fitReg(anm, anmGrams.layout, []), message: "REG: no regimes"},
  {what: "REG_IND with a regime of the wrong layout", call: () => fitRegInd(anm, anmGrams.layout, [{...anmGrams.grams[0], dim: 3}]), message: "regime 0's statistics do not match"},
  {what: "ANM sampling with -1 rows", call: () => sampleAnm(anm, {kind: "observational"}, -1, null, 1), message: "rows: -1; expected an integer >= 0"},
  {what: "ANM sampling do() of the outcome", call: () => sampleAnm(anm, {kind: "single", node: 3}, 10, anmMarginals, 1), message: "cannot intervene on node 3"},
  {what: "ANM sampling with NaN marginals", call: () => sampleAnm(anm, {kind: "joint"}, 10, {mean: [0, NaN, 0], sd: [1, 1, 1]}, 1), message: "mean of treatment 1 is NaN"},
  {what: "ANM sampling with an unknown regime", call: () => sampleAnm(anm, {kind: "mixed"} as never, 10, null, 1), message: "unknown regime"},
  {what: "ANM sampling from a model with a NaN parameter", call: () => sampleAnm({...anm, theta: anm.theta.map((t, j) => (j === 3 ? [NaN, ...t.slice(1)] : t))}, {kind: "observational"}, 10, null, 1), message: "node Y: parameter 0 is NaN"},
  {what: "marginals of a sample with NaN", call: () => marginalsOf(replaceColumn(anmObs, 0, withValue(anmObs[0], 3, NaN)), 3), message: "node 0, row 3: NaN"},
  {what: "takeRows with an index past the end", call: () => takeRows(anmObs, [0, 200]), message: "index 1 is 200; expected an integer row in [0, 199]"},
  {what: "bootstrap of zero rows", call: () => bootstrapIndex(0, 1), message: "rows: 0; expected an integer >= 1"},
  // ---- item 4: metrics and the KDE ----
  {what: "ranks with NaN", call: () => ranks([3, NaN, 1, 2]), message: "ranks: values, row 1: NaN"},
  {what: "spearman with NaN predictions", call: () => spearman([1, NaN, 3], [1, 2, 3]), message: "spearman: predictions, row 1: NaN"},
  {what: "spearman with Infinity targets", call: () => spearman([1, 2, 3], [1, Infinity, 3]), message: "spearman: targets, row 1: Infinity"},
  {what: "spearman with unequal lengths", call: () => spearman([1, 2, 3], [1, 2]), message: "3 predictions for 2 targets"},
  {what: "quantile at level 1.5", call: () => quantile([1, 2, 3], 1.5), message: "q = 1.5; expected a level in [0, 1]"},
  {what: "quantile at level NaN", call: () => quantile([1, 2, 3], NaN), message: "quantile: q: NaN"},
  {what: "quantile of NaN values", call: () => quantile([1, NaN, 3], 0.5), message: "quantile: values, row 1: NaN"},
  {what: "quantile of no values", call: () => quantile([], 0.5), message: "no values"},
  {what: "KDE of a duplicated column", call: () => kdeLogDensity([dup, dup], [[0], [0]]), message: "data column 1 is (almost) a linear function of the columns before it"},
  {what: "KDE of a constant column", call: () => kdeLogDensity([dup, dup.map(() => 2)], [[0], [0]]), message: "data column 1 is constant"},
  {what: "KDE of data with NaN", call: () => kdeLogDensity([withValue(dup, 8, NaN)], [[0]]), message: "kdeLogDensity: data, column 0, row 8: NaN"},
  {what: "KDE at points of the wrong dimension", call: () => kdeLogDensity([dup], [[0], [1]]), message: "points: 2 columns, expected 1"},
  // ---- issue 15: the kinetic network's fit ----
  {what: "independent-noise fit without a structure", call: () => fitIndependentNoise(undefined as never, anmObs), message: "fitIndependentNoise: expected a model with names and parents"},
  {what: "independent-noise fit with a NaN cell", call: () => fitIndependentNoise(anm, replaceColumn(anmObs, 1, withValue(anmObs[1], 4, NaN))), message: "fitIndependentNoise: sample, node X2, row 4: NaN"},
  {what: "independent-noise fit with a column missing", call: () => fitIndependentNoise(anm, anmObs.slice(0, 3)), message: /fitIndependentNoise: sample: 3 columns, expected 4/},
  {what: "independent-noise fit with fewer rows than parameters", call: () => fitIndependentNoise(anm, anmObs.map((c) => c.slice(0, 2))), message: "node Y has 3 parameters but the sample has 2 rows; expected at least 3"},
  {what: "independent-noise fit with a parent constant at 0", call: () => fitIndependentNoise(anm, replaceColumn(anmObs, 0, new Float64Array(200))), message: "node X2: its 1 features are collinear on the 200 rows"},
  {what: "kinetic observations from 10 samples (G7 and G4 would be fitted exactly)", call: () => kineticObservations(10, 0), message: "kinetic network: multifactorial samples"},
  {what: "kinetic observations from 10.5 samples", call: () => kineticObservations(10.5, 0), message: "kinetic network: multifactorial samples"},
  {what: "kinetic observations with a negative seed", call: () => kineticObservations(11, -1), message: "kinetic network: simulation seed"},
  {what: "kinetic ground truth at c = 1", call: () => dream4GroundTruth("kinetic", 0, 1, 10), message: "confounding level c must be in [0, 1), got 1"},
  {what: "an unknown parameterisation", call: () => dream4GroundTruth("fitted" as never, 0, 0.5, 10), message: 'unknown DREAM4 parameterisation "fitted" (known: kinetic, stand-in)'},
  // ---- issue 15: the dual-knockout benchmark ----
  {what: "benchmark without a config", call: () => validateBenchmarkConfig(undefined as never), message: "dual-knockout benchmark: expected a config object"},
  {what: "benchmark with 10 samples per regime", call: () => validateBenchmarkConfig({...BENCHMARK_DEFAULTS, n: [10]}), message: "dual-knockout benchmark: samples per regime"},
  {what: "benchmark with a sample size twice", call: () => validateBenchmarkConfig({...BENCHMARK_DEFAULTS, n: [20, 20]}), message: "n lists a value twice"},
  {what: "benchmark with an unknown noise model", call: () => validateBenchmarkConfig({...BENCHMARK_DEFAULTS, noise: ["loud" as never]}), message: 'unknown noise "loud" (known: none, normal, lognormal, microarray)'},
  {what: "benchmark with an unknown method", call: () => validateBenchmarkConfig({...BENCHMARK_DEFAULTS, methods: ["oracle" as never]}), message: 'unknown method "oracle" (known: sum-of-singles, intervention-generalization, structure-aware, anm)'},
  {what: "benchmark with a method twice", call: () => validateBenchmarkConfig({...BENCHMARK_DEFAULTS, methods: ["anm", "anm"]}), message: "methods lists a method twice"},
  {what: "benchmark with a NaN seed", call: () => validateBenchmarkConfig({...BENCHMARK_DEFAULTS, seed: NaN}), message: "dual-knockout benchmark: seed"},
  {what: "benchmark with 1 truth sample", call: () => validateBenchmarkConfig({...BENCHMARK_DEFAULTS, truthSamples: 1}), message: "truth samples per pair"},
  {what: "regime matrices with an unknown gene", call: () => regimeMatrices([{regime: "observational", knockout: "", sample: 0, gene: "G11", value: 1}], ["G1"]), message: 'gene "G11" is not one of G1'},
  {what: "regime matrices with a row twice", call: () => regimeMatrices([{regime: "observational", knockout: "", sample: 0, gene: "G1", value: 1}, {regime: "observational", knockout: "", sample: 0, gene: "G1", value: 2}], ["G1"]), message: "observational sample 0 gene G1 appears twice"},
  {what: "regime matrices with a NaN value", call: () => regimeMatrices([{regime: "observational", knockout: "", sample: 0, gene: "G1", value: NaN}], ["G1"]), message: "observational sample 0 gene G1: value NaN"},
  {what: "ancestors of an edge to an unknown gene", call: () => goldStandardAncestors(["G1"], [["G1", "G2"]]), message: "edge G1 -> G2 names a gene not in G1"},
  {what: "a score of a NaN prediction", call: () => scoreBenchmark([{n: 11, noise: "none", method: "anm", pair: "G1+G2", challenge: 0, gene: "G3", prediction: NaN, truth: 0, truth_mean: 0, truth_mean_se: 0, additive_exact: 0}]), message: "score: anm G1+G2 G3: prediction NaN"},
  // ---- issue 13: the budget planner ----
  {what: "a budget split of 1", call: () => budgetSplit(5, 60_000, 5, 1), message: "split must be a fraction in (0, 1), got 1"},
  {what: "a budget split with a negative cost", call: () => budgetSplit(5, 60_000, -5, 0.5), message: "must be a number in (0, 1e6], got -5"},
  {what: "a budget split with K = 0", call: () => budgetSplit(0, 60_000, 5, 0.5), message: "K must be an integer from 1 to 10, got 0"},
  {what: "a plan whose budget buys no single-intervention rows", call: () => validatePlanConfig(defaultPlanConfig(5, 300, 5)), message: "buys 0 rows per single-intervention regime"},
  {what: "a plan with a split listed twice", call: () => validatePlanConfig({...defaultPlanConfig(5, 60_000, 5), splits: [0.3, 0.3]}), message: "split 0.3 is listed twice"},
  {what: "a plan that is not an object", call: () => validatePlanConfig(null as never), message: "plan config: expected an object, found null"},
  {what: "a plan's summary with runs missing", call: () => summarizePlan({...defaultPlanConfig(2, 3000, 2), runs: 2}, []), message: "summarizePlan: expected 2 runs, found 0"},
  {what: "the optimum of an empty curve", call: () => curveOptimum([]), message: "expected a non-empty array of curve points, found an empty array"},
  {what: "the optimum of a curve with NaN", call: () => curveOptimum([{split: 0.1, mean: NaN, sem: 0}]), message: "point 0 must have a finite split, a mean >= 0 and a sem >= 0, found split 0.1, mean NaN"},
  {what: "the optimum of a curve out of order", call: () => curveOptimum([{split: 0.5, mean: 1, sem: 0}, {split: 0.1, mean: 1, sem: 0}]), message: "splits must increase, found 0.5 then 0.1"},
  {what: "topline-equivalent rows from one point", call: () => toplineEquivalentRows([{n: 100, error: 1}], 0.5), message: "expected at least 2 points (N, error), found 1"},
  {what: "topline-equivalent rows for a zero target", call: () => toplineEquivalentRows([{n: 100, error: 1}, {n: 1000, error: 0.3}], 0), message: "target error must be a finite number > 0, got 0"},
  {what: "topline-equivalent rows from a repeated N", call: () => toplineEquivalentRows([{n: 100, error: 1}, {n: 100, error: 0.3}], 0.5), message: "N = 100 appears twice"},
  {what: "a power law through a negative error", call: () => fitPowerLaw([{n: 100, error: -1}, {n: 1000, error: 0.3}]), message: "point 0 must have N > 0 and error > 0, found N 100, error -1"},
  // ---- item 12: result files ----
  {what: "results from an empty file", call: () => resultsFromArrow(new Uint8Array(0), "x.arrow"), message: "x.arrow: not an Arrow IPC file (0 bytes)"},
  {what: "results from a truncated file", call: () => resultsFromArrow(results.subarray(0, results.length - 40), "results.arrow"), message: "results.arrow: truncated Arrow IPC file"},
  {what: "results from a foreign file", call: () => resultsFromArrow(new TextEncoder().encode('{"not": "arrow"}'), "data.json"), message: 'data.json: not an Arrow IPC file (16 bytes, no "ARROW1" signature'},
  {what: "results from a records file (column missing)", call: () => resultsFromArrow(records, "results.arrow"), message: 'results.arrow: column "K" missing (found a, b); expected a Joint Effects Lab results file with columns K, n_total'},
  {what: "results from an ArrayBuffer of zeros", call: () => resultsFromArrow(new ArrayBuffer(64)), message: "results file: not an Arrow IPC file (64 bytes"},
  {what: "metadata of an empty file", call: () => metadataOf(new Uint8Array(0), "main.arrow"), message: "main.arrow: not an Arrow IPC file (0 bytes)"},
  {what: "metadata of a file without experiment metadata", call: () => metadataOf(recordsToArrow([{a: 1}], {}), "m.arrow"), message: 'm.arrow: no "experiment" entry'},
  {what: "records from an empty file", call: () => recordsFromArrow(new Uint8Array(0), "anm.arrow"), message: "anm.arrow: not an Arrow IPC file (0 bytes)"},
  {what: "records from a truncated file", call: () => recordsFromArrow(records.subarray(0, 100), "anm.arrow"), message: "anm.arrow: truncated Arrow IPC file (100 bytes"},
  {what: "records without a required column", call: () => recordsFromArrow(records, "anm.arrow", ["mae"]), message: 'anm.arrow: column "mae" missing'},
  // ---- the violation lab (issue 13) ----
  {what: "violated SCM of an unknown kind", call: () => violatedScm(3, 0, "sideways" as never, 0.5), message: 'unknown violation kind "sideways"'},
  {what: "violated SCM with a negative lambda", call: () => violatedScm(3, 0, "interaction", -0.5), message: "lambda must be a finite number >= 0, found -0.5"},
  {what: "violated SCM with lambda NaN", call: () => violatedScm(3, 0, "interaction", Number.NaN), message: "lambda must be a finite number >= 0, found NaN"},
  {what: "narrow violation beyond lambda 1", call: () => violatedScm(3, 0, "narrow", 1.2), message: "must be in [0, 1]"},
  {what: "a coupling violation with one action", call: () => violatedScm(1, 0, "confounder-confounder", 0.5), message: "K must be >= 2, found 1"},
  {what: "violated SCM with a fractional seed", call: () => violatedScm(3, 0.5, "interaction", 0.5), message: "seed"},
  {what: "withViolation with a bad pair", call: () => withViolation(scm, 0, "interaction", 0.5, [1, 0]), message: "pair must be two increasing action indices below K = 2, found [1, 0]"},
  {what: "violated effect with a column missing", call: () => violatedJointEffect(violatedScm(3, 0, "interaction", 0.5), [[0], [0]]), message: "2 columns, expected 3"},
  {what: "violated effect at a NaN action", call: () => violatedJointEffect(violatedScm(2, 0, "interaction", 0.5), [[0], [Number.NaN]]), message: "A2"},
  {what: "violated sampler with a regime of another K", call: () => violatedSampler(violatedScm(3, 0, "interaction", 0.5), observationalRegime(2), 0), message: "regime is for K = 2, the SCM has K = 3"},
  {what: "violated sampler with a negative row count", call: () => violatedSampler(violatedScm(2, 0, "interaction", 0.5), observationalRegime(2), 0)(-1), message: "sample size must be a non-negative integer, found -1"},
  {what: "ANM violation beyond lambda 1", call: () => anmViolation("anm-dag", 2), message: "lambda of anm-dag must be in [0, 1], found 2"},
  {what: "ANM violation effect with two columns", call: () => anmViolationEffect(anmViolation("anm-noise", 0.5), [[0], [0]]), message: "2 columns, expected 3"},
  {what: "pilot test with too few rows", call: () => pilotTest([[1, 2, 3], [1, 2, 4]], [1, 2, 3], [1, 2, 3]), message: "3 pilot rows for 4 coefficients"},
  {what: "pilot test with predictions of another length", call: () => pilotTest([Array.from({length: 20}, (_, i) => i)], Array.from({length: 20}, (_, i) => i), [1, 2]), message: "prediction"},
  {what: "separability check without sinks", call: () => separabilityCheck([{actions: [[1], [2]], outcome: [1]}, {actions: [[1], [2]], outcome: [1]}], []), message: "no action without descendants"},
  {what: "separability check with a sink out of range", call: () => separabilityCheck([{actions: [[1], [2]], outcome: [1]}, {actions: [[1], [2]], outcome: [1]}], [5]), message: "sinks must be distinct action indices below 2, found [5]"},
  {what: "calibration with a p-value above 1", call: () => calibratedThreshold([0.2, 1.5]), message: "p-value 1 is 1.5; expected a number in [0, 1]"},
  {what: "power of no p-values", call: () => power([], 0.05), message: "power: no p-values"},
  {what: "power with a NaN p-value (once counted as not flagged)", call: () => power([0.01, NaN], 0.05), message: "power: p-value 1 is NaN; expected a number in [0, 1]"},
  {what: "power with a threshold above 1", call: () => power([0.01], 2), message: "power: threshold 2"},
  {what: "pilot test with a NaN outcome (once p = 1)", call: () => pilotTest([Array.from({length: 20}, (_, i) => i)], Array.from({length: 20}, (_, i) => (i === 7 ? NaN : i)), Array.from({length: 20}, (_, i) => i)), message: "row 7: NaN"},
  {what: "a violation run of the ANM at K = 5", call: () => runViolation({kind: "anm-noise", K: 5, lambda: 0.5, n: 500, seed: 0}), message: "K must be 3, found 5"},
  {what: "a violation run with too few rows", call: () => runViolation({kind: "interaction", K: 3, lambda: 0.5, n: 10, seed: 0}), message: "runViolation: n: 10; expected an integer in [50, 100000000]"},
  {what: "a violation sweep listing lambda twice", call: () => validateViolationConfig({experiment: "violation", kind: "interaction", lambda: [0.5, 0.5], K: [3], n: 1000, runs: 2, seed: 0}), message: "a lambda value is listed twice (0.5, 0.5)"},
  {what: "a violation summary of no rows", call: () => summarizeViolation([]), message: "summarizeViolation: no rows"},
];

for (const row of rows)
  test(`rejects: ${row.what}`, () => {
    let message: string | undefined;
    let value: unknown;
    try {
      value = row.call();
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    assert.ok(message !== undefined, `returned ${value instanceof Float64Array ? `[${value.slice(0, 4)}...]` : JSON.stringify(value)?.slice(0, 200)} instead of throwing`);
    if (typeof row.message === "string") assert.ok(message.includes(row.message), `message "${message}" lacks "${row.message}"`);
    else assert.match(message, row.message);
    assert.ok(!/[\r\n]/.test(message), `message spans several lines: ${JSON.stringify(message)}`);
    assert.ok(!/TypeError|Cannot read|undefined is not/.test(message), `message is a crash, not a diagnosis: ${message}`);
  });
