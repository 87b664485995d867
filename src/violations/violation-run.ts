import {detectAncestors} from "../estimators/ancestor-detection.js";
import {fitMethods, predictFitted} from "../experiments/score-methods.js";
import {splitSizes} from "../experiments/run-data.js";
import type {MethodId} from "../estimators/methods.js";
import {predict, type PolynomialModel} from "../regression/polynomial-regression.js";
import {momentLayout, accumulateFolds} from "../regression/moments.js";
import {jointRegime, mixedRegime, observationalRegime, singleRegime} from "../scm/regime.js";
import {interventionsFromSample, type RegimeSample} from "../scm/sample-regime.js";
import {fail, requireInteger} from "../validate.js";
import {pilotTest, separabilityCheck, sinksOf} from "./detection.js";
import {blockInterventionGeneralization, fitSumOfSingles, predictSumOfSingles} from "./extra-methods.js";
import {violatedJointEffect} from "./violated-effect.js";
import {singleInterventions, violatedSampler} from "./violated-sampler.js";
import {requireViolation, violatedScm} from "./violated-scm.js";
import {ALL_VIOLATION_KIND_IDS, isAnmKind, type AnyViolationKind} from "./violation-kinds.js";
import type {AnmViolationKind} from "./anm-violations.js";
import {anmViolationData, fitAnmViolation} from "./anm-violation-run.js";
import {anmViolationEffect} from "./anm-violations.js";

/** The methods the violation experiment scores: six of the site's plus the two of extra-methods.ts. */
export const VIOLATION_METHODS = ["intervention-generalization", "ig-projected", "ig-shared-alpha", "structure-aware", "observational", "joint-topline", "sum-of-singles", "block-ig", "anm", "reg"] as const;
export type ViolationMethod = (typeof VIOLATION_METHODS)[number];
const SITE_METHODS: MethodId[] = ["intervention-generalization", "ig-projected", "ig-shared-alpha", "structure-aware", "observational", "joint-topline"];

/** Labels of the two methods only the violation lab runs (the others are the site's). */
export const VIOLATION_ONLY_METHODS = [
  {id: "sum-of-singles", label: "Sum of single effects (additive baseline)"},
  {id: "block-ig", label: "Block IG (Corollary 1)"},
] as const;

/** What each check is, for tables and legends. */
export function checkLabel(check: CheckId): string {
  const m = /^pilot-(ig|sa|anm)-(\d+)$/.exec(check);
  if (m) return `Pilot test of ${m[1] === "ig" ? "IG" : m[1] === "sa" ? "structure-aware" : "the ANM"} (${m[2]} joint rows)`;
  const rest = check as Exclude<CheckId, `pilot-${string}`>;
  switch (rest) {
    case "separability":
      return "Separability in a sink's experiment (no joint data)";
    case "gaussianity":
      return "Gaussianity of the ANM's residuals (no joint data)";
    case "graph-lr":
      return "DAG vs complete DAG, likelihood ratio (no joint data)";
    default: {
      const never: never = rest;
      return fail(`checkLabel: unknown check ${String(never)}`);
    }
  }
}

/**
 * The block remedy needs a block experiment; the lab runs it where the violation is a shared
 * confounder. Saengkyongam & Silva's ANM estimator and its REG baseline run on the ANM kinds.
 */
export function methodsFor(kind: AnyViolationKind): ViolationMethod[] {
  if (isAnmKind(kind)) return VIOLATION_METHODS.filter((m) => m !== "block-ig");
  return VIOLATION_METHODS.filter((m) => (m !== "block-ig" || kind === "shared-confounder") && m !== "anm" && m !== "reg");
}

export const PILOT_SIZES = [100, 300, 1000] as const;
type PilotSize = (typeof PILOT_SIZES)[number];
/**
 * Checks: the pilot test of an estimator's predictions at each pilot size (IG and structure-aware
 * on the additive SCM; IG and the ANM on the ANM), and the checks that need no joint data:
 * separability (additive SCM), the Gaussianity of the ANM's residuals and the likelihood ratio
 * of its DAG against the complete DAG (ANM).
 */
export const CHECK_IDS = [...PILOT_SIZES.flatMap((m) => [`pilot-ig-${m}`, `pilot-sa-${m}`, `pilot-anm-${m}`] as const), "separability", "gaussianity", "graph-lr"] as const;
export type CheckId = `pilot-${"ig" | "sa" | "anm"}-${PilotSize}` | "separability" | "gaussianity" | "graph-lr";

export function checksFor(kind: AnyViolationKind): CheckId[] {
  const anm = isAnmKind(kind);
  return [...PILOT_SIZES.flatMap((m): CheckId[] => [`pilot-ig-${m}`, anm ? `pilot-anm-${m}` : `pilot-sa-${m}`]), ...(anm ? (["gaussianity", "graph-lr"] as const) : (["separability"] as const))];
}

export interface ViolationRunSettings {
  kind: AnyViolationKind;
  K: number;
  lambda: number;
  /** rows of each dataset (observational, each single, joint topline) before the 80/20 split */
  n: number;
  /** the SCM's seed (run r of a sweep uses seed + r) */
  seed: number;
  folds?: number;
  testFraction?: number;
}

export interface ViolationMethodScore {
  method: ViolationMethod;
  /** RMSE against the exact E[Y | do(a)] over the joint test actions */
  rmseTruth: number;
  /** the same RMSE in units of s, the sd of the SCM's additive part (the unit of lambda) */
  relRmse: number;
  /** mean signed error (prediction - truth) in units of s */
  relBias: number;
}

export interface ViolationRunResult {
  scale: number;
  pair: [number, number];
  scores: ViolationMethodScore[];
  checks: {check: CheckId; p: number}[];
}

/**
 * One run's fitted methods on a violated SCM, as predictors: draws every dataset of one violated
 * SCM (observational, each single intervention (narrower under `narrow`), the block {i, j} under
 * `shared-confounder`, joint training rows for the topline, a joint test split and a 1000-row
 * joint pilot) and fits every applicable method. The query distribution is the paper's:
 * independent Gaussians with the observational actions' means and sds. `truth` is the
 * closed-form E[Y | do(a)]; `scale` is the unit errors are reported in (s, the sd of the additive
 * part, on the additive SCM; the sd of the exact effect over the test points on the ANM).
 */
export interface ViolationFits {
  K: number;
  scale: number;
  pair: [number, number];
  query: {mean: number[]; std: number[]};
  methods: ViolationMethod[];
  predict(x: ArrayLike<number>[]): Map<ViolationMethod, Float64Array>;
  truth(x: ArrayLike<number>[]): Float64Array;
  test: {actions: Float64Array[]};
  pilot: {actions: Float64Array[]; outcome: Float64Array};
  /** the checks that need no joint data, already run */
  noJointChecks: {check: CheckId; p: number}[];
}

function checkSettings(s: ViolationRunSettings): {folds: number; testFraction: number} {
  if (!s || typeof s !== "object") fail(`runViolation: expected settings, found ${String(s)}`);
  const folds = s.folds ?? 3;
  const testFraction = s.testFraction ?? 0.2;
  requireInteger("runViolation: K", s.K, 1, 50);
  requireInteger("runViolation: n", s.n, 50, 1e8);
  requireInteger("runViolation: folds", folds, 2, 20);
  requireInteger("runViolation: seed", s.seed, 0, 2 ** 31 - 1);
  if (!(testFraction > 0 && testFraction < 1)) fail(`runViolation: test fraction must be in (0, 1), found ${testFraction}`);
  if (ALL_VIOLATION_KIND_IDS.includes(s.kind) && isAnmKind(s.kind)) {
    if (s.K !== 3) fail(`runViolation: the ANM violations use Saengkyongam & Silva's K = 3 model; K must be 3, found ${s.K}`);
    if (!(s.lambda >= 0 && s.lambda <= 1)) fail(`runViolation: lambda of ${s.kind} must be in [0, 1], found ${s.lambda}`);
  } else requireViolation("runViolation", s.kind, s.lambda, s.K);
  return {folds, testFraction};
}

export function violationFits(s: ViolationRunSettings): ViolationFits {
  const {folds, testFraction} = checkSettings(s);
  if (isAnmKind(s.kind)) return anmViolationFits({...s, kind: s.kind}, folds, testFraction);
  const kind = s.kind;
  const {K, seed, n} = s;
  const v = violatedScm(K, seed, kind, s.lambda);
  const {nTrain, nTest} = splitSizes(n, testFraction);
  const draw = (regime: Parameters<typeof violatedSampler>[1], rows: number, interventions?: Parameters<typeof violatedSampler>[3], label = "data"): RegimeSample => violatedSampler(v, regime, seed, interventions, label)(rows);

  const obs = draw(observationalRegime(K), nTrain);
  const query = interventionsFromSample(obs);
  const singleDist = singleInterventions(v, query);
  const single = Array.from({length: K}, (_, k) => draw(singleRegime(K, k), nTrain, singleDist));
  const jointNext = violatedSampler(v, jointRegime(K), seed, query, "data");
  const jointTrain = jointNext(nTrain);
  const test = jointNext(nTest);
  const pilot = draw(jointRegime(K), Math.max(...PILOT_SIZES), query, "pilot");

  const layout = momentLayout(3, obs.actions, obs.outcome);
  const foldsOf = (x: RegimeSample) => accumulateFolds(layout, x.actions, x.outcome, nTrain, folds);
  const training = {layout, K, observational: foldsOf(obs), single: single.map(foldsOf), joint: foldsOf(jointTrain)};
  const fitted = fitMethods(training, training.observational, SITE_METHODS, "paper", query);
  const sums = fitSumOfSingles(single, obs.outcome, nTrain, folds);
  let block: PolynomialModel | undefined;
  if (kind === "shared-confounder") {
    const [i, j] = v.pair;
    const blockSample = draw(mixedRegime(K, [i, j]), nTrain, singleDist);
    const others = single.flatMap((x, k) => (k === i || k === j ? [] : [foldsOf(x)]));
    block = blockInterventionGeneralization(layout, training.observational, foldsOf(blockSample), others);
  }
  const predictAll = (x: ArrayLike<number>[]) => {
    const preds = predictFitted(fitted, x);
    const out = new Map<ViolationMethod, Float64Array>(fitted.map((f, i) => [f.method as ViolationMethod, preds[i]]));
    out.set("sum-of-singles", predictSumOfSingles(sums, x));
    if (block) out.set("block-ig", predict(block, x));
    return out;
  };
  const sinks = sinksOf(detectAncestors(training).ancestors);
  const noJointChecks: {check: CheckId; p: number}[] = [{check: "separability", p: sinks.length ? separabilityCheck(single, sinks).p : 1}];
  return {K, scale: v.scale, pair: v.pair, query, methods: methodsFor(kind), predict: predictAll, truth: (x) => violatedJointEffect(v, x), test: {actions: test.actions}, pilot: {actions: pilot.actions, outcome: pilot.outcome}, noJointChecks};
}

/** The same fits on a violated Gaussian ANM (anm-violations.ts), with its ANM and REG estimators on the assumed DAG. */
function anmViolationFits(s: ViolationRunSettings & {kind: AnmViolationKind}, folds: number, testFraction: number): ViolationFits {
  const {nTrain, nTest} = splitSizes(s.n, testFraction);
  const d = anmViolationData(s.kind, s.lambda, nTrain, nTest, Math.max(...PILOT_SIZES), s.seed);
  const K = d.K;
  const asRegime = (x: Float64Array[]) => ({actions: x.slice(0, K), outcome: x[K]});
  const obs = asRegime(d.observational);
  const single = d.single.map(asRegime);
  const query = {mean: d.marginals.mean, std: d.marginals.sd};
  const layout = momentLayout(3, obs.actions, obs.outcome);
  const foldsOf = (x: {actions: Float64Array[]; outcome: Float64Array}) => accumulateFolds(layout, x.actions, x.outcome, nTrain, folds);
  const training = {layout, K, observational: foldsOf(obs), single: single.map(foldsOf), joint: foldsOf(asRegime(d.jointTrain))};
  const fitted = fitMethods(training, training.observational, SITE_METHODS, "paper", query);
  const sums = fitSumOfSingles(single, obs.outcome, nTrain, folds);
  const anm = fitAnmViolation(d.v, d.observational, d.single);
  const predictAll = (x: ArrayLike<number>[]) => {
    const preds = predictFitted(fitted, x);
    const out = new Map<ViolationMethod, Float64Array>(fitted.map((f, i) => [f.method as ViolationMethod, preds[i]]));
    out.set("sum-of-singles", predictSumOfSingles(sums, x));
    out.set("anm", anm.predictAnm(x));
    out.set("reg", anm.predictReg(x));
    return out;
  };
  let m = 0;
  for (const t of d.truth) m += t;
  m /= d.truth.length;
  let ss = 0;
  for (const t of d.truth) ss += (t - m) ** 2;
  const scale = Math.sqrt(ss / d.truth.length);
  return {
    K,
    scale,
    pair: [0, 0],
    query,
    methods: methodsFor(s.kind),
    predict: predictAll,
    truth: (x) => anmViolationEffect(d.v, x),
    test: {actions: d.test.slice(0, K)},
    pilot: {actions: d.pilot.slice(0, K), outcome: d.pilot[K]},
    noJointChecks: [
      {check: "gaussianity", p: anm.gaussianityP},
      {check: "graph-lr", p: anm.graphP},
    ],
  };
}

/** One run of the violation experiment: the fits of violationFits scored against the exact effect on the joint test split, and every check. */
export function runViolation(s: ViolationRunSettings): ViolationRunResult {
  const f = violationFits(s);
  const preds = f.predict(f.test.actions);
  const truth = f.truth(f.test.actions);
  const scores = f.methods.map((method) => scoreAgainst(method, preds.get(method), truth, f.scale));
  const checks: {check: CheckId; p: number}[] = [];
  const pilotPreds = f.predict(f.pilot.actions);
  const second: ViolationMethod = isAnmKind(s.kind) ? "anm" : "structure-aware";
  for (const m of PILOT_SIZES) {
    const x = f.pilot.actions.map((c) => c.subarray(0, m));
    const y = f.pilot.outcome.subarray(0, m);
    checks.push({check: `pilot-ig-${m}`, p: pilotTest(x, y, pilotPreds.get("intervention-generalization")!.subarray(0, m)).p});
    checks.push({check: isAnmKind(s.kind) ? `pilot-anm-${m}` : `pilot-sa-${m}`, p: pilotTest(x, y, pilotPreds.get(second)!.subarray(0, m)).p});
  }
  checks.push(...f.noJointChecks);
  return {scale: f.scale, pair: f.pair, scores, checks};
}

function scoreAgainst(method: ViolationMethod, p: Float64Array | undefined, truth: Float64Array, scale: number): ViolationMethodScore {
  if (!p) fail(`runViolation: no prediction for ${method}`);
  let se = 0;
  let e = 0;
  for (let r = 0; r < truth.length; r++) {
    const d = p[r] - truth[r];
    se += d * d;
    e += d;
  }
  const rmseTruth = Math.sqrt(se / truth.length);
  return {method, rmseTruth, relRmse: rmseTruth / scale, relBias: e / truth.length / scale};
}
