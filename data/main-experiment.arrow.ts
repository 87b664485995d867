// Fig. 2a of Kekić et al.: per-run RMSEs of every method, config and seed in the schema metadata.
import {MAIN_DEFAULTS, runMainExperiment} from "../src/experiments/main-experiment.js";
import {experimentMetadata, MAIN_EXPERIMENT_REFERENCE} from "../src/io/experiment-metadata.js";
import {resultsToArrow} from "../src/io/results-table.js";
import {buildScale, progress} from "./build-scale.js";

const config = {...MAIN_DEFAULTS, K: 5, n: buildScale() === "paper" ? 1_000_000 : 10_000, runs: 100, seed: 0};
const results = runMainExperiment(config, progress("main-experiment"));
process.stdout.write(resultsToArrow(results, {...experimentMetadata("main", config, MAIN_EXPERIMENT_REFERENCE), scale: buildScale()}));
