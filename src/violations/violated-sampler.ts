import {noiseSampler} from "../random/noise.js";
import {randomStream} from "../random/streams.js";
import {evaluate} from "../scm/polynomial.js";
import {regimeLabel, type InterventionDistribution, type Regime} from "../scm/regime.js";
import type {RegimeSample} from "../scm/sample-regime.js";
import {fail} from "../validate.js";
import {narrowFactor} from "./violation-kinds.js";
import type {ViolatedScm} from "./violated-scm.js";

/** c_k = (C_k - mean) / sd: the confounder standardized by its exact moments. */
export function standardizedConfounder(v: ViolatedScm, k: number, c: number): number {
  const spec = v.base.confounderNoise[k];
  return spec.std > 0 ? (c - spec.mean) / spec.std : 0;
}

/**
 * The term the violation adds to Y at one row (0 for the kinds that leave Y's mechanism alone):
 * interaction lambda s z_i z_j, action-confounder lambda s z_i c_j, confounder-confounder
 * lambda s c_i c_j, with [i, j] = v.pair.
 */
export function addedOutcomeTerm(v: ViolatedScm, a: ArrayLike<number>, c: ArrayLike<number>): number {
  const [i, j] = v.pair;
  const z = (k: number) => (a[k] - v.actionMean[k]) / v.actionSd[k];
  const ls = v.lambda * v.scale;
  switch (v.kind) {
    case "interaction":
      return ls * z(i) * z(j);
    case "action-confounder":
      return ls * z(i) * standardizedConfounder(v, j, c[j]);
    case "confounder-confounder":
      return ls * standardizedConfounder(v, i, c[i]) * standardizedConfounder(v, j, c[j]);
    case "shared-confounder":
    case "narrow":
      return 0;
    default: {
      const never: never = v.kind;
      return fail(`addedOutcomeTerm: unknown violation kind ${String(never)}`);
    }
  }
}

/**
 * Draws rows of a violated SCM under a regime, chunk after chunk, from the same per-variable
 * streams as regimeSampler (src/scm/sample-regime.ts): at lambda = 0 the rows are identical to
 * the paper's SCM's, bit for bit. The shared-confounder violation adds lambda * sd(A_j) * c_i to
 * A_j (when A_j is not intervened on), where [i, j] = v.pair.
 */
export function violatedSampler(v: ViolatedScm, regime: Regime, seed: number, interventions?: InterventionDistribution, ...streamPath: (string | number)[]): (n: number) => RegimeSample {
  const scm = v.base;
  const {K} = scm;
  if (regime.K !== K) fail(`violatedSampler: regime is for K = ${regime.K}, the SCM has K = ${K}`);
  if (regime.intervened.some(Boolean) && !interventions) fail(`violatedSampler: regime ${regimeLabel(regime)} needs an intervention distribution`);
  const stream = (...labels: (string | number)[]) => randomStream(seed, ...streamPath, regimeLabel(regime), ...labels);
  const drawW = scm.confounderNoise.map((spec, k) => noiseSampler(spec, stream("W", k)));
  const drawA = scm.actionNoise.map((spec, k) =>
    regime.intervened[k] ? noiseSampler({family: "gaussian", mean: interventions!.mean[k], std: interventions!.std[k]}, stream("do", k)) : noiseSampler(spec, stream("V", k)),
  );
  const drawU = noiseSampler(scm.outcomeNoise, stream("U"));
  const column = (draw: () => number, n: number) => {
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) out[r] = draw();
    return out;
  };
  const [si, sj] = v.pair;
  const shared = v.kind === "shared-confounder" && v.lambda !== 0 && K >= 2;
  const needsTerm = (v.kind === "interaction" || v.kind === "action-confounder" || v.kind === "confounder-confounder") && v.lambda !== 0;
  return (n: number) => {
    if (!Number.isInteger(n) || n < 0) fail(`violatedSampler: sample size must be a non-negative integer, found ${n}`);
    const confounders = drawW.map((draw) => column(draw, n));
    const actions: Float64Array[] = [];
    for (let k = 0; k < K; k++) {
      const a = column(drawA[k], n);
      if (regime.intervened[k]) {
        actions.push(a);
        continue;
      }
      const value = evaluate(scm.g[k], [...scm.parents[k].map((p) => actions[p]), confounders[k], a]);
      if (shared && k === sj) {
        const w = v.lambda * v.actionSd[sj];
        for (let r = 0; r < n; r++) value[r] += w * standardizedConfounder(v, si, confounders[si][r]);
      }
      actions.push(value);
    }
    const outcome = column(drawU, n);
    for (let k = 0; k < K; k++) evaluate(scm.f[k], [actions[k], confounders[k]], outcome);
    if (needsTerm) {
      const a = new Float64Array(K);
      const c = new Float64Array(K);
      for (let r = 0; r < n; r++) {
        for (let k = 0; k < K; k++) {
          a[k] = actions[k][r];
          c[k] = confounders[k][r];
        }
        outcome[r] += addedOutcomeTerm(v, a, c);
      }
    }
    return {n, actions, confounders, outcome};
  };
}

/** The single-intervention distribution of the narrow violation: the query's means, sds times (1 - 0.9 lambda); unchanged for other kinds. */
export function singleInterventions(v: ViolatedScm, query: InterventionDistribution): InterventionDistribution {
  if (v.kind !== "narrow") return query;
  const f = narrowFactor(v.lambda);
  return {mean: [...query.mean], std: query.std.map((s) => s * f)};
}
