/** Schema metadata recorded with every generated results file: enough to reproduce it. */
export const LIBRARY_VERSION = "joint-effects-lab 0.1.0";

export function experimentMetadata(experiment: string, config: {seed: number}, reference: string): Record<string, string> {
  return {
    experiment,
    config: JSON.stringify(config),
    seed: String(config.seed),
    reference,
    generator: LIBRARY_VERSION,
  };
}

export const MAIN_EXPERIMENT_REFERENCE = "Kekić, Garrido Mejia, Schölkopf (ICML 2025), Fig. 2a and Appendix E";
