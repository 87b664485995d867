import {runSeedsNote} from "../experiments/run-seeds.js";
import type {ExperimentConfig, ExperimentName} from "../experiments/experiments.js";

/** Schema metadata recorded with every generated results file: enough to reproduce it. */
export const LIBRARY_VERSION = "joint-effects-lab 0.1.0";

export const EXPERIMENT_REFERENCES: Record<ExperimentName, string> = {
  main: "Kekić, Garrido Mejia, Schölkopf (ICML 2025), Fig. 2a and Appendix E",
  ratio: "Kekić, Garrido Mejia, Schölkopf (ICML 2025), Fig. 2b, Fig. B and Appendix E",
  convergence: "Kekić, Garrido Mejia, Schölkopf (ICML 2025), Fig. 2c, Fig. A and Appendix E",
};

export function experimentMetadata(config: ExperimentConfig, engine: string): Record<string, string> {
  return {
    experiment: config.experiment,
    config: JSON.stringify(config),
    seed: String(config.seed),
    run_seeds: runSeedsNote(config.seed, config.runs),
    reference: EXPERIMENT_REFERENCES[config.experiment],
    engine,
    generator: LIBRARY_VERSION,
  };
}
