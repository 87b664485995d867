import * as Plot from "@observablehq/plot";
import {METHODS} from "../lib/estimators/methods.js";
import type {ResultRow} from "../lib/experiments/experiments.js";
import {summarizeByPoint} from "../lib/experiments/summary.js";
import {METHOD_LABELS, methodColorScale} from "./method-colors.js";
import {METRIC_LABELS, type Metric} from "./rmse-chart.js";

export interface SweepRow {
  K: number;
  nTotal: number;
  nAvg: number;
  ratio: number;
  method: string;
  label: string;
  mean: number;
  sem: number;
  runs: number;
}

/** Mean and SEM of one metric per (sweep point, method); methods in the site-wide order. */
export function sweepSummary(rows: ResultRow[], metric: Metric): SweepRow[] {
  const key = metric === "rmse" ? "rmse" : "rmse_truth";
  return summarizeByPoint(rows).flatMap((p) =>
    METHODS.filter(({id}) => p.methods[id]).map(({id}) => ({
      K: p.K,
      nTotal: p.nTotal,
      nAvg: p.nTotal / (p.K + 1),
      ratio: p.ratio,
      method: id,
      label: METHOD_LABELS[id],
      mean: p.methods[id][key].mean,
      sem: Number.isFinite(p.methods[id][key].sem) ? p.methods[id][key].sem : 0,
      runs: p.methods[id].runs,
    })),
  );
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const fmtN = (n: number) => (n >= 1000 && Math.log10(n) % 1 === 0 ? `10${String(Math.log10(n)).replace(/\d/g, (d) => SUPERSCRIPT[+d])}` : n.toLocaleString("en-US"));
const fmtRmse = (d: number) => String(+d.toPrecision(3));
const meanText = (d: SweepRow) => (d.runs < 2 ? `${d.mean.toFixed(4)} (one run)` : `${d.mean.toFixed(4)} ± ${d.sem.toFixed(4)} (${d.runs} runs)`);

/** Fig. 2b / Fig. B: RMSE against N_sint / N_obs (log-log), ±1 SEM bands; rows K, columns N_tot. */
export function ratioChart(data: SweepRow[], {width, metric}: {width: number; metric: Metric}) {
  const ids = [...new Set(data.map((d) => d.method))];
  const Ks = [...new Set(data.map((d) => d.K))];
  const totals = [...new Set(data.map((d) => d.nAvg))];
  // on a phone, three N_tot columns leave ~100 px each: put K in the columns and N_tot in the rows
  const narrow = width < 640 && totals.length > 2;
  return Plot.plot({
    width,
    height: 60 + (narrow ? 200 * totals.length : 220 * Ks.length),
    marginRight: narrow ? 60 : 50,
    marginBottom: 40, // room for the subscript underscore of the x label
    x: {type: "log", label: "N_sint / N_obs", ticks: narrow ? [0.1, 1, 10] : [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10], tickFormat: (d: number) => String(d)},
    y: {type: "log", label: METRIC_LABELS[metric], grid: true, tickFormat: fmtRmse},
    // each facet title says what it is; a shared axis label would float between them
    ...(narrow
      ? {
          fx: {label: null, tickFormat: (K: number) => `K = ${K}`, domain: Ks},
          fy: {label: "N_tot / (K + 1)", tickFormat: fmtN, domain: totals},
          facet: {data, x: "K", y: "nAvg"},
        }
      : {
          fx: {label: null, tickFormat: (n: number) => `N_tot / (K + 1) = ${n.toLocaleString("en-US")}`, domain: totals},
          fy: {label: null, tickFormat: (K: number) => `K = ${K}`, domain: Ks},
          facet: {data, x: "nAvg", y: "K"},
        }),
    color: {...methodColorScale(ids), legend: true},
    marks: [
      Plot.areaY(data, {x: "ratio", y1: (d: SweepRow) => Math.max(d.mean - d.sem, 1e-6), y2: (d: SweepRow) => d.mean + d.sem, fill: "label", fillOpacity: 0.18, z: "label"}),
      Plot.lineY(data, {x: "ratio", y: "mean", stroke: "label", strokeWidth: 1.8, z: "label"}),
      Plot.dot(data, {x: "ratio", y: "mean", fill: "label", r: 2.5}),
      Plot.tip(data, Plot.pointerX({x: "ratio", y: "mean", title: (d: SweepRow) => `${d.label}\nK = ${d.K}, N_tot = ${d.nTotal.toLocaleString("en-US")}\nratio ${d.ratio}: ${meanText(d)}`})),
    ],
  });
}

/** Fig. 2c / Fig. A: RMSE against N_tot (log-log), ±1 SEM bands; one column per K. */
export function convergenceChart(data: SweepRow[], {width, metric}: {width: number; metric: Metric}) {
  const ids = [...new Set(data.map((d) => d.method))];
  const Ks = [...new Set(data.map((d) => d.K))];
  const positive = (v: number) => Math.max(v, 1e-6);
  return Plot.plot({
    width,
    height: 360,
    marginBottom: 40,
    x: {type: "log", label: "N_tot (training + test rows, all datasets)", tickFormat: (n: number) => fmtN(n)},
    y: {type: "log", label: METRIC_LABELS[metric], grid: true, tickFormat: fmtRmse},
    fx: {label: null, tickFormat: (K: number) => `K = ${K}`, domain: Ks},
    facet: {data, x: "K"},
    color: {...methodColorScale(ids), legend: true},
    marks: [
      Plot.areaY(data, {x: "nTotal", y1: (d: SweepRow) => positive(d.mean - d.sem), y2: (d: SweepRow) => d.mean + d.sem, fill: "label", fillOpacity: 0.18, z: "label"}),
      Plot.lineY(data, {x: "nTotal", y: "mean", stroke: "label", strokeWidth: 1.8, z: "label"}),
      Plot.dot(data, {x: "nTotal", y: "mean", fill: "label", r: 2.5}),
      Plot.tip(data, Plot.pointerX({x: "nTotal", y: "mean", title: (d: SweepRow) => `${d.label}\nK = ${d.K}, N_tot = ${d.nTotal.toLocaleString("en-US")}\n${meanText(d)}`})),
    ],
  });
}
