import {randomStream} from "../random/streams.js";
import {featureTerms, type AnmModel} from "./anm-model.js";
import {sampleAnm} from "./anm-sampling.js";
import {randomCorrelation} from "./random-correlation.js";

/**
 * The DREAM4 in-silico size-10 network 3 gold standard (regulator -> target), as in
 * Saengkyongam & Silva's semi-synthetic experiment (Section 6.3).
 */
export const DREAM4_NET3_EDGES: [string, string][] = [
  ["G7", "G1"], ["G1", "G2"], ["G3", "G2"], ["G6", "G3"], ["G8", "G4"], ["G3", "G4"], ["G7", "G4"], ["G2", "G4"],
  ["G3", "G5"], ["G2", "G6"], ["G10", "G7"], ["G6", "G7"], ["G9", "G7"], ["G5", "G7"], ["G7", "G8"],
];
/** The minimum feedback arc set: every cycle of the gold standard passes through this edge. */
export const DREAM4_NET3_FEEDBACK_ARCS: [string, string][] = [["G2", "G6"]];

export const GENES = Array.from({length: 10}, (_, i) => `G${i + 1}`);

/**
 * Kahn's topological order (ties by gene number); throws naming the nodes left on a cycle.
 */
export function topologicalOrder(nodes: string[], edges: [string, string][]): string[] {
  const indegree = new Map(nodes.map((v) => [v, 0]));
  for (const [, to] of edges) indegree.set(to, indegree.get(to)! + 1);
  const order: string[] = [];
  const ready = nodes.filter((v) => indegree.get(v) === 0);
  while (ready.length) {
    ready.sort((a, b) => nodes.indexOf(a) - nodes.indexOf(b));
    const v = ready.shift()!;
    order.push(v);
    for (const [from, to] of edges)
      if (from === v) {
        indegree.set(to, indegree.get(to)! - 1);
        if (indegree.get(to) === 0) ready.push(to);
      }
  }
  if (order.length < nodes.length) throw new Error(`the graph has a cycle through ${nodes.filter((v) => !order.includes(v)).join(", ")}`);
  return order;
}

/** Names in topological order and parents as indices into that order; the outcome is the last node (G4). */
export function dream4Dag(): {names: string[]; parents: number[][]} {
  const edges = DREAM4_NET3_EDGES.filter(([a, b]) => !DREAM4_NET3_FEEDBACK_ARCS.some(([c, d]) => a === c && b === d));
  const names = topologicalOrder(GENES, edges);
  const parents = names.map((v) => edges.filter(([, to]) => to === v).map(([from]) => names.indexOf(from)).sort((a, b) => a - b));
  return {names, parents};
}

/**
 * The documented stand-in for the authors' fitted SCM (the DREAM4 expression data are not
 * redistributable): a nonlinear ANM on the DAG above with random parameters (main effects
 * +-U(0.3, 0.9), pairwise products +-U(0.1, 0.4), roots' means 0), each node's coefficients
 * rescaled so that its mean has variance 1 under independent unit noise, so every node has
 * signal-to-noise 1 like standardized data; noise: randomCorrelation at level c.
 * Parameters depend on the seed only; the correlation depends on (seed, c).
 */
export function dream4StandIn(seed: number, c: number): AnmModel {
  const {names, parents} = dream4Dag();
  const rng = randomStream(seed, "dream4", "parameters");
  const d = names.length;
  const identity = names.map((_, i) => names.map((_, j) => (i === j ? 1 : 0)));
  const model: AnmModel = {names, parents, mechanism: "nonlinear", theta: [], sigma: identity};
  const signed = (lo: number, hi: number) => (rng.nextDouble() < 0.5 ? -1 : 1) * (lo + (hi - lo) * rng.nextDouble());
  for (let j = 0; j < d; j++) {
    const terms = featureTerms(parents[j], "nonlinear");
    model.theta.push(terms.map((t) => (t.length === 0 ? 0 : t.length === 1 ? signed(0.3, 0.9) : signed(0.1, 0.4))));
  }
  // Rescale node by node in topological order, on a fixed calibration sample.
  for (let j = 0; j < d; j++) {
    if (parents[j].length === 0) continue;
    const partial: AnmModel = {...model, theta: model.theta.map((t, i) => (i <= j ? t : t.map(() => 0)))};
    const sample = sampleAnm(partial, {kind: "observational"}, 20_000, null, seed, "dream4", "calibration");
    const y = sample[j];
    // variance of the mean part = variance of (node - noise); noise has unit variance and is independent here
    let m = 0;
    for (const v of y) m += v;
    m /= y.length;
    let v2 = 0;
    for (const v of y) v2 += (v - m) ** 2;
    const signal = Math.max(v2 / y.length - 1, 1e-6);
    model.theta[j] = model.theta[j].map((t) => t / Math.sqrt(signal));
  }
  model.sigma = dream4Correlation(seed, c);
  return model;
}

/** The stand-in's noise correlation at level c for a seed (what dream4StandIn uses); throws when no draw is positive definite. */
export function dream4Correlation(seed: number, c: number): number[][] {
  return randomCorrelation(dream4Dag().names.length, c, seed, ["dream4"]);
}
