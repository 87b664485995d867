import {combineModels, fitPolynomialCV, predict, type PolynomialModel} from "../regression/polynomial-regression.js";
import {accumulateFolds, momentLayout, type MomentLayout, type Moments} from "../regression/moments.js";
import {PAPER_ALPHAS} from "../regression/ridge.js";
import {fail} from "../validate.js";

/**
 * Two estimators the violation lab adds to the site's methods.
 *
 * Sum of single effects (the additive baseline): E[Y | do(a)] ~ sum_k m_k(a_k) - (K - 1) E[Y],
 * with m_k(a_k) = E[Y | do(a_k)] a cubic in a_k alone fitted on the regime do(A_k) (the other
 * actions left as they fall) and E[Y] the observational mean. Right when Y is additive and the
 * actions do not affect each other; it ignores what the other actions do in each experiment.
 */
export interface SumOfSingles {
  single: PolynomialModel[];
  observationalMean: number;
}

export function fitSumOfSingles(single: {actions: ArrayLike<number>[]; outcome: ArrayLike<number>}[], observationalOutcome: ArrayLike<number>, nTrain: number, folds = 3, degree = 3): SumOfSingles {
  const K = single.length;
  if (K < 1) fail("fitSumOfSingles: no single-intervention regimes");
  if (!(nTrain >= folds)) fail(`fitSumOfSingles: ${nTrain} training rows for ${folds} folds`);
  const models = single.map((s, k) => {
    if (s.actions.length !== K) fail(`fitSumOfSingles: regime do(A${k + 1}) has ${s.actions.length} action columns, expected ${K}`);
    const x = [s.actions[k]];
    const layout = momentLayout(degree, x, s.outcome, nTrain);
    return fitPolynomialCV(layout, accumulateFolds(layout, x, s.outcome, nTrain, folds), {alphas: PAPER_ALPHAS}).model;
  });
  let m = 0;
  for (let r = 0; r < nTrain; r++) m += observationalOutcome[r];
  return {single: models, observationalMean: m / nTrain};
}

export function predictSumOfSingles(fit: SumOfSingles, actions: ArrayLike<number>[]): Float64Array {
  const K = fit.single.length;
  if (actions.length !== K) fail(`predictSumOfSingles: ${actions.length} action columns, expected ${K}`);
  const n = actions[0].length;
  const out = new Float64Array(n).fill(-(K - 1) * fit.observationalMean);
  fit.single.forEach((model, k) => {
    const p = predict(model, [actions[k]]);
    for (let r = 0; r < n; r++) out[r] += p[r];
  });
  return out;
}

/**
 * The block-intervention remedy of Corollary 1 (Kekić et al.): for a partition whose block B is
 * intervened on jointly and every other action alone, E[Y | do(a)] = m_B(a) + sum_{k not in B}
 * m_k(a) - (parts - 1) m_obs(a), parts = 1 + (K - |B|), each m a ridge-CV cubic on all actions
 * fitted to its regime's folds (as Intervention Generalization's).
 */
export function blockInterventionGeneralization(layout: MomentLayout, observational: Moments[], block: Moments[], others: Moments[][]): PolynomialModel {
  const obs = fitPolynomialCV(layout, observational, {alphas: PAPER_ALPHAS}).model;
  const b = fitPolynomialCV(layout, block, {alphas: PAPER_ALPHAS}).model;
  const rest = others.map((folds) => fitPolynomialCV(layout, folds, {alphas: PAPER_ALPHAS}).model);
  const parts = 1 + rest.length;
  return combineModels([obs, b, ...rest], [1 - parts, 1, ...rest.map(() => 1)]);
}
