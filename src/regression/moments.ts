import {monomialBasis, type MonomialBasis} from "../features/monomial-basis.js";
import {fail, requireFiniteColumn, requireFiniteColumns, requireInteger} from "../validate.js";
import {requireStandardization, standardizationOf, type Standardization} from "./standardization.js";

/**
 * Sufficient statistics of a polynomial regression of degree d, streamed row by row.
 *
 * Every Gram entry phi_i * phi_j of a monomial design is itself a monomial of degree <= 2d, so
 * instead of the p(p+1)/2 products per row we accumulate the sums of all monomials of degree
 * <= 2d (462 instead of 1596 at K=5, d=3) plus the sums of y times each degree-<=d monomial.
 *
 * Rows are standardized (z = (x - shiftX) / scaleX, y' = (y - shiftY) / scaleY, the location
 * and scale taken from the data) before accumulating, so the degree-2d moments neither lose
 * digits to an offset nor overflow or underflow with the data's magnitude. The regression is
 * fitted in these coordinates (features: monomials of z) and the fitted model carries the
 * standardization (see polynomial-regression.ts), so the estimator is affine equivariant.
 */
export interface MomentLayout extends Standardization {
  nVars: number;
  degree: number;
  basis: MonomialBasis;
  basis2: MonomialBasis;
  /** 1 / scaleX */
  invScaleX: Float64Array;
}

export interface Moments {
  n: number;
  /** sums of every monomial of z of degree <= 2d */
  mono: Float64Array;
  /** sums of y' times every monomial of z of degree <= d */
  monoY: Float64Array;
  y: number;
  yy: number;
}

/** The largest degree accepted: moments of degree 2d of K variables must stay enumerable. */
export const MAX_DEGREE = 12;

/**
 * The layout of a degree-`degree` regression on `actions`, standardized by the location and
 * scale of the given data (its first `rows` rows; e.g. the first chunk of the observational
 * dataset). Every dataset accumulated with this layout shares its coordinates.
 */
export function momentLayout(degree: number, actions: ArrayLike<number>[], outcome: ArrayLike<number>, rows?: number): MomentLayout {
  requireInteger("degree", degree, 0, MAX_DEGREE);
  return momentLayoutWith(degree, standardizationOf(actions, outcome, rows));
}

/** A layout with an explicitly given standardization (checked: finite shifts, positive finite scales). */
export function momentLayoutWith(degree: number, s: Standardization): MomentLayout {
  requireInteger("degree", degree, 0, MAX_DEGREE);
  const nVars = s.shiftX?.length ?? 0;
  requireInteger("number of actions", nVars, 1, 1000);
  requireStandardization(s, nVars);
  const shiftX = Float64Array.from(s.shiftX);
  const scaleX = Float64Array.from(s.scaleX);
  return {nVars, degree, basis: monomialBasis(nVars, degree), basis2: monomialBasis(nVars, 2 * degree), shiftX, scaleX, invScaleX: scaleX.map((v) => 1 / v), shiftY: s.shiftY, scaleY: s.scaleY};
}

export function emptyMoments(layout: MomentLayout): Moments {
  return {n: 0, mono: new Float64Array(layout.basis2.size), monoY: new Float64Array(layout.basis.size), y: 0, yy: 0};
}

/**
 * Checks the arguments of a kernel call: nVars action columns and an outcome, each with at
 * least `end` rows, rows [start, end) finite numbers. One O(rows) pass, no allocation.
 */
export function requireRows(layout: MomentLayout, x: ArrayLike<number>[], y: ArrayLike<number>, start: number, end: number): void {
  requireInteger("start row", start, 0);
  requireInteger("end row", end, start);
  requireFiniteColumns("actions", x, layout.nVars, start, end, (c) => `action ${c}`);
  requireFiniteColumn("outcome", y, start, end);
}

/**
 * After accumulating rows [start, end): every sum must be finite. A non-finite sum means a row
 * so far from the layout's location, in units of its scale, that its degree-2d monomial
 * overflows; the message names the farthest row.
 */
export function requireFiniteMoments(layout: MomentLayout, x: ArrayLike<number>[], y: ArrayLike<number>, start: number, end: number, m: Moments): void {
  let finite = Number.isFinite(m.y) && Number.isFinite(m.yy);
  for (let i = 0; finite && i < m.mono.length; i++) finite = Number.isFinite(m.mono[i]);
  for (let i = 0; finite && i < m.monoY.length; i++) finite = Number.isFinite(m.monoY[i]);
  if (finite) return;
  let worst = {row: start, column: "outcome", z: 0};
  for (let i = start; i < end; i++) {
    for (let v = 0; v < layout.nVars; v++) {
      const z = Math.abs((x[v][i] - layout.shiftX[v]) * layout.invScaleX[v]);
      if (!(z <= worst.z)) worst = {row: i, column: `action ${v}`, z};
    }
    const z = Math.abs((y[i] - layout.shiftY) / layout.scaleY);
    if (!(z <= worst.z)) worst = {row: i, column: "outcome", z};
  }
  fail(`${worst.column}, row ${worst.row}: ${worst.z.toExponential(2)} standard units from the location the layout was standardized with; its degree-${2 * layout.degree} moments overflow (standardize with data that include such rows)`);
}

/** Adds rows [start, end) of the columns to `target`. The hot loop of every fit. */
export function accumulateMoments(layout: MomentLayout, x: ArrayLike<number>[], y: ArrayLike<number>, start: number, end: number, target: Moments): void {
  requireRows(layout, x, y, start, end);
  const {nVars, shiftX, invScaleX, shiftY, scaleY} = layout;
  const invY = 1 / scaleY;
  const {parent, variable, size: q} = layout.basis2;
  const p = layout.basis.size;
  const z = new Float64Array(nVars);
  const mono = new Float64Array(q);
  const acc = target.mono;
  const accY = target.monoY;
  let sy = 0;
  let syy = 0;
  mono[0] = 1;
  for (let i = start; i < end; i++) {
    for (let v = 0; v < nVars; v++) z[v] = (x[v][i] - shiftX[v]) * invScaleX[v];
    for (let m = 1; m < q; m++) {
      const val = mono[parent[m]] * z[variable[m]];
      mono[m] = val;
      acc[m] += val;
    }
    const yv = (y[i] - shiftY) * invY;
    accY[0] += yv;
    for (let m = 1; m < p; m++) accY[m] += mono[m] * yv;
    sy += yv;
    syy += yv * yv;
  }
  acc[0] += end - start;
  target.n += end - start;
  target.y += sy;
  target.yy += syy;
  requireFiniteMoments(layout, x, y, start, end, target);
}

/** Contiguous fold sizes of scikit-learn's KFold (no shuffle): the first n % k folds get one more row. */
export function foldSizes(n: number, nFolds: number): number[] {
  requireInteger("number of folds", nFolds, 2);
  requireInteger("number of rows", n, 0);
  if (n < nFolds) fail(`cannot split ${n} rows into ${nFolds} folds; expected at least one row per fold`);
  return Array.from({length: nFolds}, (_, f) => Math.floor(n / nFolds) + (f < n % nFolds ? 1 : 0));
}

/** Adds rows [start, end) to moments; the TypeScript and WebAssembly kernels both fit this shape. */
export type Accumulate = (layout: MomentLayout, x: ArrayLike<number>[], y: ArrayLike<number>, start: number, end: number, target: Moments) => void;

/** Moments of each contiguous fold of rows [0, n). */
export function accumulateFolds(layout: MomentLayout, x: ArrayLike<number>[], y: ArrayLike<number>, n: number, nFolds: number, accumulate: Accumulate = accumulateMoments): Moments[] {
  const sizes = foldSizes(n, nFolds);
  // lengths up front, so that a short column is reported against all n rows, not a fold's end
  if (Array.isArray(x)) x.forEach((c, v) => c && c.length < n && fail(`actions: action ${v} has ${c.length} rows, expected at least ${n}`));
  if (y && y.length < n) fail(`outcome: has ${y.length} rows, expected at least ${n}`);
  let start = 0;
  return sizes.map((size) => {
    const m = emptyMoments(layout);
    accumulate(layout, x, y, start, start + size, m);
    start += size;
    return m;
  });
}

export function sumMoments(layout: MomentLayout, parts: Moments[]): Moments {
  return addMoments(emptyMoments(layout), parts, "sumMoments");
}

/** Adds parts of the same monomial set (a layout's, or a sparse set's) into `out`, and returns it. */
export function addMoments(out: Moments, parts: Moments[], label = "addMoments"): Moments {
  for (const m of parts) {
    if (m.mono.length !== out.mono.length || m.monoY.length !== out.monoY.length) fail(`${label}: moments of ${m.mono.length} monomials do not match the layout's ${out.mono.length}`);
    out.n += m.n;
    out.y += m.y;
    out.yy += m.yy;
    for (let i = 0; i < out.mono.length; i++) out.mono[i] += m.mono[i];
    for (let i = 0; i < out.monoY.length; i++) out.monoY[i] += m.monoY[i];
  }
  return out;
}
