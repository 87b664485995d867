import {featureTerms, type AnmModel} from "./anm-model.js";
import {fail} from "../validate.js";
import {requireSample, type AnmSample} from "./anm-sampling.js";

/**
 * Sufficient statistics of one regime for the joint likelihood: the cross-product matrix of
 * z = [phi_1(x), ..., phi_d(x), x_1, ..., x_d] over the regime's rows. Every mean is linear in
 * its parameters, so both alternating steps need nothing else and each iteration costs
 * O(dim^2), independent of n.
 */
export interface RegimeGram {
  n: number;
  /** nodes whose likelihood this regime contributes (all but the intervened one) */
  nodes: number[];
  dim: number;
  /** dim x dim, row-major */
  G: Float64Array;
}

/** Where each node's parameters sit in the stacked parameter vector. */
export interface ParameterLayout {
  offsets: number[];
  counts: number[];
  /** total number of parameters */
  P: number;
  /** feature terms per node, as in featureTerms */
  terms: number[][][];
}

export function parameterLayout(model: Pick<AnmModel, "parents" | "mechanism">): ParameterLayout {
  const terms = model.parents.map((ps) => featureTerms(ps, model.mechanism));
  const counts = terms.map((t) => t.length);
  const offsets: number[] = [];
  let P = 0;
  for (const c of counts) {
    offsets.push(P);
    P += c;
  }
  return {offsets, counts, P, terms};
}

export function regimeGram(layout: ParameterLayout, sample: AnmSample, nodes: number[]): RegimeGram {
  requireSample("regimeGram: sample", sample, layout.counts.length);
  if (!Array.isArray(nodes) || nodes.some((j) => !Number.isInteger(j) || j < 0 || j >= layout.counts.length) || new Set(nodes).size !== nodes.length)
    fail(`regimeGram: nodes [${nodes}]; expected distinct node indices in [0, ${layout.counts.length - 1}]`);
  const d = sample.length;
  const n = sample[0]?.length ?? 0;
  const dim = layout.P + d;
  const G = new Float64Array(dim * dim);
  const z = new Float64Array(dim);
  const flat = layout.terms.flat();
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < flat.length; i++) {
      const t = flat[i];
      z[i] = t.length === 0 ? 1 : t.length === 1 ? sample[t[0]][r] : sample[t[0]][r] * sample[t[1]][r];
    }
    for (let j = 0; j < d; j++) z[layout.P + j] = sample[j][r];
    for (let a = 0; a < dim; a++) {
      const za = z[a];
      if (za === 0) continue;
      const row = a * dim;
      for (let b = a; b < dim; b++) G[row + b] += za * z[b];
    }
  }
  for (let a = 0; a < dim; a++) for (let b = 0; b < a; b++) G[a * dim + b] = G[b * dim + a];
  return {n, nodes, dim, G};
}
