import {evaluatePolynomial, monomialBasis, monomialCount} from "../features/monomial-basis.js";
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

export function evaluate(poly: Polynomial, inputs: ArrayLike<number>[]): Float64Array {
  const basis = monomialBasis(poly.nInputs, poly.degree);
  if (poly.coef.length !== basis.size) throw new Error(`polynomial has ${poly.coef.length} coefficients, its basis ${basis.size}`);
  return evaluatePolynomial(basis, poly.coef, inputs);
}
