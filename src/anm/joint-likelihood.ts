import {solveRidgeSystem} from "../regression/linear-solve.js";
import {fail} from "../validate.js";
import {outcomeIndex, requireStructure, type AnmModel} from "./anm-model.js";
import {requireSample, type AnmSample} from "./anm-sampling.js";
import {parameterLayout, regimeGram, type ParameterLayout, type RegimeGram} from "./regime-gram.js";
import {logDetAndInverse, regularizeCovariance} from "./small-covariance.js";

/** Observational rows and one dataset per intervened treatment (single[k]: do(X_k)). */
export interface AnmTrainingData {
  observational: AnmSample;
  single: AnmSample[];
}

export interface JointLikelihoodOptions {
  /**
   * "converged": exact GLS parameter steps, iterate until the log-likelihood gains less than
   * tolerance * (1 + |l|). "paper": the authors' scheme as far as it is documented: a fixed
   * number of outer iterations, each running `adamSteps` Adam steps on the parameters from zero.
   */
  mode?: "converged" | "paper";
  tolerance?: number;
  maxIterations?: number;
  /** paper mode: outer iterations (30), Adam steps per outer iteration (100), learning rate (0.01) */
  outerIterations?: number;
  adamSteps?: number;
  learningRate?: number;
  /** "sum": eq. (6), every row counts once; "mean": each regime's mean log-likelihood */
  weighting?: "sum" | "mean";
}

export const JOINT_LIKELIHOOD_DEFAULTS: Required<JointLikelihoodOptions> = {mode: "converged", tolerance: 1e-10, maxIterations: 1000, outerIterations: 30, adamSteps: 100, learningRate: 0.01, weighting: "sum"};

export interface JointLikelihoodFit {
  theta: number[][];
  /** sigmas[0]: observational (all nodes); sigmas[k + 1]: do(X_k) (node k dropped) */
  sigmas: number[][][];
  /** combined log-likelihood after each covariance step (eq. 6 or its per-regime mean) */
  logLikelihood: number[];
  iterations: number;
  converged: boolean;
  /** covariance steps where a nearly singular residual covariance had to be regularized */
  regularized: number;
}

/** The regimes' sufficient statistics, computed once per dataset. */
export function trainingGrams(model: Pick<AnmModel, "names" | "parents" | "mechanism">, data: AnmTrainingData): {layout: ParameterLayout; grams: RegimeGram[]} {
  requireStructure("trainingGrams: model", model);
  const K = outcomeIndex(model);
  const d = model.names.length;
  if (!data || typeof data !== "object") fail("trainingGrams: expected training data with observational and single-intervention samples");
  if (!Array.isArray(data.observational)) fail("trainingGrams: regime observational missing");
  requireSample("trainingGrams: regime observational", data.observational, d, 1, model.names);
  if (!Array.isArray(data.single)) fail(`trainingGrams: single-intervention regimes missing; expected ${K}`);
  for (let k = 0; k < Math.max(K, data.single.length); k++) {
    if (k >= K) fail(`trainingGrams: ${data.single.length} single-intervention datasets for ${K} treatments; expected exactly one per treatment`);
    if (!Array.isArray(data.single[k])) fail(`trainingGrams: regime do(${model.names[k]}) missing; expected ${K} single-intervention datasets, one per treatment`);
    requireSample(`trainingGrams: regime do(${model.names[k]})`, data.single[k], d, 1, model.names);
  }
  const layout = parameterLayout(model);
  const all = model.names.map((_, j) => j);
  const grams = [regimeGram(layout, data.observational, all), ...data.single.map((s, k) => regimeGram(layout, s, all.filter((j) => j !== k)))];
  grams.forEach((g, r) => {
    if (g.n <= g.nodes.length) fail(`trainingGrams: regime ${r === 0 ? "observational" : `do(${model.names[r - 1]})`} has ${g.n} rows; the joint likelihood needs more rows than the ${g.nodes.length} variables it models`);
  });
  return {layout, grams};
}

/**
 * Maximum likelihood over shared mean parameters and one free noise covariance per regime
 * (Saengkyongam & Silva, Section 5), by alternating closed-form steps.
 */
export function fitJointLikelihood(model: Pick<AnmModel, "names" | "parents" | "mechanism">, data: AnmTrainingData, options: JointLikelihoodOptions = {}): JointLikelihoodFit {
  const {layout, grams} = trainingGrams(model, data);
  return fitJointLikelihoodFromGrams(layout, grams, options);
}

/** The same fit from the regimes' sufficient statistics, so that several fits (and REG) share one pass over the rows. */
export function fitJointLikelihoodFromGrams(layout: ParameterLayout, grams: RegimeGram[], options: JointLikelihoodOptions = {}): JointLikelihoodFit {
  const o = {...JOINT_LIKELIHOOD_DEFAULTS, ...options};
  requireOptions(o);
  if (!Array.isArray(grams) || grams.length === 0) fail("fitJointLikelihood: no regimes; expected the observational regime's statistics at least");
  grams.forEach((g, r) => {
    if (!g || g.dim !== layout.P + layout.counts.length || g.G?.length !== g.dim * g.dim) fail(`fitJointLikelihood: regime ${r}'s statistics do not match the parameter layout`);
    if (g.n <= g.nodes.length) fail(`fitJointLikelihood: regime ${r} has ${g.n} rows; the joint likelihood needs more rows than the ${g.nodes.length} variables it models`);
  });
  const weights = grams.map((g) => (o.weighting === "mean" ? 1 / g.n : 1));
  const logLikelihood: number[] = [];
  let regularized = 0;
  const covarianceStep = (theta: Float64Array) =>
    grams.map((g) => {
      const S = residualCovariance(layout, g, theta);
      const fixed = regularizeCovariance(S);
      if (fixed.jitter > 0) regularized++;
      return fixed.matrix;
    });
  const record = (theta: Float64Array, sigmas: number[][][]) => {
    let total = 0;
    grams.forEach((g, r) => (total += weights[r] * regimeLogLikelihood(layout, g, theta, sigmas[r])));
    logLikelihood.push(total);
    return total;
  };

  let theta: Float64Array;
  let sigmas: number[][][];
  let converged = false;
  let iterations = 0;
  if (o.mode === "converged") {
    theta = glsStep(layout, grams, weights, grams.map((g) => identity(g.nodes.length)));
    sigmas = covarianceStep(theta);
    let previous = record(theta, sigmas);
    while (iterations < o.maxIterations) {
      iterations++;
      theta = glsStep(layout, grams, weights, sigmas);
      sigmas = covarianceStep(theta);
      const current = record(theta, sigmas);
      if (Math.abs(current - previous) <= o.tolerance * (1 + Math.abs(current))) {
        converged = true;
        break;
      }
      previous = current;
    }
  } else {
    theta = new Float64Array(layout.P);
    const adam = {m: new Float64Array(layout.P), v: new Float64Array(layout.P), t: 0};
    sigmas = covarianceStep(theta);
    record(theta, sigmas);
    // Adam on the sum of per-regime mean negative log-likelihoods, as the authors' code does.
    const adamWeights = grams.map((g) => 1 / g.n);
    for (iterations = 1; iterations <= o.outerIterations; iterations++) {
      const {A, b} = normalEquations(layout, grams, adamWeights, sigmas);
      for (let s = 0; s < o.adamSteps; s++) adamStep(A, b, theta, adam, o.learningRate);
      sigmas = covarianceStep(theta);
      record(theta, sigmas);
    }
    iterations = o.outerIterations;
  }
  return {theta: unstack(layout, theta), sigmas, logLikelihood, iterations, converged, regularized};
}

/** Residual covariance (ddof 0) of regime g's modelled nodes at parameters theta, read off the Gram. */
export function residualCovariance(layout: ParameterLayout, g: RegimeGram, theta: Float64Array): number[][] {
  const {G, dim, nodes, n} = g;
  const {offsets, counts, P} = layout;
  // c[j][l] = E_sum[(x_j - phi_j theta_j)(x_l - phi_l theta_l)]
  const phiTheta_x = (j: number, l: number) => {
    let s = 0;
    for (let a = 0; a < counts[j]; a++) s += theta[offsets[j] + a] * G[(offsets[j] + a) * dim + P + l];
    return s;
  };
  const phiTheta_phiTheta = (j: number, l: number) => {
    let s = 0;
    for (let a = 0; a < counts[j]; a++) {
      const ta = theta[offsets[j] + a];
      if (ta === 0) continue;
      const row = (offsets[j] + a) * dim + offsets[l];
      for (let b = 0; b < counts[l]; b++) s += ta * G[row + b] * theta[offsets[l] + b];
    }
    return s;
  };
  return nodes.map((j) => nodes.map((l) => (G[(P + j) * dim + P + l] - phiTheta_x(l, j) - phiTheta_x(j, l) + phiTheta_phiTheta(j, l)) / n));
}

/** Gaussian log-likelihood of regime g's rows at (theta, sigma). */
export function regimeLogLikelihood(layout: ParameterLayout, g: RegimeGram, theta: Float64Array, sigma: number[][]): number {
  const S = residualCovariance(layout, g, theta);
  const {logDet, inverse} = logDetAndInverse(sigma);
  let trace = 0;
  for (let a = 0; a < S.length; a++) for (let b = 0; b < S.length; b++) trace += inverse[a][b] * S[b][a];
  return (-g.n / 2) * (S.length * Math.log(2 * Math.PI) + logDet + trace);
}

/** Normal equations of the weighted GLS problem: sum_r w_r sum_rows (x - B theta)' Sigma_r^-1 (x - B theta). */
function normalEquations(layout: ParameterLayout, grams: RegimeGram[], weights: number[], sigmas: number[][][]): {A: Float64Array; b: Float64Array} {
  const {offsets, counts, P} = layout;
  const A = new Float64Array(P * P);
  const b = new Float64Array(P);
  grams.forEach((g, r) => {
    const {inverse} = logDetAndInverse(sigmas[r]);
    const {G, dim, nodes} = g;
    nodes.forEach((j, jj) => {
      nodes.forEach((l, ll) => {
        const w = weights[r] * inverse[jj][ll];
        if (w === 0) return;
        for (let a = 0; a < counts[j]; a++) {
          const row = (offsets[j] + a) * dim;
          const arow = (offsets[j] + a) * P + offsets[l];
          for (let c = 0; c < counts[l]; c++) A[arow + c] += w * G[row + offsets[l] + c];
          b[offsets[j] + a] += w * G[row + P + l];
        }
      });
    });
  });
  return {A, b};
}

function glsStep(layout: ParameterLayout, grams: RegimeGram[], weights: number[], sigmas: number[][][]): Float64Array {
  const {A, b} = normalEquations(layout, grams, weights, sigmas);
  return solveRidgeSystem(A, layout.P, 0, b);
}

/** One Adam step (Kingma & Ba defaults) on the quadratic 0.5 theta' A theta - b' theta. */
function adamStep(A: Float64Array, b: Float64Array, theta: Float64Array, s: {m: Float64Array; v: Float64Array; t: number}, lr: number): void {
  const P = theta.length;
  s.t++;
  const c1 = 1 - 0.9 ** s.t, c2 = 1 - 0.999 ** s.t;
  for (let i = 0; i < P; i++) {
    let g = -b[i];
    for (let j = 0; j < P; j++) g += A[i * P + j] * theta[j];
    s.m[i] = 0.9 * s.m[i] + 0.1 * g;
    s.v[i] = 0.999 * s.v[i] + 0.001 * g * g;
  }
  for (let i = 0; i < P; i++) theta[i] -= (lr * (s.m[i] / c1)) / (Math.sqrt(s.v[i] / c2) + 1e-8);
}

const identity = (d: number) => Array.from({length: d}, (_, i) => Array.from({length: d}, (_, j) => (i === j ? 1 : 0)));

function unstack(layout: ParameterLayout, theta: Float64Array): number[][] {
  return layout.offsets.map((o, j) => Array.from(theta.subarray(o, o + layout.counts[j])));
}

export function stack(theta: number[][]): Float64Array {
  return Float64Array.from(theta.flat());
}

function requireOptions(o: Required<JointLikelihoodOptions>): void {
  switch (o.mode) {
    case "converged":
    case "paper":
      break;
    default: {
      const unknown: never = o.mode;
      fail(`fitJointLikelihood: unknown mode ${JSON.stringify(unknown)}; expected converged or paper`);
    }
  }
  switch (o.weighting) {
    case "sum":
    case "mean":
      break;
    default: {
      const unknown: never = o.weighting;
      fail(`fitJointLikelihood: unknown weighting ${JSON.stringify(unknown)}; expected sum or mean`);
    }
  }
  if (!(o.tolerance > 0) || !Number.isFinite(o.tolerance)) fail(`fitJointLikelihood: tolerance ${o.tolerance}; expected a positive finite number`);
  if (!(o.learningRate > 0) || !Number.isFinite(o.learningRate)) fail(`fitJointLikelihood: learning rate ${o.learningRate}; expected a positive finite number`);
  for (const [name, v] of [["maxIterations", o.maxIterations], ["outerIterations", o.outerIterations], ["adamSteps", o.adamSteps]] as const)
    if (!Number.isInteger(v) || v < 1) fail(`fitJointLikelihood: ${name} ${v}; expected an integer >= 1`);
}
