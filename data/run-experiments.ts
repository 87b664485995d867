// Shared by the loaders of Kekić et al.'s figures: for each panel, the committed paper-scale
// result (results/*.arrow, merged from shards, config matching exactly) if there is one, else
// the build-scale config run over all cores with the fastest kernel. Writes one Arrow file to
// stdout; its metadata says, per panel, where the rows came from and which code version made them.
import {runExperimentParallel} from "../src/node/worker-pool.js";
import type {ExperimentConfig, ResultRow} from "../src/experiments/experiments.js";
import {experimentMetadata} from "../src/io/experiment-metadata.js";
import {resultsToArrow} from "../src/io/results-table.js";
import {bestKernel} from "../src/regression/moment-kernel.js";
import {codeVersion} from "../src/node/code-version.js";
import {canonicalJson} from "../src/node/results-file.js";
import {findStoredResults} from "../src/node/stored-results.js";
import {totalCost} from "../src/experiments/cost-model.js";
import {taskCosts} from "../src/experiments/task-list.js";
import {buildScale} from "./build-scale.js";

export interface Panel {
  /** the paper's config of this panel: used when results/ holds it */
  paper: ExperimentConfig;
  /** what the build runs otherwise; without one, the panel is left out unless results/ holds the paper's */
  build?: ExperimentConfig;
}

export interface Source {
  K: number[];
  runs: number;
  scale: "paper" | "reduced";
  /** a results/ file, or "computed at build" */
  source: string;
  code_version: string;
}

/** A panel this build leaves out (no build config, no committed result): the cost model's estimate of its paper-scale run. */
export interface LeftOut {
  K: number[];
  runs: number;
  cpu_hours: number;
}

export async function writeExperiments(name: string, panels: Panel[]): Promise<void> {
  const kernel = bestKernel();
  const started = Date.now();
  const rows: ResultRow[] = [];
  const configs: ExperimentConfig[] = [];
  const sources: Source[] = [];
  const leftOut: LeftOut[] = [];
  for (const {paper, build} of panels) {
    const stored = findStoredResults(paper) ?? (build && findStoredResults(build));
    const config = stored ? (JSON.parse(stored.metadata.config) as ExperimentConfig) : build;
    if (!config) {
      leftOut.push({K: paper.K, runs: paper.runs, cpu_hours: totalCost(taskCosts(paper)).cpuSeconds / 3600});
      continue;
    }
    // scale is about the grid (K, N, ratios, SCMs), not the method set: Fig. 2a's build runs the
    // paper's grid without the adaptive methods, its committed result has them too
    const scale = canonicalJson({...config, methods: []}) === canonicalJson({...paper, methods: []}) ? "paper" : "reduced";
    configs.push(config);
    if (stored) {
      process.stderr.write(`${name}: K ${config.K.join(",")}: using ${stored.path} (code ${stored.metadata.code_version})\n`);
      rows.push(...(stored.rows as ResultRow[]));
      sources.push({K: config.K, runs: config.runs, scale, source: stored.path, code_version: stored.metadata.code_version ?? "unknown"});
      continue;
    }
    let last = 0;
    rows.push(
      ...(await runExperimentParallel(config, kernel, undefined, ({done, total}) => {
        if (done === total || Date.now() - last > 10_000) {
          last = Date.now();
          process.stderr.write(`${name}: K ${config.K.join(",")}, N ${config.n.join(",")}: task ${done}/${total} (${((Date.now() - started) / 1000).toFixed(0)}s)\n`);
        }
      })),
    );
    sources.push({K: config.K, runs: config.runs, scale, source: "computed at build", code_version: codeVersion()});
  }
  const metadata = {...experimentMetadata(configs[0], kernel.name), configs: JSON.stringify(configs), scale: buildScale(), code_version: codeVersion(), sources: JSON.stringify(sources), left_out: JSON.stringify(leftOut)};
  process.stdout.write(resultsToArrow(rows, metadata));
}
