import {monomialBasis, type MonomialBasis} from "../features/monomial-basis.js";

/**
 * Sufficient statistics of a polynomial regression of degree d, streamed row by row.
 *
 * Every Gram entry phi_i * phi_j of a monomial design is itself a monomial of degree <= 2d, so
 * instead of the p(p+1)/2 products per row we accumulate the sums of all monomials of degree
 * <= 2d (462 instead of 1596 at K=5, d=3) plus the sums of y times each degree-<=d monomial.
 *
 * Rows are shifted (z = x - shiftX, y' = y - shiftY) before accumulating: centering the
 * moments afterwards then cancels little, and the exact expansion back to raw monomials is
 * done once per fit (see shift-expansion.ts).
 */
export interface MomentLayout {
  nVars: number;
  degree: number;
  basis: MonomialBasis;
  basis2: MonomialBasis;
  shiftX: Float64Array;
  shiftY: number;
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

export function momentLayout(nVars: number, degree: number, shiftX?: ArrayLike<number>, shiftY = 0): MomentLayout {
  const shift = new Float64Array(nVars);
  if (shiftX) {
    if (shiftX.length !== nVars) throw new Error(`shift has ${shiftX.length} entries, expected ${nVars}`);
    shift.set(shiftX);
  }
  return {nVars, degree, basis: monomialBasis(nVars, degree), basis2: monomialBasis(nVars, 2 * degree), shiftX: shift, shiftY};
}

export function emptyMoments(layout: MomentLayout): Moments {
  return {n: 0, mono: new Float64Array(layout.basis2.size), monoY: new Float64Array(layout.basis.size), y: 0, yy: 0};
}

/** Adds rows [start, end) of the columns to `target`. The hot loop of every fit. */
export function accumulateMoments(layout: MomentLayout, x: ArrayLike<number>[], y: ArrayLike<number>, start: number, end: number, target: Moments): void {
  const {nVars, shiftX, shiftY} = layout;
  const {parent, variable, size: q} = layout.basis2;
  const p = layout.basis.size;
  if (x.length !== nVars) throw new Error(`expected ${nVars} input columns, got ${x.length}`);
  const z = new Float64Array(nVars);
  const mono = new Float64Array(q);
  const acc = target.mono;
  const accY = target.monoY;
  let sy = 0;
  let syy = 0;
  mono[0] = 1;
  for (let i = start; i < end; i++) {
    for (let v = 0; v < nVars; v++) z[v] = x[v][i] - shiftX[v];
    for (let m = 1; m < q; m++) {
      const val = mono[parent[m]] * z[variable[m]];
      mono[m] = val;
      acc[m] += val;
    }
    const yv = y[i] - shiftY;
    accY[0] += yv;
    for (let m = 1; m < p; m++) accY[m] += mono[m] * yv;
    sy += yv;
    syy += yv * yv;
  }
  acc[0] += end - start;
  target.n += end - start;
  target.y += sy;
  target.yy += syy;
}

/** Contiguous fold sizes of scikit-learn's KFold (no shuffle): the first n % k folds get one more row. */
export function foldSizes(n: number, nFolds: number): number[] {
  if (!Number.isInteger(nFolds) || nFolds < 2) throw new Error(`number of folds must be an integer >= 2, got ${nFolds}`);
  if (n < nFolds) throw new Error(`cannot split ${n} rows into ${nFolds} folds`);
  return Array.from({length: nFolds}, (_, f) => Math.floor(n / nFolds) + (f < n % nFolds ? 1 : 0));
}

/** Adds rows [start, end) to moments; the TypeScript and WebAssembly kernels both fit this shape. */
export type Accumulate = (layout: MomentLayout, x: ArrayLike<number>[], y: ArrayLike<number>, start: number, end: number, target: Moments) => void;

/** Moments of each contiguous fold of rows [0, n). */
export function accumulateFolds(layout: MomentLayout, x: ArrayLike<number>[], y: ArrayLike<number>, n: number, nFolds: number, accumulate: Accumulate = accumulateMoments): Moments[] {
  let start = 0;
  return foldSizes(n, nFolds).map((size) => {
    const m = emptyMoments(layout);
    accumulate(layout, x, y, start, start + size, m);
    start += size;
    return m;
  });
}

export function sumMoments(layout: MomentLayout, parts: Moments[]): Moments {
  const out = emptyMoments(layout);
  for (const m of parts) {
    out.n += m.n;
    out.y += m.y;
    out.yy += m.yy;
    for (let i = 0; i < out.mono.length; i++) out.mono[i] += m.mono[i];
    for (let i = 0; i < out.monoY.length; i++) out.monoY[i] += m.monoY[i];
  }
  return out;
}
