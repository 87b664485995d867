import {cholesky} from "../regression/linear-solve.js";
import {fail} from "../validate.js";

/**
 * Saengkyongam & Silva's model: a Gaussian additive-noise SCM over a known DAG,
 *   X_j = phi_j(X_pa(j)) . theta_j + U_j,   U ~ N(0, Sigma),
 * where phi_j is the parents (linear) or the parents plus every pairwise product of parents
 * (nonlinear), with no squares and no intercept; a root node has one mean parameter.
 * Nodes are indexed in topological order; the outcome Y is the last node.
 */
export type Mechanism = "linear" | "nonlinear" | "quadratic";
/** the paper's two feature maps; "quadratic" (an intercept, squares and products) is beyond the paper */
export const MECHANISMS: Mechanism[] = ["linear", "nonlinear"];

export interface AnmModel {
  names: string[];
  /** parents[j]: indices (all < j) of node j's parents, increasing */
  parents: number[][];
  mechanism: Mechanism;
  /** theta[j]: one coefficient per feature of node j (see featureLabels) */
  theta: number[][];
  /** noise covariance, (K + 1) x (K + 1) */
  sigma: number[][];
}

/** Feature i of node j as pairs of parent indices: [p] for a main effect, [p, q] for a product, [] for a root's constant. */
export function featureTerms(parents: number[], mechanism: Mechanism): number[][] {
  if (parents.length === 0) return [[]];
  const terms: number[][] = mechanism === "quadratic" ? [[]] : [];
  terms.push(...parents.map((p) => [p]));
  const first = mechanism === "quadratic" ? 0 : 1;
  if (mechanism !== "linear") for (let a = 0; a < parents.length; a++) for (let b = a + first; b < parents.length; b++) terms.push([parents[a], parents[b]]);
  return terms;
}

export function featureLabels(model: Pick<AnmModel, "names" | "parents" | "mechanism">, j: number): string[] {
  return featureTerms(model.parents[j], model.mechanism).map((t) => (t.length === 0 ? "1" : t.map((p) => model.names[p]).join("·")));
}

/** Node j's mean at each row of `columns` (one column per node; only parents are read). */
export function nodeMean(model: Pick<AnmModel, "parents" | "mechanism">, theta: ArrayLike<number>, j: number, columns: ArrayLike<number>[], n: number, out = new Float64Array(n)): Float64Array {
  const terms = featureTerms(model.parents[j], model.mechanism);
  out.fill(0);
  terms.forEach((t, i) => {
    const c = theta[i];
    if (t.length === 0) for (let r = 0; r < n; r++) out[r] += c;
    else if (t.length === 1) {
      const a = columns[t[0]];
      for (let r = 0; r < n; r++) out[r] += c * a[r];
    } else {
      const a = columns[t[0]], b = columns[t[1]];
      for (let r = 0; r < n; r++) out[r] += c * a[r] * b[r];
    }
  });
  return out;
}

/** The graph of a model: >= 2 named nodes in topological order, increasing distinct parents, a known mechanism. */
export function requireStructure(label: string, model: Pick<AnmModel, "names" | "parents" | "mechanism">): void {
  if (!model || !Array.isArray(model.names) || !Array.isArray(model.parents)) fail(`${label}: expected a model with names and parents`);
  const d = model.names.length;
  if (d < 2) fail(`${label}: an ANM needs at least one treatment and an outcome, got ${d} node(s)`);
  if (model.parents.length !== d) fail(`${label}: parents has ${model.parents.length} entries; expected one per node (${d})`);
  switch (model.mechanism) {
    case "linear":
    case "nonlinear":
    case "quadratic":
      break;
    default: {
      const unknown: never = model.mechanism;
      fail(`${label}: unknown mechanism ${JSON.stringify(unknown)}; expected linear, nonlinear or quadratic`);
    }
  }
  model.parents.forEach((ps, j) => {
    if (!Array.isArray(ps)) fail(`${label}: node ${model.names[j]}: parents missing; expected an array of indices`);
    ps.forEach((p, i) => {
      if (!Number.isInteger(p) || p < 0 || p >= j) fail(`${label}: node ${model.names[j]}: parent index ${p} is not an earlier node (nodes must be in topological order)`);
      if (i > 0 && p <= ps[i - 1]) fail(`${label}: node ${model.names[j]}: parents must be increasing and distinct`);
    });
  });
}

/** Checks shapes, topological order, parameter counts, finite parameters and a positive definite covariance. */
export function validateModel(model: AnmModel): void {
  requireStructure("ANM", model);
  const d = model.names.length;
  if (!Array.isArray(model.theta) || model.theta.length !== d) fail(`ANM: theta must have one entry per node (${d})`);
  model.parents.forEach((ps, j) => {
    const want = featureTerms(ps, model.mechanism).length;
    if (!Array.isArray(model.theta[j]) || model.theta[j].length !== want) fail(`ANM: node ${model.names[j]}: expected ${want} parameters, found ${model.theta[j]?.length ?? 0}`);
    model.theta[j].forEach((t, i) => {
      if (!Number.isFinite(t)) fail(`ANM: node ${model.names[j]}: parameter ${i} is ${t}; expected a finite number`);
    });
  });
  if (!Array.isArray(model.sigma) || model.sigma.length !== d || model.sigma.some((r) => !Array.isArray(r) || r.length !== d)) fail(`ANM: sigma must be ${d} x ${d}`);
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) if (!Number.isFinite(model.sigma[a][b])) fail(`ANM: sigma(${a}, ${b}) is ${model.sigma[a][b]}; expected a finite number`);
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) if (Math.abs(model.sigma[a][b] - model.sigma[b][a]) > 1e-12) fail(`ANM: sigma is not symmetric at (${a}, ${b})`);
  choleskyLower(model.sigma);
}

/** Lower Cholesky factor of a small symmetric matrix; throws if it is not positive definite. */
export function choleskyLower(S: number[][]): number[][] {
  const d = S.length;
  const L = new Float64Array(d * d);
  if (!cholesky(Float64Array.from(S.flat()), d, 0, L)) fail("covariance matrix is not positive definite");
  return S.map((_, i) => Array.from(L.subarray(i * d, (i + 1) * d)));
}

export const outcomeIndex = (model: Pick<AnmModel, "names">) => model.names.length - 1;
/** Treatments that are parents of the outcome: the only ones a joint intervention's effect depends on. */
export const outcomeParents = (model: Pick<AnmModel, "names" | "parents">) => model.parents[outcomeIndex(model)];
