// Shared by the ANM loaders: runs one configuration through the same code path as the CLI and
// writes one Arrow file to stdout (config, seed and reference in the schema metadata).
import {runAnmExperiment, writeAnmOutput} from "../src/cli/anm-experiment.js";

export function writeAnmExperiment(config: Parameters<typeof runAnmExperiment>[0]): void {
  const started = Date.now();
  let last = 0;
  const {rows} = runAnmExperiment(config, (done, total) => {
    if (done === total || Date.now() - last > 10_000) {
      last = Date.now();
      process.stderr.write(`${config.experiment}: step ${done}/${total} (${((Date.now() - started) / 1000).toFixed(0)}s)\n`);
    }
  });
  process.stdout.write(writeAnmOutput("arrow", config, rows));
}
