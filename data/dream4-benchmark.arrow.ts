// The dual-knockout benchmark on DREAM4 network 3 (page /dream4): every method's prediction of
// every gene under each of the 45 dual knockouts, for each sample size and measurement noise, with
// GNW's truths; config, seed and code version in the schema metadata.
import {BENCHMARK_DEFAULTS, runBenchmark} from "../src/dream4/benchmark.js";
import {dream4Network3} from "../src/dream4/network3.js";
import {LIBRARY_VERSION} from "../src/io/experiment-metadata.js";
import {recordsToArrow} from "../src/io/record-table.js";
import {codeVersion} from "../src/node/code-version.js";

const started = Date.now();
const rows = runBenchmark(dream4Network3(), BENCHMARK_DEFAULTS, (m) => process.stderr.write(`dream4-benchmark: ${m} (${((Date.now() - started) / 1000).toFixed(0)}s)\n`));
const metadata = {
  experiment: "dream4-benchmark",
  config: JSON.stringify(BENCHMARK_DEFAULTS),
  seed: String(BENCHMARK_DEFAULTS.seed),
  reference: "DREAM4 in-silico size-10 network 3 dual knockouts (GeneNetWeaver, MIT licence); Kekić et al. (ICML 2025); Saengkyongam & Silva (UAI 2020)",
  generator: LIBRARY_VERSION,
  code_version: codeVersion(),
};
process.stdout.write(recordsToArrow(rows as never, metadata));
process.stderr.write(`dream4-benchmark: ${rows.length} rows in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
