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
