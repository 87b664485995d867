import {dream4Network3} from "../dream4/network3.js";
import {multifactorialExperiments, DREAM4_NOISE, scaled, simulateExperiments} from "../dream4/simulate.js";
import {requireInteger} from "../validate.js";
import type {AnmModel} from "./anm-model.js";
import type {AnmSample} from "./anm-sampling.js";
import {dream4Correlation, dream4Dag, dream4StandIn} from "./dream4-network.js";
import {fitIndependentNoise, type IndependentNoiseFit} from "./independent-noise-fit.js";

/**
 * Saengkyongam & Silva's ground truth for Fig. 4-5 built from the DREAM4 kinetic model (issue 15,
 * part 2): multifactorial steady states of GeneNetWeaver's network 3 (basal shifts σ = 0.33,
 * DREAM4's molecular and microarray noise, as in the multifactorial file they used), each gene
 * standardised, their nonlinear ANM on the gold standard without G2 -> G6 fitted by Gaussian
 * likelihood (independent noise: per-node least squares, as the authors' code, whose likelihood
 * has a diagonal covariance), then the noise covariance D R D: the fitted noise sds D with the
 * correlation R at confounding level c (the stand-in's R for (seed, c)), as the authors' code
 * samples with diag_std · corr · diag_std. The paper fitted DREAM4's 10 published samples; ours
 * are simulated (the published ones are not redistributable), `samples` of them.
 */
export const DREAM4_PARAMETERISATIONS = ["kinetic", "stand-in"] as const;
export type Dream4Parameterisation = (typeof DREAM4_PARAMETERISATIONS)[number];

/** multifactorial samples fitted by default: ten times DREAM4's 10, so that the two nodes with 10 parameters (G7, G4) are not interpolated */
export const KINETIC_SAMPLES_DEFAULT = 100;
/** the fewest samples with a residual: G7 and G4 have 4 parents, 4 + 6 products = 10 parameters, and 10 rows would fit them exactly (noise variance 0) */
export const KINETIC_SAMPLES_MIN = 11;
export const KINETIC_SAMPLES_MAX = 100_000;

export function requireKineticSamples(samples: number): void {
  requireInteger("kinetic network: multifactorial samples", samples, KINETIC_SAMPLES_MIN, KINETIC_SAMPLES_MAX);
}

/**
 * `samples` noisy multifactorial steady states of network 3 (simulation seed `seed`), one column
 * per gene in the DAG's topological order, each standardised (mean 0, sd 1 with divisor n).
 */
export function kineticObservations(samples: number, seed: number): {names: string[]; sample: AnmSample} {
  requireKineticSamples(samples);
  requireInteger("kinetic network: simulation seed", seed, 0);
  const model = dream4Network3();
  const values = scaled(simulateExperiments(model, multifactorialExperiments(model, samples, seed), {noise: DREAM4_NOISE, seed}), "max");
  const {names} = dream4Dag();
  const sample = names.map((name) => {
    const g = model.genes.findIndex((gene) => gene.name === name);
    if (g < 0) throw new Error(`kinetic network: gene ${name} of the gold standard is not in the model`);
    const column = Float64Array.from(values, (row) => row[g]);
    let mean = 0;
    for (const v of column) mean += v;
    mean /= samples;
    let ss = 0;
    for (const v of column) ss += (v - mean) ** 2;
    const sd = Math.sqrt(ss / samples);
    if (!(sd > 0)) throw new Error(`kinetic network: gene ${name} is constant over the ${samples} multifactorial samples; it cannot be standardised`);
    return column.map((v) => (v - mean) / sd);
  });
  return {names, sample};
}

const fits = new Map<string, IndependentNoiseFit>();

/** The ANM fitted to `kineticObservations(samples, seed)` (memoised per process: the simulation takes ~40 ms a sample). */
export function kineticFit(samples: number, seed: number): IndependentNoiseFit {
  const key = `${samples}/${seed}`;
  const hit = fits.get(key);
  if (hit) return hit;
  const {names, parents} = dream4Dag();
  const fit = fitIndependentNoise({names, parents, mechanism: "nonlinear"}, kineticObservations(samples, seed).sample);
  if (fits.size > 16) fits.clear();
  fits.set(key, fit);
  return fit;
}

/** The kinetic ground truth at confounding level c: the fitted parameters, and the fitted noise sds with the stand-in's noise correlation for (seed, c). */
export function dream4Kinetic(seed: number, c: number, samples = KINETIC_SAMPLES_DEFAULT): AnmModel {
  const {names, parents} = dream4Dag();
  const R = dream4Correlation(seed, c);
  const fit = kineticFit(samples, seed);
  fit.noiseVariance.forEach((v, i) => {
    if (!(v > 0)) throw new Error(`kinetic network: node ${names[i]}'s fitted noise variance is ${v} (its ${fit.theta[i].length} parameters fit the ${samples} samples exactly); use more samples`);
  });
  const sd = fit.noiseVariance.map(Math.sqrt);
  const sigma = R.map((row, i) => row.map((r, j) => sd[i] * r * sd[j]));
  return {names, parents, mechanism: "nonlinear", theta: fit.theta.map((t) => [...t]), sigma};
}

/** The ground truth of the network experiments for a parameterisation (`samples` applies to the kinetic one). */
export function dream4GroundTruth(parameterisation: Dream4Parameterisation, seed: number, c: number, samples: number): AnmModel {
  switch (parameterisation) {
    case "kinetic":
      return dream4Kinetic(seed, c, samples);
    case "stand-in":
      return dream4StandIn(seed, c);
    default: {
      const unknown: never = parameterisation;
      throw new Error(`unknown DREAM4 parameterisation "${unknown as string}" (known: ${DREAM4_PARAMETERISATIONS.join(", ")})`);
    }
  }
}
