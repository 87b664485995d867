// Fig. 2b and Fig. B of Kekić et al.: N_tot = (K + 1) x N_avg fixed, ratio N_sint / N_obs swept.
// Fig. 2b is the K = 5, N_avg = 10^4 panel. Per K, the paper's config (N_avg in {10^3, 10^4, 10^5},
// 100 SCMs) is used when results/ holds it (merged shards, see README "On a cluster"); otherwise
// the default build runs K in {2, 5}, N_avg in {10^3, 10^4}, 30 SCMs, and JEL_SCALE=paper the
// paper's config for K in {2, 5, 10} (panels: data/panels.ts).
import {buildScale} from "./build-scale.js";
import {ratioPanels} from "./panels.js";
import {writeExperiments} from "./run-experiments.js";

await writeExperiments("ratio-experiment", ratioPanels(buildScale()));
