import {anmCost, type TaskCost} from "../cost-model.js";
import type {FlatRecord} from "../../io/record-table.js";
import {typescriptKernel, type MomentKernel} from "../../regression/moment-kernel.js";
import {summarizeCross, summarizeNetwork, summarizeParameters, summarizeSynthetic, summarizeUncertainty} from "./anm-summaries.js";
import {crossTasks, runCrossTask, validateCrossConfig, type CrossConfig, type CrossRow} from "./cross-paper-runs.js";
import {networkPoints, networkTasks, runNetworkTask, validateNetworkConfig, type NetworkConfig, type NetworkRow} from "./network-runs.js";
import {runSyntheticTask, syntheticTasks, validateSyntheticConfig, type ParameterRow, type SyntheticConfig, type SyntheticErrorRow} from "./synthetic-runs.js";
import {runUncertaintyTask, uncertaintyTasks, validateUncertaintyConfig, type UncertaintyConfig, type UncertaintyRow} from "./uncertainty-runs.js";

/**
 * Saengkyongam & Silva's experiments as lists of independent, deterministic tasks (like
 * Kekić et al.'s in experiments.ts): task i depends only on the config and i, and the rows of
 * a whole run are the tasks' rows in task order, whoever ran them and in whatever order.
 */
export const ANM_EXPERIMENTS = ["anm-consistency", "anm-parameters", "anm-network", "anm-uncertainty", "anm-cross"] as const;
export type AnmExperiment = (typeof ANM_EXPERIMENTS)[number];
export type AnmConfig = SyntheticConfig | NetworkConfig | UncertaintyConfig | CrossConfig;

export function isAnmExperiment(name: string): name is AnmExperiment {
  return (ANM_EXPERIMENTS as readonly string[]).includes(name);
}

function unknownExperiment(config: never): never {
  throw new Error(`unknown experiment "${(config as {experiment: string}).experiment}" (known: ${ANM_EXPERIMENTS.join(", ")})`);
}

export function validateAnmConfig(config: AnmConfig): void {
  switch (config.experiment) {
    case "anm-consistency":
    case "anm-parameters":
      return validateSyntheticConfig(config);
    case "anm-network":
      return validateNetworkConfig(config);
    case "anm-uncertainty":
      return validateUncertaintyConfig(config);
    case "anm-cross":
      return validateCrossConfig(config);
    default:
      return unknownExperiment(config);
  }
}

export function anmTaskCount(config: AnmConfig): number {
  switch (config.experiment) {
    case "anm-consistency":
    case "anm-parameters":
      return syntheticTasks(config).length;
    case "anm-network":
      return networkTasks(config).length;
    case "anm-uncertainty":
      return uncertaintyTasks(config).length;
    case "anm-cross":
      return crossTasks(config).length;
    default:
      return unknownExperiment(config);
  }
}

/** Rows of task `id` (what --out writes for it). The kernel matters only to anm-cross (IG's moments). */
export function runAnmTask(config: AnmConfig, id: number, kernel: MomentKernel = typescriptKernel, onStage?: (stage: string) => void): FlatRecord[] {
  switch (config.experiment) {
    case "anm-consistency":
    case "anm-parameters": {
      const task = syntheticTasks(config)[id];
      onStage?.(`${task.mechanism} run ${task.run}, n = ${task.n}`);
      const r = runSyntheticTask(config, task);
      return (config.experiment === "anm-consistency" ? r.errors : r.parameters) as unknown as FlatRecord[];
    }
    case "anm-network": {
      const task = networkTasks(config)[id];
      return runNetworkTask(config, task, (replicate) => onStage?.(`run ${task.run}, point ${task.point + 1}: replicate ${replicate + 1}/${config.bootstrap + 1}`)) as unknown as FlatRecord[];
    }
    case "anm-uncertainty":
      onStage?.(`replicate ${id}`);
      return runUncertaintyTask(config, uncertaintyTasks(config)[id]) as unknown as FlatRecord[];
    case "anm-cross": {
      const task = crossTasks(config)[id];
      onStage?.(`${task.dgp} n = ${task.n} run ${task.run}`);
      return runCrossTask(config, task, kernel) as unknown as FlatRecord[];
    }
    default:
      return unknownExperiment(config);
  }
}

/**
 * The estimated cost of every task, in task order (see cost-model.ts): the regimes' rows and
 * one refit per method (and bootstrap replicate), plus the test points; anm-network and
 * anm-uncertainty also draw a 100,000-row reference sample per model.
 */
export function anmTaskCosts(config: AnmConfig): TaskCost[] {
  switch (config.experiment) {
    case "anm-consistency":
    case "anm-parameters":
      return syntheticTasks(config).map((t) => anmCost({rows: t.n, variables: 4, regimes: 5, testPoints: config.testPoints, methods: config.methods.length, refits: config.methods.length}));
    case "anm-network": {
      const points = networkPoints(config);
      return networkTasks(config).map((t) => anmCost({rows: points[t.point].n, variables: 10, regimes: 11, testPoints: config.testPoints, methods: config.methods.length, refits: (config.bootstrap + 1) * config.methods.length, referenceRows: 100_000, kineticSamples: kineticSamplesOf(config, t.point === 0)}));
    }
    case "anm-uncertainty":
      return uncertaintyTasks(config).map((replicate) => anmCost({rows: config.n, variables: 10, regimes: 11, testPoints: config.points, methods: config.methods.length, refits: config.methods.length, kineticSamples: kineticSamplesOf(config, replicate === 0)}));
    case "anm-cross":
      return crossTasks(config).map((t) => anmCost({rows: t.n, variables: 4, regimes: 5, testPoints: config.testPoints, methods: 4, refits: 4}));
    default:
      return unknownExperiment(config);
  }
}

/** The kinetic fit's simulation, charged to the task that runs it first for a seed (the first point of each run, replicate 0). */
function kineticSamplesOf(config: NetworkConfig | UncertaintyConfig, first: boolean): number {
  switch (config.network) {
    case "kinetic":
      return first ? config.samples : 0;
    case "stand-in":
      return 0;
    default: {
      const unknown: never = config.network;
      throw new Error(`unknown DREAM4 parameterisation "${unknown as string}"`);
    }
  }
}

/** What --json prints: per-point summaries of a whole run's rows. */
export function summarizeAnm(config: AnmConfig, rows: FlatRecord[]): unknown[] {
  switch (config.experiment) {
    case "anm-consistency":
      return summarizeSynthetic(rows as unknown as SyntheticErrorRow[]);
    case "anm-parameters":
      return summarizeParameters(rows as unknown as ParameterRow[]);
    case "anm-network":
      return summarizeNetwork(rows as unknown as NetworkRow[]);
    case "anm-uncertainty":
      return summarizeUncertainty(rows as unknown as UncertaintyRow[]);
    case "anm-cross":
      return summarizeCross(rows as unknown as CrossRow[]);
    default:
      return unknownExperiment(config);
  }
}
