import {fail} from "../validate.js";

/** One point of an error-vs-split curve: the mean error over SCMs and its standard error. */
export interface CurvePoint {
  split: number;
  mean: number;
  /** standard error of the mean (0 when only one run: no spread to show) */
  sem: number;
}

/** A contiguous range of splits around the best one, and every split that meets the tolerance. */
export interface FlatRange {
  /** smallest and largest split of the contiguous run of tolerated points that contains the best */
  from: number;
  to: number;
  /** every split meeting the tolerance (may include points outside the contiguous range) */
  splits: number[];
  /** the error a split may have and still count as "as good": best + SE of the best, or 1.05 × best */
  threshold: number;
}

export interface CurveOptimum {
  /** index of the smallest mean error (the first of ties) */
  index: number;
  best: CurvePoint;
  /** the best is the first or last split of the grid: the true optimum may lie beyond it */
  atEdge: boolean;
  /** splits whose mean error is at most best + its SE (the one-standard-error rule) */
  withinSe: FlatRange;
  /** splits whose mean error is at most 5% above the best */
  within5Percent: FlatRange;
}

/**
 * The optimum of an error-vs-split curve and how flat it is. The best split is the argmin of the
 * mean error; a split counts as as good as the best when its mean is within the best's standard
 * error (the one-standard-error rule of model selection) or, separately, within 5% of the best.
 * The reported range is the contiguous run of such splits containing the best (points sorted by
 * split), so a lucky isolated point far away does not widen it; `splits` lists them all.
 */
export function curveOptimum(points: CurvePoint[]): CurveOptimum {
  if (!Array.isArray(points) || points.length === 0) fail(`curveOptimum: expected a non-empty array of curve points, found ${Array.isArray(points) ? "an empty array" : typeof points}`);
  points.forEach((p, i) => {
    if (!Number.isFinite(p?.split) || !Number.isFinite(p?.mean) || !(p.mean >= 0) || !Number.isFinite(p?.sem) || p.sem < 0)
      fail(`curveOptimum: point ${i} must have a finite split, a mean >= 0 and a sem >= 0, found split ${p?.split}, mean ${p?.mean}, sem ${p?.sem}`);
    if (i > 0 && !(p.split > points[i - 1].split)) fail(`curveOptimum: splits must increase, found ${points[i - 1].split} then ${p.split} at point ${i}`);
  });
  let index = 0;
  points.forEach((p, i) => {
    if (p.mean < points[index].mean) index = i;
  });
  const best = points[index];
  const range = (threshold: number): FlatRange => {
    const ok = points.map((p) => p.mean <= threshold);
    let lo = index;
    let hi = index;
    while (lo > 0 && ok[lo - 1]) lo--;
    while (hi < points.length - 1 && ok[hi + 1]) hi++;
    return {from: points[lo].split, to: points[hi].split, splits: points.filter((_, i) => ok[i]).map((p) => p.split), threshold};
  };
  return {index, best, atEdge: points.length > 1 && (index === 0 || index === points.length - 1), withinSe: range(best.mean + best.sem), within5Percent: range(best.mean * 1.05)};
}
