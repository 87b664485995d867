// Fig. 2a of Kekić et al.: per-run RMSEs of every method. Default build: the paper's full scale
// (100 SCMs, N = 10^6 rows per dataset).
import {PAPER_CONFIGS} from "../src/experiments/experiments.js";
import {writeExperiments} from "./run-experiments.js";

await writeExperiments("main-experiment", [PAPER_CONFIGS.main]);
