import type {AnmModel, Mechanism} from "./anm-model.js";

/**
 * The fixed SCM of Saengkyongam & Silva's synthetic experiment (Section 6.2, Figs. 2-3):
 * complete DAG X1 -> X2 -> X3 -> Y with unit-variance correlated noise.
 *   linear:    X2 = X1 + U2,  X3 = 0.5 X1 - X2 + U3,  Y = 1.5 X1 + X2 - 0.5 X3 + UY
 *   nonlinear: X3 gains + X1 X2;  Y gains + 0.5 X1 X2 - X1 X3 - 1.5 X2 X3
 * X1 = U1 (a root with mean parameter 0).
 */
export const SYNTHETIC_SIGMA = [
  [1, 0.3, 0.8, -0.6],
  [0.3, 1, 0.3, -0.5],
  [0.8, 0.3, 1, -0.5],
  [-0.6, -0.5, -0.5, 1],
];

export function syntheticAnm(mechanism: Mechanism, confounding = 1): AnmModel {
  const theta =
    mechanism === "linear"
      ? [[0], [1], [0.5, -1], [1.5, 1, -0.5]]
      : [[0], [1], [0.5, -1, 1], [1.5, 1, -0.5, 0.5, -1, -1.5]];
  return {names: ["X1", "X2", "X3", "Y"], parents: [[], [0], [0, 1], [0, 1, 2]], mechanism, theta, sigma: scaleConfounding(SYNTHETIC_SIGMA, confounding)};
}

/**
 * Multiplies every off-diagonal entry by s: s = 0 removes the hidden confounding, s = 1 is the
 * paper's matrix. For s in [0, 1] the result is a convex combination of two positive definite
 * matrices, so it stays positive definite.
 */
export function scaleConfounding(sigma: number[][], s: number): number[][] {
  if (!(s >= 0 && s <= 1)) throw new Error(`confounding scale must be in [0, 1], got ${s}`);
  return sigma.map((row, i) => row.map((v, j) => (i === j ? v : s * v)));
}
