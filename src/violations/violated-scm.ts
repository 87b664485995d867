import {randomAdditiveScm, validateScm, type AdditiveScm} from "../scm/additive-scm.js";
import {evaluate} from "../scm/polynomial.js";
import {observationalRegime} from "../scm/regime.js";
import {RunningMoments, sampleRegime} from "../scm/sample-regime.js";
import {fail, requireInteger} from "../validate.js";
import {VIOLATION_KIND_IDS, type ViolationKind} from "./violation-kinds.js";

/**
 * An SCM of Kekić et al. with one violation of strength lambda. Plain data (it can be posted to a
 * worker). The constants that put lambda on a common scale are properties of the base SCM at
 * lambda = 0, computed once from `SCALE_ROWS` observational rows of their own random stream, so
 * the same (K, seed) gives the same SCM at every lambda:
 * - `scale` s: the sd of the additive part sum_k f_k(A_k, C_k) observationally;
 * - `actionMean`, `actionSd`: each action's observational mean and sd (z_k = (a_k - mean) / sd);
 * - confounders are standardized by their exact mean and sd (c_k = (C_k - mean) / sd).
 * `pair` = [i, j] (i < j) are the two actions the added term couples: i for the action (or first
 * confounder) factor, j for the second factor; drawn from the seed, so across SCMs the pair
 * covers roots, sinks and everything between.
 */
export interface ViolatedScm {
  kind: ViolationKind;
  lambda: number;
  base: AdditiveScm;
  pair: [number, number];
  scale: number;
  actionMean: number[];
  actionSd: number[];
}

export const SCALE_ROWS = 20_000;

export function requireViolation(label: string, kind: unknown, lambda: unknown, K: number): asserts kind is ViolationKind {
  if (!VIOLATION_KIND_IDS.includes(kind as ViolationKind)) fail(`${label}: unknown violation kind ${JSON.stringify(kind)}; expected one of ${VIOLATION_KIND_IDS.join(", ")}`);
  if (typeof lambda !== "number" || !Number.isFinite(lambda) || lambda < 0) fail(`${label}: lambda must be a finite number >= 0, found ${String(lambda)}`);
  if (kind === "narrow" && lambda > 1) fail(`${label}: lambda of the narrow violation must be in [0, 1] (the single-intervention sd is (1 - 0.9 lambda) of the query's), found ${lambda}`);
  if (kind !== "narrow" && K < 2) fail(`${label}: the ${kind} violation couples two actions; K must be >= 2, found ${K}`);
}

/** The violated SCM of (K, seed): the base is randomAdditiveScm(K, seed), exactly the paper's. */
export function violatedScm(K: number, seed: number, kind: ViolationKind, lambda: number): ViolatedScm {
  requireInteger("violatedScm: K", K, 1, 50);
  requireInteger("violatedScm: seed", seed, 0, 2 ** 31 - 1);
  requireViolation("violatedScm", kind, lambda, K);
  const base = randomAdditiveScm(K, seed);
  return {kind, lambda, base, pair: couplingPair(K, seed), ...scaleConstants(base, seed)};
}

/** Wraps a given base SCM (validated) with a violation; the constants come from its own rows. */
export function withViolation(base: AdditiveScm, seed: number, kind: ViolationKind, lambda: number, pair?: [number, number]): ViolatedScm {
  validateScm(base);
  requireInteger("withViolation: seed", seed, 0, 2 ** 31 - 1);
  requireViolation("withViolation", kind, lambda, base.K);
  const p = pair ?? couplingPair(base.K, seed);
  if (base.K >= 2 && !(Number.isInteger(p[0]) && Number.isInteger(p[1]) && p[0] >= 0 && p[0] < p[1] && p[1] < base.K)) fail(`withViolation: pair must be two increasing action indices below K = ${base.K}, found [${p.join(", ")}]`);
  return {kind, lambda, base, pair: p, ...scaleConstants(base, seed)};
}

/** A pair i < j of actions drawn from the seed (K >= 2); [0, 0] when K = 1. */
export function couplingPair(K: number, seed: number): [number, number] {
  if (K < 2) return [0, 0];
  // a small integer hash of the seed: stable, independent of the SCM's own stream
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  const pairs: [number, number][] = [];
  for (let i = 0; i < K; i++) for (let j = i + 1; j < K; j++) pairs.push([i, j]);
  return pairs[h % pairs.length];
}

function scaleConstants(base: AdditiveScm, seed: number): {scale: number; actionMean: number[]; actionSd: number[]} {
  const s = sampleRegime(base, observationalRegime(base.K), SCALE_ROWS, seed, undefined, "violation-scale");
  // the additive part sum_k f_k(A_k, C_k): Y without its outcome noise
  const part = new Float64Array(s.n);
  base.f.forEach((f, k) => evaluate(f, [s.actions[k], s.confounders[k]], part));
  const withoutNoise = new RunningMoments();
  withoutNoise.add(part);
  const stats = s.actions.map((a) => {
    const m = new RunningMoments();
    m.add(a);
    return m;
  });
  const scale = withoutNoise.std();
  if (!(scale > 0)) fail(`violatedScm: the additive part of Y has sd ${scale}; cannot scale a violation to it`);
  return {scale, actionMean: stats.map((m) => m.mean()), actionSd: stats.map((m) => m.std())};
}
