import {accumulateFolds, type MomentLayout, type Moments} from "../regression/moments.js";
import type {RegimeSample} from "../scm/sample-regime.js";

/**
 * What the estimators see: per-fold sufficient statistics of the training split of the
 * observational dataset and of each single-intervention dataset (and, for the topline only,
 * of the joint-intervention dataset). No raw rows.
 */
export interface TrainingMoments {
  layout: MomentLayout;
  K: number;
  observational: Moments[];
  /** single[k]: folds of the dataset with do(A_k) */
  single: Moments[][];
  joint?: Moments[];
}

/** Fold moments of the first nTrain rows of a sample. */
export function trainingFolds(layout: MomentLayout, sample: RegimeSample, nTrain: number, nFolds: number): Moments[] {
  return accumulateFolds(layout, sample.actions, sample.outcome, nTrain, nFolds);
}
