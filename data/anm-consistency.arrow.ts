// Fig. 2 of Saengkyongam & Silva at the paper's full scale (50 runs, n up to 25,600, 100,000 test points).
import {SYNTHETIC_DEFAULTS} from "../src/experiments/anm/synthetic-runs.js";
import {writeAnmExperiment} from "./run-anm-experiment.js";

await writeAnmExperiment(SYNTHETIC_DEFAULTS["anm-consistency"]);
