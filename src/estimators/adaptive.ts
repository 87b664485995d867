import type {Moments} from "../regression/moments.js";
import {emptySetMoments, setLayout, type SetLayout} from "../regression/monomial-set.js";
import type {MomentLayout} from "../regression/moments.js";
import {fitRidgeCV, heldOutErrors, PAPER_ALPHAS, WIDE_ALPHAS} from "../regression/ridge.js";
import type {Standardization} from "../regression/standardization.js";
import {fail, requireIndexSet, requireInteger} from "../validate.js";
import {INTERACTION_DEGREE, ADAPTIVE_DEGREES, basisDesign, basisGram, chooseDegree, combineSparse, DEFAULT_MAX_DEGREE, pairedStandardError, sieveExponents, sparseFromFeatures, subGram, type BasisDesign, type BasisFeature, type DegreeChoice, type SparsePolynomial} from "./adaptive-basis.js";
import {requireIntervened} from "./intervention-generalization.js";

/**
 * Adaptive-complexity versions of the structure-aware estimator and of the paper's IG (beyond
 * the paper; issue 14). Both use the sieve of adaptive-basis.ts: Hermite features of the
 * standardized actions, univariate up to degree D and interactions up to degree 3, D chosen by
 * 3-fold CV among 1, 2, 3, 4, 5, 6 (and 8 with a larger maximum; structure-aware: D_u and D_h separately; IG: one D <= 3
 * for all its fits, see IG_MAX_DEGREE). Their statistics are the moments of a sparse monomial
 * set (`design.set`) per regime and fold, accumulated in one pass over each dataset; regime 0 is
 * observational, regime 1 + k is do(A_k).
 */
export interface AdaptiveStatistics {
  set: SetLayout;
  /** regimes[r][f]: moments of fold f of regime r over the set */
  regimes: Moments[][];
}

export interface AdaptiveOptions {
  degrees?: readonly number[];
  alphas?: readonly number[];
  /** skip the search: refit with these degrees and this alpha (e.g. on bootstrap replicates of a fit) */
  fixed?: {degree: Record<string, number>; alpha: number};
}

function requireStatistics(label: string, design: BasisDesign, stats: AdaptiveStatistics): void {
  if (!stats || stats.set !== design.set) fail(`${label}: statistics were not accumulated over this design's monomial set`);
  if (!Array.isArray(stats.regimes) || stats.regimes.length !== design.regimes) fail(`${label}: ${stats.regimes?.length ?? 0} regimes, expected ${design.regimes} (observational and one per action)`);
  const folds = stats.regimes[0].length;
  stats.regimes.forEach((r, i) => {
    if (!Array.isArray(r) || r.length !== folds || folds < 2) fail(`${label}: regime ${i} has ${r?.length ?? 0} folds, expected ${Math.max(2, folds)}`);
    r.forEach((m, f) => {
      if (!(m.n >= 1)) fail(`${label}: regime ${i}, fold ${f} has ${m.n} rows; expected at least 1`);
    });
  });
}

/** The structure-aware design: u_k (on only in do(A_k)) over a_k, h_k (on elsewhere) over a_k and its ancestors. */
export function structureAdaptiveDesign(s: Standardization, ancestors: number[][], maxDegree = DEFAULT_MAX_DEGREE, uDegree = maxDegree, interactionDegree = INTERACTION_DEGREE): BasisDesign {
  const K = ancestors.length;
  requireInteger("structure-aware adaptive: maximum degree", maxDegree, 1, 12);
  ancestors.forEach((a, k) => {
    requireIndexSet(`structure-aware adaptive: ancestors of action ${k}`, a, K);
    if (a.includes(k)) fail(`structure-aware adaptive: action ${k} is listed as its own ancestor`);
  });
  return basisDesign(s, K, K + 1, maxDegree, structureFeatures(K, ancestors, maxDegree, uDegree, interactionDegree));
}

function structureFeatures(K: number, ancestors: number[][], maxDegree: number, uDegree: number, interactionDegree = INTERACTION_DEGREE): BasisFeature[] {
  const features: BasisFeature[] = [];
  for (let k = 0; k < K; k++) {
    const uMask = Array.from({length: K + 1}, (_, r) => r === k + 1);
    const hMask = uMask.map((on) => !on);
    // the regime's own level: u_k's constant
    features.push({lead: new Array(K).fill(0), degree: 0, regimes: uMask, term: {kind: "u", action: k}});
    for (const e of sieveExponents(K, [k], uDegree)) features.push({lead: e, degree: e[k], regimes: uMask, term: {kind: "u", action: k}});
    // high degrees only in a_k itself: h_k's terms in an ancestor j stay cubic, so that in do(A_j)
    // they are not collinear with u_j's high-degree terms (which would let h_k's extrapolation
    // from the observational distribution of a_j leak into u_j)
    for (const e of sieveExponents(K, [k, ...ancestors[k]].sort((a, b) => a - b), maxDegree, [k], interactionDegree)) features.push({lead: e, degree: e.reduce((a, b) => a + b, 0), regimes: hMask, term: {kind: "h", action: k}});
  }
  return features;
}

export interface StructureAdaptiveFit {
  design: BasisDesign;
  choice: DegreeChoice;
  /** chosen degrees: u (of u_k) and h (of h_k) */
  degree: Record<string, number>;
  alpha: number;
  standardization: Standardization;
}

export function fitStructureAdaptive(design: BasisDesign, stats: AdaptiveStatistics, options: AdaptiveOptions = {}): StructureAdaptiveFit {
  requireStatistics("fitStructureAdaptive", design, stats);
  const folds = stats.regimes[0].map((_, f) => basisGram(design, stats.regimes.map((r) => r[f])));
  if (options.fixed) {
    const {degree, alpha} = options.fixed;
    const keep = design.features.flatMap((f, i) => (f.degree <= (degree[f.term.kind] ?? fail(`fitStructureAdaptive: no fixed degree for the ${f.term.kind} terms`)) ? [i] : []));
    const fit = fitRidgeCV(folds.map((g) => subGram(g, keep)), {p: keep.length, blocks: 1}, {alphas: [alpha]});
    return {design, choice: {degree: {...degree}, tried: [], keep, fit}, degree: {...degree}, alpha, standardization: design.set};
  }
  const choice = chooseDegree(design, folds, options.degrees ?? ADAPTIVE_DEGREES, options.alphas ?? WIDE_ALPHAS);
  return {design, choice, degree: choice.degree, alpha: choice.fit.alpha, standardization: design.set};
}

/** The prediction for the regime intervening on `intervened` (default all: the joint effect): u_k for k in S, h_k for the others. */
export function structureAdaptivePrediction(fit: StructureAdaptiveFit, intervened?: readonly number[]): SparsePolynomial {
  const {design, choice} = fit;
  const K = design.K;
  if (intervened !== undefined) requireIntervened("structureAdaptivePrediction", intervened, K);
  const S = new Set(intervened ?? [...Array(K).keys()]);
  const weight = choice.keep.map((f, i) => {
    const {kind, action} = design.features[f].term;
    return (kind === "u") === S.has(action) ? choice.fit.coef[i] : 0;
  });
  return sparseFromFeatures(design, choice.keep, weight, choice.fit.intercept, fit.standardization);
}

/**
 * The largest degree IG's adaptive fit tries by default. Measured (bench/adaptive.ts): degrees 4-8
 * made IG worse at N_tot = 10^6, because Prop. 1's combination sum_k m_k - (K - 1) m_obs
 * evaluates each regime's fit at joint-intervention points where that regime has few rows, and
 * high-degree fits extrapolate badly there (cross-validation within a regime cannot see it).
 */
export const IG_MAX_DEGREE = 3;

/** IG's design, one regression per regime: every feature of the sieve over all K actions. */
export function igAdaptiveDesign(s: Standardization, K: number, maxDegree = IG_MAX_DEGREE): BasisDesign {
  requireInteger("IG adaptive: K", K, 1, 1000);
  requireInteger("IG adaptive: maximum degree", maxDegree, 1, 12);
  return basisDesign(s, K, 1, maxDegree, igFeatures(K, maxDegree));
}

function igFeatures(K: number, maxDegree: number): BasisFeature[] {
  return sieveExponents(K, [...Array(K).keys()], maxDegree).map((e) => ({lead: e, degree: e.reduce((a, b) => a + b, 0), regimes: [true], term: {kind: "m" as const, action: -1}}));
}

export interface IGAdaptiveFit {
  /** one model per regime: observational, then do(A_k) */
  models: SparsePolynomial[];
  degrees: number[];
  alphas: number[];
}

/**
 * The paper's IG, K + 1 separate regressions (the paper's alpha grid), all of one CV-chosen degree D (one degree, so that
 * the regimes' approximation errors stay alike and cancel in sum_k m_k - (K - 1) m_obs as the
 * paper's equal-degree fits do): for each D, each regime's held-out error at its own best alpha,
 * summed over regimes; the smallest D within one standard error of the best (paired over folds).
 */
export function fitIGAdaptive(design: BasisDesign, stats: AdaptiveStatistics, options: AdaptiveOptions = {}): IGAdaptiveFit {
  if (!stats || !Array.isArray(stats.regimes) || stats.regimes.length < 2) fail("fitIGAdaptive: expected the observational regime and one regime per action");
  stats.regimes.forEach((r, i) => requireStatistics(`fitIGAdaptive: regime ${i}`, design, {set: stats.set, regimes: [r]}));
  const alphas = options.alphas ?? PAPER_ALPHAS;
  const candidates = [...new Set(options.degrees ?? ADAPTIVE_DEGREES)].filter((d) => Number.isInteger(d) && d >= 1 && d <= design.maxDegree).sort((a, b) => a - b);
  if (candidates.length === 0) fail(`fitIGAdaptive: no candidate degree in 1 .. ${design.maxDegree}`);
  const grams = stats.regimes.map((folds) => folds.map((m) => basisGram(design, [m])));
  const tried = candidates.map((D) => {
    const keep = design.features.flatMap((f, i) => (f.degree <= D ? [i] : []));
    const perRegime = grams.map((folds) => {
      const sse = heldOutErrors(folds.map((g) => subGram(g, keep)), {p: keep.length, blocks: 1}, alphas);
      let a = 0;
      const total = sse.map((f) => f.reduce((x, y) => x + y, 0));
      for (let i = 1; i < total.length; i++) if (total[i] < total[a]) a = i;
      return {alpha: alphas[a], perFold: sse[a]};
    });
    const perFold = perRegime[0].perFold.map((_, f) => perRegime.reduce((s, r) => s + r.perFold[f], 0));
    return {D, keep, perRegime, perFold, sse: perFold.reduce((x, y) => x + y, 0)};
  });
  const best = tried.reduce((b, t) => (t.sse < b.sse ? t : b));
  const pick = tried.find((t) => t.sse <= best.sse + pairedStandardError(t.perFold, best.perFold))!;
  const models = grams.map((folds, r) => {
    const fit = fitRidgeCV(folds.map((g) => subGram(g, pick.keep)), {p: pick.keep.length, blocks: 1}, {alphas: [pick.perRegime[r].alpha]});
    return sparseFromFeatures(design, pick.keep, fit.coef, fit.intercept, design.set);
  });
  return {models, degrees: models.map(() => pick.D), alphas: pick.perRegime.map((r) => r.alpha)};
}

/** Prop. 1: m_obs + sum_{k in S} (m_k - m_obs); S = all actions by default. */
export function igAdaptivePrediction(fit: IGAdaptiveFit, intervened?: readonly number[]): SparsePolynomial {
  const K = fit.models.length - 1;
  const S = intervened ?? [...Array(K).keys()];
  requireIntervened("igAdaptivePrediction", S, K);
  return combineSparse([fit.models[0], ...S.map((k) => fit.models[k + 1])], [1 - S.length, ...S.map(() => 1)]);
}

const sizeCache = new Map<string, {features: number; set: number}>();
const unitStandardization = (K: number): Standardization => ({shiftX: new Float64Array(K), scaleX: new Float64Array(K).fill(1), shiftY: 0, scaleY: 1});

function designSize(key: string, features: BasisFeature[], K: number): {features: number; set: number} {
  let hit = sizeCache.get(key);
  if (!hit) {
    const overlap = (a: BasisFeature, b: BasisFeature) => a.regimes.some((on, r) => on && b.regimes[r]);
    const products: number[][] = [];
    for (let i = 0; i < features.length; i++) for (let j = i; j < features.length; j++) if (overlap(features[i], features[j])) products.push(features[i].lead.map((x, v) => x + features[j].lead[v]));
    sizeCache.set(key, (hit = {features: features.length, set: setLayout(unitStandardization(K), features.map((f) => f.lead), products).size}));
  }
  return hit;
}

/** Size of the structure-aware adaptive design at the default maximum degree: no ancestors, or every earlier action an ancestor (the cost model's bounds). */
export function structureAdaptiveDesignSize(K: number, everyEarlierAncestor: boolean): {features: number; set: number} {
  const ancestors = Array.from({length: K}, (_, k) => (everyEarlierAncestor ? [...Array(k).keys()] : []));
  return designSize(`sa:${K}:${everyEarlierAncestor}`, structureFeatures(K, ancestors, DEFAULT_MAX_DEGREE, DEFAULT_MAX_DEGREE), K);
}

/** Size of the IG adaptive design at its default maximum degree. */
export function igAdaptiveDesignSize(K: number): {features: number; set: number} {
  return designSize(`ig:${K}`, igFeatures(K, IG_MAX_DEGREE), K);
}

/**
 * The set moments of a design whose monomials all lie in a layout's bases (degree <= 2d, and
 * <= d for those with y-sums), copied from that layout's moments: no second pass over the rows.
 * Undefined when the set needs a monomial the layout does not hold.
 */
export function setMomentsFromLayout(layout: MomentLayout, set: SetLayout, m: Moments): Moments | undefined {
  if (layout.nVars !== set.nVars) return undefined;
  for (let v = 0; v < set.nVars; v++) if (layout.shiftX[v] !== set.shiftX[v] || layout.scaleX[v] !== set.scaleX[v]) return undefined;
  if (layout.shiftY !== set.shiftY || layout.scaleY !== set.scaleY) return undefined;
  const out = emptySetMoments(set);
  const e = new Int32Array(set.nVars);
  for (let i = 0; i < set.size; i++) {
    e.set(set.exponents.subarray(i * set.nVars, (i + 1) * set.nVars));
    const a = layout.basis2.indexOf(e);
    if (a < 0) return undefined;
    out.mono[i] = m.mono[a];
    if (i < set.p) {
      const b = layout.basis.indexOf(e);
      if (b < 0) return undefined;
      out.monoY[i] = m.monoY[b];
    }
  }
  out.n = m.n;
  out.y = m.y;
  out.yy = m.yy;
  return out;
}
