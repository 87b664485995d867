import {runSeedsNote} from "../experiments/run-seeds.js";
import {LIBRARY_VERSION} from "./experiment-metadata.js";

const REFERENCES: Record<string, string> = {
  "anm-consistency": "Saengkyongam & Silva (UAI 2020), Section 6.2, Fig. 2",
  "anm-parameters": "Saengkyongam & Silva (UAI 2020), Section 6.2, Fig. 3",
  "anm-network": "Saengkyongam & Silva (UAI 2020), Section 6.3, Fig. 4 (DREAM4 network 3)",
  "anm-uncertainty": "Saengkyongam & Silva (UAI 2020), Section 6.3.4, Fig. 5 (DREAM4 network 3)",
  "anm-cross": "Kekić et al. (ICML 2025) Appendix E and Saengkyongam & Silva (UAI 2020) Section 6.2, each estimator on the other's model",
};

/** Schema metadata of an ANM experiment's results file: enough to reproduce it, including the moment engine (IG's kernel in anm-cross). */
export function anmMetadata(config: {experiment: string; seed: number; runs?: number; network?: string; samples?: number}, engine: string): Record<string, string> {
  return {experiment: config.experiment, config: JSON.stringify(config), seed: String(config.seed), run_seeds: runSeedsNote(config.seed, config.runs ?? 1), reference: REFERENCES[config.experiment] ?? config.experiment, ...networkNote(config), engine, generator: LIBRARY_VERSION};
}

/** anm-network and anm-uncertainty: which parameterisation of DREAM4 network 3 was the ground truth, and how it was made. */
function networkNote(config: {seed: number; runs?: number; network?: string; samples?: number}): Record<string, string> {
  switch (config.network) {
    case undefined:
      return {};
    case "kinetic":
      return {parameterisation: "kinetic", simulation: `GeneNetWeaver network 3: ${config.samples} multifactorial steady states (sigma 0.33, DREAM4 molecular and microarray noise), simulation seed = seed + run (${config.seed}..${config.seed + (config.runs ?? 1) - 1}), each gene standardised; ANM fitted by Gaussian likelihood with independent noise`};
    case "stand-in":
      return {parameterisation: "stand-in", simulation: "none: random ANM parameters drawn from the seed (dream4StandIn)"};
    default:
      return {parameterisation: config.network};
  }
}
