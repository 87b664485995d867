import {monomialBasis, monomialCount} from "../features/monomial-basis.js";
import type {Xoshiro128} from "../random/xoshiro128.js";
import {randomNormal} from "d3-random";

/** A polynomial over `nInputs` inputs, coefficients on the graded monomial basis. Plain data. */
export interface Polynomial {
  nInputs: number;
  degree: number;
  coef: number[];
}

/**
 * Kekić et al. Appendix E: one term per power tuple with total degree <= `degree`, constant
 * included; coefficients N(0, sigma^2), then divided by their L1 norm so that sum |c| = 1.
 */
export function randomPolynomial(nInputs: number, rng: Xoshiro128, degree = 2, sigma = 0.1): Polynomial {
  const draw = randomNormal.source(rng.source())(0, sigma);
  const coef = Array.from({length: monomialCount(nInputs, degree)}, () => draw());
  const l1 = coef.reduce((s, c) => s + Math.abs(c), 0);
  return {nInputs, degree, coef: coef.map((c) => c / l1)};
}

type RowEvaluator = (inputs: ArrayLike<number>[], out: Float64Array, n: number) => void;
const compiled = new WeakMap<Polynomial, RowEvaluator>();

/**
 * A straight-line evaluator of one polynomial (coefficients inlined), so each row costs a few
 * multiplications in registers instead of one pass over memory per term. The SCM's polynomials
 * are evaluated for every sampled row, which made this a measured hot path.
 */
function compile(poly: Polynomial): RowEvaluator {
  let fn = compiled.get(poly);
  if (fn) return fn;
  const basis = monomialBasis(poly.nInputs, poly.degree);
  const terms: string[] = [];
  for (let m = 0; m < basis.size; m++) {
    const c = poly.coef[m];
    if (c === 0) continue;
    if (!Number.isFinite(c)) throw new Error(`polynomial coefficient ${m} is not finite: ${c}`);
    const factors = [`(${c})`];
    for (let v = 0; v < poly.nInputs; v++) for (let e = 0; e < basis.exponents[m * poly.nInputs + v]; e++) factors.push(`x${v}`);
    terms.push(factors.join("*"));
  }
  const loads = Array.from({length: poly.nInputs}, (_, v) => `const x${v} = c${v}[i];`).join(" ");
  const cols = Array.from({length: poly.nInputs}, (_, v) => `const c${v} = inputs[${v}];`).join(" ");
  fn = new Function("inputs", "out", "n", `${cols} for (let i = 0; i < n; i++) { ${loads} out[i] += ${terms.join(" + ") || "0"}; }`) as RowEvaluator;
  compiled.set(poly, fn);
  return fn;
}

/** Evaluates the polynomial at every row of the input columns, adding into `out` if given. */
export function evaluate(poly: Polynomial, inputs: ArrayLike<number>[], out?: Float64Array): Float64Array {
  const basis = monomialBasis(poly.nInputs, poly.degree);
  if (poly.coef.length !== basis.size) throw new Error(`polynomial has ${poly.coef.length} coefficients, its basis ${basis.size}`);
  if (inputs.length !== poly.nInputs) throw new Error(`polynomial takes ${poly.nInputs} inputs, got ${inputs.length}`);
  const n = inputs.length ? inputs[0].length : 0;
  const result = out ?? new Float64Array(n);
  compile(poly)(inputs, result, n);
  return result;
}
