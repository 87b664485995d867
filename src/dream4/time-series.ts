import {randomStream} from "../random/streams.js";
import type {GnwModel} from "./model.js";
import {DormandPrince, gnwRhs} from "./ode.js";
import {GNW_SDE_MIN_DURATION, measurementNoise, sdeRun} from "./noise.js";
import {perturbedParameters, strongShifts, wildTypeParameters, type GnwParameters} from "./perturbation.js";
import type {NoiseSettings} from "./simulate.js";
import {gnwWildType, stateVector} from "./steady-state.js";

/**
 * DREAM4 time series (notes/dream4-gnw.md §5): from the wild type (with the SDE: plus a 100-unit
 * SDE warm-up), a "strong" perturbation of the basal activations (each gene with probability 0.33
 * gets a new α_0 ~ U(0, 1)) is applied at t = 0 and removed at t = 500; the mRNA is sampled at
 * t = 0, 50, ..., 1000 (21 points), then given measurement noise. Without molecular noise the
 * dynamics are the ODEs. DREAM4 had 5 series per size-10 network (a setting, not checkable).
 */
export interface TimeSeriesPoint {
  series: number;
  time: number;
  /** mRNA, model units */
  x: Float64Array;
}

export const TIME_SERIES_TIMES = Array.from({length: 21}, (_, i) => 50 * i);
const PERTURBATION_END = 500;

export function dream4TimeSeries(model: GnwModel, options: {count: number; seed: number; noise: NoiseSettings; probability?: number}): TimeSeriesPoint[] {
  const {count, seed, noise} = options;
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`time series count must be an integer >= 1, got ${count}`);
  const N = model.genes.length;
  const wild = wildTypeParameters(model);
  const start = stateVector(gnwWildType(model));
  const points: TimeSeriesPoint[] = [];
  for (let s = 0; s < count; s++) {
    const rng = randomStream(seed, "dream4", "time-series", s);
    const z = Float64Array.from(start);
    const advance = (params: GnwParameters, duration: number) => {
      if (noise.sde > 0) sdeRun(model, params, z, duration, rng, noise.sde);
      else new DormandPrince(gnwRhs(model, params), 2 * N).integrate(z, 0, duration);
    };
    if (noise.sde > 0) advance(wild, GNW_SDE_MIN_DURATION);
    const perturbed = perturbedParameters(model, {basalShift: strongShifts(model, randomStream(seed, "dream4", "time-series", s, "shift"), options.probability)});
    for (let k = 0; k < TIME_SERIES_TIMES.length; k++) {
      const t = TIME_SERIES_TIMES[k];
      if (k > 0) advance(t <= PERTURBATION_END ? perturbed : wild, t - TIME_SERIES_TIMES[k - 1]);
      points.push({series: s, time: t, x: measurementNoise(z.subarray(0, N), noise.measurement, rng)});
    }
  }
  return points;
}
