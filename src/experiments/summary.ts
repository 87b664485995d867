import {meanSem} from "../metrics.js";
import type {PointCoordinates, ResultRow} from "./experiments.js";

export interface MeanSem {
  mean: number;
  sem: number;
}

export interface MethodSummary {
  rmse: MeanSem;
  rmse_truth: MeanSem;
  runs: number;
}

export type ScoredRun = Pick<ResultRow, "method" | "rmse" | "rmseTruth">;

/** Mean and SEM over runs of both RMSEs, per method, in the order methods first appear. */
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

export interface PointSummary extends PointCoordinates {
  methods: Record<string, MethodSummary>;
}

/** One entry per sweep point (in order of first appearance), each with its per-method summary. */
export function summarizeByPoint(results: ResultRow[]): PointSummary[] {
  const points = new Map<string, ResultRow[]>();
  for (const r of results) {
    const key = `${r.K}|${r.nTotal}|${r.ratio}`;
    if (!points.has(key)) points.set(key, []);
    points.get(key)!.push(r);
  }
  return [...points.values()].map((rows) => {
    const {K, nTotal, ratio, nObs, nSingle, nJoint} = rows[0];
    return {K, nTotal, ratio, nObs, nSingle, nJoint, methods: summarizeByMethod(rows)};
  });
}
