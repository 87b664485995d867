// Fig. 2c and Fig. A of Kekić et al.: N_obs = N_sint = N_tot / (K + 1), against a topline on
// N_tot joint rows. Default build: K in {2, 5}, N_tot up to 10^6, 30 SCMs; JEL_SCALE=paper:
// K in {2, 5, 10}, N_tot up to 10^7, 100 SCMs.
import {PAPER_CONFIGS} from "../src/experiments/experiments.js";
import {buildScale} from "./build-scale.js";
import {writeExperiments} from "./run-experiments.js";

const paper = buildScale() === "paper";
await writeExperiments("convergence-experiment", [
  {
    ...PAPER_CONFIGS.convergence,
    K: paper ? [2, 5, 10] : [2, 5],
    n: paper ? [1e3, 1e4, 1e5, 1e6, 1e7] : [1e3, 1e4, 1e5, 1e6],
    runs: paper ? 100 : 30,
    methods: ["intervention-generalization", "joint-topline", "observational", "ig-projected", "ig-shared-alpha", "structure-aware", "structure-aware-adaptive", "ig-adaptive"],
  },
]);
