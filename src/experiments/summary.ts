import {meanSem} from "../metrics.js";
import type {RunResult} from "./main-experiment.js";

export interface MeanSem {
  mean: number;
  sem: number;
}

export interface MethodSummary {
  rmse: MeanSem;
  rmse_truth: MeanSem;
  runs: number;
}

/** Mean and SEM over runs of both RMSEs, per method, in the order methods first appear. */
export type ScoredRun = Pick<RunResult, "method" | "rmse" | "rmseTruth">;

export function summarizeByMethod(results: ScoredRun[]): Record<string, MethodSummary> {
  const byMethod = new Map<string, ScoredRun[]>();
  for (const r of results) {
    if (!byMethod.has(r.method)) byMethod.set(r.method, []);
    byMethod.get(r.method)!.push(r);
  }
  const out: Record<string, MethodSummary> = {};
  for (const [method, rows] of byMethod) {
    const a = meanSem(rows.map((r) => r.rmse));
    const b = meanSem(rows.map((r) => r.rmseTruth));
    out[method] = {rmse: {mean: a.mean, sem: a.sem}, rmse_truth: {mean: b.mean, sem: b.sem}, runs: rows.length};
  }
  return out;
}
