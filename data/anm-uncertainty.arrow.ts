// Fig. 5 of Saengkyongam & Silva: bootstrap prediction intervals at 10 test points ranked by density.
import {UNCERTAINTY_DEFAULTS} from "../src/experiments/anm/uncertainty-runs.js";
import {writeAnmExperiment} from "./run-anm-experiment.js";

await writeAnmExperiment(UNCERTAINTY_DEFAULTS);
