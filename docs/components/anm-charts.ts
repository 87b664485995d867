import * as Plot from "@observablehq/plot";
import {METHOD_LABELS, methodColorScale} from "./method-colors.js";

const label = (id: string) => METHOD_LABELS[id] ?? id;
const sig = (d: number) => String(+d.toPrecision(3));

export interface MeanSemPoint {
  x: number;
  method: string;
  mean: number;
  sem: number;
  facet?: string;
}

/**
 * Fig. 2 of Saengkyongam & Silva: mean error over runs against n, log-log, with 95% confidence
 * bands (mean +- 1.96 SEM); one panel per facet value.
 */
export function meanSemChart(data: MeanSemPoint[], {width, xLabel, yLabel, height = 320}: {width: number; xLabel: string; yLabel: string; height?: number}) {
  const ids = [...new Set(data.map((d) => d.method))];
  const rows = data.map((d) => ({...d, label: label(d.method), lo: Math.max(d.mean - 1.96 * (d.sem || 0), d.mean / 20), hi: d.mean + 1.96 * (d.sem || 0)}));
  const banded = rows.filter((d) => Number.isFinite(d.sem) && d.sem > 0);
  const facets = [...new Set(data.map((d) => d.facet ?? ""))];
  const faceted = facets.length > 1;
  // side by side when there is room, stacked on a phone (titles and end ticks would collide)
  const stacked = faceted && width < 640;
  const key = stacked ? "fy" : "fx";
  const xs = [...new Set(data.map((d) => d.x))].sort((a, b) => a - b);
  const perPanel = stacked || !faceted ? width - 80 : (width - 80) / facets.length;
  const shown = xs.length * 48 > perPanel ? xs.filter((_, i) => i % 2 === 0) : xs;
  return Plot.plot({
    width,
    height: stacked ? height * facets.length * 0.8 : height,
    marginLeft: 60,
    marginRight: stacked ? 20 : 20,
    marginTop: stacked ? 10 : undefined,
    x: {type: "log", label: xLabel, ticks: shown, tickFormat: (d: number) => (d >= 1e4 && d % 1000 === 0 ? `${d / 1000}k` : d.toLocaleString("en-US"))},
    y: {type: "log", label: yLabel, grid: true, tickFormat: sig},
    fx: faceted && !stacked ? {label: null} : undefined,
    fy: stacked ? {label: null, axis: null} : undefined,
    color: {...methodColorScale(ids), legend: true},
    marks: [
      Plot.areaY(banded, {x: "x", y1: "lo", y2: "hi", fill: "label", fillOpacity: 0.2, z: "label", [key]: faceted ? "facet" : undefined}),
      Plot.lineY(rows, {x: "x", y: "mean", stroke: "label", strokeWidth: 1.8, z: "label", [key]: faceted ? "facet" : undefined}),
      ...(stacked ? [Plot.text(facets, {fy: (f: string) => f, text: (f: string) => f, frameAnchor: "top-right", dx: -4, dy: 4, fontWeight: "bold"})] : []),
      Plot.dot(rows, {x: "x", y: "mean", fill: "label", r: 2.5, [key]: faceted ? "facet" : undefined, tip: true, title: (d: (typeof rows)[number]) => `${d.label}\n${xLabel} = ${d.x.toLocaleString("en-US")}\n${yLabel}: ${d.mean.toPrecision(4)}${Number.isFinite(d.sem) && d.sem > 0 ? ` ± ${(1.96 * d.sem).toPrecision(2)} (95%)` : ""}`}),
    ],
  });
}

export interface EstimateRow {
  method: string;
  parameter: string;
  estimate: number;
  truth: number;
}

/** Fig. 3: each method's sampling distribution of each outcome parameter (histograms), truth as a dotted rule. */
export function samplingDistributionChart(rows: EstimateRow[], {width}: {width: number}) {
  const methods = [...new Set(rows.map((r) => r.method))];
  const params = [...new Set(rows.map((r) => r.parameter))];
  const truths = params.map((p) => ({parameter: p, truth: rows.find((r) => r.parameter === p)!.truth}));
  return Plot.plot({
    width,
    height: 70 + 150 * methods.length,
    marginLeft: 50,
    marginRight: 15,
    x: {label: "estimate", grid: true},
    y: {label: "runs", grid: true},
    // each panel names its method inside the frame, so no right margin is needed on a phone
    fy: {label: null, domain: methods, axis: null},
    color: {legend: true, domain: params, scheme: "tableau10", label: "parameter"},
    marks: [
      Plot.rectY(rows, Plot.binX<Plot.RectYOptions>({y: "count"}, {x: "estimate", fill: "parameter", fy: "method", thresholds: 160, fillOpacity: 0.7})),
      Plot.ruleX(
        methods.flatMap((m) => truths.map((t) => ({...t, method: m}))),
        {x: "truth", stroke: "parameter", strokeDasharray: "2,3", strokeWidth: 1.5, fy: "method"},
      ),
      Plot.ruleY([0]),
      Plot.text(methods, {fy: (m: string) => m, text: (m: string) => label(m), frameAnchor: "top-left", dx: 4, dy: 4, fontWeight: "bold", fontSize: 12}),
    ],
  });
}

export interface BandPoint {
  x: number;
  method: string;
  value: number;
  lo: number;
  hi: number;
}

/** Fig. 4: a metric against n or c with 95% bootstrap bands; the oracle as a flat grey line. */
export function bandChart(data: BandPoint[], {width, xLabel, yLabel, logX, logY, height = 300, legend = true, ids: allIds}: {width: number; xLabel: string; yLabel: string; logX: boolean; logY: boolean; height?: number; legend?: boolean; ids?: string[]}) {
  const ids = allIds ?? [...new Set(data.map((d) => d.method))];
  const rows = data.map((d) => ({...d, label: label(d.method)}));
  return Plot.plot({
    width,
    height,
    marginLeft: 55,
    marginRight: 15,
    x: {type: logX ? "log" : "linear", label: xLabel, ticks: [...new Set(data.map((d) => d.x))], tickFormat: (d: number) => d.toLocaleString("en-US")},
    y: {type: logY ? "log" : "linear", label: yLabel, grid: true, tickFormat: sig},
    color: {...methodColorScale(ids), legend},
    marks: [
      Plot.areaY(rows, {x: "x", y1: "lo", y2: "hi", fill: "label", fillOpacity: 0.2, z: "label"}),
      Plot.lineY(rows, {x: "x", y: "value", stroke: "label", strokeWidth: 1.8, z: "label"}),
      Plot.dot(rows, {x: "x", y: "value", fill: "label", r: 2.5, tip: true, title: (d: (typeof rows)[number]) => `${d.label}\n${xLabel} = ${d.x}\n${yLabel}: ${d.value.toPrecision(4)} [${d.lo.toPrecision(3)}, ${d.hi.toPrecision(3)}]`}),
    ],
  });
}

export interface IntervalRow {
  rank: number;
  method: string;
  prediction: number;
  lo: number;
  hi: number;
  truth: number;
}

/**
 * Fig. 5: per test point (ranked by observational density), the bootstrap interval, the full-data
 * prediction and the truth. x is continuous (rank + a small offset per method); the truth is a
 * short horizontal rule across each rank, so no mark turns x into a band scale.
 */
export function intervalChart(rows: IntervalRow[], {width}: {width: number}) {
  const ids = [...new Set(rows.map((r) => r.method))];
  const offset = (m: string) => (ids.indexOf(m) - (ids.length - 1) / 2) * 0.22;
  const data = rows.map((r) => ({...r, label: label(r.method), xr: r.rank + offset(r.method)}));
  const truths = [...new Map(rows.map((r) => [r.rank, r])).values()].sort((a, b) => a.rank - b.rank);
  const half = Math.max(0.15, (ids.length * 0.22) / 2 + 0.08);
  return Plot.plot({
    width,
    height: 340,
    marginLeft: 55,
    x: {type: "linear", label: "test point, ranked by observational density (1: most likely)", ticks: truths.map((t) => t.rank), tickFormat: (d: number) => String(d), domain: [0.5, truths.length + 0.5]},
    y: {label: "joint effect E[Y | do(x)]", grid: true},
    color: {...methodColorScale(ids), legend: true},
    marks: [
      Plot.ruleX(data, {x: "xr", y1: "lo", y2: "hi", stroke: "label", strokeWidth: 3, strokeOpacity: 0.7}),
      Plot.dot(data, {x: "xr", y: "prediction", fill: "label", r: 3, tip: true, title: (d: (typeof data)[number]) => `${d.label}, point ${d.rank}\nprediction ${d.prediction.toFixed(3)}\n95% interval [${d.lo.toFixed(3)}, ${d.hi.toFixed(3)}]\ntruth ${d.truth.toFixed(3)}`}),
      Plot.ruleY(truths, {x1: (t: IntervalRow) => t.rank - half, x2: (t: IntervalRow) => t.rank + half, y: "truth", stroke: "currentColor", strokeWidth: 2}),
    ],
  });
}

/** Log-likelihood per iteration for each optimizer. */
export function logLikelihoodChart(traces: {method: string; values: number[]}[], {width}: {width: number}) {
  const rows = traces.flatMap((t) => t.values.map((v, i) => ({method: t.method, label: label(t.method), iteration: i, value: v})));
  const best = Math.max(...rows.map((r) => r.value));
  const start = traces.find((t) => t.method === "anm")?.values[0] ?? Math.min(...rows.map((r) => r.value));
  const span = Math.max(best - start, 1e-9);
  return Plot.plot({
    // a grid cell can report a width of 0 before it is laid out; the clip rectangle (width minus
    // margins) must not go negative
    width: Math.max(width, 240),
    height: 260,
    marginLeft: 70,
    x: {label: "iteration (one covariance step and one parameter step)"},
    y: {label: "combined log-likelihood, eq. (6)", grid: true, domain: [start - 0.15 * span, best + 0.05 * span]},
    color: {...methodColorScale(traces.map((t) => t.method)), legend: true},
    marks: [Plot.lineY(rows, {x: "iteration", y: "value", stroke: "label", strokeWidth: 1.8, clip: true}), Plot.dot(rows, {x: "iteration", y: "value", fill: "label", r: 1.8, clip: true})],
  });
}

/** Estimated parameters against the truth, one row per parameter. */
export function parameterDotChart(rows: {method: string; parameter: string; value: number}[], truth: {parameter: string; value: number}[], {width}: {width: number}) {
  const ids = [...new Set(rows.map((r) => r.method))];
  const data = rows.map((r) => ({...r, label: label(r.method)}));
  return Plot.plot({
    width,
    height: 40 + 22 * truth.length,
    marginLeft: 120,
    x: {label: "parameter value", grid: true},
    y: {label: null, domain: truth.map((t) => t.parameter)},
    color: {...methodColorScale(ids), legend: true},
    marks: [
      Plot.tickX(truth, {x: "value", y: "parameter", stroke: "currentColor", strokeWidth: 2}),
      Plot.dot(data, {x: "value", y: "parameter", fill: "label", r: 4, fillOpacity: 0.85, tip: true, title: (d: (typeof data)[number]) => `${d.label}: ${d.parameter} = ${d.value.toFixed(4)}`}),
    ],
  });
}
