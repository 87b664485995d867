import {fail, requireFiniteColumn, requireFiniteColumns} from "../validate.js";

/**
 * Where the moments are accumulated: z = (x - shiftX) / scaleX per action and
 * y' = (y - shiftY) / scaleY for the outcome. Taken from the data (standardizationOf), so
 * moments of degree 2d stay near 1 whatever the offset or magnitude of the data.
 */
export interface Standardization {
  shiftX: Float64Array;
  scaleX: Float64Array;
  shiftY: number;
  scaleY: number;
}

/**
 * Location (mean) and scale (standard deviation, ddof 0) of a column, computed on the column
 * divided by its largest magnitude so that neither the sum nor the squares overflow. A
 * constant column gets scale |value| (or 1 for zeros), so its standardized value is +-1 or 0.
 */
export function locationScale(values: ArrayLike<number>, rows = values.length): {location: number; scale: number} {
  let max = 0;
  for (let i = 0; i < rows; i++) max = Math.max(max, Math.abs(values[i]));
  if (max === 0) return {location: 0, scale: 1};
  let mean = 0;
  for (let i = 0; i < rows; i++) mean += values[i] / max;
  mean /= rows;
  let v = 0;
  for (let i = 0; i < rows; i++) v += (values[i] / max - mean) ** 2;
  const sd = Math.sqrt(v / rows);
  // a spread below rounding of the mean is no spread: scale by the magnitude instead
  const scale = sd > 1e-12 * Math.abs(mean) ? sd * max : Math.abs(mean) * max;
  return {location: mean * max, scale};
}

/** The standardization of actions and outcome estimated from their first `rows` rows (all by default). */
export function standardizationOf(actions: ArrayLike<number>[], outcome: ArrayLike<number>, rows?: number): Standardization {
  requireFiniteColumns("actions", actions, undefined, 0, rows, (c) => `action ${c}`);
  const n = rows ?? actions[0].length;
  if (n < 1) fail("actions: 0 rows; expected at least 1 row to standardize the data");
  requireFiniteColumn("outcome", outcome, 0, n);
  const xs = actions.map((a) => locationScale(a, n));
  const y = locationScale(outcome, n);
  return {shiftX: Float64Array.from(xs, (s) => s.location), scaleX: Float64Array.from(xs, (s) => s.scale), shiftY: y.location, scaleY: y.scale};
}

/** Checks an explicitly given standardization: K finite shifts, K positive finite scales. */
export function requireStandardization(s: Standardization, nVars: number): void {
  const check = (label: string, v: ArrayLike<number>, positive: boolean, length = nVars) => {
    if (!v || v.length !== length) fail(`standardization: ${label} has ${v?.length ?? 0} entries, expected ${length}`);
    for (let k = 0; k < length; k++) if (!Number.isFinite(v[k]) || (positive && !(v[k] > 0))) fail(`standardization: ${label}[${k}] = ${v[k]}; expected a ${positive ? "positive " : ""}finite number`);
  };
  check("shiftX", s.shiftX, false);
  check("scaleX", s.scaleX, true);
  check("shiftY", [s.shiftY], false, 1);
  check("scaleY", [s.scaleY], true, 1);
}
