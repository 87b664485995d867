// Each paper's estimator on the other paper's data-generating process (20 runs per point).
import {CROSS_DEFAULTS} from "../src/experiments/anm/cross-paper-runs.js";
import {writeAnmExperiment} from "./run-anm-experiment.js";

await writeAnmExperiment(CROSS_DEFAULTS);
