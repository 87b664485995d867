/**
 * All monomials of total degree <= `degree` in `nVars` variables, constant first, in graded
 * order and, within a degree, in the order of combinations with replacement (the order of
 * scikit-learn's PolynomialFeatures). Because the order is graded, the basis of degree d is a
 * prefix of the basis of degree 2d, which the moment-based Gram accumulation relies on.
 *
 * Every non-constant monomial m is `parent[m] * x[variable[m]]`, so a row of all monomials
 * costs one multiplication per monomial and the design matrix is never materialized.
 */
export interface MonomialBasis {
  readonly nVars: number;
  readonly degree: number;
  readonly size: number;
  /** exponents[m * nVars + i] = power of variable i in monomial m */
  readonly exponents: Int32Array;
  readonly degreeOf: Int32Array;
  readonly parent: Int32Array;
  readonly variable: Int32Array;
  /** Index of an exponent vector, or -1 if its degree exceeds the basis degree. */
  indexOf(exponents: ArrayLike<number>): number;
}

const cache = new Map<string, MonomialBasis>();

export function monomialBasis(nVars: number, degree: number): MonomialBasis {
  if (!Number.isInteger(nVars) || nVars < 1) throw new Error(`number of variables must be an integer >= 1, got ${nVars}`);
  if (!Number.isInteger(degree) || degree < 0) throw new Error(`degree must be an integer >= 0, got ${degree}`);
  const key = `${nVars}:${degree}`;
  let basis = cache.get(key);
  if (!basis) cache.set(key, (basis = buildBasis(nVars, degree)));
  return basis;
}

/** Number of monomials of degree <= d in n variables: C(n + d, d). */
export function monomialCount(nVars: number, degree: number): number {
  let c = 1;
  for (let i = 1; i <= degree; i++) c = (c * (nVars + i)) / i;
  return Math.round(c);
}

function buildBasis(nVars: number, degree: number): MonomialBasis {
  const size = monomialCount(nVars, degree);
  const exponents = new Int32Array(size * nVars);
  const degreeOf = new Int32Array(size);
  const parent = new Int32Array(size).fill(-1);
  const variable = new Int32Array(size).fill(-1);
  const index = new Map<string, number>();
  index.set(new Array(nVars).fill(0).join(","), 0);
  let m = 1;
  // combinations with replacement of the variables, as non-decreasing index tuples
  let level: number[][] = [[]];
  for (let t = 1; t <= degree; t++) {
    const next: number[][] = [];
    for (const tuple of level) {
      const start = tuple.length ? tuple[tuple.length - 1] : 0;
      for (let v = start; v < nVars; v++) next.push([...tuple, v]);
    }
    next.sort(compareTuples);
    for (const tuple of next) {
      const e = new Array(nVars).fill(0);
      for (const v of tuple) e[v]++;
      const pe = e.slice();
      const last = tuple[tuple.length - 1];
      pe[last]--;
      exponents.set(e, m * nVars);
      degreeOf[m] = t;
      parent[m] = index.get(pe.join(","))!;
      variable[m] = last;
      index.set(e.join(","), m);
      m++;
    }
    level = next;
  }
  return {
    nVars,
    degree,
    size,
    exponents,
    degreeOf,
    parent,
    variable,
    indexOf(e: ArrayLike<number>): number {
      return index.get(Array.from(e).join(",")) ?? -1;
    },
  };
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Writes all monomials of one row into `out` (length basis.size). */
export function evaluateMonomials(basis: MonomialBasis, x: ArrayLike<number>, out: Float64Array): void {
  const {parent, variable, size} = basis;
  out[0] = 1;
  for (let m = 1; m < size; m++) out[m] = out[parent[m]] * x[variable[m]];
}

/** Evaluates sum_m coef[m] * monomial_m at each row of the given columns. */
export function evaluatePolynomial(basis: MonomialBasis, coef: ArrayLike<number>, columns: ArrayLike<number>[]): Float64Array {
  if (columns.length !== basis.nVars) throw new Error(`expected ${basis.nVars} input columns, got ${columns.length}`);
  const n = columns.length ? columns[0].length : 0;
  const out = new Float64Array(n);
  const row = new Float64Array(basis.nVars);
  const mono = new Float64Array(basis.size);
  for (let i = 0; i < n; i++) {
    for (let v = 0; v < basis.nVars; v++) row[v] = columns[v][i];
    evaluateMonomials(basis, row, mono);
    let s = 0;
    for (let m = 0; m < basis.size; m++) s += coef[m] * mono[m];
    out[i] = s;
  }
  return out;
}
