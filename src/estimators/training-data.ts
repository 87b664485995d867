import {requireFolds} from "../regression/polynomial-regression.js";
import {accumulateFolds, type MomentLayout, type Moments} from "../regression/moments.js";
import type {RegimeSample} from "../scm/sample-regime.js";
import {fail, requireInteger} from "../validate.js";

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

/** Names regime r of training data: 0 = observational, 1 + k = do(A_{k+1}). */
export function regimeName(r: number): string {
  return r === 0 ? "observational" : `do(A${r})`;
}

/**
 * Checks training data before any fit: K >= 1 actions matching the layout, the observational
 * regime and every single-intervention regime do(A1) .. do(AK) present, each with the same
 * number of folds and at least one row per fold (and the joint regime when `joint` is needed).
 */
export function requireTrainingData(label: string, data: TrainingMoments, joint = false): void {
  if (!data || typeof data !== "object") fail(`${label}: expected training moments, found ${data === null ? "null" : typeof data}`);
  if (!data.layout || typeof data.layout !== "object" || !data.layout.basis) fail(`${label}: no moment layout`);
  requireInteger(`${label}: K`, data.K, 1);
  if (data.layout.nVars !== data.K) fail(`${label}: K = ${data.K} but the layout has ${data.layout.nVars} actions`);
  if (!Array.isArray(data.observational)) fail(`${label}: regime observational missing; expected its fold moments`);
  requireFolds(`${label}: regime observational`, data.layout, data.observational);
  if (!Array.isArray(data.single)) fail(`${label}: single-intervention regimes missing; expected ${data.K} (do(A1) .. do(A${data.K}))`);
  for (let k = 0; k < Math.max(data.K, data.single.length); k++) {
    if (k >= data.K) fail(`${label}: ${data.single.length} single-intervention regimes for K = ${data.K}; expected exactly ${data.K}`);
    const folds = data.single[k];
    if (!Array.isArray(folds)) fail(`${label}: regime ${regimeName(k + 1)} missing; expected ${data.K} single-intervention regimes do(A1) .. do(A${data.K}), found ${data.single.filter(Array.isArray).length}`);
    requireFolds(`${label}: regime ${regimeName(k + 1)}`, data.layout, folds, data.observational.length);
  }
  if (joint) {
    if (!Array.isArray(data.joint)) fail(`${label}: regime joint missing; the joint topline needs joint-interventional training data`);
    requireFolds(`${label}: regime joint`, data.layout, data.joint, data.observational.length);
  }
}

/** Fold moments of the first nTrain rows of a sample. */
export function trainingFolds(layout: MomentLayout, sample: RegimeSample, nTrain: number, nFolds: number): Moments[] {
  if (!sample || typeof sample !== "object") fail(`trainingFolds: expected a sample with actions and outcome, found ${sample === null ? "null" : typeof sample}`);
  return accumulateFolds(layout, sample.actions, sample.outcome, nTrain, nFolds);
}
