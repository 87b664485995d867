// Fig. 2c and Fig. A of Kekić et al.: N_obs = N_sint = N_tot / (K + 1), against a topline on
// N_tot joint rows. Per K, the paper's config (N_tot up to 10^7, 100 SCMs) is used when results/
// holds it (merged shards, see README "On a cluster"); otherwise the default build runs K in
// {2, 5}, N_tot up to 10^6, 30 SCMs, and JEL_SCALE=paper the paper's config for K in {2, 5, 10}.
import {PAPER_CONFIGS, type ExperimentConfig} from "../src/experiments/experiments.js";
import {buildScale} from "./build-scale.js";
import {writeExperiments} from "./run-experiments.js";

const methods = ["intervention-generalization", "joint-topline", "observational", "ig-projected", "ig-shared-alpha", "structure-aware"] as const;
const convergenceConfig = (K: number, n: number[], runs: number): ExperimentConfig => ({...PAPER_CONFIGS.convergence, K: [K], n, runs, methods: [...methods]});
const paper = buildScale() === "paper";
const full = [1e3, 1e4, 1e5, 1e6, 1e7];
await writeExperiments(
  "convergence-experiment",
  [2, 5, 10].map((K) => ({paper: convergenceConfig(K, full, 100), build: paper ? convergenceConfig(K, full, 100) : K === 10 ? undefined : convergenceConfig(K, [1e3, 1e4, 1e5, 1e6], 30)})),
);
