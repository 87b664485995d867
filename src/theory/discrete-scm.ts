import {randomNormal} from "d3-random";
import {randomStream} from "../random/streams.js";

/**
 * A small discrete SCM in which every quantity of Kekić et al.'s proof is computable exactly:
 * K binary actions, one binary confounder C_B per block B of a partition of the actions, and
 *   Y := sum_B f_B(a_B, C_B) + U,   U ~ N(0, noiseStd^2),
 *   P(A_k = 1 | a_pa(k), C_B(k)) = sigmoid(bias_k + strength * (2 C_B(k) - 1) + sum_j w_kj (2 a_j - 1)).
 * Singleton blocks are Theorem 1's setting (Assumption 2); larger blocks with interactions and a
 * shared confounder are Corollary 1's (additivity with respect to a partition).
 * Actions are binary, so a configuration a is an integer 0 .. 2^K - 1 (bit k = a_k).
 */
export interface DiscreteScm {
  K: number;
  blocks: number[][];
  /** P(C_B = 1) */
  confounderP: number[];
  /** f[b][index of (a_B bits, c_B)]: outcome contribution of block b */
  f: number[][];
  parents: number[][];
  weights: number[][];
  bias: number[];
  strength: number;
  noiseStd: number;
}

/** A regime: which actions are intervened on, each then drawn as Bernoulli(1/2). */
export type Intervened = readonly boolean[];

export function randomDiscreteScm(K: number, seed: number, {strength = 2, blocks, interaction = 1}: {strength?: number; blocks?: number[][]; interaction?: number} = {}): DiscreteScm {
  if (!Number.isInteger(K) || K < 1 || K > 8) throw new Error(`K must be an integer in 1..8, got ${K}`);
  const partition = blocks ?? Array.from({length: K}, (_, k) => [k]);
  const covered = partition.flat().sort((a, b) => a - b);
  if (covered.length !== K || covered.some((k, i) => k !== i)) throw new Error(`blocks must partition 0..${K - 1}, got ${JSON.stringify(partition)}`);
  const rng = randomStream(seed, "discrete-scm");
  const normal = randomNormal.source(rng.source())(0, 1);
  const uniform = () => rng.nextDouble();
  const parents: number[][] = [];
  const weights: number[][] = [];
  for (let k = 0; k < K; k++) {
    parents.push([]);
    weights.push([]);
    for (let j = 0; j < k; j++)
      if (uniform() < 0.5) {
        parents[k].push(j);
        weights[k].push(normal());
      }
  }
  const f = partition.map((B) =>
    Array.from({length: 1 << (B.length + 1)}, (_, idx) => {
      // additive main effects plus (for |B| > 1) an interaction among the block's actions
      const c = (idx >> B.length) & 1;
      const bits = B.map((_, i) => (idx >> i) & 1);
      const main = bits.reduce((s, a, i) => s + (a ? 1 + 0.5 * i : 0), 0) * (c ? -1.5 : 1);
      return main + (B.length > 1 && bits.every((a) => a === 1) ? interaction * (c ? 2 : -1) : 0) + 1.5 * c + 0.3 * normal();
    }),
  );
  return {
    K,
    blocks: partition,
    confounderP: partition.map(() => 0.3 + 0.4 * uniform()),
    f,
    parents,
    weights,
    bias: Array.from({length: K}, () => 0.3 * normal()),
    strength,
    noiseStd: 0.5,
  };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function blockOf(scm: DiscreteScm): number[] {
  const of = new Array(scm.K);
  scm.blocks.forEach((B, b) => B.forEach((k) => (of[k] = b)));
  return of;
}

/** P(A_k = 1 | a, c) under the mechanism (a holds the parents' values). */
function mechanism(scm: DiscreteScm, k: number, a: number, cBlock: number): number {
  let z = scm.bias[k] + scm.strength * (2 * cBlock - 1);
  scm.parents[k].forEach((j, i) => (z += scm.weights[k][i] * (2 * ((a >> j) & 1) - 1)));
  return sigmoid(z);
}

/** sum_B f_B(a_B, c_B) */
export function outcomeMean(scm: DiscreteScm, a: number, c: number): number {
  let s = 0;
  scm.blocks.forEach((B, b) => {
    let idx = 0;
    B.forEach((k, i) => (idx |= ((a >> k) & 1) << i));
    idx |= ((c >> b) & 1) << B.length;
    s += scm.f[b][idx];
  });
  return s;
}

/** The exact joint P(c, a) of a regime as a table [c][a] (c: bit b = C_B). */
export function jointTable(scm: DiscreteScm, intervened: Intervened): number[][] {
  const nB = scm.blocks.length;
  const of = blockOf(scm);
  return Array.from({length: 1 << nB}, (_, c) => {
    let pc = 1;
    for (let b = 0; b < nB; b++) pc *= (c >> b) & 1 ? scm.confounderP[b] : 1 - scm.confounderP[b];
    return Array.from({length: 1 << scm.K}, (_, a) => {
      let p = pc;
      for (let k = 0; k < scm.K; k++) {
        const p1 = intervened[k] ? 0.5 : mechanism(scm, k, a, (c >> of[k]) & 1);
        p *= (a >> k) & 1 ? p1 : 1 - p1;
      }
      return p;
    });
  });
}

/** Exact E[Y | a] in a regime (NaN where P(a) = 0), from the regime's own joint table. */
export function exactConditionalMean(scm: DiscreteScm, intervened: Intervened): number[] {
  const table = jointTable(scm, intervened);
  return Array.from({length: 1 << scm.K}, (_, a) => {
    let pa = 0;
    let s = 0;
    table.forEach((row, c) => {
      pa += row[a];
      s += row[a] * outcomeMean(scm, a, c);
    });
    return pa > 0 ? s / pa : NaN;
  });
}

/** Exact P^regime(C_B = 1 | a) for each block, from the regime's joint table: [b][a]. */
export function confounderPosterior(scm: DiscreteScm, intervened: Intervened): number[][] {
  const table = jointTable(scm, intervened);
  return scm.blocks.map((_, b) =>
    Array.from({length: 1 << scm.K}, (_, a) => {
      let pa = 0;
      let p1 = 0;
      table.forEach((row, c) => {
        pa += row[a];
        if ((c >> b) & 1) p1 += row[a];
      });
      return p1 / pa;
    }),
  );
}

/** E_{C_B ~ q} f_B(a_B, C_B) for q = P(C_B = 1). */
function blockTerm(scm: DiscreteScm, b: number, a: number, q: number): number {
  const B = scm.blocks[b];
  let idx = 0;
  B.forEach((k, i) => (idx |= ((a >> k) & 1) << i));
  return (1 - q) * scm.f[b][idx] + q * scm.f[b][idx | (1 << B.length)];
}

/**
 * The right-hand sides of the decompositions (12)-(14) (and (81), (90)-(92)): blocks in
 * `intervened` use the prior p(C_B), the others the OBSERVATIONAL posterior p(C_B | a).
 */
export function decompositionRhs(scm: DiscreteScm, intervenedBlocks: readonly boolean[]): number[] {
  const post = confounderPosterior(scm, new Array(scm.K).fill(false));
  return Array.from({length: 1 << scm.K}, (_, a) =>
    scm.blocks.reduce((s, _, b) => s + blockTerm(scm, b, a, intervenedBlocks[b] ? scm.confounderP[b] : post[b][a]), 0),
  );
}

export interface CellMeans {
  mean: number[];
  /** standard error of each cell mean (NaN with fewer than 2 rows) */
  se: number[];
  count: number[];
}

/** n rows of a regime, summarized as the mean of Y per action configuration. */
export function sampleCellMeans(scm: DiscreteScm, intervened: Intervened, n: number, seed: number, label: string): CellMeans {
  const rng = randomStream(seed, "discrete-sample", label);
  const noise = randomNormal.source(rng.source())(0, scm.noiseStd);
  const of = blockOf(scm);
  const cells = 1 << scm.K;
  const sum = new Float64Array(cells);
  const sum2 = new Float64Array(cells);
  const count = new Array(cells).fill(0);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let b = 0; b < scm.blocks.length; b++) if (rng.nextDouble() < scm.confounderP[b]) c |= 1 << b;
    let a = 0;
    for (let k = 0; k < scm.K; k++) {
      const p1 = intervened[k] ? 0.5 : mechanism(scm, k, a, (c >> of[k]) & 1);
      if (rng.nextDouble() < p1) a |= 1 << k;
    }
    const y = outcomeMean(scm, a, c) + noise();
    sum[a] += y;
    sum2[a] += y * y;
    count[a]++;
  }
  const mean = Array.from(sum, (s, a) => (count[a] ? s / count[a] : NaN));
  const se = mean.map((m, a) => (count[a] > 1 ? Math.sqrt(Math.max(0, sum2[a] / count[a] - m * m) / (count[a] - 1)) : NaN));
  return {mean, se, count};
}

/**
 * The estimator of the proof with saturated (per-cell) regressions: for the blocks switched on,
 * f_hat(a, R) = f_hat(a, 0) + sum_{B on} (f_hat(a, R_B = 1) - f_hat(a, 0)), with a standard error
 * from the independent regimes' cell means.
 */
export function combineCellMeans(observational: CellMeans, perBlock: CellMeans[], on: readonly boolean[]): {mean: number[]; se: number[]} {
  const n = observational.mean.length;
  const m = on.filter(Boolean).length;
  const mean: number[] = [];
  const se: number[] = [];
  for (let a = 0; a < n; a++) {
    let v = (1 - m) * observational.mean[a];
    let var_ = (1 - m) ** 2 * observational.se[a] ** 2;
    perBlock.forEach((cm, b) => {
      if (!on[b]) return;
      v += cm.mean[a];
      var_ += cm.se[a] ** 2;
    });
    mean.push(v);
    se.push(Math.sqrt(var_));
  }
  return {mean, se};
}

/** The regime that intervenes on the actions of the given blocks. */
export function blockRegime(scm: DiscreteScm, blocksOn: readonly boolean[]): boolean[] {
  const out = new Array(scm.K).fill(false);
  scm.blocks.forEach((B, b) => B.forEach((k) => (out[k] = blocksOn[b])));
  return out;
}

/**
 * Lemma 2: max over a and c of |p(c | a) - prod_B p(c_B | a)| in a regime (0 when the
 * confounders' posterior factorizes). With `givenY`, the same after also conditioning on the
 * outcome's sign (Y > 0): a collider of all confounders, so the factorization should fail.
 */
export function factorizationGap(scm: DiscreteScm, intervened: Intervened, givenY = false): number {
  const table = jointTable(scm, intervened);
  const nB = scm.blocks.length;
  // weight of each (c, a): P(c, a), times P(Y > 0 | a, c) when conditioning on the collider
  const w = table.map((row, c) =>
    row.map((p, a) => (givenY ? p * (1 - normalCdf(-outcomeMean(scm, a, c) / scm.noiseStd)) : p)),
  );
  let gap = 0;
  for (let a = 0; a < 1 << scm.K; a++) {
    const pa = w.reduce((s, row) => s + row[a], 0);
    if (!(pa > 0)) continue;
    const marg = Array.from({length: nB}, (_, b) => w.reduce((s, row, c) => s + ((c >> b) & 1 ? row[a] : 0), 0) / pa);
    w.forEach((row, c) => {
      let prod = 1;
      for (let b = 0; b < nB; b++) prod *= (c >> b) & 1 ? marg[b] : 1 - marg[b];
      gap = Math.max(gap, Math.abs(row[a] / pa - prod));
    });
  }
  return gap;
}

/** Standard normal CDF (Abramowitz & Stegun 26.2.17, absolute error below 7.5e-8). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp(-x * x / 2);
  const q = d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - q : q;
}
