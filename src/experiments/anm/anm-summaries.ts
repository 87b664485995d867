import {meanSem, quantile} from "../../metrics.js";
import type {NetworkRow} from "./network-runs.js";
import type {ParameterRow, SyntheticErrorRow} from "./synthetic-runs.js";
import type {UncertaintyRow} from "./uncertainty-runs.js";
import type {CrossRow} from "./cross-paper-runs.js";

const groupBy = <T>(rows: T[], key: (r: T) => string) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return [...m.values()];
};
const stat = (values: number[]) => {
  const {mean, sem, n} = meanSem(values);
  return {mean, sem, runs: n};
};

/** Fig. 2: mean and SEM over runs of the effect MAE and the parameter MAE, per mechanism, n and method. */
export function summarizeSynthetic(rows: SyntheticErrorRow[]) {
  return groupBy(rows, (r) => `${r.mechanism}|${r.n}|${r.method}`).map((g) => ({
    mechanism: g[0].mechanism,
    n: g[0].n,
    method: g[0].method,
    mae: stat(g.map((r) => r.mae)),
    param_mae: stat(g.map((r) => r.param_mae)),
    iterations: stat(g.map((r) => r.iterations)),
  }));
}

/** Fig. 3: mean, sd and bias of each parameter's estimates over runs. */
export function summarizeParameters(rows: ParameterRow[]) {
  return groupBy(rows, (r) => `${r.mechanism}|${r.n}|${r.method}|${r.parameter}`).map((g) => {
    const e = g.map((r) => r.estimate);
    const {mean, sem, n} = meanSem(e);
    return {mechanism: g[0].mechanism, n: g[0].n, method: g[0].method, parameter: g[0].parameter, truth: g[0].truth, mean, sd: sem * Math.sqrt(n), bias: mean - g[0].truth, runs: n};
  });
}

/** Fig. 4: the full-data value and the 2.5 / 97.5% bootstrap percentiles of each metric. */
export function summarizeNetwork(rows: NetworkRow[]) {
  const metrics = ["mae", "spearman", "mae_truth", "spearman_truth"] as const;
  return groupBy(rows, (r) => `${r.sweep}|${r.n}|${r.c}|${r.run}|${r.method}`).map((g) => {
    const full = g.find((r) => r.replicate === 0)!;
    const boot = g.filter((r) => r.replicate > 0);
    return {
      sweep: full.sweep,
      n: full.n,
      c: full.c,
      run: full.run,
      method: full.method,
      bootstrap: boot.length,
      ...Object.fromEntries(metrics.map((m) => [m, {value: full[m], lo: boot.length ? quantile(boot.map((r) => r[m]), 0.025) : full[m], hi: boot.length ? quantile(boot.map((r) => r[m]), 0.975) : full[m]}])),
    } as {sweep: string; n: number; c: number; run: number; method: string; bootstrap: number} & Record<(typeof metrics)[number], {value: number; lo: number; hi: number}>;
  });
}

/** Fig. 5: per test point and method, the full-data prediction, the 95% bootstrap interval and the truth. */
export function summarizeUncertainty(rows: UncertaintyRow[]) {
  return groupBy(rows, (r) => `${r.point}|${r.method}`)
    .map((g) => {
      const full = g.find((r) => r.replicate === 0)!;
      const boot = g.filter((r) => r.replicate > 0).map((r) => r.prediction);
      const lo = quantile(boot, 0.025), hi = quantile(boot, 0.975);
      return {point: full.point, rank: full.rank, log_density: full.log_density, method: full.method, prediction: full.prediction, lo, hi, width: hi - lo, truth: full.truth, covered: full.truth >= lo && full.truth <= hi, coordinates: full.coordinates};
    })
    .sort((a, b) => a.rank - b.rank || a.method.localeCompare(b.method));
}

export function summarizeCross(rows: CrossRow[]) {
  return groupBy(rows, (r) => `${r.dgp}|${r.n}|${r.method}`).map((g) => ({dgp: g[0].dgp, n: g[0].n, method: g[0].method, rmse_truth: stat(g.map((r) => r.rmse_truth)), relative_rmse: stat(g.map((r) => r.relative_rmse))}));
}
