// Shared by the loaders: runs experiment configurations over all cores with the fastest kernel
// and writes one Arrow file to stdout (configs, seeds, engine and scale in the schema metadata).
import {runExperimentParallel} from "../src/node/worker-pool.js";
import type {ExperimentConfig, ResultRow} from "../src/experiments/experiments.js";
import {experimentMetadata} from "../src/io/experiment-metadata.js";
import {resultsToArrow} from "../src/io/results-table.js";
import {bestKernel} from "../src/regression/moment-kernel.js";
import {buildScale} from "./build-scale.js";

export async function writeExperiments(name: string, configs: ExperimentConfig[]): Promise<void> {
  const kernel = bestKernel();
  const started = Date.now();
  const rows: ResultRow[] = [];
  for (const config of configs) {
    let last = 0;
    rows.push(
      ...(await runExperimentParallel(config, kernel, undefined, ({done, total}) => {
        if (done === total || Date.now() - last > 10_000) {
          last = Date.now();
          process.stderr.write(`${name}: K ${config.K.join(",")}, N ${config.n.join(",")}: task ${done}/${total} (${((Date.now() - started) / 1000).toFixed(0)}s)\n`);
        }
      })),
    );
  }
  const metadata = {...experimentMetadata(configs[0], kernel.name), configs: JSON.stringify(configs), scale: buildScale()};
  process.stdout.write(resultsToArrow(rows, metadata));
}
