import {additiveProjection} from "../estimators/additive-projection.js";
import {detectAncestors, type AncestorTest} from "../estimators/ancestor-detection.js";
import {fitSeparate, interventionGeneralization, type SeparateFits} from "../estimators/intervention-generalization.js";
import {fitSeparateSharedAlpha} from "../estimators/shared-alpha.js";
import {fitStructureAware, structurePrediction, type StructureFit} from "../estimators/structure-aware.js";
import {fitStructureAdaptive, structureAdaptiveDesign, structureAdaptivePrediction, type StructureAdaptiveFit} from "../estimators/adaptive.js";
import {predictSparse, type SparsePolynomial} from "../estimators/adaptive-basis.js";
import {bestKernel} from "../regression/moment-kernel.js";
import {emptySetMoments, type SetLayout} from "../regression/monomial-set.js";
import {addMoments, foldSizes} from "../regression/moments.js";
import type {TrainingMoments} from "../estimators/training-data.js";
import {monomialCount} from "../features/monomial-basis.js";
import {quantile} from "../metrics.js";
import {accumulateFolds, momentLayout, sumMoments, type MomentLayout, type Moments} from "../regression/moments.js";
import {combineModels, fitPolynomialCV, predict as predictPolynomial, type PolynomialModel} from "../regression/polynomial-regression.js";
import {randomStream} from "../random/streams.js";
import {fail, requireInteger} from "../validate.js";
import type {RegimeData, RegimeGroup} from "./regime-data.js";
import {separabilityCheck, sinksOf} from "../violations/detection.js";

/**
 * The own-data estimator: E[Y | do(a_S), a_rest] for any set S of intervened actions from
 * observational rows plus one experiment per action (Kekić et al., Prop. 1), with percentile
 * intervals from resampling within regimes and the diagnostics a user needs to trust it.
 *
 * Resampling is cheap because no row is read twice: each regime's rows (in a seeded random
 * order) are cut into `chunks` groups and their moments computed once; a bootstrap replicate
 * draws groups with replacement within each regime and sums their moments. Groups of iid rows
 * are iid, so this is the bootstrap of the regime's moment sums at the group level. Every
 * replicate keeps what the full-data fit chose: the ridge penalties (one solve per fit instead
 * of cross-validation) and, for structure-aware, the detected ancestor graph, so intervals are
 * conditional on those choices.
 */
export const OWN_DATA_METHODS = [
  {id: "structure-aware-adaptive", label: "Structure-aware, adaptive degree (default)"},
  {id: "structure-aware", label: "Structure-aware, cubic"},
  {id: "intervention-generalization", label: "IG, separate fits (the paper's)"},
  {id: "ig-shared-alpha", label: "IG, one shared alpha"},
  {id: "ig-projected", label: "IG + additive projection"},
] as const;
export type OwnDataMethod = (typeof OWN_DATA_METHODS)[number]["id"];
export const OWN_DATA_METHOD_IDS: OwnDataMethod[] = OWN_DATA_METHODS.map((m) => m.id);

export interface FitOptions {
  method?: OwnDataMethod;
  degree?: number;
  folds?: number;
  /** bootstrap replicates for intervals (0: none) */
  bootstrap?: number;
  /** row groups per regime for the bootstrap */
  chunks?: number;
  seed?: number;
}

export const FIT_DEFAULTS: Required<FitOptions> = {method: "structure-aware-adaptive", degree: 3, folds: 3, bootstrap: 200, chunks: 64, seed: 0};

/** A query: one value per action, by column name. */
export type Query = Record<string, number>;

export interface MixedCheck {
  regime: string;
  rows: number;
  observedMean: number;
  predictedMean: number;
  /** observed minus predicted mean */
  difference: number;
  /** standard error of the difference: residual spread and the estimate's bootstrap spread */
  standardError: number;
  /** two-sided p-value of "the predictions are unbiased on these rows" */
  p: number;
  rmse: number;
}

export interface Diagnostics {
  method: OwnDataMethod;
  degree: number;
  folds: number;
  bootstrap: number;
  chunks: number;
  seed: number;
  rowsPerRegime: Record<string, number>;
  droppedRows: number;
  /** each action's [min, max] in each regime that identifies the answer: observational and its own experiment */
  ranges: {action: string; regime: string; min: number; max: number}[];
  /** ridge penalties chosen by cross-validation */
  alphas: number[];
  /** structure-aware: the ancestor tests between actions (from do(A_k) rows) */
  ancestors: {ancestor: string; of: string; p: number; detected: boolean}[];
  /** predicted vs observed on mixed or joint rows, where the file has any */
  mixedChecks: MixedCheck[];
  /** milliseconds: moments and the point fit; the bootstrap replicates (so far) */
  timings: {fitMs: number; resampleMs: number};
  /** structure-aware-adaptive: the degrees chosen by cross-validation (u: of each u_k, h: of each h_k) */
  chosenDegrees?: Record<string, number>;
  /**
   * The separability check (src/violations/detection.ts; page /assumptions), which needs no joint
   * data: in the experiment on an action with no detected descendants, is E[Y | do(a_k), a_-k]
   * additive in a_k? Run when every action has an experiment, K >= 2 and the degree is >= 3;
   * on at most SEPARABILITY_ROWS rows per experiment. Nominal p-value (Bonferroni over sinks).
   */
  separability?: {p: number; perSink: {action: string; p: number; rows: number}[]};
}

/** Rows per experiment the separability check uses (the first of the seeded shuffle). */
export const SEPARABILITY_ROWS = 20_000;

export interface JointEffectsModel {
  actions: string[];
  /** E[Y | do(a_S), a_rest] at each query; S = `intervened` (default: all actions) */
  predict(queries: Query[], intervened?: string[]): Float64Array;
  /** percentile bootstrap interval at each query */
  interval(queries: Query[], options?: {level?: number; intervened?: string[]}): {lower: Float64Array; upper: Float64Array};
  /** per query, the actions whose value lies outside the range seen in a regime the answer relies on */
  extrapolation(queries: Query[], intervened?: string[]): string[][];
  diagnostics: Diagnostics;
}

interface Fitted {
  /** the model for intervened set S (indices): a polynomial of the layout's degree, or (adaptive) a sparse one */
  modelFor(S: number[]): PolynomialModel | SparsePolynomial;
  alphas: number[];
}

/** The IG fits: always a polynomial of the layout's degree. */
interface DenseFitted extends Fitted {
  modelFor(S: number[]): PolynomialModel;
}

export function fitJointEffects(data: RegimeData, options: FitOptions = {}): JointEffectsModel {
  const o = {...FIT_DEFAULTS, ...options};
  if (!OWN_DATA_METHOD_IDS.includes(o.method)) fail(`fitJointEffects: unknown method "${o.method}" (known: ${OWN_DATA_METHOD_IDS.join(", ")})`);
  requireInteger("fitJointEffects: degree", o.degree, 1, 6);
  if ((o.method === "structure-aware" || o.method === "structure-aware-adaptive") && o.degree < 3) fail(`fitJointEffects: ${o.method} needs degree >= 3 (its ancestor tests use degree-6 moments), got ${o.degree}`);
  requireInteger("fitJointEffects: folds", o.folds, 2, 20);
  requireInteger("fitJointEffects: bootstrap", o.bootstrap, 0, 100_000);
  requireInteger("fitJointEffects: chunks", o.chunks, o.folds, 10_000);
  requireInteger("fitJointEffects: seed", o.seed, 0);
  const {actions, source} = data;
  const K = actions.length;
  const missing = actions.filter((_, k) => !data.single[k]);
  const have = actions.filter((_, k) => data.single[k]);
  if (missing.length && (o.method !== "intervention-generalization" || have.length === 0))
    fail(
      `${source}: ${missing.map((a) => `"${a}"`).join(", ")} ${missing.length > 1 ? "have" : "has"} no single-intervention rows (no row has regime "${missing[0]}"), so no effect of intervening on ${missing.length > 1 ? "them" : "it"} is identified` +
        (have.length ? `; the mixed effect E[Y | do(${have.join(", ")}), ${missing.join(", ")} observed] is (Prop. 1): use the method intervention-generalization with intervened = ${have.join(",")}` : "; add an experiment per action"),
    );
  const p = monomialCount(K, o.degree);
  const need = Math.max(p + 1, o.folds * 2);
  const groups: RegimeGroup[] = [data.observational, ...data.single.filter((g): g is RegimeGroup => g !== null)];
  for (const g of groups) if (g.rows.length < need) fail(`${source}: regime "${g.label}" has ${g.rows.length} rows; a degree-${o.degree} fit in ${K} actions needs at least ${need} (lower the degree or add rows)`);
  actions.forEach((a, k) => {
    if (!data.single[k]) return;
    const rows = data.single[k]!.rows;
    let lo = Infinity, hi = -Infinity;
    for (const i of rows) {
      lo = Math.min(lo, data.x[k][i]);
      hi = Math.max(hi, data.x[k][i]);
    }
    if (!(hi > lo)) fail(`${source}: action "${a}" is constant (${lo}) in its own experiment (regime "${a}"); an experiment must vary the action to identify its effect`);
  });

  const started = performance.now();
  const layout = momentLayout(o.degree, data.x, data.y);
  // each regime's rows shuffled once (seeded), shared by the layout's and the adaptive set's moments
  const shuffled = groups.map((g, r) => shuffledRows(data, g, o.seed, r));
  const chunks = groups.map((g, r) => chunkMoments(layout, shuffled[r], Math.min(o.chunks, Math.floor(g.rows.length / 2))));
  const toFolds = (parts: Moments[]): Moments[] => Array.from({length: o.folds}, (_, f) => sumMoments(layout, parts.filter((_, c) => c % o.folds === f)));
  // sets: chunk moments per present regime (observational first); single[k] is null for an action without an experiment
  const regimeSlot = actions.map((_, k) => (data.single[k] ? groups.indexOf(data.single[k]!) : -1));
  const training = (sets: Moments[][]): TrainingMoments & {partial: (Moments[] | null)[]; chunks: Moments[][]} => {
    const partial = regimeSlot.map((r) => (r < 0 ? null : toFolds(sets[r])));
    return {layout, K, observational: toFolds(sets[0]), single: partial as Moments[][], partial, chunks: sets};
  };

  const full = training(chunks);
  const distribution = {mean: actions.map((_, k) => (data.single[k] ? meanOf(data.x[k], data.single[k]!.rows) : 0)), std: actions.map((_, k) => (data.single[k] ? sdOf(data.x[k], data.single[k]!.rows) : 0))};
  let ancestorTests: AncestorTest[] = [];
  let ancestorSets: number[][] = [];
  if (o.method === "structure-aware" || o.method === "structure-aware-adaptive") {
    const detected = detectAncestors(full);
    ancestorTests = detected.tests;
    ancestorSets = detected.ancestors;
  }
  let separability: Diagnostics["separability"];
  if (!missing.length && K >= 2 && o.degree >= 3) {
    const sinks = sinksOf(ancestorSets.length ? ancestorSets : detectAncestors(full).ancestors);
    const perRegime = actions.map((_, k) => {
      const sh = shuffled[regimeSlot[k]];
      const m = Math.min(SEPARABILITY_ROWS, sh.y.length);
      return {actions: sh.x.map((c) => c.subarray(0, m)), outcome: sh.y.subarray(0, m)};
    });
    const nuisance = K <= 4 ? 5 : 3;
    const enough = sinks.length > 0 && sinks.every((k) => perRegime[k].outcome.length > monomialCount(K, nuisance) + 10);
    if (enough) {
      const r = separabilityCheck(perRegime, sinks, 3, nuisance);
      separability = {p: r.p, perSink: r.perSink.map((x) => ({action: actions[x.k], p: x.test.p, rows: perRegime[x.k].outcome.length}))};
    }
  }
  // the adaptive method's sparse-set moments of the same row groups (keyed by each group's layout moments)
  const setChunk = new WeakMap<Moments, Moments>();
  let adaptiveFit: StructureAdaptiveFit | undefined;
  const adaptiveDesign = o.method === "structure-aware-adaptive" && !missing.length ? structureAdaptiveDesign(layout, ancestorSets) : undefined;
  if (adaptiveDesign) groups.forEach((_, r) => chunkSetMoments(adaptiveDesign.set, shuffled[r], chunks[r].length).forEach((m, c) => setChunk.set(chunks[r][c], m)));
  // `fixed`: the penalties chosen on the full data, reused by every bootstrap replicate (one solve per fit, no CV)
  const fitOn = (t: ReturnType<typeof training>, fixed?: number[]): Fitted => {
    if (missing.length) return partialSeparate(layout, t.observational, t.partial, actions, fixed);
    switch (o.method) {
      case "structure-aware": {
        const fit: StructureFit = fitStructureAware(t, ancestorSets, fixed ? {alphas: [fixed[0]]} : undefined);
        return {modelFor: (S) => structurePrediction(fit, S), alphas: [fit.alpha]};
      }
      case "structure-aware-adaptive": {
        const design = adaptiveDesign!;
        const toSetFolds = (parts: Moments[]) => Array.from({length: o.folds}, (_, f) => sumSetMoments(design.set, parts.filter((_, c) => c % o.folds === f).map((m) => setChunk.get(m)!)));
        const stats = {set: design.set, regimes: [t.chunks[0], ...regimeSlot.map((r) => t.chunks[r])].map(toSetFolds)};
        // bootstrap replicates keep the degrees and alpha chosen on the full data (intervals conditional on them, as on the graph)
        const fit = fitStructureAdaptive(design, stats, adaptiveFit ? {fixed: {degree: adaptiveFit.degree, alpha: adaptiveFit.alpha}} : {});
        adaptiveFit ??= fit;
        return {modelFor: (S) => structureAdaptivePrediction(fit, S), alphas: [fit.alpha]};
      }
      case "intervention-generalization":
        return fixed ? partialSeparate(layout, t.observational, t.partial, actions, fixed) : separate(fitSeparate(t));
      case "ig-shared-alpha":
        return separate(fitSeparateSharedAlpha(t, fixed ? [fixed[0]] : undefined));
      case "ig-projected": {
        const fits = fixed ? partialSeparate(layout, t.observational, t.partial, actions, fixed) : separate(fitSeparate(t));
        // the projection is under the joint intervention distribution: it applies to the joint effect only
        return {modelFor: (S) => (S.length === K ? additiveProjection(fits.modelFor(S), distribution) : fits.modelFor(S)), alphas: fits.alphas};
      }
      default:
        return unknownMethod(o.method);
    }
  };
  const fitted = fitOn(full);
  const fitMs = performance.now() - started;

  let replicates: Fitted[] | undefined;
  const bootstrapFits = (): Fitted[] => {
    if (o.bootstrap === 0) fail("interval: the model was fitted with bootstrap = 0; refit with bootstrap replicates for intervals");
    if (!replicates) {
      const t0 = performance.now();
      replicates = [];
      for (let b = 0; b < o.bootstrap; b++) {
        const rng = randomStream(o.seed, "own-data", "bootstrap", b);
        replicates.push(fitOn(training(chunks.map((parts) => Array.from({length: parts.length}, () => parts[Math.floor(rng.nextDouble() * parts.length)]))), fitted.alphas));
      }
      model.diagnostics.timings.resampleMs = performance.now() - t0;
    }
    return replicates;
  };

  const indicesOf = (intervened: string[] | undefined): number[] => {
    if (intervened === undefined) {
      if (missing.length) fail(`the joint effect of all actions is not identified: ${missing.join(", ")} ${missing.length > 1 ? "have" : "has"} no experiment; give intervened = a subset of ${have.join(", ")} (the mixed effect, Prop. 1)`);
      return actions.map((_, k) => k);
    }
    if (!Array.isArray(intervened)) fail(`intervened: expected a list of action names, found ${typeof intervened}`);
    const S = intervened.map((a) => {
      const k = actions.indexOf(a);
      if (k < 0) fail(`intervened: unknown action "${a}" (actions: ${actions.join(", ")})`);
      return k;
    });
    if (new Set(S).size !== S.length) fail(`intervened: an action is listed twice (${intervened.join(", ")})`);
    for (const k of S) if (!data.single[k]) fail(`intervened: "${actions[k]}" has no single-intervention rows, so do(${actions[k]}) is not identified; intervene on a subset of ${have.join(", ")}`);
    return S.sort((a, b) => a - b);
  };
  const columnsOf = (queries: Query[]): Float64Array[] => {
    if (!Array.isArray(queries)) fail(`queries: expected a list of {action: value} objects, found ${typeof queries}`);
    return actions.map((a) =>
      Float64Array.from(queries, (q, i) => {
        const v = q?.[a];
        if (typeof v !== "number" || !Number.isFinite(v)) fail(`query ${i + 1}: action "${a}" is ${v === undefined ? "missing" : typeof v === "number" ? String(v) : JSON.stringify(v)}; expected a finite number`);
        return v;
      }),
    );
  };
  const predictWith = (f: Fitted, cols: Float64Array[], S: number[]) => {
    const m = f.modelFor(S);
    return "exponents" in m ? predictSparse(m, cols) : predictPolynomial(m, cols);
  };

  // ranges of each action in the regimes the answer relies on
  const ranges = groups.flatMap((g) => actions.map((a, k) => ({action: a, regime: g.label, k, r: g, ...rangeOf(data.x[k], g.rows)})));
  // the answer for S relies on the observational regime and the experiments on S
  const extrapolation = (queries: Query[], intervened?: string[]): string[][] => {
    const cols = columnsOf(queries);
    const S = indicesOf(intervened);
    const used = new Set<RegimeGroup>([data.observational, ...S.map((k) => data.single[k]!)]);
    return queries.map((_, i) => actions.filter((_, k) => ranges.some((r) => r.k === k && used.has(r.r) && (cols[k][i] < r.min || cols[k][i] > r.max))));
  };

  const model: JointEffectsModel = {
    actions: [...actions],
    predict: (queries, intervened) => predictWith(fitted, columnsOf(queries), indicesOf(intervened)),
    interval(queries, {level = 0.95, intervened} = {}) {
      if (!(level > 0 && level < 1)) fail(`interval: level ${level}; expected a number in (0, 1)`);
      const cols = columnsOf(queries);
      const S = indicesOf(intervened);
      const preds = bootstrapFits().map((f) => predictWith(f, cols, S));
      const lower = new Float64Array(queries.length);
      const upper = new Float64Array(queries.length);
      const column = new Float64Array(preds.length);
      for (let i = 0; i < queries.length; i++) {
        preds.forEach((pr, b) => (column[b] = pr[i]));
        lower[i] = quantile(column, (1 - level) / 2);
        upper[i] = quantile(column, (1 + level) / 2);
      }
      return {lower, upper};
    },
    extrapolation,
    diagnostics: {
      method: o.method,
      degree: o.degree,
      folds: o.folds,
      bootstrap: o.bootstrap,
      chunks: Math.min(...chunks.map((c) => c.length)),
      seed: o.seed,
      rowsPerRegime: Object.fromEntries([...groups, ...data.mixed].map((g) => [g.label, g.rows.length])),
      droppedRows: data.dropped,
      ranges: ranges.map(({action, regime, min, max}) => ({action, regime, min, max})),
      alphas: fitted.alphas,
      ancestors: ancestorTests.map((t) => ({ancestor: actions[t.k], of: actions[t.j], p: t.p, detected: t.detected})),
      mixedChecks: [],
      timings: {fitMs, resampleMs: 0},
      ...(adaptiveFit ? {chosenDegrees: {...adaptiveFit.degree}} : {}),
      ...(separability ? {separability} : {}),
    },
  };
  model.diagnostics.mixedChecks = data.mixed.filter((g) => g.intervened.every((k) => data.single[k])).map((g) => mixedCheck(g, data, fitted, o.bootstrap > 0 ? bootstrapFits() : [], predictWith));
  return model;
}

/**
 * The paper's IG as separate fits m_obs, m_k combined as m_obs + sum_{k in S} (m_k - m_obs)
 * (Prop. 1); regimes without an experiment are skipped (then only S among the others is
 * answered). With `fixed`, each fit uses its given penalty (observational first, then the
 * experiments in order) instead of cross-validating.
 */
function partialSeparate(layout: MomentLayout, observational: Moments[], single: (Moments[] | null)[], actions: string[], fixed?: number[]): DenseFitted {
  let slot = 0;
  const options = () => (fixed ? {alphas: [fixed[slot++]]} : undefined);
  const obs = fitPolynomialCV(layout, observational, options());
  const fits = single.map((folds) => (folds ? fitPolynomialCV(layout, folds, options()) : null));
  return {
    modelFor: (S) => {
      const models = S.map((k) => fits[k]?.model ?? fail(`intervened: "${actions[k]}" has no experiment`));
      return combineModels([obs.model, ...models], [1 - S.length, ...S.map(() => 1)]);
    },
    alphas: [obs.fit.alpha, ...fits.flatMap((f) => (f ? [f.fit.alpha] : []))],
  };
}

function separate(fits: SeparateFits): DenseFitted {
  return {modelFor: (S) => interventionGeneralization(fits, S), alphas: fits.alphas};
}

function unknownMethod(method: never): never {
  fail(`fitJointEffects: unknown method "${String(method)}" (known: ${OWN_DATA_METHOD_IDS.join(", ")})`);
}

/** A regime's rows in a seeded random order (user files are often sorted), as columns. */
function shuffledRows(data: RegimeData, g: RegimeGroup, seed: number, regime: number): {x: Float64Array[]; y: Float64Array} {
  const order = Int32Array.from(g.rows);
  const rng = randomStream(seed, "own-data", "order", regime);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.nextDouble() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return {x: data.x.map((col) => Float64Array.from(order, (i) => col[i])), y: Float64Array.from(order, (i) => data.y[i])};
}

/** Moments of `chunks` contiguous groups of the shuffled rows. */
function chunkMoments(layout: MomentLayout, {x, y}: {x: Float64Array[]; y: Float64Array}, chunks: number): Moments[] {
  return accumulateFolds(layout, x, y, y.length, chunks, bestKernel().accumulate);
}

/** The same row groups as chunkMoments, accumulated over a sparse monomial set. */
function chunkSetMoments(set: SetLayout, {x, y}: {x: Float64Array[]; y: Float64Array}, chunks: number): Moments[] {
  const kernel = bestKernel();
  let at = 0;
  return foldSizes(y.length, chunks).map((rows) => {
    const m = emptySetMoments(set);
    kernel.accumulateSet(set, x, y, at, at + rows, m);
    at += rows;
    return m;
  });
}

function sumSetMoments(set: SetLayout, parts: Moments[]): Moments {
  return addMoments(emptySetMoments(set), parts, "sumSetMoments");
}

function mixedCheck(g: RegimeGroup, data: RegimeData, fitted: Fitted, boots: Fitted[], predictWith: (f: Fitted, cols: Float64Array[], S: number[]) => Float64Array): MixedCheck {
  const cols = data.x.map((col) => Float64Array.from(g.rows, (i) => col[i]));
  const y = Float64Array.from(g.rows, (i) => data.y[i]);
  const pred = predictWith(fitted, cols, g.intervened);
  const n = y.length;
  const observedMean = meanOf(y);
  const predictedMean = meanOf(pred);
  const residual = Float64Array.from(y, (v, i) => v - pred[i]);
  const residualSd = sdOf(residual);
  const bootMeans = boots.map((f) => meanOf(predictWith(f, cols, g.intervened)));
  const bootVar = bootMeans.length > 1 ? sdOf(Float64Array.from(bootMeans)) ** 2 : 0;
  const standardError = Math.sqrt((residualSd * residualSd) / Math.max(1, n - 1) + bootVar);
  const difference = observedMean - predictedMean;
  const z = standardError > 0 ? difference / standardError : 0;
  return {regime: g.label, rows: n, observedMean, predictedMean, difference, standardError, p: 2 * normalSurvival(Math.abs(z)), rmse: Math.sqrt(meanOf(Float64Array.from(residual, (r) => r * r)))};
}

function meanOf(v: ArrayLike<number>, rows?: ArrayLike<number>): number {
  let s = 0;
  const n = rows ? rows.length : v.length;
  for (let i = 0; i < n; i++) s += v[rows ? rows[i] : i];
  return s / n;
}

function sdOf(v: ArrayLike<number>, rows?: ArrayLike<number>): number {
  const m = meanOf(v, rows);
  let s = 0;
  const n = rows ? rows.length : v.length;
  for (let i = 0; i < n; i++) s += (v[rows ? rows[i] : i] - m) ** 2;
  return Math.sqrt(s / n);
}

function rangeOf(v: Float64Array, rows: Int32Array): {min: number; max: number} {
  let min = Infinity, max = -Infinity;
  for (const i of rows) {
    if (v[i] < min) min = v[i];
    if (v[i] > max) max = v[i];
  }
  return {min, max};
}

/** P(Z > z) for a standard normal (Abramowitz-Stegun 7.1.26 on erfc; |error| < 1.5e-7). */
function normalSurvival(z: number): number {
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return 0.5 * erfc;
}
