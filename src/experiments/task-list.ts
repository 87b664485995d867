import type {FlatRecord} from "../io/record-table.js";
import {typescriptKernel, type MomentKernel} from "../regression/moment-kernel.js";
import {anmTaskCosts, anmTaskCount, runAnmTask, validateAnmConfig, type AnmConfig} from "./anm/anm-experiments.js";
import {calibrated, experimentTaskCost, type TaskCost} from "./cost-model.js";
import {runTask, sweepPoints, tasks, validateConfig, type ExperimentConfig, type ResultRow} from "./experiments.js";

/**
 * Every experiment command, as one list of independent tasks: task ids run 0..count-1, task i
 * depends only on the config and i, and a run's rows are its tasks' rows in id order. Shards,
 * the worker pool and merge work on this interface alone.
 */
export type AnyConfig = ExperimentConfig | AnmConfig;
export type AnyRow = ResultRow | FlatRecord;

export function isKekic(config: AnyConfig): config is ExperimentConfig {
  switch (config.experiment) {
    case "main":
    case "ratio":
    case "convergence":
      return true;
    case "anm-consistency":
    case "anm-parameters":
    case "anm-network":
    case "anm-uncertainty":
    case "anm-cross":
      return false;
    default:
      return unknownConfig(config);
  }
}

function unknownConfig(config: never): never {
  throw new Error(`unknown experiment "${(config as {experiment: string}).experiment}"`);
}

export function validateAny(config: AnyConfig): void {
  if (isKekic(config)) validateConfig(config);
  else validateAnmConfig(config);
}

export function taskCount(config: AnyConfig): number {
  return isKekic(config) ? tasks(config).length : anmTaskCount(config);
}

/** The estimated cost of each task, in id order (the structural model times the command's measured calibration factor). */
export function taskCosts(config: AnyConfig): TaskCost[] {
  if (!isKekic(config)) return anmTaskCosts(config).map((c) => calibrated(config.experiment, c));
  const points = sweepPoints(config).map((p) => calibrated(config.experiment, experimentTaskCost(config, p)));
  return tasks(config).map((t) => points[t.point]);
}

/** The rows of task `id`; `onStage` hears what it is doing (for heartbeats inside long tasks). */
export function runTaskById(config: AnyConfig, id: number, kernel: MomentKernel = typescriptKernel, onStage?: (stage: string) => void): AnyRow[] {
  if (!isKekic(config)) return runAnmTask(config, id, kernel, onStage);
  return runTask(config, tasks(config)[id], kernel, onStage);
}

/** A readable name of task `id`, for messages (e.g. "point 2 run 7"). */
export function taskLabel(config: AnyConfig, id: number): string {
  if (isKekic(config)) {
    const t = tasks(config)[id];
    return `task ${id} (point ${t.point + 1}, run ${t.run})`;
  }
  return `task ${id}`;
}
