import {randomStream} from "../random/streams.js";
import {fixedPoint} from "./fixed-point.js";
import type {GnwModel} from "./model.js";
import type {IntegratorOptions} from "./ode.js";
import {DREAM4_SDE_COEFFICIENT, GNW_SDE_MIN_DURATION, measurementNoise, sdeRun, type MeasurementNoiseModel} from "./noise.js";
import {multifactorialShifts, MULTIFACTORIAL_SIGMA_DREAM4, perturbedParameters, type Perturbation} from "./perturbation.js";
import {gnwPerturbed, gnwWildType, stateVector, type SteadyState} from "./steady-state.js";

/**
 * Experiments on a GNW model, noise-free or noisy, with either steady-state solver:
 * - "gnw": GNW's stopping rule (what DREAM4 published);
 * - "newton": the exact fixed point x = f(x), found by Newton's method from GNW's stopped state
 *   (so both solvers describe the same attractor).
 * Both are always computed for noise-free runs and their largest difference is reported.
 */
export const SOLVERS = ["gnw", "newton"] as const;
export type Solver = (typeof SOLVERS)[number];

/** DREAM4's normalising constant for network 3: published value = model value / C (inferred in notes/dream4-gnw.md §5). */
export const DREAM4_NET3_SCALE = 1.4129489;

export const SCALES = ["published", "model", "max"] as const;
/** published: ÷ C (DREAM4's files); model: model units; max: ÷ the largest mRNA value of the run (GNW's rule for new noisy data). */
export type Scale = (typeof SCALES)[number];

export type ExperimentKind = "wild-type" | "knockout" | "knockdown" | "multifactorial";

export interface Dream4Experiment {
  /** unique within a run; also keys the noise stream, so adding experiments never changes another's noise */
  label: string;
  kind: ExperimentKind;
  perturbation: Perturbation;
}

export interface NoiseSettings {
  /** molecular-noise coefficient c of the SDE; 0 = none (DREAM4: 0.05) */
  sde: number;
  measurement: MeasurementNoiseModel;
}

export const NO_NOISE: NoiseSettings = {sde: 0, measurement: "none"};
export const DREAM4_NOISE: NoiseSettings = {sde: DREAM4_SDE_COEFFICIENT, measurement: "microarray"};

export interface SimulationOptions {
  solver?: Solver;
  noise?: NoiseSettings;
  /** seeds the noise (required when there is noise) */
  seed?: number;
  integrator?: IntegratorOptions;
}

export interface Dream4Result {
  label: string;
  kind: ExperimentKind;
  /** mRNA in model units: the chosen solver's steady state, with noise if asked */
  x: Float64Array;
  /** GNW's stopping time for this perturbation */
  stopTime: number;
  /** false when GNW's rule hit its time limit */
  converged: boolean;
  /** max_i |x_gnw - x_newton| (noise-free values), model units */
  solverDifference: number;
  /** Newton's residual max_i |x - f(x)| */
  newtonResidual: number;
}

export function simulateExperiments(model: GnwModel, experiments: readonly Dream4Experiment[], options: SimulationOptions = {}): Dream4Result[] {
  const solver = options.solver ?? "gnw";
  const noise = options.noise ?? NO_NOISE;
  const noisy = noise.sde > 0 || noise.measurement !== "none";
  if (!(noise.sde >= 0) || !Number.isFinite(noise.sde)) throw new Error(`SDE coefficient must be a finite number >= 0, got ${noise.sde}`);
  if (noisy && options.seed === undefined) throw new Error("noisy simulations need a seed");
  const labels = new Set<string>();
  for (const e of experiments) {
    if (labels.has(e.label)) throw new Error(`experiment "${e.label}" given twice`);
    labels.add(e.label);
  }
  const settings = {integrator: options.integrator};
  const wildType = gnwWildType(model, settings);
  return experiments.map((e) => {
    const params = perturbedParameters(model, e.perturbation);
    const stopped: SteadyState = e.kind === "wild-type" && isEmpty(e.perturbation) ? wildType : gnwPerturbed(model, e.perturbation, wildType, settings);
    const exact = fixedPoint(model, params, stopped.x);
    let solverDifference = 0;
    for (let i = 0; i < exact.x.length; i++) solverDifference = Math.max(solverDifference, Math.abs(exact.x[i] - stopped.x[i]));
    let x: Float64Array;
    switch (solver) {
      case "gnw":
        x = Float64Array.from(stopped.x);
        break;
      case "newton":
        x = Float64Array.from(exact.x);
        break;
      default:
        return unknownSolver(solver);
    }
    if (noisy) {
      const rng = randomStream(options.seed!, "dream4", "noise", e.label);
      if (noise.sde > 0) {
        const z = stateVector(wildType);
        const duration = e.kind === "wild-type" && isEmpty(e.perturbation) ? GNW_SDE_MIN_DURATION : Math.max(GNW_SDE_MIN_DURATION, stopped.stopTime);
        sdeRun(model, params, z, duration, rng, noise.sde);
        x = z.slice(0, model.genes.length);
      }
      x = measurementNoise(x, noise.measurement, rng);
    }
    return {label: e.label, kind: e.kind, x, stopTime: stopped.stopTime, converged: stopped.converged, solverDifference, newtonResidual: exact.residual};
  });
}

function unknownSolver(solver: never): never {
  throw new Error(`unknown solver "${solver as string}" (known: ${SOLVERS.join(", ")})`);
}

const isEmpty = (p: Perturbation) => !p.knockout?.length && !p.knockdown?.length && !p.basalShift?.some((d) => d !== 0);

/** The values of every result on a scale (new arrays). */
export function scaled(results: readonly Dream4Result[], scale: Scale): Float64Array[] {
  switch (scale) {
    case "model":
      return results.map((r) => Float64Array.from(r.x));
    case "published":
      return results.map((r) => Float64Array.from(r.x, (v) => v / DREAM4_NET3_SCALE));
    case "max": {
      let max = 0;
      for (const r of results) for (const v of r.x) max = Math.max(max, v);
      if (!(max > 0)) throw new Error("cannot normalise by the maximum: every value is 0");
      return results.map((r) => Float64Array.from(r.x, (v) => v / max));
    }
    default:
      return unknownScale(scale);
  }
}

function unknownScale(scale: never): never {
  throw new Error(`unknown scale "${scale as string}" (known: ${SCALES.join(", ")})`);
}

/** The wild type as an experiment. */
export const wildTypeExperiment = (): Dream4Experiment => ({label: "wild type", kind: "wild-type", perturbation: {}});

/** Knockouts of gene sets (indices); labels join the names with "+" (e.g. "G6+G10"). */
export function knockoutExperiments(model: GnwModel, sets: readonly (readonly number[])[]): Dream4Experiment[] {
  return sets.map((set) => ({label: set.map((i) => model.genes[i].name).join("+"), kind: "knockout", perturbation: {knockout: [...set]}}));
}

/** Knockdowns (m ← m/2) of gene sets; labels "knockdown G3", "knockdown G3+G5". */
export function knockdownExperiments(model: GnwModel, sets: readonly (readonly number[])[]): Dream4Experiment[] {
  return sets.map((set) => ({label: `knockdown ${set.map((i) => model.genes[i].name).join("+")}`, kind: "knockdown", perturbation: {knockdown: [...set]}}));
}

/**
 * N multifactorial experiments ("multifactorial 1".."multifactorial N"): weak basal shifts
 * d_i ~ N(0, σ²) (σ = 0.33 in DREAM4), sample r drawn from its own stream (seed, r), so sample r
 * is the same whatever N.
 */
export function multifactorialExperiments(model: GnwModel, count: number, seed: number, sigma = MULTIFACTORIAL_SIGMA_DREAM4): Dream4Experiment[] {
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`multifactorial count must be an integer >= 1, got ${count}`);
  return Array.from({length: count}, (_, r) => ({
    label: `multifactorial ${r + 1}`,
    kind: "multifactorial",
    perturbation: {basalShift: multifactorialShifts(model, randomStream(seed, "dream4", "multifactorial", r), sigma)},
  }));
}

/**
 * Gene sets from text: sets separated by ",", genes within a set by "+" (e.g. "G6+G10,G6+G9").
 * "all" gives every single gene, "pairs" every unordered pair. One-line errors name the problem:
 * unknown gene, a gene twice in a set, an empty set, the same set twice.
 */
export function parseGeneSets(model: GnwModel, text: string, what = "gene sets"): number[][] {
  const N = model.genes.length;
  const trimmed = text.trim();
  if (trimmed === "all") return Array.from({length: N}, (_, i) => [i]);
  if (trimmed === "pairs") return Array.from({length: N}, (_, i) => Array.from({length: N - i - 1}, (_, d) => [i, i + 1 + d])).flat();
  if (trimmed === "") throw new Error(`${what}: empty (give sets like "G6+G10,G5", or all, or pairs)`);
  const seen = new Set<string>();
  return trimmed.split(",").map((part) => {
    const names = part.split("+").map((s) => s.trim());
    if (names.some((n) => n === "")) throw new Error(`${what}: empty gene set or gene name in "${part.trim()}"`);
    const set = names.map((name) => {
      const i = model.genes.findIndex((g) => g.name === name);
      if (i < 0) throw new Error(`${what}: unknown gene "${name}" (genes: ${model.genes.map((g) => g.name).join(", ")})`);
      return i;
    });
    if (new Set(set).size !== set.length) throw new Error(`${what}: "${part.trim()}" lists a gene twice`);
    const key = [...set].sort((a, b) => a - b).join(",");
    if (seen.has(key)) throw new Error(`${what}: the set "${part.trim()}" is given twice`);
    seen.add(key);
    return set;
  });
}
