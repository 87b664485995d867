import {runSeedsNote} from "../experiments/run-seeds.js";
import {LIBRARY_VERSION} from "./experiment-metadata.js";

const REFERENCES: Record<string, string> = {
  "anm-consistency": "Saengkyongam & Silva (UAI 2020), Section 6.2, Fig. 2",
  "anm-parameters": "Saengkyongam & Silva (UAI 2020), Section 6.2, Fig. 3",
  "anm-network": "Saengkyongam & Silva (UAI 2020), Section 6.3, Fig. 4 (DREAM4 network-3 topology, stand-in parameters)",
  "anm-uncertainty": "Saengkyongam & Silva (UAI 2020), Section 6.3.4, Fig. 5 (DREAM4 network-3 topology, stand-in parameters)",
  "anm-cross": "Kekić et al. (ICML 2025) Appendix E and Saengkyongam & Silva (UAI 2020) Section 6.2, each estimator on the other's model",
};

/** Schema metadata of an ANM experiment's results file: enough to reproduce it, including the moment engine (IG's kernel in anm-cross). */
export function anmMetadata(config: {experiment: string; seed: number; runs?: number}, engine: string): Record<string, string> {
  return {experiment: config.experiment, config: JSON.stringify(config), seed: String(config.seed), run_seeds: runSeedsNote(config.seed, config.runs ?? 1), reference: REFERENCES[config.experiment] ?? config.experiment, engine, generator: LIBRARY_VERSION};
}
