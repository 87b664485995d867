import {emptyGram, type GramStats} from "../regression/gram.js";
import type {Moments} from "../regression/moments.js";
import {setLayout, type SetLayout} from "../regression/monomial-set.js";
import {fitRidgeCV, heldOutErrors, WIDE_ALPHAS, type RidgeFit} from "../regression/ridge.js";
import type {Standardization} from "../regression/standardization.js";
import {fail, requireFiniteColumns, requireInteger} from "../validate.js";

/**
 * The sieve behind the adaptive estimators: features are tensor products of probabilists'
 * Hermite polynomials He_n of the standardized actions z (orthogonal under N(0, 1), so the
 * Gram of high-degree terms stays far better conditioned than that of raw powers), each switched
 * on in a set of regimes. A feature's degree is its total degree; the design of degree D keeps
 * univariate terms in a term's own action(s) up to degree D, and interactions and other
 * univariate terms up to degree min(D, 3). D is chosen by
 * cross-validation on the fold statistics. All Gram entries are read off the moments of a
 * sparse monomial set (monomial-set.ts) holding exactly the products the design needs.
 */
export interface BasisFeature {
  /** exponents of the leading monomial He_e(z) = prod_v He_{e_v}(z_v) */
  lead: number[];
  /** total degree: the feature is in every design of degree >= this */
  degree: number;
  /** regimes where it is on */
  regimes: boolean[];
  /** which term it belongs to: u_k, h_k (structure-aware) or m (one regime's regression) */
  term: {kind: "u" | "h" | "m"; action: number};
}

/** The degrees a fit chooses among (the largest is the design's maximum). */
export const ADAPTIVE_DEGREES: readonly number[] = [1, 2, 3, 4, 5, 6, 8];
/** Interactions between actions stay at total degree <= 3 at every D. */
export const INTERACTION_DEGREE = 3;
/** Degree 8 measured 3.1× the cubic structure-aware fit time at K = 5, N = 10^6 (monomial sets of ~1,070 vs ~690 at 6). */
export const DEFAULT_MAX_DEGREE = 6;

/** Coefficients of He_0 .. He_n in the monomials z^0 .. z^n. */
export function hermiteCoefficients(n: number): number[][] {
  const out: number[][] = [[1], [0, 1]];
  for (let k = 1; k < n; k++) {
    const next = new Array(k + 2).fill(0);
    out[k].forEach((c, i) => (next[i + 1] += c));
    out[k - 1].forEach((c, i) => (next[i] -= k * c));
    out.push(next);
  }
  return out.slice(0, n + 1);
}

/** The monomial terms of a feature: the product of its variables' Hermite polynomials. */
export function featureTerms(lead: readonly number[]): {e: number[]; c: number}[] {
  const H = hermiteCoefficients(Math.max(1, ...lead));
  let terms: {e: number[]; c: number}[] = [{e: lead.map(() => 0), c: 1}];
  lead.forEach((n, v) => {
    if (n === 0) return;
    const next: {e: number[]; c: number}[] = [];
    for (const t of terms)
      H[n].forEach((c, i) => {
        if (c === 0) return;
        const e = t.e.slice();
        e[v] = i;
        next.push({e, c: t.c * c});
      });
    terms = next;
  });
  return terms;
}

/**
 * Every exponent vector over `vars` (of K) with total degree in [1, maxDegree] whose interactions,
 * and whose univariate terms in variables not in `own` (default: all own), stay within
 * INTERACTION_DEGREE.
 */
export function sieveExponents(K: number, vars: readonly number[], maxDegree: number, own: readonly number[] = vars, interactionDegree = INTERACTION_DEGREE): number[][] {
  const out: number[][] = [];
  const rec = (i: number, e: number[], deg: number) => {
    if (i === vars.length) {
      const nz = e.flatMap((x, v) => (x > 0 ? [v] : []));
      if (deg > 0 && (deg <= interactionDegree || (nz.length === 1 && own.includes(nz[0])))) out.push(e);
      return;
    }
    for (let p = 0; deg + p <= maxDegree; p++) {
      const next = e.slice();
      next[vars[i]] = p;
      rec(i + 1, next, deg + p);
    }
  };
  rec(0, new Array(K).fill(0), 0);
  return out.sort((a, b) => sum(a) - sum(b));
}

const sum = (e: readonly number[]) => e.reduce((a, b) => a + b, 0);

/** A design: features, the regimes they live in, and the monomial set their Gram is read from. */
export interface BasisDesign {
  K: number;
  regimes: number;
  maxDegree: number;
  features: BasisFeature[];
  set: SetLayout;
  /** flat pair tables: for pair (i, j), i <= j, both on in some regime: entries [pairStart[t], pairStart[t + 1]) */
  pairs: {i: Int32Array; j: Int32Array; start: Int32Array; index: Int32Array; coef: Float64Array};
  /** per feature, its terms as (set index, coefficient) */
  terms: {index: Int32Array; coef: Float64Array}[];
}

export function basisDesign(standardization: Standardization, K: number, regimes: number, maxDegree: number, features: BasisFeature[]): BasisDesign {
  requireInteger("adaptive design: maximum degree", maxDegree, 1, 12);
  const overlap = (a: BasisFeature, b: BasisFeature) => a.regimes.some((on, r) => on && b.regimes[r]);
  const products: number[][] = [];
  for (let i = 0; i < features.length; i++)
    for (let j = i; j < features.length; j++) if (overlap(features[i], features[j])) products.push(features[i].lead.map((x, v) => x + features[j].lead[v]));
  const set = setLayout(standardization, features.map((f) => f.lead), products);
  const expanded = features.map((f) => featureTerms(f.lead));
  const terms = expanded.map((ts) => ({index: Int32Array.from(ts, (t) => set.indexOf(t.e)), coef: Float64Array.from(ts, (t) => t.c)}));
  const pi: number[] = [];
  const pj: number[] = [];
  const start: number[] = [0];
  const index: number[] = [];
  const coef: number[] = [];
  const at = new Map<number, number>();
  for (let i = 0; i < features.length; i++)
    for (let j = i; j < features.length; j++) {
      if (!overlap(features[i], features[j])) continue;
      at.clear();
      for (const s of expanded[i])
        for (const t of expanded[j]) {
          const m = set.indexOf(s.e.map((x, v) => x + t.e[v]));
          at.set(m, (at.get(m) ?? 0) + s.c * t.c);
        }
      for (const [m, c] of at) {
        index.push(m);
        coef.push(c);
      }
      pi.push(i);
      pj.push(j);
      start.push(index.length);
    }
  return {K, regimes, maxDegree, features, set, terms, pairs: {i: Int32Array.from(pi), j: Int32Array.from(pj), start: Int32Array.from(start), index: Int32Array.from(index), coef: Float64Array.from(coef)}};
}

/** Gram statistics of the design (all features) over one fold of every regime. */
export function basisGram(design: BasisDesign, regimes: Moments[]): GramStats {
  const {features, pairs, terms} = design;
  const P = features.length;
  const g = emptyGram(P);
  regimes.forEach((m, r) => {
    if (m.mono.length !== design.set.size || m.monoY.length !== design.set.p) fail(`adaptive fit: regime ${r} has moments of ${m.mono.length} monomials, the design's set has ${design.set.size}`);
    g.n += m.n;
    g.sy += m.y;
    g.syy += m.yy;
    for (let i = 0; i < P; i++) {
      if (!features[i].regimes[r]) continue;
      const t = terms[i];
      for (let s = 0; s < t.index.length; s++) {
        g.sx[i] += t.coef[s] * m.mono[t.index[s]];
        g.sxy[i] += t.coef[s] * m.monoY[t.index[s]];
      }
    }
    for (let t = 0; t < pairs.i.length; t++) {
      const i = pairs.i[t];
      const j = pairs.j[t];
      if (!(features[i].regimes[r] && features[j].regimes[r])) continue;
      let v = 0;
      for (let e = pairs.start[t]; e < pairs.start[t + 1]; e++) v += pairs.coef[e] * m.mono[pairs.index[e]];
      g.sxx[i * P + j] += v;
      if (i !== j) g.sxx[j * P + i] += v;
    }
  });
  return g;
}

/** The Gram statistics of a subset of the features. */
export function subGram(g: GramStats, keep: readonly number[]): GramStats {
  const P = keep.length;
  const out = emptyGram(P);
  out.n = g.n;
  out.sy = g.sy;
  out.syy = g.syy;
  keep.forEach((a, i) => {
    out.sx[i] = g.sx[a];
    out.sxy[i] = g.sxy[a];
    keep.forEach((b, j) => (out.sxx[i * P + j] = g.sxx[a * g.P + b]));
  });
  return out;
}

export interface DegreeChoice {
  /** the chosen degree of each group of features (u and h for structure-aware, m for a regime's regression) */
  degree: Record<string, number>;
  /** every design tried: its degrees, held-out SSE (standardized outcome, summed over folds) at its best alpha */
  tried: {degree: Record<string, number>; sse: number; alpha: number; features: number}[];
  /** the features of the chosen design and the ridge fit on them (all folds) */
  keep: number[];
  fit: RidgeFit;
}

interface Tried {
  degree: Record<string, number>;
  keep: number[];
  sse: number;
  perFold: number[];
  alpha: number;
}

/**
 * Chooses the degree of each feature group by K-fold CV on the fold statistics: coordinate
 * search from degree 3 (the paper's), one group at a time over `degrees`, until no group
 * changes. Within a sweep the rule is the one-standard-error rule: the smallest design whose
 * held-out squared error (each design at its best alpha) is within one standard error of the
 * sweep's best, the standard error taken over the folds' paired differences. Higher degrees are
 * taken only when the data show they predict better than noise would explain.
 */
export function chooseDegree(design: BasisDesign, folds: GramStats[], degrees: readonly number[] = ADAPTIVE_DEGREES, alphas: readonly number[] = WIDE_ALPHAS, oneStandardError = true): DegreeChoice {
  const candidates = [...new Set(degrees)].filter((d) => Number.isInteger(d) && d >= 1 && d <= design.maxDegree).sort((a, b) => a - b);
  if (candidates.length === 0) fail(`adaptive fit: no candidate degree in 1 .. ${design.maxDegree} among [${degrees}]`);
  if (folds.length < 2) fail(`adaptive fit: ${folds.length} fold; choosing the degree needs at least 2`);
  const groups = [...new Set(design.features.map((f) => groupOf(f)))];
  const cache = new Map<string, Tried>();
  const evaluate = (degree: Record<string, number>): Tried => {
    const key = groups.map((g) => degree[g]).join(",");
    const hit = cache.get(key);
    if (hit) return hit;
    const keep = design.features.flatMap((f, i) => (f.degree <= degree[groupOf(f)] ? [i] : []));
    const sse = heldOutErrors(folds.map((g) => subGram(g, keep)), {p: keep.length, blocks: 1}, alphas);
    let a = 0;
    const total = sse.map((perFold) => perFold.reduce((x, y) => x + y, 0));
    for (let i = 1; i < total.length; i++) if (total[i] < total[a]) a = i;
    const t = {degree: {...degree}, keep, sse: total[a], perFold: sse[a], alpha: alphas[a]};
    cache.set(key, t);
    return t;
  };
  const start = Math.min(3, candidates[candidates.length - 1]);
  let current: Record<string, number> = Object.fromEntries(groups.map((g) => [g, candidates.includes(start) ? start : candidates[0]]));
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const g of groups) {
      const sweep = candidates.map((d) => evaluate({...current, [g]: d}));
      const best = sweep.reduce((b, t) => (t.sse < b.sse ? t : b));
      const within = sweep.filter((t) => t.sse <= best.sse + (oneStandardError ? pairedStandardError(t.perFold, best.perFold) : 0));
      const pick = within.reduce((b, t) => (t.keep.length < b.keep.length ? t : b));
      if (pick.degree[g] !== current[g]) changed = true;
      current = {...pick.degree};
    }
    if (!changed) break;
  }
  const chosen = evaluate(current);
  const fit = fitRidgeCV(folds.map((g) => subGram(g, chosen.keep)), {p: chosen.keep.length, blocks: 1}, {alphas: [chosen.alpha]});
  return {degree: current, tried: [...cache.values()].map((t) => ({degree: t.degree, sse: t.sse, alpha: t.alpha, features: t.keep.length})), keep: chosen.keep, fit};
}

const groupOf = (f: BasisFeature) => f.term.kind;

/** Standard error of the summed paired difference between two designs' per-fold held-out errors. */
export function pairedStandardError(a: number[], b: number[]): number {
  const d = a.map((x, i) => x - b[i]);
  const F = d.length;
  const mean = d.reduce((x, y) => x + y, 0) / F;
  const v = d.reduce((s, x) => s + (x - mean) ** 2, 0) / (F - 1);
  return Math.sqrt(F * v);
}

/**
 * A polynomial in the standardized actions with few terms (the adaptive fits' predictions):
 * y = sum_t coef[t] prod_v ((a_v - center_v) / scale_v)^exponents[t K + v], in the outcome's units.
 */
export interface SparsePolynomial {
  nVars: number;
  center: Float64Array;
  scale: Float64Array;
  exponents: Int32Array;
  coef: Float64Array;
}

/**
 * The sparse polynomial of feature weights `weight` (features of `design`, chosen subset `keep`)
 * plus an intercept, both fitted to the standardized outcome.
 */
export function sparseFromFeatures(design: BasisDesign, keep: readonly number[], weight: ArrayLike<number>, intercept: number, s: Standardization): SparsePolynomial {
  const K = design.K;
  const acc = new Map<string, {e: number[]; c: number}>();
  const add = (e: number[], c: number) => {
    const k = e.join(",");
    const cur = acc.get(k);
    if (cur) cur.c += c;
    else acc.set(k, {e, c});
  };
  add(new Array(K).fill(0), s.shiftY + s.scaleY * intercept);
  keep.forEach((f, i) => {
    if (weight[i] === 0) return;
    for (const t of featureTerms(design.features[f].lead)) add(t.e, s.scaleY * weight[i] * t.c);
  });
  const list = [...acc.values()].filter((t) => t.c !== 0);
  const exponents = new Int32Array(list.length * K);
  list.forEach((t, i) => exponents.set(t.e, i * K));
  return {nVars: K, center: Float64Array.from(s.shiftX), scale: Float64Array.from(s.scaleX), exponents, coef: Float64Array.from(list, (t) => t.c)};
}

/** sum_i weights[i] * models[i] (models on one standardization). */
export function combineSparse(models: SparsePolynomial[], weights: number[]): SparsePolynomial {
  if (models.length === 0 || models.length !== weights.length) fail(`combineSparse: ${models.length} models and ${weights.length} weights`);
  const K = models[0].nVars;
  const acc = new Map<string, {e: number[]; c: number}>();
  models.forEach((m, i) => {
    if (m.nVars !== K) fail(`combineSparse: model ${i} has ${m.nVars} actions, model 0 ${K}`);
    for (let v = 0; v < K; v++) if (m.center[v] !== models[0].center[v] || m.scale[v] !== models[0].scale[v]) fail(`combineSparse: model ${i} is standardized differently from model 0`);
    for (let t = 0; t < m.coef.length; t++) {
      const e = Array.from(m.exponents.subarray(t * K, (t + 1) * K));
      const k = e.join(",");
      const cur = acc.get(k);
      if (cur) cur.c += weights[i] * m.coef[t];
      else acc.set(k, {e, c: weights[i] * m.coef[t]});
    }
  });
  const list = [...acc.values()];
  const exponents = new Int32Array(list.length * K);
  list.forEach((t, i) => exponents.set(t.e, i * K));
  return {nVars: K, center: Float64Array.from(models[0].center), scale: Float64Array.from(models[0].scale), exponents, coef: Float64Array.from(list, (t) => t.c)};
}

/** Evaluates a sparse polynomial at each row of the action columns. */
export function predictSparse(model: SparsePolynomial, x: ArrayLike<number>[]): Float64Array {
  const K = model.nVars;
  requireFiniteColumns("predict: actions", x, K, 0, undefined, (c) => `action ${c}`);
  const T = model.coef.length;
  let maxPow = 0;
  for (let i = 0; i < model.exponents.length; i++) maxPow = Math.max(maxPow, model.exponents[i]);
  // per term: its (variable, power) factors
  const factors = Array.from({length: T}, (_, t) => {
    const f: number[] = [];
    for (let v = 0; v < K; v++) if (model.exponents[t * K + v] > 0) f.push(v * (maxPow + 1) + model.exponents[t * K + v]);
    return Int32Array.from(f);
  });
  const n = x[0]?.length ?? 0;
  const out = new Float64Array(n);
  const pow = new Float64Array(K * (maxPow + 1));
  for (let i = 0; i < n; i++) {
    for (let v = 0; v < K; v++) {
      const z = (x[v][i] - model.center[v]) / model.scale[v];
      let p = 1;
      for (let d = 0; d <= maxPow; d++) {
        pow[v * (maxPow + 1) + d] = p;
        p *= z;
      }
    }
    let s = 0;
    for (let t = 0; t < T; t++) {
      let term = model.coef[t];
      const f = factors[t];
      for (let j = 0; j < f.length; j++) term *= pow[f[j]];
      s += term;
    }
    out[i] = s;
  }
  return out;
}
