import {noiseSampler, sampleNoise} from "../random/noise.js";
import {randomStream} from "../random/streams.js";
import {validateScm, type AdditiveScm} from "./additive-scm.js";
import {evaluate} from "./polynomial.js";
import {regimeLabel, type InterventionDistribution, type Regime} from "./regime.js";

export interface RegimeSample {
  n: number;
  /** actions[k][i] */
  actions: Float64Array[];
  /** hidden; returned for checks and teaching, never used by estimators */
  confounders: Float64Array[];
  outcome: Float64Array;
}

/**
 * Draws n rows from the SCM under a regime. Each exogenous variable has its own stream
 * (seed, ...streamPath, regime, variable), so results do not depend on call order.
 */
export function sampleRegime(
  scm: AdditiveScm,
  regime: Regime,
  n: number,
  seed: number,
  interventions?: InterventionDistribution,
  ...streamPath: (string | number)[]
): RegimeSample {
  validateScm(scm);
  const {K} = scm;
  if (regime.K !== K) throw new Error(`regime is for K = ${regime.K}, SCM has K = ${K}`);
  if (!Number.isInteger(n) || n < 0) throw new Error(`sample size must be a non-negative integer, got ${n}`);
  if (regime.intervened.some(Boolean) && !interventions) throw new Error(`regime ${regimeLabel(regime)} needs an intervention distribution`);
  const stream = (...labels: (string | number)[]) => randomStream(seed, ...streamPath, regimeLabel(regime), ...labels);
  const confounders = scm.confounderNoise.map((spec, k) => sampleNoise(spec, stream("W", k), n));
  const actions: Float64Array[] = [];
  for (let k = 0; k < K; k++) {
    if (regime.intervened[k]) {
      const draw = noiseSampler({family: "gaussian", mean: interventions!.mean[k], std: interventions!.std[k]}, stream("do", k));
      const a = new Float64Array(n);
      for (let i = 0; i < n; i++) a[i] = draw();
      actions.push(a);
    } else {
      const v = sampleNoise(scm.actionNoise[k], stream("V", k), n);
      actions.push(evaluate(scm.g[k], [...scm.parents[k].map((j) => actions[j]), confounders[k], v]));
    }
  }
  const outcome = sampleNoise(scm.outcomeNoise, stream("U"), n);
  for (let k = 0; k < K; k++) {
    const fk = evaluate(scm.f[k], [actions[k], confounders[k]]);
    for (let i = 0; i < n; i++) outcome[i] += fk[i];
  }
  return {n, actions, confounders, outcome};
}

/** Mean and std (ddof 0) of each action: the intervention distribution of Appendix E. */
export function interventionsFromSample(sample: RegimeSample): InterventionDistribution {
  const mean: number[] = [];
  const std: number[] = [];
  for (const a of sample.actions) {
    let m = 0;
    for (let i = 0; i < a.length; i++) m += a[i];
    m /= a.length;
    let v = 0;
    for (let i = 0; i < a.length; i++) v += (a[i] - m) ** 2;
    mean.push(m);
    std.push(Math.sqrt(v / a.length));
  }
  return {mean, std};
}
