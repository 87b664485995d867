import {solveRidgeSystem} from "../regression/linear-solve.js";
import {outcomeIndex, type AnmModel} from "./anm-model.js";
import type {ParameterLayout, RegimeGram} from "./regime-gram.js";
import {fail} from "../validate.js";

/**
 * Saengkyongam & Silva's baselines, computed from the same per-regime Grams as the joint
 * likelihood. REG: least squares of Y on its parents' features (parents, plus pairwise products
 * in the nonlinear case), no intercept, on the pooled regimes. REG_IND: the same features plus
 * one copy per interventional regime multiplied by that regime's indicator; the joint effect
 * is predicted with every block switched on (coefficients summed).
 * Both return the outcome's coefficients in the model's feature order.
 */
export function fitReg(model: Pick<AnmModel, "names">, layout: ParameterLayout, grams: RegimeGram[]): number[] {
  const y = outcomeIndex(model);
  const {A, b} = outcomeBlocks(layout, grams, y);
  const p = layout.counts[y];
  const pooledA = new Float64Array(p * p), pooledB = new Float64Array(p);
  A.forEach((a) => a.forEach((v, i) => (pooledA[i] += v)));
  b.forEach((c) => c.forEach((v, i) => (pooledB[i] += v)));
  return Array.from(solveRidgeSystem(pooledA, p, 0, pooledB));
}

export function fitRegInd(model: Pick<AnmModel, "names">, layout: ParameterLayout, grams: RegimeGram[]): number[] {
  const y = outcomeIndex(model);
  const {A, b} = outcomeBlocks(layout, grams, y);
  const p = layout.counts[y];
  const R = grams.length; // block 0 is on in every regime, block r >= 1 only in regime r
  const D = R * p;
  const M = new Float64Array(D * D), v = new Float64Array(D);
  const add = (bi: number, bj: number, block: Float64Array) => {
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) M[(bi * p + i) * D + bj * p + j] += block[i * p + j];
  };
  grams.forEach((_, r) => {
    add(0, 0, A[r]);
    for (let i = 0; i < p; i++) v[i] += b[r][i];
    if (r === 0) return;
    add(0, r, A[r]);
    add(r, 0, A[r]);
    add(r, r, A[r]);
    for (let i = 0; i < p; i++) v[r * p + i] += b[r][i];
  });
  const w = solveRidgeSystem(M, D, 0, v);
  return Array.from({length: p}, (_, i) => {
    let s = 0;
    for (let r = 0; r < R; r++) s += w[r * p + i];
    return s;
  });
}

/** Per regime: the outcome features' Gram (p x p) and their cross-products with Y. */
function outcomeBlocks(layout: ParameterLayout, grams: RegimeGram[], y: number): {A: Float64Array[]; b: Float64Array[]} {
  if (!Array.isArray(grams) || grams.length === 0) fail("REG: no regimes; expected the observational regime's statistics at least");
  if (y !== layout.counts.length - 1) fail(`REG: the model has ${y + 1} nodes, the parameter layout ${layout.counts.length}`);
  grams.forEach((g, r) => {
    if (!g || g.dim !== layout.P + layout.counts.length || g.G?.length !== g.dim * g.dim) fail(`REG: regime ${r}'s statistics do not match the parameter layout`);
    if (!(g.n >= 1)) fail(`REG: regime ${r} has ${g.n} rows; expected at least 1`);
  });
  const p = layout.counts[y], o = layout.offsets[y];
  const A: Float64Array[] = [], b: Float64Array[] = [];
  for (const g of grams) {
    const a = new Float64Array(p * p), c = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) a[i * p + j] = g.G[(o + i) * g.dim + o + j];
      c[i] = g.G[(o + i) * g.dim + layout.P + y];
    }
    A.push(a);
    b.push(c);
  }
  return {A, b};
}
