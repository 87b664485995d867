// Fig. 4 of Saengkyongam & Silva on the DREAM4 network-3 stand-in, at the paper's settings
// (n sweep and confounding sweep, 100,000 test points, 50 bootstrap rounds).
import {NETWORK_DEFAULTS} from "../src/experiments/anm/network-runs.js";
import {writeAnmExperiment} from "./run-anm-experiment.js";

await writeAnmExperiment(NETWORK_DEFAULTS);
