// Fig. 2a of Kekić et al.: per-run RMSEs of every method. Default build: the paper's full scale
// (100 SCMs, N = 10^6 rows per dataset), or its committed result in results/ when present.
import {PAPER_CONFIGS} from "../src/experiments/experiments.js";
import {writeExperiments} from "./run-experiments.js";

await writeExperiments("main-experiment", [{paper: PAPER_CONFIGS.main, build: PAPER_CONFIGS.main}]);
