import {Matrix, solve} from "ml-matrix";
import {nodeMean, type AnmModel} from "../anm/anm-model.js";
import {DREAM4_NET3_EDGES, dream4Dag} from "../anm/dream4-network.js";
import {fitJointLikelihood} from "../anm/joint-likelihood.js";
import {randomStream} from "../random/streams.js";
import {standardNormal} from "../random/ziggurat.js";
import {fail, requireInteger} from "../validate.js";
import {additiveBaseline, allPairs, DREAM4_NET3_CHALLENGE_PAIRS, dualKnockoutTruth, regimeLabel, singleKnockoutRegimes, type DesignRow} from "./dual-knockout-design.js";
import type {GnwModel} from "./model.js";
import {addMeasurementNoise, MEASUREMENT_NOISE_MODELS, type MeasurementNoiseModel} from "./noise.js";
import {DREAM4_NET3_SCALE, knockoutExperiments, simulateExperiments, wildTypeExperiment} from "./simulate.js";

/**
 * The dual-knockout benchmark (issue 15, part 3): predict the steady state of every gene under a
 * double knockout do(G_a = 0, G_b = 0) from an observational regime and one regime per single
 * knockout (dual-knockout-design.ts: multifactorial variation within each background), and score
 * against GNW's noise-free dual-knockout steady state, as DREAM4 did.
 *
 * The "action" of knockout k is gene k's own expression x_k: in the observational regime it varies
 * (multifactorial shifts), in the do(G_k = 0) regime it is 0, and the query is x_a = x_b = 0.
 * Methods (all on DREAM4's published scale, every prediction clipped at 0 like the organisers'):
 * - sum-of-singles (the additive baseline): x_ab = x_a + x_b - x_wt per gene with regime means (the DREAM4 organisers' baseline);
 * - intervention-generalization (Kekić et al., eq. 4 with K = 2, linear regressions):
 *   m_a(x_b = 0) + m_b(x_a = 0) - m_obs(0, 0), where m_a regresses the gene on x_b in do(G_a = 0),
 *   m_b on x_a in do(G_b = 0), m_obs on (x_a, x_b) observationally;
 * - structure-aware (beyond Kekić et al.: their decomposition with only the allowed variables,
 *   linear terms, ancestors from the gold standard): one pooled least squares
 *   y = c + u_a[do(a)] + u_b[do(b)] + h_a(x_a, x_anc(a)) [not do(a)] + h_b(x_b, x_anc(b)) [not do(b)],
 *   predicting c + u_a + u_b;
 * - anm (Saengkyongam & Silva): their nonlinear ANM on the gold-standard DAG (G2 -> G6 removed),
 *   fitted by joint likelihood to all regimes after standardising each gene by its observational
 *   mean and sd; the dual knockout sets both genes to their standardised 0 and every other gene's
 *   mean is a Monte Carlo average over the fitted observational noise.
 * Scores: the DREAM4 metric, the mean squared error over all predicted values (every gene of every
 * pair, the two knocked-out genes included, as DREAM4 scored its 5 x 10 entries; those are 0 under
 * every method and about 1e-7 in the truth), and per gene, the MSE over the pairs that do not
 * knock it out.
 */
export const BENCHMARK_METHODS = ["sum-of-singles", "intervention-generalization", "structure-aware", "anm"] as const;
export type BenchmarkMethod = (typeof BENCHMARK_METHODS)[number];

export interface BenchmarkConfig {
  /** samples per regime: a list; each fit uses the first n samples of every regime */
  n: number[];
  /** GNW measurement-noise models applied to the simulated values (DREAM4: microarray) */
  noise: MeasurementNoiseModel[];
  seed: number;
  methods: BenchmarkMethod[];
  /** Monte Carlo rows for the ANM's interventional means */
  monteCarlo: number;
  /** multifactorial samples per pair for the second truth, the dual knockout's mean over the regimes' distribution */
  truthSamples: number;
}

export const BENCHMARK_DEFAULTS: BenchmarkConfig = {n: [12, 25, 50], noise: ["none", "normal", "microarray"], seed: 0, methods: [...BENCHMARK_METHODS], monteCarlo: 2000, truthSamples: 20};
/** the ANM's regime covariances need more rows than the 10 genes they model */
export const BENCHMARK_MIN_SAMPLES = 11;

export function validateBenchmarkConfig(c: BenchmarkConfig): void {
  if (!c || typeof c !== "object") fail("dual-knockout benchmark: expected a config object");
  if (!Array.isArray(c.n) || c.n.length === 0) fail("dual-knockout benchmark: n must be a non-empty list of sample sizes");
  for (const n of c.n) requireInteger("dual-knockout benchmark: samples per regime", n, BENCHMARK_MIN_SAMPLES, 10_000);
  if (new Set(c.n).size !== c.n.length) fail(`dual-knockout benchmark: n lists a value twice (${c.n.join(", ")})`);
  if (!Array.isArray(c.noise) || c.noise.length === 0) fail("dual-knockout benchmark: noise must be a non-empty list");
  for (const v of c.noise) if (!(MEASUREMENT_NOISE_MODELS as readonly string[]).includes(v)) fail(`dual-knockout benchmark: unknown noise "${v}" (known: ${MEASUREMENT_NOISE_MODELS.join(", ")})`);
  if (new Set(c.noise).size !== c.noise.length) fail("dual-knockout benchmark: noise lists a model twice");
  requireInteger("dual-knockout benchmark: seed", c.seed, 0);
  if (!Array.isArray(c.methods) || c.methods.length === 0) fail("dual-knockout benchmark: methods must be a non-empty list");
  for (const m of c.methods) if (!(BENCHMARK_METHODS as readonly string[]).includes(m)) fail(`dual-knockout benchmark: unknown method "${m}" (known: ${BENCHMARK_METHODS.join(", ")})`);
  if (new Set(c.methods).size !== c.methods.length) fail("dual-knockout benchmark: methods lists a method twice");
  requireInteger("dual-knockout benchmark: Monte Carlo rows", c.monteCarlo, 100, 1_000_000);
  requireInteger("dual-knockout benchmark: truth samples per pair", c.truthSamples, 2, 10_000);
}

/** The regimes as matrices: columns[g][r], gene g in sample r. */
export interface RegimeMatrices {
  genes: string[];
  observational: Float64Array[];
  /** knockout[k]: the do(G_k = 0) regime */
  knockout: Float64Array[][];
}

/** Tidy design rows (every gene's knockout regime present) into matrices. */
export function regimeMatrices(rows: readonly DesignRow[], genes: readonly string[]): RegimeMatrices {
  const index = new Map<string, Map<number, Float64Array>>();
  for (const row of rows) {
    const g = genes.indexOf(row.gene);
    if (g < 0) fail(`regime matrices: gene "${row.gene}" is not one of ${genes.join(", ")}`);
    if (!Number.isFinite(row.value)) fail(`regime matrices: ${row.regime} sample ${row.sample} gene ${row.gene}: value ${row.value}; expected a finite number`);
    let samples = index.get(row.regime);
    if (!samples) index.set(row.regime, (samples = new Map()));
    let v = samples.get(row.sample);
    if (!v) samples.set(row.sample, (v = new Float64Array(genes.length).fill(NaN)));
    if (!Number.isNaN(v[g])) fail(`regime matrices: ${row.regime} sample ${row.sample} gene ${row.gene} appears twice`);
    v[g] = row.value;
  }
  const matrix = (label: string): Float64Array[] => {
    const samples = index.get(label);
    if (!samples) fail(`regime matrices: regime ${label} missing`);
    const ordered = [...samples.entries()].sort((a, b) => a[0] - b[0]).map(([s, v]) => {
      if (v.some((x) => Number.isNaN(x))) fail(`regime matrices: ${label} sample ${s} lacks a gene`);
      return v;
    });
    return genes.map((_, g) => Float64Array.from(ordered, (v) => v[g]));
  };
  return {genes: [...genes], observational: matrix(regimeLabel(undefined)), knockout: genes.map((g) => matrix(regimeLabel(g)))};
}

const mean = (v: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s / v.length;
};

/** Least squares with a tiny ridge (1e-10 of the Gram's trace) so that a constant column never breaks the solve. */
function leastSquares(X: number[][], y: ArrayLike<number>): number[] {
  const A = new Matrix(X);
  const At = A.transpose();
  const G = At.mmul(A);
  let trace = 0;
  for (let i = 0; i < G.rows; i++) trace += G.get(i, i);
  for (let i = 0; i < G.rows; i++) G.set(i, i, G.get(i, i) + 1e-10 * (trace || 1));
  return solve(G, At.mmul(Matrix.columnVector(Array.from(y)))).to1DArray();
}

/** Per gene, the organisers' baseline from regime means. */
function predictAdditive(data: RegimeMatrices, a: number, b: number): Float64Array {
  return additiveBaseline(data.observational.map(mean), data.knockout[a].map(mean), data.knockout[b].map(mean));
}

function predictIg(data: RegimeMatrices, a: number, b: number): Float64Array {
  const obs = data.observational, ka = data.knockout[a], kb = data.knockout[b];
  return Float64Array.from(data.genes, (_, g) => {
    if (g === a || g === b) return 0;
    const mObs = leastSquares(Array.from(obs[a], (xa, r) => [1, xa, obs[b][r]]), obs[g])[0];
    const mA = leastSquares(Array.from(ka[b], (xb) => [1, xb]), ka[g])[0];
    const mB = leastSquares(Array.from(kb[a], (xa) => [1, xa]), kb[g])[0];
    return Math.max(0, mA + mB - mObs);
  });
}

/** Ancestors in the gold standard (cycles included): i is an ancestor of j if a directed path leads from i to j. */
export function goldStandardAncestors(genes: readonly string[], edges: readonly (readonly [string, string])[] = DREAM4_NET3_EDGES): boolean[][] {
  const n = genes.length;
  const reach = genes.map(() => new Array<boolean>(n).fill(false));
  for (const [from, to] of edges) {
    const i = genes.indexOf(from), j = genes.indexOf(to);
    if (i < 0 || j < 0) fail(`ancestors: edge ${from} -> ${to} names a gene not in ${genes.join(", ")}`);
    reach[i][j] = true;
  }
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) if (reach[i][k]) for (let j = 0; j < n; j++) if (reach[k][j]) reach[i][j] = true;
  return reach;
}

function predictStructureAware(data: RegimeMatrices, a: number, b: number, ancestors: boolean[][]): Float64Array {
  const regimes = [data.observational, data.knockout[a], data.knockout[b]];
  // columns: c, u_a, u_b, h_a: x_a (+ x_b if b is an ancestor of a), h_b: x_b (+ x_a if a is an ancestor of b)
  const row = (reg: number, x: Float64Array[], r: number) => {
    const notA = reg !== 1, notB = reg !== 2;
    const cols = [1, reg === 1 ? 1 : 0, reg === 2 ? 1 : 0, notA ? x[a][r] : 0];
    if (ancestors[b][a]) cols.push(notA ? x[b][r] : 0);
    cols.push(notB ? x[b][r] : 0);
    if (ancestors[a][b]) cols.push(notB ? x[a][r] : 0);
    return cols;
  };
  const X = regimes.flatMap((x, reg) => Array.from(x[0], (_, r) => row(reg, x, r)));
  return Float64Array.from(data.genes, (_, g) => {
    if (g === a || g === b) return 0;
    const w = leastSquares(X, Float64Array.from(regimes.flatMap((x) => Array.from(x[g]))));
    return Math.max(0, w[0] + w[1] + w[2]);
  });
}

/** The ANM fitted once per dataset (all regimes), with the standardisation it was fitted on. */
export interface AnmBenchmarkFit {
  model: AnmModel;
  /** gene index of each DAG node */
  geneOf: number[];
  mean: number[];
  sd: number[];
}

export function fitBenchmarkAnm(data: RegimeMatrices): AnmBenchmarkFit {
  const {names, parents} = dream4Dag();
  const geneOf = names.map((name) => {
    const g = data.genes.indexOf(name);
    if (g < 0) fail(`ANM benchmark: gene ${name} of the DAG is not in the data`);
    return g;
  });
  const mu = data.observational.map(mean);
  const sd = data.observational.map((col, g) => Math.sqrt(mean(Array.from(col, (v) => (v - mu[g]) ** 2))));
  sd.forEach((s, g) => {
    if (!(s > 0)) fail(`ANM benchmark: gene ${data.genes[g]} is constant in the observational regime; it cannot be standardised`);
  });
  const std = (x: Float64Array[]) => geneOf.map((g) => x[g].map((v) => (v - mu[g]) / sd[g]));
  const K = names.length - 1;
  const fit = fitJointLikelihood({names, parents, mechanism: "nonlinear"}, {observational: std(data.observational), single: geneOf.slice(0, K).map((g) => std(data.knockout[g]))});
  return {model: {names, parents, mechanism: "nonlinear", theta: fit.theta, sigma: fit.sigmas[0]}, geneOf, mean: mu, sd};
}

/** Every gene's mean under do(G_a = 0, G_b = 0) in the fitted ANM (Monte Carlo over its observational noise), on the data's scale. */
export function predictAnm(fit: AnmBenchmarkFit, a: number, b: number, rows: number, seed: number): Float64Array {
  const {model, geneOf} = fit;
  const d = model.names.length;
  const L = choleskyOrJitter(model.sigma);
  const rng = randomStream(seed, "dream4-benchmark", "anm-monte-carlo", a, b);
  const noise = Array.from({length: d}, () => new Float64Array(rows));
  const z = new Float64Array(d);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < d; j++) z[j] = standardNormal(rng);
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k <= j; k++) s += L[j * d + k] * z[k];
      noise[j][r] = s;
    }
  }
  const columns: Float64Array[] = [];
  for (let j = 0; j < d; j++) {
    const g = geneOf[j];
    if (g === a || g === b) columns.push(new Float64Array(rows).fill((0 - fit.mean[g]) / fit.sd[g]));
    else {
      const col = nodeMean(model, model.theta[j], j, columns, rows);
      for (let r = 0; r < rows; r++) col[r] += noise[j][r];
      columns.push(col);
    }
  }
  const out = new Float64Array(geneOf.length);
  geneOf.forEach((g, j) => (out[g] = g === a || g === b ? 0 : Math.max(0, fit.mean[g] + fit.sd[g] * mean(columns[j]))));
  return out;
}

function choleskyOrJitter(S: number[][]): Float64Array {
  const d = S.length;
  for (let jitter = 0; jitter < 1; jitter = jitter === 0 ? 1e-10 : jitter * 10) {
    const L = new Float64Array(d * d);
    let ok = true;
    for (let j = 0; j < d && ok; j++) {
      let s = S[j][j] + jitter;
      for (let k = 0; k < j; k++) s -= L[j * d + k] ** 2;
      if (!(s > 0)) ok = false;
      else {
        L[j * d + j] = Math.sqrt(s);
        for (let i = j + 1; i < d; i++) {
          let t = S[i][j];
          for (let k = 0; k < j; k++) t -= L[i * d + k] * L[j * d + k];
          L[i * d + j] = t / L[j * d + j];
        }
      }
    }
    if (ok) return L;
  }
  fail("ANM benchmark: the fitted observational covariance is not positive definite");
}

/** Predictions of one method for a pair, every gene (the knocked-out ones are 0). */
export function predictPair(method: BenchmarkMethod, data: RegimeMatrices, a: number, b: number, context: {ancestors: boolean[][]; anm?: AnmBenchmarkFit; monteCarlo: number; seed: number}): Float64Array {
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= data.genes.length || b >= data.genes.length || a === b) fail(`predict pair: genes ${a} and ${b} must be two different indices in 0..${data.genes.length - 1}`);
  switch (method) {
    case "sum-of-singles": {
      const p = predictAdditive(data, a, b);
      p[a] = p[b] = 0;
      return p;
    }
    case "intervention-generalization":
      return predictIg(data, a, b);
    case "structure-aware":
      return predictStructureAware(data, a, b, context.ancestors);
    case "anm":
      if (!context.anm) fail("predict pair: the ANM needs its fit");
      return predictAnm(context.anm, a, b, context.monteCarlo, context.seed);
    default: {
      const unknown: never = method;
      fail(`predict pair: unknown method "${unknown as string}" (known: ${BENCHMARK_METHODS.join(", ")})`);
    }
  }
}

export interface BenchmarkRow {
  n: number;
  noise: string;
  method: string;
  pair: string;
  /** 1 for the five pairs DREAM4 asked for */
  challenge: number;
  gene: string;
  prediction: number;
  /** GNW's noise-free dual-knockout steady state (published scale): what DREAM4 scored */
  truth: number;
  /** the dual knockout's mean over the multifactorial distribution the regimes come from (Monte Carlo), what the estimators target */
  truth_mean: number;
  /** its Monte Carlo standard error */
  truth_mean_se: number;
  /** the organisers' baseline on the noise-free wild type and single knockouts: truth - this is the non-additive part */
  additive_exact: number;
}

/** Noise-free wild type and single knockouts, and the additive baseline from them for every pair (published scale). */
export function exactAdditive(model: GnwModel): Map<string, Float64Array> {
  const N = model.genes.length;
  const results = simulateExperiments(model, [wildTypeExperiment(), ...knockoutExperiments(model, model.genes.map((_, i) => [i]))]);
  const v = results.map((r) => Float64Array.from(r.x, (x) => x / DREAM4_NET3_SCALE));
  const out = new Map<string, Float64Array>();
  for (const [a, b] of allPairs(model)) {
    const p = additiveBaseline(v[0], v[1 + a], v[1 + b]);
    p[a] = p[b] = 0;
    out.set(`${model.genes[a].name}+${model.genes[b].name}`, p);
  }
  if (out.size !== (N * (N - 1)) / 2) fail("exact additive: pair count");
  return out;
}

/** Measurement noise on design rows (model units: published values x C), streams per (noise, regime, sample): adding a size never changes smaller ones. */
export function withMeasurementNoise(rows: readonly DesignRow[], noise: MeasurementNoiseModel, seed: number): DesignRow[] {
  if (noise === "none") return rows.map((r) => ({...r}));
  const streams = new Map<string, ReturnType<typeof randomStream>>();
  return rows.map((r) => {
    const key = `${r.regime}#${r.sample}`;
    let rng = streams.get(key);
    if (!rng) streams.set(key, (rng = randomStream(seed, "dream4-benchmark", "measurement", noise, r.regime, r.sample)));
    return {...r, value: addMeasurementNoise(r.value * DREAM4_NET3_SCALE, noise, rng) / DREAM4_NET3_SCALE};
  });
}

/** The whole benchmark: one simulation of every regime at the largest n, then every (n, noise) cell. */
export function runBenchmark(model: GnwModel, config: BenchmarkConfig, onProgress?: (message: string) => void): BenchmarkRow[] {
  validateBenchmarkConfig(config);
  const nMax = Math.max(...config.n);
  const genes = model.genes.map((g) => g.name);
  onProgress?.(`simulating ${nMax} multifactorial samples in each of ${genes.length + 1} regimes`);
  const design = singleKnockoutRegimes(model, {samplesPerRegime: nMax, seed: config.seed});
  onProgress?.("simulating the 45 dual knockouts");
  const truth = new Map<string, Float64Array>();
  for (const t of dualKnockoutTruth(model, {truth: "dream4"})) {
    let v = truth.get(t.pair);
    if (!v) truth.set(t.pair, (v = new Float64Array(genes.length)));
    v[genes.indexOf(t.gene)] = t.value;
  }
  onProgress?.(`simulating ${config.truthSamples} multifactorial samples of each dual knockout`);
  const truthMean = new Map<string, {value: Float64Array; se: Float64Array}>();
  for (const t of dualKnockoutTruth(model, {truth: "interventional-mean", samples: config.truthSamples, seed: config.seed})) {
    let v = truthMean.get(t.pair);
    if (!v) truthMean.set(t.pair, (v = {value: new Float64Array(genes.length), se: new Float64Array(genes.length)}));
    v.value[genes.indexOf(t.gene)] = t.value;
    v.se[genes.indexOf(t.gene)] = t.se;
  }
  const additiveExact = exactAdditive(model);
  const ancestors = goldStandardAncestors(genes);
  const challenge = new Set<string>(DREAM4_NET3_CHALLENGE_PAIRS);
  const rows: BenchmarkRow[] = [];
  for (const noise of config.noise) {
    const noisy = withMeasurementNoise(design, noise, config.seed);
    for (const n of [...config.n].sort((x, y) => x - y)) {
      onProgress?.(`fitting: noise ${noise}, n = ${n}`);
      const data = regimeMatrices(noisy.filter((r) => r.sample < n), genes);
      const anm = config.methods.includes("anm") ? fitBenchmarkAnm(data) : undefined;
      for (const method of config.methods)
        for (const [a, b] of allPairs(model)) {
          const pair = `${genes[a]}+${genes[b]}`;
          const p = predictPair(method, data, a, b, {ancestors, anm, monteCarlo: config.monteCarlo, seed: config.seed});
          const tr = truth.get(pair)!, tm = truthMean.get(pair)!, ex = additiveExact.get(pair)!;
          genes.forEach((gene, g) => rows.push({n, noise, method, pair, challenge: challenge.has(pair) || challenge.has(`${genes[b]}+${genes[a]}`) ? 1 : 0, gene, prediction: p[g], truth: tr[g], truth_mean: tm.value[g], truth_mean_se: tm.se[g], additive_exact: ex[g]}));
        }
    }
  }
  return rows;
}

export interface ScoreRow {
  n: number;
  noise: string;
  method: string;
  /** "all" (45 pairs), "dream4" (the 5 challenge pairs) or a pair */
  set: string;
  /** mean squared error over every gene of the set's pairs (DREAM4's metric: knocked-out genes included) */
  mse: number;
  /** mean over pairs of the method's rank by that pair's MSE (1 = best; ties share the mean rank) */
  mean_rank: number;
  pairs: number;
}

/** The DREAM4 metric per (n, noise, method) over all pairs, over the challenge pairs, and per pair; ranks among the methods present. */
export function scoreBenchmark(rows: readonly BenchmarkRow[], against: "truth" | "truth_mean" = "truth"): ScoreRow[] {
  // per (cell, method, pair): squared error sum and count
  const perPair = new Map<string, {n: number; noise: string; method: string; pair: string; challenge: number; se: number; count: number}>();
  for (const r of rows) {
    const truth = r[against];
    if (!Number.isFinite(r.prediction) || !Number.isFinite(truth)) fail(`score: ${r.method} ${r.pair} ${r.gene}: prediction ${r.prediction}, truth ${truth}; expected finite numbers`);
    const key = JSON.stringify([r.n, r.noise, r.method, r.pair]);
    let e = perPair.get(key);
    if (!e) perPair.set(key, (e = {n: r.n, noise: r.noise, method: r.method, pair: r.pair, challenge: r.challenge, se: 0, count: 0}));
    e.se += (r.prediction - truth) ** 2;
    e.count++;
  }
  const entries = [...perPair.values()].map((e) => ({...e, mse: e.se / e.count}));
  // ranks within (cell, pair)
  const rank = new Map<(typeof entries)[number], number>();
  const groups = new Map<string, typeof entries>();
  for (const e of entries) {
    const key = JSON.stringify([e.n, e.noise, e.pair]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(e);
  }
  for (const g of groups.values())
    for (const e of g) {
      const below = g.filter((o) => o.mse < e.mse).length, equal = g.filter((o) => o.mse === e.mse).length;
      rank.set(e, below + (equal + 1) / 2);
    }
  const out: ScoreRow[] = [];
  const cells = new Map<string, typeof entries>();
  for (const e of entries) {
    const key = JSON.stringify([e.n, e.noise, e.method]);
    let c = cells.get(key);
    if (!c) cells.set(key, (c = []));
    c.push(e);
  }
  for (const c of cells.values()) {
    const {n, noise, method} = c[0];
    const summary = (set: string, list: typeof entries) => {
      if (!list.length) return;
      const se = list.reduce((s, e) => s + e.se, 0), count = list.reduce((s, e) => s + e.count, 0);
      out.push({n, noise, method, set, mse: se / count, mean_rank: list.reduce((s, e) => s + rank.get(e)!, 0) / list.length, pairs: list.length});
    };
    summary("all", c);
    summary("dream4", c.filter((e) => e.challenge === 1));
    for (const e of c) summary(e.pair, [e]);
  }
  return out;
}

export interface GeneScoreRow {
  n: number;
  noise: string;
  method: string;
  gene: string;
  /** mean squared error of this gene over the pairs that do not knock it out */
  mse: number;
  pairs: number;
}

/** Per gene: the MSE of each method's prediction of that gene over the pairs that leave it in place (36 of 45 for ten genes). */
export function scoreByGene(rows: readonly BenchmarkRow[], against: "truth" | "truth_mean" = "truth"): GeneScoreRow[] {
  const cells = new Map<string, GeneScoreRow & {se: number}>();
  for (const r of rows) {
    if (r.pair.split("+").includes(r.gene)) continue;
    const truth = r[against];
    if (!Number.isFinite(r.prediction) || !Number.isFinite(truth)) fail(`score: ${r.method} ${r.pair} ${r.gene}: prediction ${r.prediction}, truth ${truth}; expected finite numbers`);
    const key = JSON.stringify([r.n, r.noise, r.method, r.gene]);
    let c = cells.get(key);
    if (!c) cells.set(key, (c = {n: r.n, noise: r.noise, method: r.method, gene: r.gene, mse: 0, pairs: 0, se: 0}));
    c.se += (r.prediction - truth) ** 2;
    c.pairs++;
  }
  return [...cells.values()].map(({se, ...c}) => ({...c, mse: se / c.pairs}));
}
