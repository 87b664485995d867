import {standardNormal} from "../random/ziggurat.js";
import type {Xoshiro128} from "../random/xoshiro128.js";
import type {GnwModel} from "./model.js";

/**
 * GNW's perturbations (notes/dream4-gnw.md §4), as changes of a copy of the parameters (the
 * model itself is never changed, so "restoring the parameters" is automatic):
 * - knockout of gene i: m_i ← 0;
 * - knockdown of gene i: m_i ← m_i / 2;
 * - basal-activation shift d_i: clip d_i so that α_0 + d_i ∈ [0, 1], add it to every α_s, clip each to [0, 1].
 * They compose (e.g. a multifactorial shift within a knockout background); a gene may not be
 * both knocked out and knocked down.
 */
export interface Perturbation {
  knockout?: readonly number[];
  knockdown?: readonly number[];
  /** one shift per gene (0 = none) */
  basalShift?: readonly number[];
}

/** The parameters the dynamics use: m_i per gene and α_s per gene. */
export interface GnwParameters {
  max: Float64Array;
  alpha: number[][];
}

export function wildTypeParameters(model: GnwModel): GnwParameters {
  return {max: Float64Array.from(model.genes, (g) => g.max), alpha: model.genes.map((g) => [...g.alpha])};
}

export function perturbedParameters(model: GnwModel, perturbation: Perturbation): GnwParameters {
  const N = model.genes.length;
  const p = wildTypeParameters(model);
  const check = (list: readonly number[], what: string) => {
    const seen = new Set<number>();
    for (const i of list) {
      if (!Number.isInteger(i) || i < 0 || i >= N) throw new Error(`${what}: gene index ${i} is not one of 0..${N - 1}`);
      if (seen.has(i)) throw new Error(`${what}: ${model.genes[i].name} listed twice`);
      seen.add(i);
    }
    return seen;
  };
  const ko = check(perturbation.knockout ?? [], "knockout");
  const kd = check(perturbation.knockdown ?? [], "knockdown");
  for (const i of kd) if (ko.has(i)) throw new Error(`${model.genes[i].name} is both knocked out and knocked down`);
  for (const i of ko) p.max[i] = 0;
  for (const i of kd) p.max[i] /= 2;
  const shifts = perturbation.basalShift;
  if (shifts) {
    if (shifts.length !== N) throw new Error(`basal shift: ${shifts.length} values for ${N} genes`);
    for (let i = 0; i < N; i++) {
      const d0 = shifts[i];
      if (!Number.isFinite(d0)) throw new Error(`basal shift of ${model.genes[i].name}: ${d0} is not a finite number`);
      if (d0 === 0) continue;
      const a0 = p.alpha[i][0];
      const d = Math.min(Math.max(d0, -a0), 1 - a0);
      p.alpha[i] = p.alpha[i].map((a) => Math.min(Math.max(a + d, 0), 1));
    }
  }
  return p;
}

/** The gene index of `name`; throws a one-line error naming the unknown gene. */
export function geneIndex(model: GnwModel, name: string): number {
  const i = model.genes.findIndex((g) => g.name === name);
  if (i < 0) throw new Error(`unknown gene "${name}" (genes: ${model.genes.map((g) => g.name).join(", ")})`);
  return i;
}

/** DREAM4's σ of the weak ("multifactorial") basal shifts, from the DREAM4-era GNW settings; GNW 3.1 ships 0.25. */
export const MULTIFACTORIAL_SIGMA_DREAM4 = 0.33;

/** Weak multifactorial shifts: d_i ~ N(0, σ²) independently, drawn in gene order. */
export function multifactorialShifts(model: GnwModel, rng: Xoshiro128, sigma = MULTIFACTORIAL_SIGMA_DREAM4): number[] {
  if (!(sigma >= 0) || !Number.isFinite(sigma)) throw new Error(`multifactorial sigma must be a finite number >= 0, got ${sigma}`);
  return model.genes.map(() => sigma * standardNormal(rng));
}

/** Strong ("DREAM4 time series") shifts: with probability p a new basal activation U(0, 1), i.e. d_i = U - α_0; otherwise 0. */
export function strongShifts(model: GnwModel, rng: Xoshiro128, probability = 0.33): number[] {
  if (!(probability >= 0 && probability <= 1)) throw new Error(`strong perturbation probability must be in [0, 1], got ${probability}`);
  return model.genes.map((g) => {
    const hit = rng.nextDouble() < probability;
    const u = rng.nextDouble();
    return hit ? u - g.alpha[0] : 0;
  });
}
