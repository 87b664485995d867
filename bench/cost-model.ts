// Checks the cost model (src/experiments/cost-model.ts) against real runs at reduced scale, and
// reports each figure's CPU-hours at the paper's scale, as estimated and as corrected by the
// measured ratio:  npx tsx bench/cost-model.ts   (about 3 minutes on one core; run it alone).
// Each reduced config runs in this thread, one task at a time, timed with process.cpuUsage.
import {PAPER_CONFIGS, type ExperimentConfig} from "../src/experiments/experiments.js";
import {SYNTHETIC_DEFAULTS} from "../src/experiments/anm/synthetic-runs.js";
import {NETWORK_DEFAULTS} from "../src/experiments/anm/network-runs.js";
import {UNCERTAINTY_DEFAULTS} from "../src/experiments/anm/uncertainty-runs.js";
import {CROSS_DEFAULTS} from "../src/experiments/anm/cross-paper-runs.js";
import {runTaskById, taskCosts, type AnyConfig} from "../src/experiments/task-list.js";
import {bestKernel, typescriptKernel} from "../src/regression/moment-kernel.js";

const M7 = ["intervention-generalization", "joint-topline", "pooled", "observational", "ig-projected", "ig-shared-alpha", "structure-aware"] as const;
const M6 = M7.filter((m) => m !== "pooled");
const ratio = (K: number, averages: number[], runs: number, ratios = PAPER_CONFIGS.ratio.ratios): ExperimentConfig => ({...PAPER_CONFIGS.ratio, K: [K], n: averages.map((a) => (K + 1) * a), ratios, runs, methods: [...M7]});
const convergence = (K: number, n: number[], runs: number): ExperimentConfig => ({...PAPER_CONFIGS.convergence, K: [K], n, runs, methods: [...M6]});

/** [figure, the paper-scale configs, a reduced config of the same kind that is actually run] */
const FIGURES: [string, AnyConfig[], AnyConfig][] = [
  ["Fig. 2a (main, K = 5, N = 10^6)", [PAPER_CONFIGS.main], {...PAPER_CONFIGS.main, runs: 2}],
  ["Fig. 2b / B (ratio), K = 2", [ratio(2, [1e3, 1e4, 1e5], 100)], ratio(2, [1e3, 1e4, 1e5], 1)],
  ["Fig. 2b / B (ratio), K = 5", [ratio(5, [1e3, 1e4, 1e5], 100)], ratio(5, [1e3, 1e4, 1e5], 1)],
  ["Fig. B (ratio), K = 10", [ratio(10, [1e3, 1e4, 1e5], 100)], ratio(10, [1e3, 1e4], 1, [0.1, 1, 10])],
  ["Fig. 2c / A (convergence), K = 2", [convergence(2, [1e3, 1e4, 1e5, 1e6, 1e7], 100)], convergence(2, [1e3, 1e4, 1e5, 1e6], 1)],
  ["Fig. 2c / A (convergence), K = 5", [convergence(5, [1e3, 1e4, 1e5, 1e6, 1e7], 100)], convergence(5, [1e3, 1e4, 1e5, 1e6], 1)],
  ["Fig. A (convergence), K = 10", [convergence(10, [1e3, 1e4, 1e5, 1e6, 1e7], 100)], convergence(10, [1e3, 1e4, 1e5], 1)],
  ["S&S Fig. 2 (anm-consistency)", [SYNTHETIC_DEFAULTS["anm-consistency"]], {...SYNTHETIC_DEFAULTS["anm-consistency"], runs: 2}],
  ["S&S Fig. 3 (anm-parameters)", [SYNTHETIC_DEFAULTS["anm-parameters"]], {...SYNTHETIC_DEFAULTS["anm-parameters"], runs: 5}],
  ["S&S Fig. 4 (anm-network)", [NETWORK_DEFAULTS], {...NETWORK_DEFAULTS, n: [400], c: [0.35], bootstrap: 40}],
  ["S&S Fig. 5 (anm-uncertainty)", [UNCERTAINTY_DEFAULTS], UNCERTAINTY_DEFAULTS],
  ["anm-cross", [CROSS_DEFAULTS], {...CROSS_DEFAULTS, runs: 1}],
];

const only = process.argv[2];
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const total = (c: AnyConfig) => taskCosts(c).reduce((s, t) => s + t.cpuSeconds, 0);
console.log("| figure | paper scale: tasks, estimated CPU-hours | reduced run: tasks | estimated CPU s | measured CPU s | measured / estimated | paper scale, corrected CPU-hours |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const [figure, paper, reduced] of FIGURES) {
  if (only && !figure.includes(only)) continue;
  const kernel = reduced.experiment === "anm-cross" || reduced.experiment === "main" || reduced.experiment === "ratio" || reduced.experiment === "convergence" ? bestKernel() : typescriptKernel;
  const costs = taskCosts(reduced);
  const t0 = cpuSeconds();
  for (let id = 0; id < costs.length; id++) runTaskById(reduced, id, kernel);
  const measured = cpuSeconds() - t0;
  const estimated = costs.reduce((s, t) => s + t.cpuSeconds, 0);
  const paperTasks = paper.reduce((s, c) => s + taskCosts(c).length, 0);
  const paperHours = paper.reduce((s, c) => s + total(c), 0) / 3600;
  const ratioMe = measured / estimated;
  console.log(`| ${figure} | ${paperTasks}, ${paperHours.toPrecision(3)} | ${costs.length} | ${estimated.toFixed(1)} | ${measured.toFixed(1)} | ${ratioMe.toFixed(2)} | ${(paperHours * ratioMe).toPrecision(3)} |`);
}
