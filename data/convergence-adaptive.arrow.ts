// The convergence design (N_obs = N_sint = N_tot / (K + 1), against a topline on N_tot joint rows)
// for the adaptive-complexity estimators (issue 14) beside the paper's IG, the cubic
// structure-aware fit and the topline: the last section of the convergence page. Default build:
// K in {2, 5}, N_tot up to 10^6, 30 SCMs; JEL_SCALE=paper, or a committed result of that config
// in results/, the paper's grid with 100 SCMs (panels: data/panels.ts).
import {buildScale} from "./build-scale.js";
import {adaptiveConvergencePanels} from "./panels.js";
import {writeExperiments} from "./run-experiments.js";

await writeExperiments("convergence-adaptive", adaptiveConvergencePanels(buildScale()));
