import type {MonomialBasis} from "../features/monomial-basis.js";

/**
 * T with phi(x) = T psi(x - c): each raw monomial of x as a combination of the monomials of
 * the shifted variables z = x - c (binomial expansion). Row m is built from its parent row:
 * phi_m = phi_parent * x_v = phi_parent * (z_v + c_v). Lower triangular with unit diagonal.
 */
export function shiftExpansion(basis: MonomialBasis, shift: ArrayLike<number>): Float64Array {
  const {size: p, nVars, parent, variable, exponents} = basis;
  const T = new Float64Array(p * p);
  T[0] = 1;
  const e = new Int32Array(nVars);
  const times = new Int32Array(p * nVars).fill(-1);
  for (let n = 0; n < p; n++)
    for (let v = 0; v < nVars; v++) {
      for (let u = 0; u < nVars; u++) e[u] = exponents[n * nVars + u] + (u === v ? 1 : 0);
      times[n * nVars + v] = basis.indexOf(e);
    }
  for (let m = 1; m < p; m++) {
    const par = parent[m];
    const v = variable[m];
    const c = shift[v];
    for (let n = 0; n < p; n++) {
      const t = T[par * p + n];
      if (t === 0) continue;
      T[m * p + n] += c * t;
      T[m * p + times[n * nVars + v]] += t;
    }
  }
  return T;
}

/**
 * Raw coefficients of a polynomial given in standardized variables z = (x - center) / scale:
 * sum_m gamma_m psi_m(z) = sum_n c_n phi_n(x). psi_m(z) = psi_m(x - center) / prod_v scale_v^e_mv
 * and psi(x - center) = T(-center) phi(x), so c = T(-center)^T D gamma, D the scale factors.
 * Exact in exact arithmetic; in floating point the raw coefficients of data far from the origin
 * cancel (keep the standardized form for evaluation).
 */
export function rawCoefficients(basis: MonomialBasis, gamma: ArrayLike<number>, center: ArrayLike<number>, scale: ArrayLike<number>): Float64Array {
  const {size: p, nVars, exponents} = basis;
  const T = shiftExpansion(basis, Array.from(center, (c) => -c));
  const coef = new Float64Array(p);
  for (let m = 0; m < p; m++) {
    let g = gamma[m];
    if (g === 0) continue;
    for (let v = 0; v < nVars; v++) g /= scale[v] ** exponents[m * nVars + v];
    for (let n = 0; n <= m; n++) coef[n] += g * T[m * p + n];
  }
  return coef;
}
