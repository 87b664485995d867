import {randomStream} from "../random/streams.js";
import type {GnwModel} from "./model.js";
import {multifactorialShifts, MULTIFACTORIAL_SIGMA_DREAM4} from "./perturbation.js";
import {NO_NOISE, scaled, simulateExperiments, type Dream4Experiment, type NoiseSettings, type Scale, type Solver} from "./simulate.js";

/**
 * The data of the dual-knockout benchmark (issue 15, part 3). Both papers' estimators learn from
 * regimes that are distributions: an observational regime and one single-intervention regime per
 * variable. GNW's knockouts are single noise-free points, so each regime gets its variation from
 * GNW's own multifactorial perturbation (independent basal shifts d_i ~ N(0, σ²), σ = 0.33 in DREAM4):
 * - observational: multifactorial steady states of the wild type;
 * - do(G_k = 0): multifactorial steady states in the G_k knockout background (m_k ← 0).
 * A regime's samples share nothing with another regime's (independent streams per regime and
 * sample), as the papers' datasets come from different units. The same exogenous variation
 * (basal activations) holds in every regime, which is what makes the regimes comparable: only
 * the intervened mechanism changes. Every sample is GNW's rule run from the stopped wild type,
 * so even an unshifted sample sits one block (2.5e-4 model units) closer to the fixed point than
 * the published wild type.
 *
 * The joint regimes' truth comes in two forms:
 * - "dream4": the noise-free dual-knockout steady state without shifts, which DREAM4 scored;
 * - "interventional-mean": the mean over the multifactorial distribution of the dual-knockout
 *   steady state (Monte Carlo, with its standard error), i.e. E[X | do(G_a = 0, G_b = 0)] in the
 *   regime distributions the estimators see. The model is nonlinear, so the two differ.
 */
export interface DesignOptions {
  /** samples per regime (>= 1) */
  samplesPerRegime: number;
  seed: number;
  /** σ of the basal shifts (default DREAM4's 0.33) */
  sigma?: number;
  /** genes whose knockout regimes are simulated (default: every gene) */
  knockouts?: readonly number[];
  noise?: NoiseSettings;
  solver?: Solver;
  /** default "published" (÷ C), DREAM4's scale */
  scale?: Scale;
}

/** One tidy row: one gene's value in one sample of one regime. */
export interface DesignRow {
  /** "observational" or "do(G5=0)" */
  regime: string;
  /** the knocked-out gene, or "" for the observational regime */
  knockout: string;
  sample: number;
  gene: string;
  value: number;
}

export const regimeLabel = (gene: string | undefined) => (gene === undefined ? "observational" : `do(${gene}=0)`);

/** Multifactorial samples of the observational and single-knockout regimes, as tidy rows. */
export function singleKnockoutRegimes(model: GnwModel, options: DesignOptions): DesignRow[] {
  const {samplesPerRegime, seed} = options;
  if (!Number.isSafeInteger(samplesPerRegime) || samplesPerRegime < 1) throw new Error(`samples per regime must be an integer >= 1, got ${samplesPerRegime}`);
  const sigma = options.sigma ?? MULTIFACTORIAL_SIGMA_DREAM4;
  const knockouts = options.knockouts ?? model.genes.map((_, i) => i);
  for (const k of knockouts) if (!Number.isInteger(k) || k < 0 || k >= model.genes.length) throw new Error(`knockout regime: gene index ${k} is not one of 0..${model.genes.length - 1}`);
  if (new Set(knockouts).size !== knockouts.length) throw new Error("knockout regimes: a gene is listed twice");
  const regimes: (number | undefined)[] = [undefined, ...knockouts];
  const experiments: Dream4Experiment[] = regimes.flatMap((k) => {
    const label = regimeLabel(k === undefined ? undefined : model.genes[k].name);
    return Array.from({length: samplesPerRegime}, (_, r) => ({
      label: `${label} #${r}`,
      kind: "multifactorial" as const,
      perturbation: {knockout: k === undefined ? [] : [k], basalShift: multifactorialShifts(model, randomStream(seed, "dream4-design", label, r), sigma)},
    }));
  });
  return tidy(model, experiments, regimes.flatMap((k) => Array.from({length: samplesPerRegime}, (_, r) => ({k, r}))), options);
}

function tidy(model: GnwModel, experiments: Dream4Experiment[], index: {k: number | undefined; r: number}[], options: DesignOptions): DesignRow[] {
  const results = simulateExperiments(model, experiments, {solver: options.solver, noise: options.noise ?? NO_NOISE, seed: options.seed});
  const values = scaled(results, options.scale ?? "published");
  const rows: DesignRow[] = [];
  results.forEach((_, e) => {
    const {k, r} = index[e];
    const knockout = k === undefined ? "" : model.genes[k].name;
    model.genes.forEach((g, i) => rows.push({regime: regimeLabel(k === undefined ? undefined : knockout), knockout, sample: r, gene: g.name, value: values[e][i]}));
  });
  return rows;
}

/** Every unordered pair of genes, in order (G1+G2, G1+G3, ..., G9+G10). */
export function allPairs(model: GnwModel): [number, number][] {
  const N = model.genes.length;
  const pairs: [number, number][] = [];
  for (let a = 0; a < N; a++) for (let b = a + 1; b < N; b++) pairs.push([a, b]);
  return pairs;
}

/** The five pairs of the DREAM4 size-10 network-3 dual-knockout challenge, in the published order. */
export const DREAM4_NET3_CHALLENGE_PAIRS = ["G6+G10", "G6+G9", "G5+G10", "G5+G9", "G5+G6"] as const;

export interface PairTruthRow {
  pair: string;
  gene: string;
  /** the truth on the chosen scale */
  value: number;
  /** Monte Carlo standard error ("interventional-mean"), 0 for "dream4" */
  se: number;
}

export interface TruthOptions {
  truth: "dream4" | "interventional-mean";
  /** pairs as gene indices (default: all 45) */
  pairs?: readonly (readonly [number, number])[];
  solver?: Solver;
  scale?: Scale;
  /** interventional-mean only: Monte Carlo samples per pair and their seed, σ */
  samples?: number;
  seed?: number;
  sigma?: number;
}

/** The truth of every pair's dual knockout, as tidy rows (pair, gene, value, se). */
export function dualKnockoutTruth(model: GnwModel, options: TruthOptions): PairTruthRow[] {
  const pairs = options.pairs ?? allPairs(model);
  const name = (p: readonly [number, number]) => `${model.genes[p[0]].name}+${model.genes[p[1]].name}`;
  const scale = options.scale ?? "published";
  switch (options.truth) {
    case "dream4": {
      const experiments: Dream4Experiment[] = pairs.map((p) => ({label: name(p), kind: "knockout", perturbation: {knockout: [...p]}}));
      const values = scaled(simulateExperiments(model, experiments, {solver: options.solver}), scale);
      return pairs.flatMap((p, e) => model.genes.map((g, i) => ({pair: name(p), gene: g.name, value: values[e][i], se: 0})));
    }
    case "interventional-mean": {
      const samples = options.samples ?? 0;
      if (!Number.isSafeInteger(samples) || samples < 2) throw new Error(`interventional-mean truth needs samples >= 2, got ${options.samples}`);
      if (options.seed === undefined) throw new Error("interventional-mean truth needs a seed");
      if (scale === "max") throw new Error('scale "max" depends on the other values of a run; use "published" or "model" for a truth');
      const sigma = options.sigma ?? MULTIFACTORIAL_SIGMA_DREAM4;
      const experiments: Dream4Experiment[] = pairs.flatMap((p) =>
        Array.from({length: samples}, (_, r) => ({label: `${name(p)} #${r}`, kind: "multifactorial" as const, perturbation: {knockout: [...p], basalShift: multifactorialShifts(model, randomStream(options.seed!, "dream4-truth", name(p), r), sigma)}})),
      );
      const values = scaled(simulateExperiments(model, experiments, {solver: options.solver}), scale);
      return pairs.flatMap((p, q) =>
        model.genes.map((g, i) => {
          let sum = 0;
          let sum2 = 0;
          for (let r = 0; r < samples; r++) {
            const v = values[q * samples + r][i];
            sum += v;
            sum2 += v * v;
          }
          const mean = sum / samples;
          const variance = Math.max(0, (sum2 - samples * mean * mean) / (samples - 1));
          return {pair: name(p), gene: g.name, value: mean, se: Math.sqrt(variance / samples)};
        }),
      );
    }
    default:
      throw new Error(`unknown truth "${(options as {truth: string}).truth}" (known: dream4, interventional-mean)`);
  }
}

/**
 * The DREAM4 organisers' additive baseline for a dual knockout: x_AB = x_A + x_B - x_wt, clipped at 0
 * (per gene; any scale, as long as all three use the same one).
 */
export function additiveBaseline(wildType: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  if (a.length !== wildType.length || b.length !== wildType.length) throw new Error(`additive baseline: lengths ${wildType.length}, ${a.length}, ${b.length} differ`);
  return Float64Array.from(wildType as ArrayLike<number>, (w, i) => Math.max(0, a[i] + b[i] - w));
}
