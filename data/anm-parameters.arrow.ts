// Fig. 3 of Saengkyongam & Silva: the outcome's parameter estimates over 200 runs at n = 1600.
import {SYNTHETIC_DEFAULTS} from "../src/experiments/anm/synthetic-runs.js";
import {writeAnmExperiment} from "./run-anm-experiment.js";

await writeAnmExperiment(SYNTHETIC_DEFAULTS["anm-parameters"]);
