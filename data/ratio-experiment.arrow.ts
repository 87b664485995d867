// Fig. 2b and Fig. B of Kekić et al.: N_tot = (K + 1) x N_avg fixed, ratio N_sint / N_obs swept.
// Fig. 2b is the K = 5, N_avg = 10^4 panel. Default build: K in {2, 5}, N_avg in {10^3, 10^4},
// 30 SCMs; JEL_SCALE=paper: K in {2, 5, 10}, N_avg in {10^3, 10^4, 10^5}, 100 SCMs.
import {PAPER_CONFIGS} from "../src/experiments/experiments.js";
import {buildScale} from "./build-scale.js";
import {writeExperiments} from "./run-experiments.js";

const paper = buildScale() === "paper";
const Ks = paper ? [2, 5, 10] : [2, 5];
const averages = paper ? [1e3, 1e4, 1e5] : [1e3, 1e4];
const methods = ["intervention-generalization", "joint-topline", "pooled", "observational", "ig-projected", "ig-shared-alpha", "structure-aware", "structure-aware-adaptive", "ig-adaptive"] as const;
await writeExperiments(
  "ratio-experiment",
  Ks.map((K) => ({...PAPER_CONFIGS.ratio, K: [K], n: averages.map((a) => (K + 1) * a), runs: paper ? 100 : 30, methods: [...methods]})),
);
