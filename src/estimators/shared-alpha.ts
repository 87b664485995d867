import {gramFromMoments} from "../regression/gram.js";
import type {Moments} from "../regression/moments.js";
import {featureMap, fitPolynomialCV} from "../regression/polynomial-regression.js";
import {heldOutErrors, WIDE_ALPHAS} from "../regression/ridge.js";
import type {SeparateFits} from "./intervention-generalization.js";
import {fail} from "../validate.js";
import {requireTrainingData, type TrainingMoments} from "./training-data.js";

/**
 * Intervention Generalization with one regularization for all K + 1 fits (beyond the paper).
 * Separate per-model alphas shrink the fits by different amounts, and those biases do not cancel
 * in sum_k m_k - (K - 1) m_obs. Here every regime r uses alpha * n_r / n_obs (the same penalty per
 * row), and alpha is chosen on a wide grid by the held-out squared error pooled over all regimes
 * and folds.
 */
export function fitSeparateSharedAlpha(data: TrainingMoments, alphas: readonly number[] = WIDE_ALPHAS): SeparateFits & {alpha: number} {
  requireTrainingData("fitSeparateSharedAlpha", data);
  if (!Array.isArray(alphas) || alphas.length === 0 || alphas.some((a) => !(a > 0) || !Number.isFinite(a))) fail(`fitSeparateSharedAlpha: alphas must be positive finite numbers, got [${alphas}]`);
  const {layout} = data;
  const regimes: Moments[][] = [data.observational, ...data.single];
  const rows = (folds: Moments[]) => folds.reduce((s, m) => s + m.n, 0);
  const scale = regimes.map((folds) => rows(folds) / rows(data.observational));
  const map = featureMap(layout);
  const pooled = alphas.map(() => 0);
  regimes.forEach((folds, r) => {
    const sse = heldOutErrors(folds.map((m) => gramFromMoments(layout, m)), map, alphas.map((a) => a * scale[r]));
    sse.forEach((perFold, a) => (pooled[a] += perFold.reduce((x, y) => x + y, 0)));
  });
  let best = 0;
  for (let a = 1; a < alphas.length; a++) if (pooled[a] < pooled[best]) best = a;
  const fits = regimes.map((folds, r) => fitPolynomialCV(layout, folds, {alphas: [alphas[best] * scale[r]]}).model);
  return {observational: fits[0], single: fits.slice(1), alphas: regimes.map((_, r) => alphas[best] * scale[r]), alpha: alphas[best]};
}
