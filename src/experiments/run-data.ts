import type {TrainingMoments} from "../estimators/training-data.js";
import {FoldAccumulator} from "../regression/fold-accumulator.js";
import type {MomentKernel} from "../regression/moment-kernel.js";
import {foldSizes, momentLayout, type MomentLayout, type Moments} from "../regression/moments.js";
import {emptySetMoments, type SetLayout} from "../regression/monomial-set.js";
import {randomAdditiveScm, type AdditiveScm} from "../scm/additive-scm.js";
import {evaluateJointEffect, exactJointEffect} from "../scm/exact-effect.js";
import {jointRegime, observationalRegime, singleRegime, type InterventionDistribution} from "../scm/regime.js";
import {regimeSampler, RunningMoments, type RegimeSample} from "../scm/sample-regime.js";

/** Rows of each dataset one run draws (before its 80/20 split). */
export interface DatasetSizes {
  /** the observational dataset of Intervention Generalization and pooled; interventions are fitted to it */
  observational: number;
  /** each single-intervention dataset */
  single: number;
  /** the observational dataset of the observational-only baseline (a prefix or extension of the above) */
  observationalBaseline: number;
  /** the joint dataset: the topline trains on its first part, every method is scored on the rest */
  joint: number;
}

export interface FitSettings {
  degree: number;
  folds: number;
  testFraction: number;
}

export interface RunData {
  scm: AdditiveScm;
  interventions: InterventionDistribution;
  training: TrainingMoments & {joint: Moments[]};
  observationalBaseline: Moments[];
  test: {actions: Float64Array[]; outcome: Float64Array; truth: Float64Array};
  /**
   * Draws the training rows of the observational and single-intervention datasets again (the
   * same rows: every stream is a function of the seed) and returns their fold moments over a
   * sparse monomial set: regimes[0] observational, regimes[1 + k] do(A_k). For the adaptive
   * estimators, whose set depends on what the first pass found (the ancestor graph).
   */
  replay(set: SetLayout): Moments[][];
}

/** Rows of train / test as scikit-learn's train_test_split(test_size) counts them. */
export function splitSizes(n: number, testFraction: number): {nTrain: number; nTest: number} {
  const nTest = Math.ceil(testFraction * n);
  return {nTrain: n - nTest, nTest};
}

export const CHUNK_ROWS = 8192;

/**
 * Draws every dataset of one run (the SCM seeded by `seed`) chunk by chunk and keeps only
 * sufficient statistics of the training folds, plus the joint test split. Rows no method uses
 * (the test splits of the observational and single-intervention datasets) are never drawn:
 * the per-variable streams make every dataset a prefix of a longer one.
 */
export function generateRunData(K: number, sizes: DatasetSizes, settings: FitSettings, seed: number, kernel: MomentKernel): RunData {
  const scm = randomAdditiveScm(K, seed);
  const {folds, testFraction} = settings;
  const nTrain = (n: number) => splitSizes(n, testFraction).nTrain;

  // Observational stream: one pass serves both observational views and the intervention fit.
  const obsNext = regimeSampler(scm, observationalRegime(K), seed, undefined, "data");
  const obsRows = Math.max(sizes.observational, nTrain(sizes.observationalBaseline));
  let layout: MomentLayout | undefined;
  let igView: FoldAccumulator | undefined;
  let baselineView: FoldAccumulator | undefined;
  const actionMoments = Array.from({length: K}, () => new RunningMoments());
  for (let done = 0; done < obsRows; ) {
    const rows = Math.min(CHUNK_ROWS, obsRows - done);
    const chunk = obsNext(rows);
    if (!layout) {
      layout = momentLayout(settings.degree, chunk.actions, chunk.outcome);
      igView = new FoldAccumulator(layout, nTrain(sizes.observational), folds, kernel);
      baselineView = sizes.observationalBaseline === sizes.observational ? igView : new FoldAccumulator(layout, nTrain(sizes.observationalBaseline), folds, kernel);
    }
    const forInterventions = Math.min(rows, sizes.observational - done);
    if (forInterventions > 0) chunk.actions.forEach((a, k) => actionMoments[k].add(a.subarray(0, forInterventions)));
    igView!.add(chunk.actions, chunk.outcome, rows);
    if (baselineView !== igView) baselineView!.add(chunk.actions, chunk.outcome, rows);
    done += rows;
  }
  const interventions = {mean: actionMoments.map((m) => m.mean()), std: actionMoments.map((m) => m.std())};

  const trainFolds = (next: (n: number) => RegimeSample, n: number): Moments[] => {
    const acc = new FoldAccumulator(layout!, n, folds, kernel);
    for (let done = 0; done < n; ) {
      const rows = Math.min(CHUNK_ROWS, n - done);
      const chunk = next(rows);
      acc.add(chunk.actions, chunk.outcome, rows);
      done += rows;
    }
    return acc.folds;
  };
  const single = Array.from({length: K}, (_, k) => trainFolds(regimeSampler(scm, singleRegime(K, k), seed, interventions, "data"), nTrain(sizes.single)));

  const jointNext = regimeSampler(scm, jointRegime(K), seed, interventions, "data");
  const {nTrain: jointTrain, nTest} = splitSizes(sizes.joint, testFraction);
  const joint = trainFolds(jointNext, jointTrain);
  const testSample = jointNext(nTest);
  const truth = evaluateJointEffect(exactJointEffect(scm), testSample.actions);

  const replay = (set: SetLayout): Moments[][] => {
    const setFolds = (next: (n: number) => RegimeSample, n: number): Moments[] => {
      const sizes = foldSizes(n, folds);
      const out = sizes.map(() => emptySetMoments(set));
      let f = 0;
      let left = sizes[0];
      for (let done = 0; done < n; ) {
        const chunk = next(Math.min(CHUNK_ROWS, n - done));
        for (let at = 0; at < chunk.n; ) {
          const take = Math.min(left, chunk.n - at);
          kernel.accumulateSet(set, chunk.actions, chunk.outcome, at, at + take, out[f]);
          at += take;
          left -= take;
          if (left === 0 && f + 1 < sizes.length) left = sizes[++f];
        }
        done += chunk.n;
      }
      return out;
    };
    return [
      setFolds(regimeSampler(scm, observationalRegime(K), seed, undefined, "data"), nTrain(sizes.observational)),
      ...Array.from({length: K}, (_, k) => setFolds(regimeSampler(scm, singleRegime(K, k), seed, interventions, "data"), nTrain(sizes.single))),
    ];
  };

  return {
    replay,
    scm,
    interventions,
    training: {layout: layout!, K, observational: igView!.folds, single, joint},
    observationalBaseline: baselineView!.folds,
    test: {actions: testSample.actions, outcome: testSample.outcome, truth},
  };
}
