import * as Plot from "@observablehq/plot";
import {METHODS} from "../lib/estimators/methods.js";
import {summarizeByMethod, type ScoredRun} from "../lib/experiments/summary.js";
import {METHOD_LABELS, methodColorScale} from "./method-colors.js";

export interface SummaryRow {
  method: string;
  label: string;
  metric: string;
  mean: number;
  sem: number;
  runs: number;
}

export const METRIC_LABELS = {rmse: "RMSE vs noisy test Y (the paper's metric)", rmseTruth: "RMSE vs exact E[Y | do(a)]"} as const;
export type Metric = keyof typeof METRIC_LABELS;

/** Mean and SEM per method and metric, methods in the site-wide order. */
export function summarizeRuns(rows: ScoredRun[]): SummaryRow[] {
  const byMethod = summarizeByMethod(rows);
  return METHODS.filter(({id}) => byMethod[id]).flatMap(({id}) =>
    (["rmse", "rmseTruth"] as const).map((metric) => {
      const s = byMethod[id][metric === "rmse" ? "rmse" : "rmse_truth"];
      return {method: id, label: METHOD_LABELS[id], metric: METRIC_LABELS[metric], mean: s.mean, sem: s.sem, runs: byMethod[id].runs};
    }),
  );
}

/** Fig. 2a: mean RMSE per method with ±1 SEM error bars, one titled panel per metric. */
export function rmseChart(summary: SummaryRow[], {width}: {width: number}): HTMLElement {
  const figure = document.createElement("div");
  for (const metric of Object.values(METRIC_LABELS)) {
    const rows = summary.filter((s) => s.metric === metric);
    if (rows.length) figure.append(rmsePanel(rows, {width, title: metric}));
  }
  return figure;
}

function rmsePanel(rows: SummaryRow[], {width, title}: {width: number; title: string}) {
  const ids = [...new Set(rows.map((s) => s.method))];
  // one run has no SEM: draw the value alone and say so on the axis
  const single = rows.every((d) => d.runs < 2 || !Number.isFinite(d.sem));
  const bars = rows.filter((d) => d.runs >= 2 && Number.isFinite(d.sem));
  const runs = Math.max(...rows.map((d) => d.runs));
  return Plot.plot({
    title,
    width,
    height: 50 + 30 * ids.length,
    marginLeft: 140,
    x: {label: single ? "RMSE (one run)" : `RMSE (mean ± SEM over ${runs} runs)`, grid: true, zero: true},
    y: {label: null, domain: ids.map((id) => METHOD_LABELS[id])},
    color: methodColorScale(ids),
    marks: [
      Plot.ruleY(bars, {y: "label", x1: (d: SummaryRow) => d.mean - d.sem, x2: (d: SummaryRow) => d.mean + d.sem, stroke: "label", strokeWidth: 2}),
      Plot.tickX(bars, {y: "label", x: (d: SummaryRow) => d.mean - d.sem, stroke: "label"}),
      Plot.tickX(bars, {y: "label", x: (d: SummaryRow) => d.mean + d.sem, stroke: "label"}),
      Plot.dot(rows, {y: "label", x: "mean", fill: "label", r: 4.5}),
      Plot.tip(rows, Plot.pointerY({y: "label", x: "mean", title: (d: SummaryRow) => (d.runs < 2 || !Number.isFinite(d.sem) ? `${d.label}\n${d.mean.toFixed(4)} (one run)` : `${d.label}\n${d.mean.toFixed(4)} ± ${d.sem.toFixed(4)} (${d.runs} runs)`)})),
    ],
  });
}
