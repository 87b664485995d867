import {runSeedsNote} from "../experiments/run-seeds.js";
import type {BudgetPlanConfig} from "../planning/budget-plan.js";
import {LIBRARY_VERSION} from "./experiment-metadata.js";

/** Schema metadata of a budget plan's per-run file: enough to reproduce it (the CLI adds the code version). */
export function planMetadata(config: BudgetPlanConfig, engine: string): Record<string, string> {
  return {
    experiment: "plan",
    config: JSON.stringify(config),
    seed: String(config.seed),
    run_seeds: runSeedsNote(config.seed, config.runs),
    reference: "Kekić, Garrido Mejia, Schölkopf (ICML 2025): the ratio experiment (Fig. 2b, Fig. B) on a cost-weighted budget, the topline from the convergence experiment (Fig. 2c, Fig. A)",
    metric: "rmse_truth: RMSE against the exact E[Y | do(a)] on the joint test split",
    engine,
    generator: LIBRARY_VERSION,
  };
}
