// The panels of Kekić et al.'s sweep figures: per K, the paper's config (used when results/ holds
// its merged result) and what a build runs otherwise. Shared by the loaders and by the test that
// checks the README's cluster commands produce exactly these configs.
import {PAPER_CONFIGS, type ExperimentConfig} from "../src/experiments/experiments.js";
import type {BuildScale} from "./build-scale.js";
import type {Panel} from "./run-experiments.js";

export const RATIO_METHODS = ["intervention-generalization", "joint-topline", "pooled", "observational", "ig-projected", "ig-shared-alpha", "structure-aware"] as const;
export const CONVERGENCE_METHODS = ["intervention-generalization", "joint-topline", "observational", "ig-projected", "ig-shared-alpha", "structure-aware"] as const;
/**
 * The adaptive-complexity methods (issue 14) join the default build's sweeps; the paper-scale
 * configs (and the README's cluster commands and costs) were planned before them and keep the
 * methods above, so committed paper-scale results stay findable.
 */
const ADAPTIVE = ["structure-aware-adaptive", "ig-adaptive"] as const;

const ratioConfig = (K: number, averages: number[], runs: number, extra: readonly string[] = []): ExperimentConfig => ({...PAPER_CONFIGS.ratio, K: [K], n: averages.map((a) => (K + 1) * a), runs, methods: [...RATIO_METHODS, ...extra] as ExperimentConfig["methods"]});
const convergenceConfig = (K: number, n: number[], runs: number, extra: readonly string[] = []): ExperimentConfig => ({...PAPER_CONFIGS.convergence, K: [K], n, runs, methods: [...CONVERGENCE_METHODS, ...extra] as ExperimentConfig["methods"]});

/** Fig. 2b / B: N_avg in {10^3, 10^4, 10^5}, 100 SCMs (paper); default build K in {2, 5}, N_avg up to 10^4, 30 SCMs. */
export function ratioPanels(scale: BuildScale): Panel[] {
  return [2, 5, 10].map((K) => ({paper: ratioConfig(K, [1e3, 1e4, 1e5], 100), build: scale === "paper" ? ratioConfig(K, [1e3, 1e4, 1e5], 100) : K === 10 ? undefined : ratioConfig(K, [1e3, 1e4], 30, ADAPTIVE)}));
}

const CONVERGENCE_FULL = [1e3, 1e4, 1e5, 1e6, 1e7];
const CONVERGENCE_BUILD = [1e3, 1e4, 1e5, 1e6];

/** Fig. 2c / A: N_tot up to 10^7, 100 SCMs (paper); default build K in {2, 5}, N_tot up to 10^6, 30 SCMs. */
export function convergencePanels(scale: BuildScale): Panel[] {
  return [2, 5, 10].map((K) => ({paper: convergenceConfig(K, CONVERGENCE_FULL, 100), build: scale === "paper" ? convergenceConfig(K, CONVERGENCE_FULL, 100) : K === 10 ? undefined : convergenceConfig(K, CONVERGENCE_BUILD, 30)}));
}

/**
 * The adaptive-complexity methods against the paper's IG, the cubic structure-aware fit and the
 * topline, on the convergence design (the convergence page's last section). A file of its own, so
 * that the committed paper-scale Fig. 2c / A results (the methods above) and this comparison do
 * not have to be made at the same scale: at the paper's scale the adaptive methods cost about
 * 1.1 CPU-hours for K in {2, 5} (`--dry-run`), so the default build runs them at 30 SCMs.
 */
export const ADAPTIVE_COMPARISON_METHODS = ["intervention-generalization", "joint-topline", "structure-aware", ...ADAPTIVE] as const;
const adaptiveConfig = (K: number, n: number[], runs: number): ExperimentConfig => ({...PAPER_CONFIGS.convergence, K: [K], n, runs, methods: [...ADAPTIVE_COMPARISON_METHODS] as ExperimentConfig["methods"]});
export function adaptiveConvergencePanels(scale: BuildScale): Panel[] {
  return [2, 5].map((K) => ({paper: adaptiveConfig(K, CONVERGENCE_FULL, 100), build: scale === "paper" ? adaptiveConfig(K, CONVERGENCE_FULL, 100) : adaptiveConfig(K, CONVERGENCE_BUILD, 30)}));
}
