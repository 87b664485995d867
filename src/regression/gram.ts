import type {MomentLayout, Moments} from "./moments.js";

/**
 * The Gram statistics of a linear regression in a working feature basis of dimension P:
 * n, sum x, sum x x^T (full P x P), sum x y, sum y, sum y^2. Fold statistics add and subtract.
 */
export interface GramStats {
  P: number;
  n: number;
  sx: Float64Array;
  sxx: Float64Array;
  sxy: Float64Array;
  sy: number;
  syy: number;
}

export function emptyGram(P: number): GramStats {
  return {P, n: 0, sx: new Float64Array(P), sxx: new Float64Array(P * P), sxy: new Float64Array(P), sy: 0, syy: 0};
}

export function combineGrams(parts: GramStats[], signs?: number[]): GramStats {
  const out = emptyGram(parts[0].P);
  parts.forEach((g, idx) => {
    if (g.P !== out.P) throw new Error(`cannot combine Gram statistics of sizes ${out.P} and ${g.P}`);
    const s = signs ? signs[idx] : 1;
    out.n += s * g.n;
    out.sy += s * g.sy;
    out.syy += s * g.syy;
    for (let i = 0; i < out.P; i++) {
      out.sx[i] += s * g.sx[i];
      out.sxy[i] += s * g.sxy[i];
    }
    for (let i = 0; i < out.sxx.length; i++) out.sxx[i] += s * g.sxx[i];
  });
  return out;
}

const productIndexCache = new WeakMap<MomentLayout, Int32Array>();

/** productIndex[i * p + j] = index in the degree-2d basis of monomial_i * monomial_j. */
export function productIndex(layout: MomentLayout): Int32Array {
  let idx = productIndexCache.get(layout);
  if (idx) return idx;
  const {basis, basis2, nVars} = layout;
  const p = basis.size;
  idx = new Int32Array(p * p);
  const e = new Int32Array(nVars);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      for (let v = 0; v < nVars; v++) e[v] = basis.exponents[i * nVars + v] + basis.exponents[j * nVars + v];
      idx[i * p + j] = basis2.indexOf(e);
    }
  productIndexCache.set(layout, idx);
  return idx;
}

/** Gram statistics of the (shifted) degree-d monomial design, read off the moments. */
export function gramFromMoments(layout: MomentLayout, m: Moments): GramStats {
  const p = layout.basis.size;
  const idx = productIndex(layout);
  const g = emptyGram(p);
  g.n = m.n;
  g.sy = m.y;
  g.syy = m.yy;
  for (let i = 0; i < p; i++) {
    g.sx[i] = m.mono[i];
    g.sxy[i] = m.monoY[i];
  }
  for (let i = 0; i < p * p; i++) g.sxx[i] = m.mono[idx[i]];
  return g;
}

/**
 * Gram statistics of the regime-indicator design [phi, R_1 phi, ..., R_B phi] over the union
 * of a reference regime (all R = 0) and B regimes (R_b = 1 in regime b only).
 */
export function indicatorGram(layout: MomentLayout, reference: Moments, regimes: Moments[]): GramStats {
  const p = layout.basis.size;
  const blocks = [gramFromMoments(layout, reference), ...regimes.map((m) => gramFromMoments(layout, m))];
  const all = combineGrams(blocks);
  const B = regimes.length + 1;
  const P = p * B;
  const g = emptyGram(P);
  g.n = all.n;
  g.sy = all.sy;
  g.syy = all.syy;
  const put = (bi: number, bj: number, src: Float64Array) => {
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) g.sxx[(bi * p + i) * P + bj * p + j] = src[i * p + j];
  };
  for (let b = 0; b < B; b++) {
    const src = b === 0 ? all : blocks[b];
    g.sx.set(src.sx, b * p);
    g.sxy.set(src.sxy, b * p);
    put(b, b, src.sxx);
    if (b > 0) {
      put(0, b, src.sxx);
      put(b, 0, src.sxx);
    }
  }
  return g;
}
