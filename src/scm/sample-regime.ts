import {noiseSampler} from "../random/noise.js";
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
 * Draws rows from the SCM under a regime, chunk after chunk. Each exogenous variable has its
 * own stream (seed, ...streamPath, regime, variable) that continues across chunks, so the rows
 * do not depend on the chunk sizes or on what else was drawn.
 */
export function regimeSampler(
  scm: AdditiveScm,
  regime: Regime,
  seed: number,
  interventions?: InterventionDistribution,
  ...streamPath: (string | number)[]
): (n: number) => RegimeSample {
  validateScm(scm);
  const {K} = scm;
  if (regime.K !== K) throw new Error(`regime is for K = ${regime.K}, SCM has K = ${K}`);
  if (regime.intervened.some(Boolean) && !interventions) throw new Error(`regime ${regimeLabel(regime)} needs an intervention distribution`);
  const stream = (...labels: (string | number)[]) => randomStream(seed, ...streamPath, regimeLabel(regime), ...labels);
  const drawW = scm.confounderNoise.map((spec, k) => noiseSampler(spec, stream("W", k)));
  const drawA = scm.actionNoise.map((spec, k) =>
    regime.intervened[k]
      ? noiseSampler({family: "gaussian", mean: interventions!.mean[k], std: interventions!.std[k]}, stream("do", k))
      : noiseSampler(spec, stream("V", k)),
  );
  const drawU = noiseSampler(scm.outcomeNoise, stream("U"));
  const column = (draw: () => number, n: number) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = draw();
    return out;
  };
  return (n: number) => {
    if (!Number.isInteger(n) || n < 0) throw new Error(`sample size must be a non-negative integer, got ${n}`);
    const confounders = drawW.map((draw) => column(draw, n));
    const actions: Float64Array[] = [];
    for (let k = 0; k < K; k++) {
      const a = column(drawA[k], n); // the intervention value, or V_k
      actions.push(regime.intervened[k] ? a : evaluate(scm.g[k], [...scm.parents[k].map((j) => actions[j]), confounders[k], a]));
    }
    const outcome = column(drawU, n);
    for (let k = 0; k < K; k++) evaluate(scm.f[k], [actions[k], confounders[k]], outcome);
    return {n, actions, confounders, outcome};
  };
}

/** n rows of one regime in one go. */
export function sampleRegime(
  scm: AdditiveScm,
  regime: Regime,
  n: number,
  seed: number,
  interventions?: InterventionDistribution,
  ...streamPath: (string | number)[]
): RegimeSample {
  return regimeSampler(scm, regime, seed, interventions, ...streamPath)(n);
}

/** Mean and std (ddof 0) of each action: the intervention distribution of Appendix E. */
export function interventionsFromSample(sample: RegimeSample): InterventionDistribution {
  const stats = sample.actions.map(() => new RunningMoments());
  sample.actions.forEach((a, k) => stats[k].add(a));
  return {mean: stats.map((s) => s.mean()), std: stats.map((s) => s.std())};
}

/** Mean and std (ddof 0) over columns seen chunk by chunk; shifted sums keep it accurate. */
export class RunningMoments {
  private n = 0;
  private shift = 0;
  private s1 = 0;
  private s2 = 0;

  add(values: ArrayLike<number>): void {
    if (values.length === 0) return;
    if (this.n === 0) this.shift = values[0];
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < values.length; i++) {
      const d = values[i] - this.shift;
      s1 += d;
      s2 += d * d;
    }
    this.n += values.length;
    this.s1 += s1;
    this.s2 += s2;
  }

  mean(): number {
    return this.shift + this.s1 / this.n;
  }

  std(): number {
    const m = this.s1 / this.n;
    return Math.sqrt(Math.max(0, this.s2 / this.n - m * m));
  }
}
