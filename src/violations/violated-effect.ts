import {exactJointEffect, evaluateJointEffect} from "../scm/exact-effect.js";
import {rawMoment} from "../random/noise.js";
import {fail, requireFiniteColumns} from "../validate.js";
import type {ViolatedScm} from "./violated-scm.js";

/**
 * E[c_k] of the standardized confounder c_k = (C_k - mean) / sd, from the family's exact first
 * raw moment (0 for every family here, computed rather than assumed).
 */
export function standardizedConfounderMean(v: ViolatedScm, k: number): number {
  const spec = v.base.confounderNoise[k];
  return spec.std > 0 ? (rawMoment(spec, 1) - spec.mean) / spec.std : 0;
}

/**
 * The exact E[Y | do(a)] of a violated SCM, in closed form (no Monte Carlo). Under do(a) every
 * confounder is independent of the actions and of the others (the actions no longer listen to
 * them), so with the paper's part sum_k E f_k(a_k, C_k) (exact-effect.ts):
 * - interaction: + lambda s z_i(a_i) z_j(a_j);
 * - action-confounder: + lambda s z_i(a_i) E[c_j];
 * - confounder-confounder: + lambda s E[c_i] E[c_j];
 * - shared-confounder: unchanged (C_i's extra edge goes into A_j, which do(a) cuts);
 * - narrow: unchanged (the mechanism is the paper's; only the experiments are narrower).
 */
export function violatedJointEffect(v: ViolatedScm, actions: ArrayLike<number>[]): Float64Array {
  const {K} = v.base;
  requireFiniteColumns("violatedJointEffect: actions", actions, K, 0, undefined, (k) => `A${k + 1}`);
  const out = evaluateJointEffect(exactJointEffect(v.base), actions);
  const n = out.length;
  const [i, j] = v.pair;
  const ls = v.lambda * v.scale;
  const z = (k: number, r: number) => (actions[k][r] - v.actionMean[k]) / v.actionSd[k];
  switch (v.kind) {
    case "interaction":
      for (let r = 0; r < n; r++) out[r] += ls * z(i, r) * z(j, r);
      break;
    case "action-confounder": {
      const cj = standardizedConfounderMean(v, j);
      for (let r = 0; r < n; r++) out[r] += ls * z(i, r) * cj;
      break;
    }
    case "confounder-confounder": {
      const cc = standardizedConfounderMean(v, i) * standardizedConfounderMean(v, j);
      for (let r = 0; r < n; r++) out[r] += ls * cc;
      break;
    }
    case "shared-confounder":
    case "narrow":
      break;
    default: {
      const never: never = v.kind;
      fail(`violatedJointEffect: unknown violation kind ${String(never)}`);
    }
  }
  return out;
}
