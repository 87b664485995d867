// Fig. 2b and Fig. B of Kekić et al.: N_tot = (K + 1) x N_avg fixed, ratio N_sint / N_obs swept.
// Fig. 2b is the K = 5, N_avg = 10^4 panel. Per K, the paper's config (N_avg in {10^3, 10^4, 10^5},
// 100 SCMs) is used when results/ holds it (merged shards, see README "On a cluster"); otherwise
// the default build runs K in {2, 5}, N_avg in {10^3, 10^4}, 30 SCMs, and JEL_SCALE=paper the
// paper's config for K in {2, 5, 10}.
import {PAPER_CONFIGS, type ExperimentConfig} from "../src/experiments/experiments.js";
import {buildScale} from "./build-scale.js";
import {writeExperiments} from "./run-experiments.js";

const methods = ["intervention-generalization", "joint-topline", "pooled", "observational", "ig-projected", "ig-shared-alpha", "structure-aware"] as const;
const ratioConfig = (K: number, averages: number[], runs: number): ExperimentConfig => ({...PAPER_CONFIGS.ratio, K: [K], n: averages.map((a) => (K + 1) * a), runs, methods: [...methods]});
const paper = buildScale() === "paper";
await writeExperiments(
  "ratio-experiment",
  [2, 5, 10].map((K) => ({paper: ratioConfig(K, [1e3, 1e4, 1e5], 100), build: paper ? ratioConfig(K, [1e3, 1e4, 1e5], 100) : K === 10 ? undefined : ratioConfig(K, [1e3, 1e4], 30)})),
);
