import {fail, requireInteger} from "../validate.js";
import {requireStandardization, type Standardization} from "./standardization.js";
import type {Moments} from "./moments.js";

/**
 * A sparse set of monomials of the standardized actions: the sufficient statistics of a design
 * whose features are not all monomials of degree <= d over K variables (the graded basis of
 * moments.ts), e.g. univariate terms of degree 8 next to cubic interactions. Accumulating the
 * sums of exactly the monomials the Gram needs keeps the cost at the set's size, not at the
 * C(K + 2d, 2d) monomials of the full degree-2d basis.
 *
 * The set is downward closed (every divisor of a member is a member), ordered so that the
 * kernels of moment-kernel.ts can run it: member m is parent[m] times variable[m] with
 * parent[m] < m; the first `p` members (the divisors of the features' leading monomials, constant
 * first) also get their sums times y; members below `qStore` are parents of others and keep
 * their row values, the rest are only summed. Moments of a set have the shape of `Moments`:
 * mono has `size` entries, monoY `p`.
 */
export interface SetLayout extends Standardization {
  nVars: number;
  size: number;
  p: number;
  qStore: number;
  exponents: Int32Array;
  parent: Int32Array;
  variable: Int32Array;
  invScaleX: Float64Array;
  indexOf(e: ArrayLike<number>): number;
}

/** The largest set accepted (its moments are summed per row; beyond this a fit is too slow to be useful). */
export const MAX_SET_SIZE = 200_000;

const keyOf = (e: ArrayLike<number>) => Array.from(e).join(",");

/**
 * The set layout holding the divisors of `withY` (these get y-sums) and of `products`, in the
 * coordinates of standardization `s`.
 */
export function setLayout(s: Standardization, withY: ArrayLike<number>[], products: ArrayLike<number>[]): SetLayout {
  const nVars = s.shiftX?.length ?? 0;
  requireInteger("set layout: number of actions", nVars, 1, 1000);
  requireStandardization(s, nVars);
  const check = (label: string, e: ArrayLike<number>) => {
    if (!e || e.length !== nVars) fail(`set layout: ${label} has ${e?.length ?? 0} exponents, expected ${nVars}`);
    for (let v = 0; v < nVars; v++) if (!Number.isInteger(e[v]) || e[v] < 0) fail(`set layout: ${label} has exponent ${e[v]}; expected integers >= 0`);
  };
  withY.forEach((e, i) => check(`monomial ${i}`, e));
  products.forEach((e, i) => check(`product ${i}`, e));
  const closure = (seeds: ArrayLike<number>[], into: Map<string, number[]>) => {
    const stack = seeds.map((e) => Array.from(e));
    while (stack.length) {
      const e = stack.pop()!;
      const k = keyOf(e);
      if (into.has(k)) continue;
      if (into.size >= MAX_SET_SIZE) fail(`set layout: more than ${MAX_SET_SIZE} monomials; lower the degree`);
      into.set(k, e);
      for (let v = 0; v < nVars; v++)
        if (e[v] > 0) {
          const d = e.slice();
          d[v]--;
          if (!into.has(keyOf(d))) stack.push(d);
        }
    }
  };
  const zero = new Array(nVars).fill(0);
  const ySet = new Map<string, number[]>();
  closure([zero, ...withY], ySet);
  const all = new Map<string, number[]>(ySet);
  closure(products, all);
  const degree = (e: number[]) => e.reduce((a, b) => a + b, 0);
  // parent: remove one unit of the last variable present
  const parentOf = (e: number[]) => {
    let v = nVars - 1;
    while (e[v] === 0) v--;
    const d = e.slice();
    d[v]--;
    return {key: keyOf(d), v};
  };
  const byDegree = (a: number[], b: number[]) => degree(a) - degree(b) || (keyOf(a) < keyOf(b) ? -1 : 1);
  const yPart = [...ySet.values()].sort(byDegree);
  const rest = [...all.values()].filter((e) => !ySet.has(keyOf(e)));
  const parents = new Set<string>();
  for (const e of all.values()) if (degree(e) > 0) parents.add(parentOf(e).key);
  const stored = rest.filter((e) => parents.has(keyOf(e))).sort(byDegree);
  const leaves = rest.filter((e) => !parents.has(keyOf(e))).sort(byDegree);
  const ordered = [...yPart, ...stored, ...leaves];
  const size = ordered.length;
  const index = new Map<string, number>();
  ordered.forEach((e, m) => index.set(keyOf(e), m));
  const exponents = new Int32Array(size * nVars);
  const parent = new Int32Array(size).fill(-1);
  const variable = new Int32Array(size).fill(-1);
  ordered.forEach((e, m) => {
    exponents.set(e, m * nVars);
    if (m === 0) return;
    const {key, v} = parentOf(e);
    parent[m] = index.get(key)!;
    variable[m] = v;
  });
  const shiftX = Float64Array.from(s.shiftX);
  const scaleX = Float64Array.from(s.scaleX);
  return {
    nVars,
    size,
    p: yPart.length,
    qStore: yPart.length + stored.length,
    exponents,
    parent,
    variable,
    shiftX,
    scaleX,
    invScaleX: scaleX.map((v) => 1 / v),
    shiftY: s.shiftY,
    scaleY: s.scaleY,
    indexOf: (e) => index.get(keyOf(e)) ?? -1,
  };
}

export function emptySetMoments(set: SetLayout): Moments {
  return {n: 0, mono: new Float64Array(set.size), monoY: new Float64Array(set.p), y: 0, yy: 0};
}

/** The plain-TypeScript reference: adds rows [start, end) of the columns to `target`. */
export function accumulateSetMoments(set: SetLayout, x: ArrayLike<number>[], y: ArrayLike<number>, start: number, end: number, target: Moments): void {
  const {nVars, shiftX, invScaleX, shiftY, scaleY, parent, variable, size: q, p} = set;
  const invY = 1 / scaleY;
  const z = new Float64Array(nVars);
  const mono = new Float64Array(q);
  mono[0] = 1;
  const acc = target.mono;
  const accY = target.monoY;
  let sy = 0;
  let syy = 0;
  for (let i = start; i < end; i++) {
    for (let v = 0; v < nVars; v++) z[v] = (x[v][i] - shiftX[v]) * invScaleX[v];
    for (let m = 1; m < q; m++) {
      const val = mono[parent[m]] * z[variable[m]];
      mono[m] = val;
      acc[m] += val;
    }
    const yv = (y[i] - shiftY) * invY;
    for (let m = 1; m < p; m++) accY[m] += mono[m] * yv;
    sy += yv;
    syy += yv * yv;
  }
  acc[0] += end - start;
  accY[0] += sy;
  target.n += end - start;
  target.y += sy;
  target.yy += syy;
}

/** Adds rows [start, end) to set moments; the TypeScript and WebAssembly kernels both fit this shape. */
export type AccumulateSet = (set: SetLayout, x: ArrayLike<number>[], y: ArrayLike<number>, start: number, end: number, target: Moments) => void;
