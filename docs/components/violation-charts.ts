// Charts of the violation lab (/assumptions): error vs lambda per method, power vs lambda per
// check, and the live slice of E[Y | do(a)] with every estimator's curve.
import * as Plot from "@observablehq/plot";
import {METHOD_COLORS, METHOD_LABELS, methodColorScale} from "./method-colors.js";
import {checkLabel, type CheckId} from "../lib/violations/violation-run.js";
import type {ViolationPointSummary} from "../lib/violations/violation-sweep.js";

const CHECK_COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#9c755f", "#555555"];

/** RMSE / s against lambda, mean ± SEM over SCMs, one line per method (log scale: errors span decades). */
export function errorChart(points: ViolationPointSummary[], {width, methods}: {width: number; methods: string[]}) {
  const rows = points.flatMap((p) => p.methods.filter((m) => methods.includes(m.method)).map((m) => ({lambda: p.lambda, method: METHOD_LABELS[m.method] ?? m.method, mean: m.relRmse.mean, lo: Math.max(1e-4, m.relRmse.mean - m.relRmse.sem), hi: m.relRmse.mean + m.relRmse.sem})));
  const ids = methods.filter((id) => rows.some((r) => r.method === (METHOD_LABELS[id] ?? id)));
  return Plot.plot({
    width,
    height: Math.min(420, Math.max(260, width * 0.55)),
    marginLeft: 50,
    x: {label: "λ (strength of the violation)", ticks: [0, 0.25, 0.5, 0.75, 1], tickFormat: (d: number) => String(d)},
    y: {type: "log", label: "RMSE vs exact effect / s", grid: true, tickFormat: "~g"},
    color: {...methodColorScale(ids), legend: true},
    marks: [
      Plot.ruleX(rows, {x: "lambda", y1: "lo", y2: "hi", stroke: "method", strokeOpacity: 0.6}),
      Plot.line(rows, {x: "lambda", y: "mean", stroke: "method", strokeWidth: 2}),
      Plot.dot(rows, {x: "lambda", y: "mean", fill: "method", r: 3, tip: true, title: (d: {method: string; lambda: number; mean: number}) => `${d.method}\nλ = ${d.lambda}: ${d.mean.toFixed(3)} s`}),
    ],
  });
}

/** Power (fraction of SCMs flagged at the lambda = 0-calibrated threshold) against lambda, one line per check. */
export function powerChart(points: ViolationPointSummary[], {width}: {width: number}) {
  const checks = [...new Set(points.flatMap((p) => p.checks.map((c) => c.check)))] as CheckId[];
  const rows = points.flatMap((p) => p.checks.map((c) => ({lambda: p.lambda, check: checkLabel(c.check), power: c.power, lo: Math.max(0, c.power - c.se), hi: Math.min(1, c.power + c.se)})));
  return Plot.plot({
    width,
    height: Math.min(380, Math.max(240, width * 0.5)),
    marginLeft: 50,
    x: {label: "λ", ticks: [0, 0.25, 0.5, 0.75, 1], tickFormat: (d: number) => String(d)},
    y: {domain: [0, 1], label: "power (5% false alarms at λ = 0)", grid: true},
    color: {domain: checks.map(checkLabel), range: CHECK_COLORS.slice(0, checks.length), legend: true},
    marks: [
      Plot.ruleX(rows, {x: "lambda", y1: "lo", y2: "hi", stroke: "check", strokeOpacity: 0.5}),
      Plot.line(rows, {x: "lambda", y: "power", stroke: "check", strokeWidth: 2}),
      Plot.dot(rows, {x: "lambda", y: "power", fill: "check", r: 3, tip: true, title: (d: {check: string; lambda: number; power: number}) => `${d.check}\nλ = ${d.lambda}: ${(100 * d.power).toFixed(0)}%`}),
      // the 5% line on top: lines of checks that never flag more than 5% lie on it
      Plot.ruleY([0.05], {stroke: "currentColor", strokeOpacity: 0.7, strokeDasharray: "4 3"}),
    ],
  });
}

export interface SliceResult {
  x: number[];
  truth: number[];
  curves: {method: string; y: number[]}[];
  sliceAction: number;
  heldAction: number;
  heldValue: number;
  scale: number;
}

/** E[Y | do(a)] along a slice: the exact effect (black) and each estimator's curve. */
export function sliceChart(r: SliceResult, {width, methods}: {width: number; methods: string[]}) {
  const rows = r.curves.filter((c) => methods.includes(c.method)).flatMap((c) => c.y.map((y, i) => ({x: r.x[i], y, method: METHOD_LABELS[c.method] ?? c.method})));
  const truth = r.truth.map((y, i) => ({x: r.x[i], y}));
  const ids = r.curves.map((c) => c.method).filter((m) => methods.includes(m));
  const ys = [...truth.map((d) => d.y)];
  const lo = Math.min(...ys), hi = Math.max(...ys);
  const pad = Math.max(r.scale, (hi - lo) * 0.5);
  const clipped = rows.map((d) => ({...d, y: Math.max(lo - pad, Math.min(hi + pad, d.y))}));
  return Plot.plot({
    width,
    height: Math.min(400, Math.max(260, width * 0.55)),
    marginLeft: 55,
    x: {label: `a${r.sliceAction + 1} (the others held fixed)`},
    y: {label: "E[Y | do(a)]", grid: true, domain: [lo - pad, hi + pad]},
    color: {...methodColorScale(ids), legend: true},
    marks: [
      Plot.line(clipped, {x: "x", y: "y", stroke: "method", strokeWidth: 1.8}),
      Plot.line(truth, {x: "x", y: "y", stroke: "black", strokeWidth: 3, strokeDasharray: "6 3"}),
      Plot.text([truth[truth.length - 1]], {x: "x", y: "y", text: () => "exact", dx: -4, dy: -10, textAnchor: "end", fill: "black"}),
    ],
  });
}

export {METHOD_COLORS};

/** A plain table (every row shown, cells never clipped) in a sideways-scrolling box, for the page's final table. */
export function wideTable(rows: Record<string, unknown>[], columns: {key: string; label: string; format?: (v: unknown) => string}[], caption: string): HTMLElement {
  const box = document.createElement("div");
  box.className = "jel-wide-table";
  const table = document.createElement("table");
  const cap = document.createElement("caption");
  cap.textContent = caption;
  table.append(cap);
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement("th");
    th.textContent = c.label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    columns.forEach((c, i) => {
      const td = tr.insertCell();
      const v = r[c.key];
      td.textContent = c.format ? c.format(v) : String(v ?? "–");
      if (i > 0) td.style.textAlign = "right";
    });
  }
  box.append(table);
  return box;
}
