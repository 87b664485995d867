// Shared by the ANM loaders: the committed result of exactly this config (results/*.arrow) if
// there is one, else the config run over all cores through the same runtime services as the
// CLI; writes one Arrow file to stdout (config, seed, reference, code version and source in
// the schema metadata).
import type {AnmConfig} from "../src/experiments/anm/anm-experiments.js";
import {taskCount} from "../src/experiments/task-list.js";
import {bestKernel, typescriptKernel} from "../src/regression/moment-kernel.js";
import {encodeResults, engineOf, resultsMetadata} from "../src/node/results-file.js";
import {findStoredResults} from "../src/node/stored-results.js";
import {runTasks} from "../src/node/worker-pool.js";

export async function writeAnmExperiment(config: AnmConfig): Promise<void> {
  const stored = findStoredResults(config);
  if (stored) {
    process.stderr.write(`${config.experiment}: using ${stored.path} (code ${stored.metadata.code_version})\n`);
    process.stdout.write(encodeResults("arrow", config, stored.rows, {...stored.metadata, source: stored.path}));
    return;
  }
  const kernel = config.experiment === "anm-cross" ? bestKernel() : typescriptKernel;
  const started = Date.now();
  let last = 0;
  const ids = Array.from({length: taskCount(config)}, (_, i) => i);
  const perTask = await runTasks(config, ids, kernel, undefined, ({done, total}) => {
    if (done === total || Date.now() - last > 10_000) {
      last = Date.now();
      process.stderr.write(`${config.experiment}: task ${done}/${total} (${((Date.now() - started) / 1000).toFixed(0)}s)\n`);
    }
  });
  process.stdout.write(encodeResults("arrow", config, perTask.flat(), {...resultsMetadata(config, engineOf(config, kernel)), source: "computed at build"}));
}
