// The live budget planner of /assumptions ("How to spend a budget"): runs the planner
// (src/planning/budget-plan.ts) in parallel Web Workers, and draws error vs split per method
// with the best split marked and its flat range shaded, plus the sentence that reads it.
import * as Plot from "@observablehq/plot";
import {firstRuns, planTasks, summarizePlan, tasksPerRun, validatePlanConfig, type BudgetPlanConfig, type MethodPlan, type PlanRow, type PlanSummary} from "../lib/planning/budget-plan.js";
import type {ToplineEquivalent} from "../lib/planning/topline-equivalent.js";
import {METHOD_COLORS, METHOD_LABELS, methodColorScale, methodKey} from "./method-colors.js";

export interface PlanState {
  done: number;
  total: number;
  /** runs (SCMs) whose every task is done: the summary covers runs 0 .. completeRuns - 1 */
  completeRuns: number;
  summary?: PlanSummary;
  /** every task's rows, in task order, once the plan is finished */
  rows?: PlanRow[];
  finished: boolean;
  error?: string;
  elapsedMs: number;
  engine?: string;
  workers: number;
}

/**
 * Runs the plan in up to `maxWorkers` workers (one task at a time each, in task order, so runs
 * complete in order) and yields the state after every task; the summary is recomputed over the
 * complete runs (from two on). Workers end when the cell is invalidated or the plan is done.
 */
export async function* runPlanLive(config: BudgetPlanConfig, invalidation: Promise<unknown>, maxWorkers = 4): AsyncGenerator<PlanState> {
  const started = performance.now();
  const workers = Math.max(1, Math.min(maxWorkers, navigator.hardwareConcurrency || 2));
  const state: PlanState = {done: 0, total: 0, completeRuns: 0, finished: false, elapsedMs: 0, workers};
  try {
    validatePlanConfig(config);
  } catch (e) {
    yield {...state, error: (e as Error).message, finished: true};
    return;
  }
  const tasks = planTasks(config);
  state.total = tasks.length;
  const perRun = tasksPerRun(config);
  const results: (PlanRow[] | undefined)[] = new Array(tasks.length);
  const doneInRun = new Array(config.runs).fill(0);
  let next = 0;
  const queue: PlanState[] = [];
  let wake: (() => void) | null = null;
  const push = () => {
    queue.push({...state, elapsedMs: performance.now() - started});
    wake?.();
  };
  const pool: Worker[] = [];
  const stop = () => pool.forEach((w) => w.terminate());
  invalidation.then(stop);
  const feed = (w: Worker) => {
    if (next < tasks.length) w.postMessage({type: "task", index: next++});
  };
  for (let i = 0; i < Math.min(workers, tasks.length); i++) {
    const w = new Worker(import.meta.resolve("./budget-worker.js"), {type: "module"});
    pool.push(w);
    w.onmessage = (event) => {
      const m = event.data;
      if (state.finished) return;
      if (m.type === "error") {
        Object.assign(state, {error: m.message, finished: true});
        stop();
        push();
        return;
      }
      results[m.index] = m.rows;
      state.engine = m.engine;
      state.done++;
      doneInRun[Math.floor(m.index / perRun)]++;
      let complete = state.completeRuns;
      while (complete < config.runs && doneInRun[complete] === perRun) complete++;
      if (complete !== state.completeRuns && complete >= 2) {
        const {config: partial, rows} = firstRuns(config, results.slice(0, complete * perRun).flat() as PlanRow[], complete);
        state.summary = summarizePlan(partial, rows);
      }
      state.completeRuns = complete;
      if (state.done === tasks.length) {
        state.finished = true;
        state.rows = (results as PlanRow[][]).flat();
        stop();
      } else feed(w);
      push();
    };
    w.onerror = (event) => {
      Object.assign(state, {error: event.message || "the worker failed", finished: true});
      stop();
      push();
    };
    w.postMessage({type: "plan", config});
    feed(w);
  }
  yield {...state};
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const s = queue.shift()!;
      if (queue.length === 0 || s.finished) yield s;
      if (s.finished) return;
    }
  } finally {
    stop();
  }
}

interface CurveDatum {
  method: string;
  label: string;
  split: number;
  mean: number;
  sem: number;
  nObs: number;
  nSingle: number;
}

const fmtRmse = (d: number) => String(+d.toPrecision(3));
const pctSplit = (s: number) => `${+(100 * s).toPrecision(3)}%`;

/** Error vs split per method (log y): ±1 SE bands, the flat range (within one SE of the best) shaded, the best split ringed. */
export function budgetChart(summary: PlanSummary, {width}: {width: number}) {
  const ids = summary.methods.map((m) => m.method);
  const data: CurveDatum[] = summary.methods.flatMap((m) => m.curve.map((p) => ({method: m.method, label: METHOD_LABELS[m.method], split: p.split, mean: p.mean, sem: p.sem, nObs: p.nObs, nSingle: p.nSingle})));
  const best = summary.methods.map((m) => ({label: METHOD_LABELS[m.method], split: m.optimum.best.split, mean: m.optimum.best.mean}));
  const flat = summary.methods.map((m) => ({label: METHOD_LABELS[m.method], from: m.optimum.withinSe.from, to: m.optimum.withinSe.to, color: METHOD_COLORS[m.method]}));
  const pad = 0.015;
  return Plot.plot({
    width,
    height: 340,
    marginLeft: 50,
    x: {label: "share of the budget spent on single-intervention rows", domain: [0, 1], tickFormat: (d: number) => `${Math.round(100 * d)}%`},
    y: {type: "log", label: "RMSE vs exact E[Y | do(a)]", grid: true, tickFormat: fmtRmse},
    color: {...methodColorScale(ids), legend: true},
    marks: [
      Plot.rectX(flat, {x1: (d) => d.from - pad, x2: (d) => d.to + pad, fill: "label", fillOpacity: 0.12}),
      Plot.areaY(data, {x: "split", y1: (d: CurveDatum) => Math.max(d.mean - d.sem, d.mean / 10), y2: (d: CurveDatum) => d.mean + d.sem, fill: "label", fillOpacity: 0.18, z: "label"}),
      Plot.lineY(data, {x: "split", y: "mean", stroke: "label", strokeWidth: 1.8, z: "label"}),
      Plot.dot(data, {x: "split", y: "mean", fill: "label", r: 2.5}),
      Plot.dot(best, {x: "split", y: "mean", stroke: "label", r: 7, strokeWidth: 2}),
      Plot.tip(data, Plot.pointerX({x: "split", y: "mean", title: (d: CurveDatum) => `${d.label}\nsplit ${pctSplit(d.split)}: ${d.nObs.toLocaleString("en-US")} observational rows, ${d.nSingle.toLocaleString("en-US")} per experiment\nRMSE ${d.mean.toFixed(4)} ± ${d.sem.toFixed(4)}`})),
    ],
  });
}

const rows = (e: ToplineEquivalent | null) => (e ? `${e.method === "extrapolated" ? "about " : ""}${Math.round(e.rows).toLocaleString("en-US")}` : "–");

function methodSentence(m: MethodPlan, s: PlanSummary): HTMLElement {
  const o = m.optimum;
  const c = s.config;
  const p = m.curve[o.index];
  const range = (r: {from: number; to: number}) => (r.from === r.to ? `only ${pctSplit(r.from)}` : `${pctSplit(r.from)} to ${pctSplit(r.to)}`);
  const eq = m.toplineEquivalent;
  const measured = `${s.topline[0].n.toLocaleString("en-US")}–${s.topline[s.topline.length - 1].n.toLocaleString("en-US")}`;
  const li = document.createElement("li");
  const strong = document.createElement("strong");
  strong.textContent = pctSplit(o.best.split);
  li.append(
    methodKey(m.method),
    ": best at ",
    strong,
    ` of the budget on experiments${o.atEdge ? " (the edge of the grid)" : ""} (${p.nObs.toLocaleString("en-US")} observational rows and ${p.nSingle.toLocaleString("en-US")} per single-intervention experiment), ` +
      `RMSE ${o.best.mean.toFixed(3)} ± ${o.best.sem.toFixed(3)}; within one standard error of it: ${range(o.withinSe)}; within 5%: ${range(o.within5Percent)}. ` +
      (eq
        ? `The joint-data topline reaches that error with ${rows(eq)} joint rows (${(eq.rows / c.nTotal).toPrecision(2)} × N_tot)${eq.method === "extrapolated" ? `, extrapolated beyond the measured N = ${measured}` : ""}.`
        : `The topline's error did not fall with N over ${measured} rows, so it has no equivalent.`),
  );
  return li;
}

/** The sentences that read the chart: each method's best split, flat range and topline-equivalent rows, from the summary. */
export function budgetSentence(s: PlanSummary): HTMLElement {
  const ul = document.createElement("ul");
  ul.className = "jel-budget-summary";
  ul.append(...s.methods.map((m) => methodSentence(m, s)));
  return ul;
}

/** The topline's error vs N (log-log) with each method's best error as a horizontal line and its equivalent N marked. */
export function toplineEquivalentChart(summary: PlanSummary, {width}: {width: number}) {
  const top = summary.topline.map((t) => ({...t, label: METHOD_LABELS["joint-topline"]}));
  const ids = ["joint-topline", ...summary.methods.map((m) => m.method)];
  const marks = summary.methods.flatMap((m) => (m.toplineEquivalent ? [{label: METHOD_LABELS[m.method], n: m.toplineEquivalent.rows, error: m.optimum.best.mean}] : []));
  const ns = [...top.map((t) => t.n), ...marks.map((d) => d.n)];
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 50,
    x: {type: "log", label: "joint rows N (the topline's training + test rows)", domain: [Math.min(...ns) / 1.5, Math.max(...ns) * 1.5], tickFormat: (n: number) => n.toLocaleString("en-US")},
    y: {type: "log", label: "RMSE vs exact E[Y | do(a)]", grid: true, tickFormat: fmtRmse},
    color: {...methodColorScale(ids), legend: true},
    marks: [
      Plot.areaY(top, {x: "n", y1: (d) => Math.max(d.error - d.sem, d.error / 10), y2: (d) => d.error + d.sem, fill: "label", fillOpacity: 0.18}),
      Plot.lineY(top, {x: "n", y: "error", stroke: "label", strokeWidth: 1.8}),
      Plot.dot(top, {x: "n", y: "error", fill: "label", r: 2.5}),
      Plot.ruleY(marks, {y: "error", stroke: "label", strokeDasharray: "4,3"}),
      Plot.ruleX(marks, {x: "n", y1: (d) => d.error, y2: Math.min(...top.map((t) => t.error)) / 1.2, stroke: "label", strokeDasharray: "2,2"}),
      Plot.dot(marks, {x: "n", y: "error", stroke: "label", r: 6, strokeWidth: 2}),
      Plot.tip(marks, Plot.pointer({x: "n", y: "error", title: (d) => `${d.label}: best error ${d.error.toFixed(4)}\nthe topline needs ${Math.round(d.n).toLocaleString("en-US")} joint rows`})),
    ],
  });
}
