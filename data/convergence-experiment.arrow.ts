// Fig. 2c and Fig. A of Kekić et al.: N_obs = N_sint = N_tot / (K + 1), against a topline on
// N_tot joint rows. Per K, the paper's config (N_tot up to 10^7, 100 SCMs) is used when results/
// holds it (merged shards, see README "On a cluster"); otherwise the default build runs K in
// {2, 5}, N_tot up to 10^6, 30 SCMs, and JEL_SCALE=paper the paper's config for K in {2, 5, 10}
// (panels: data/panels.ts).
import {buildScale} from "./build-scale.js";
import {convergencePanels} from "./panels.js";
import {writeExperiments} from "./run-experiments.js";

await writeExperiments("convergence-experiment", convergencePanels(buildScale()));
