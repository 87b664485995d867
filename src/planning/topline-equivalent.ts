import {fail} from "../validate.js";

/** The joint-data topline's mean error at N joint rows. */
export interface ToplinePoint {
  n: number;
  error: number;
}

/** A power law error = coefficient · N^exponent fitted by least squares on log error vs log N. */
export interface PowerLaw {
  coefficient: number;
  exponent: number;
}

export interface ToplineEquivalent {
  /** joint rows the topline needs to reach the target error */
  rows: number;
  /**
   * how it was found: "interpolated" (log-log linear between the two measured N that bracket the
   * target), or "extrapolated" from the power law fitted to all points (target below the
   * smallest or above the largest measured error)
   */
  method: "interpolated" | "extrapolated";
}

/** Least-squares line through (log N, log error): the topline's convergence rate. */
export function fitPowerLaw(points: ToplinePoint[]): PowerLaw {
  checkPoints(points);
  const x = points.map((p) => Math.log(p.n));
  const y = points.map((p) => Math.log(p.error));
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i] - my);
    sxx += (xi - mx) ** 2;
  });
  const exponent = sxy / sxx;
  return {exponent, coefficient: Math.exp(my - exponent * mx)};
}

/**
 * How many joint rows the topline needs to reach `target` error, from its measured error at a
 * few N (the convergence experiment, Fig. 2c): the N from which on the measured curve stays at
 * or below the target. Points sorted by N, j is the last one whose error exceeds the target;
 * the answer is the linear interpolation of log error against log N between points j and
 * j + 1 (exact for any power law, and for a curve that is piecewise a power law). A topline
 * that is not monotone at tiny N (ridge shrinkage can make 25 rows beat 75) thus answers with
 * its last crossing, not a lucky early one. Outside the measured range (every error above the
 * target, or none): the power law fitted to all points, inverted; `undefined` when that law does
 * not decrease (a topline that does not improve with data has no equivalent).
 */
export function toplineEquivalentRows(points: ToplinePoint[], target: number): ToplineEquivalent | undefined {
  checkPoints(points);
  if (!(target > 0) || !Number.isFinite(target)) fail(`toplineEquivalentRows: target error must be a finite number > 0, got ${target}`);
  const sorted = [...points].sort((a, b) => a.n - b.n);
  let j = -1;
  sorted.forEach((p, i) => {
    if (p.error > target) j = i;
  });
  if (j >= 0 && j < sorted.length - 1) {
    const a = sorted[j];
    const b = sorted[j + 1];
    const t = (Math.log(target) - Math.log(a.error)) / (Math.log(b.error) - Math.log(a.error));
    return {rows: Math.exp(Math.log(a.n) + t * (Math.log(b.n) - Math.log(a.n))), method: "interpolated"};
  }
  const law = fitPowerLaw(sorted);
  if (!(law.exponent < 0)) return undefined;
  return {rows: Math.pow(target / law.coefficient, 1 / law.exponent), method: "extrapolated"};
}

function checkPoints(points: ToplinePoint[]): void {
  if (!Array.isArray(points) || points.length < 2) fail(`topline curve: expected at least 2 points (N, error), found ${Array.isArray(points) ? points.length : typeof points}`);
  const seen = new Set<number>();
  points.forEach((p, i) => {
    if (!(p?.n > 0) || !Number.isFinite(p.n) || !(p?.error > 0) || !Number.isFinite(p.error)) fail(`topline curve: point ${i} must have N > 0 and error > 0, found N ${p?.n}, error ${p?.error}`);
    if (seen.has(p.n)) fail(`topline curve: N = ${p.n} appears twice`);
    seen.add(p.n);
  });
}
