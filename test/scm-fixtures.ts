import type {AdditiveScm} from "../src/scm/additive-scm.js";

/**
 * K = 2, strong Gaussian confounding, linear actions:
 *   A0 = C0 + V0,  A1 = 0.5 A0 + C1 + V1,
 *   f0(a, c) = a + 2c + ac - 0.5a^2,  f1(a, c) = -a + 1.5c + 0.3c^2.
 * Every E[C_k | a] is linear and Var(C_k | a) constant, so all regimes' regressions are
 * polynomials of degree <= 2: a degree-3 fit is well specified. Exact joint effect:
 * E[Y | do(a)] = a0 - 0.5 a0^2 - a1 + 0.3.
 */
export function strongConfoundingScm(): AdditiveScm {
  const g = (family: "gaussian" | "uniform" | "logistic", std: number) => ({family, mean: 0, std});
  return {
    K: 2,
    parents: [[], [0]],
    // basis(2,2) order: 1, a, c, a^2, ac, c^2
    f: [
      {nInputs: 2, degree: 2, coef: [0, 1, 2, -0.5, 1, 0]},
      {nInputs: 2, degree: 2, coef: [0, -1, 1.5, 0, 0, 0.3]},
    ],
    // g0 inputs (C0, V0); g1 inputs (A0, C1, V1); degree 1: constant then the inputs
    g: [
      {nInputs: 2, degree: 1, coef: [0, 1, 1]},
      {nInputs: 3, degree: 1, coef: [0, 0.5, 1, 1]},
    ],
    confounderNoise: [g("gaussian", 1), g("gaussian", 1)],
    actionNoise: [g("gaussian", 0.5), g("gaussian", 0.5)],
    outcomeNoise: g("gaussian", 0.1),
  };
}

export const strongConfoundingTruth = (a0: number, a1: number) => a0 - 0.5 * a0 * a0 - a1 + 0.3;
