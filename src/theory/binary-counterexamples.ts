/**
 * The two papers' non-identifiability examples, as binary SCMs whose distributions are computed
 * by exact enumeration of the exogenous variables (no sampling, nothing typed in).
 *
 * Kekić et al. Example 1 (Section 4): U, V2, W ~ Bernoulli(p) independent, C := W, A1 := C,
 * A2 := A1 ∧ C ∧ V2, and Y := A1 ∧ A2 ∧ C ∧ U (M) or Y := A2 ∧ C ∧ U (M~).
 * Saengkyongam & Silva Section 4: one shared noise U = U1 = U2 = UY ~ Bernoulli(p), X1 := U,
 * X2 := X1 ∧ U, and Y := X1 ∧ X2 ∧ U (M..) or Y := X2 ∧ U (M~).
 */
export type Bit = 0 | 1;
export type Assignment = Record<string, Bit>;

export interface BinaryScm {
  name: string;
  /** independent Bernoulli(p) exogenous variables */
  exogenous: string[];
  /** endogenous variables in topological order, each computed from what came before */
  equations: [string, (v: Assignment) => Bit][];
  /** the observed variables, in table order */
  observed: string[];
}

const and = (...xs: Bit[]): Bit => (xs.every((x) => x === 1) ? 1 : 0);

export const KEKIC_EXAMPLE: [BinaryScm, BinaryScm] = [
  {
    name: "M",
    exogenous: ["W", "V2", "U"],
    equations: [["C", (v) => v.W], ["A1", (v) => v.C], ["A2", (v) => and(v.A1, v.C, v.V2)], ["Y", (v) => and(v.A1, v.A2, v.C, v.U)]],
    observed: ["A1", "A2", "Y"],
  },
  {
    name: "M~",
    exogenous: ["W", "V2", "U"],
    equations: [["C", (v) => v.W], ["A1", (v) => v.C], ["A2", (v) => and(v.A1, v.C, v.V2)], ["Y", (v) => and(v.A2, v.C, v.U)]],
    observed: ["A1", "A2", "Y"],
  },
];

export const SAENGKYONGAM_EXAMPLE: [BinaryScm, BinaryScm] = [
  {
    name: "M̈",
    exogenous: ["U"],
    equations: [["X1", (v) => v.U], ["X2", (v) => and(v.X1, v.U)], ["Y", (v) => and(v.X1, v.X2, v.U)]],
    observed: ["X1", "X2", "Y"],
  },
  {
    name: "M̃",
    exogenous: ["U"],
    equations: [["X1", (v) => v.U], ["X2", (v) => and(v.X1, v.U)], ["Y", (v) => and(v.X2, v.U)]],
    observed: ["X1", "X2", "Y"],
  },
];

/** A distribution over the observed variables: key "a1,a2,y" (observed order) -> probability. */
export type Distribution = Map<string, number>;

/**
 * P over the observed variables under do(intervention) (hard interventions on observed
 * variables; {} is the observational regime), by summing over all 2^n exogenous values.
 */
export function enumerate(model: BinaryScm, p: number, intervention: Assignment = {}): Distribution {
  if (!(p > 0 && p < 1)) throw new Error(`p must be in (0, 1), got ${p}`);
  for (const name of Object.keys(intervention)) if (!model.observed.includes(name)) throw new Error(`cannot intervene on ${name}: not an observed variable of ${model.name}`);
  const out: Distribution = new Map();
  for (const key of allKeys(model.observed.length)) out.set(key, 0);
  const n = model.exogenous.length;
  for (let bits = 0; bits < 1 << n; bits++) {
    const v: Assignment = {};
    let prob = 1;
    model.exogenous.forEach((name, i) => {
      const b = ((bits >> i) & 1) as Bit;
      v[name] = b;
      prob *= b ? p : 1 - p;
    });
    for (const [name, f] of model.equations) v[name] = name in intervention ? intervention[name] : f(v);
    const key = model.observed.map((o) => v[o]).join(",");
    out.set(key, out.get(key)! + prob);
  }
  return out;
}

function allKeys(n: number): string[] {
  return Array.from({length: 1 << n}, (_, bits) => Array.from({length: n}, (_, i) => (bits >> (n - 1 - i)) & 1).join(","));
}

/** P(Y = 1 | do(...)) or of any observed variable. */
export function probabilityOf(dist: Distribution, model: BinaryScm, variable: string, value: Bit): number {
  const i = model.observed.indexOf(variable);
  let s = 0;
  for (const [key, prob] of dist) if (key.split(",")[i] === String(value)) s += prob;
  return s;
}

/** Largest absolute difference between two distributions over the same keys. */
export function maxDifference(a: Distribution, b: Distribution): number {
  let m = 0;
  for (const [key, prob] of a) m = Math.max(m, Math.abs(prob - (b.get(key) ?? 0)));
  return m;
}

/** Every regime the data could come from: observational and each single hard intervention. */
export function observedRegimes(model: BinaryScm): {label: string; intervention: Assignment}[] {
  const [x1, x2] = model.observed;
  return [
    {label: "observational", intervention: {}},
    ...([0, 1] as Bit[]).map((b) => ({label: `do(${x1} = ${b})`, intervention: {[x1]: b}})),
    ...([0, 1] as Bit[]).map((b) => ({label: `do(${x2} = ${b})`, intervention: {[x2]: b}})),
  ];
}

export function jointRegimes(model: BinaryScm): {label: string; intervention: Assignment}[] {
  const [x1, x2] = model.observed;
  return ([0, 1] as Bit[]).flatMap((a) => ([0, 1] as Bit[]).map((b) => ({label: `do(${x1} = ${a}, ${x2} = ${b})`, intervention: {[x1]: a, [x2]: b}})));
}
