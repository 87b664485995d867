import {mean} from "../metrics.js";
import {randomStream} from "../random/streams.js";
import {standardNormal} from "../random/ziggurat.js";
import {momentLayout, accumulateMoments, emptyMoments} from "../regression/moments.js";
import {fitPolynomialCV, predict, rawCoefficientsOf, type PolynomialModel} from "../regression/polynomial-regression.js";

/**
 * The base case of Saengkyongam & Silva's Theorem 1 (K = 2, their eqs. 3-5):
 *   X1 = U1,  X2 = f2(X1) + U2,  Y = fY(X1, X2) + UY,  (U1, U2, UY) ~ N(0, Sigma),
 * with f2(x) = b0 + b1 x + b2 x^2, fY = g1 x1 + g2 x2 + g12 x1 x2 and unit noise variances.
 * The identification uses the three regimes exactly as the proof sketch does.
 */
export interface BaseCaseModel {
  f2: [number, number, number];
  fY: {x1: number; x2: number; x1x2: number};
  /** correlations of (U1, U2), (U1, UY), (U2, UY) */
  rho12: number;
  rho1Y: number;
  rho2Y: number;
}

export const DEFAULT_BASE_CASE: BaseCaseModel = {f2: [0.5, 1, -0.3], fY: {x1: 1.5, x2: 1, x1x2: -0.5}, rho12: 0.3, rho1Y: -0.6, rho2Y: -0.5};

type Regime = "observational" | "do(X1)" | "do(X2)";

export interface BaseCaseSample {
  x1: Float64Array;
  x2: Float64Array;
  y: Float64Array;
}

function choleskyOf(m: BaseCaseModel): number[][] {
  const S = [
    [1, m.rho12, m.rho1Y],
    [m.rho12, 1, m.rho2Y],
    [m.rho1Y, m.rho2Y, 1],
  ];
  const L = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  for (let j = 0; j < 3; j++) {
    let d = S[j][j];
    for (let k = 0; k < j; k++) d -= L[j][k] ** 2;
    if (!(d > 1e-12)) throw new Error("the noise correlations do not form a positive definite covariance matrix");
    L[j][j] = Math.sqrt(d);
    for (let i = j + 1; i < 3; i++) {
      let s = S[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      L[i][j] = s / L[j][j];
    }
  }
  return L;
}

const f2Of = (m: BaseCaseModel, x: number) => m.f2[0] + m.f2[1] * x + m.f2[2] * x * x;
const fYOf = (m: BaseCaseModel, x1: number, x2: number) => m.fY.x1 * x1 + m.fY.x2 * x2 + m.fY.x1x2 * x1 * x2;

/** n rows of a regime; intervened values are N(0, 1) for X1 and N(f2(0) mean-matched, 1.5^2) for X2. */
export function sampleBaseCase(m: BaseCaseModel, regime: Regime, n: number, seed: number): BaseCaseSample {
  const L = choleskyOf(m);
  const rng = randomStream(seed, "base-case", regime);
  const out = {x1: new Float64Array(n), x2: new Float64Array(n), y: new Float64Array(n)};
  for (let i = 0; i < n; i++) {
    const z = [standardNormal(rng), standardNormal(rng), standardNormal(rng)];
    const u1 = L[0][0] * z[0];
    const u2 = L[1][0] * z[0] + L[1][1] * z[1];
    const uy = L[2][0] * z[0] + L[2][1] * z[1] + L[2][2] * z[2];
    const x1 = regime === "do(X1)" ? standardNormal(rng) : u1;
    const x2 = regime === "do(X2)" ? f2Of(m, 0) + 1.5 * standardNormal(rng) : f2Of(m, x1) + u2;
    out.x1[i] = x1;
    out.x2[i] = x2;
    out.y[i] = fYOf(m, x1, x2) + uy;
  }
  return out;
}

/** Least squares of y on all monomials of the columns up to `degree` (a negligible ridge keeps it well posed). */
function ols(columns: Float64Array[], y: Float64Array, degree: number): PolynomialModel {
  const layout = momentLayout(degree, columns, y);
  const m = emptyMoments(layout);
  accumulateMoments(layout, columns, y, 0, y.length, m);
  // raw coefficients: the identification below reads them term by term
  return {nVars: columns.length, degree, coef: rawCoefficientsOf(fitPolynomialCV(layout, [m], {alphas: [1e-9]}).model)};
}

export interface BaseCaseIdentification {
  f2: number[];
  sigma11: number;
  sigma12: number;
  sigma22: number;
  /** sigma_Y1 from the contrast (5) - (4) = E[UY | X1 = x1] = (sigma_Y1 / sigma_11) x1 */
  sigmaY1: number;
  /** sigma_Y2 from the observational residuals once fY is identified */
  sigmaY2: number;
  /** the identified joint effect fY(x1, x2) = E[Y | do(x1, x2)] */
  fY: PolynomialModel;
  /** the naive observational regression E[Y | x1, x2], for contrast */
  naive: PolynomialModel;
}

export function identifyBaseCase(obs: BaseCaseSample, do1: BaseCaseSample, do2: BaseCaseSample): BaseCaseIdentification {
  // f2 from do(X1): E[X2 | do(X1 = x1)] = f2(x1)
  const f2 = ols([do1.x1], do1.x2, 2).coef;
  const f2hat = (x: number) => f2[0] + f2[1] * x + f2[2] * x * x;
  // Sigma_ux from the observational regime: U1 = X1, U2 = X2 - f2(X1)
  const n = obs.x1.length;
  const u2 = obs.x2.map((x2, i) => x2 - f2hat(obs.x1[i]));
  const m1 = mean(obs.x1);
  const m2 = mean(u2);
  let s11 = 0, s12 = 0, s22 = 0;
  for (let i = 0; i < n; i++) {
    s11 += (obs.x1[i] - m1) ** 2;
    s12 += (obs.x1[i] - m1) * (u2[i] - m2);
    s22 += (u2[i] - m2) ** 2;
  }
  const sigma11 = s11 / n, sigma12 = s12 / n, sigma22 = s22 / n;
  // (4): E[Y | do(X1 = x1)], a cubic in x1;  (5): E_{U2}[E[Y | X1 = x1, do(X2 = f2(x1) + U2)]]
  const eq4 = ols([do1.x1], do1.y, 3);
  const g = ols([do2.x1, do2.x2], do2.y, 2);
  // g is quadratic in x2 (basis 1, x1, x2, x1^2, x1 x2, x2^2), so the expectation over p(U2) in
  // (5) needs only the first two moments of the identified U2: no Monte Carlo
  const mu1 = mean(u2);
  const mu2 = mean(u2.map((v) => v * v));
  const [c0, c1, c2, c11, c12, c22] = g.coef;
  const eq5 = (x1: number) => {
    const f = f2hat(x1);
    return c0 + c1 * x1 + c11 * x1 * x1 + (c2 + c12 * x1) * (f + mu1) + c22 * (f * f + 2 * f * mu1 + mu2);
  };
  const grid = Float64Array.from({length: 41}, (_, i) => -2 + i / 10);
  const contrast = Array.from(grid, (x1) => eq5(x1) - predict(eq4, [[x1]])[0]);
  // (5) - (4) = (sigma_Y1 / sigma_11) x1: the least-squares slope through the grid
  let sxy = 0, sxx = 0;
  const gm = mean(grid), cm = mean(contrast);
  grid.forEach((x, i) => {
    sxy += (x - gm) * (contrast[i] - cm);
    sxx += (x - gm) ** 2;
  });
  const sigmaY1 = (sxy / sxx) * sigma11;
  // fY = g - (sigma_Y1 / sigma_11) x1 (g's x1 coefficient is index 1 in the basis 1, x1, x2, ...)
  const fYcoef = Float64Array.from(g.coef);
  fYcoef[1] -= sigmaY1 / sigma11;
  const fY: PolynomialModel = {...g, coef: fYcoef};
  // sigma_Y2: observational residuals R = Y - fY(X1, X2) = UY; E[UY | u] = Sigma_uy Sigma_ux^-1 u
  const r = obs.y.map((y, i) => y - predict(fY, [[obs.x1[i]], [obs.x2[i]]])[0]);
  const b = ols([obs.x1, u2], r, 1).coef; // [const, b1, b2]
  const sigmaY2 = b[1] * sigma12 + b[2] * sigma22;
  return {f2: Array.from(f2), sigma11, sigma12, sigma22, sigmaY1, sigmaY2, fY, naive: ols([obs.x1, obs.x2], obs.y, 2)};
}

/** Root mean squared difference from the true fY over a grid of (x1, x2) in [-2, 2]^2. */
export function effectError(m: BaseCaseModel, model: PolynomialModel): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= 20; i++) for (let j = 0; j <= 20; j++) {
    xs.push(-2 + i / 5);
    ys.push(-2 + j / 5);
  }
  const pred = predict(model, [Float64Array.from(xs), Float64Array.from(ys)]);
  let s = 0;
  xs.forEach((x, i) => (s += (pred[i] - fYOf(m, x, ys[i])) ** 2));
  return Math.sqrt(s / xs.length);
}
