import {fail, requireFinite, requireFiniteColumn} from "./validate.js";

/** Root mean squared error between two equal-length columns. */
export function rmse(pred: ArrayLike<number>, target: ArrayLike<number>): number {
  if (pred.length !== target.length) throw new Error(`rmse: ${pred.length} predictions for ${target.length} targets`);
  if (pred.length === 0) throw new Error("rmse of zero rows");
  let s = 0;
  for (let i = 0; i < pred.length; i++) s += (pred[i] - target[i]) ** 2;
  return Math.sqrt(s / pred.length);
}

/** Arithmetic mean of a column. */
export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/** Mean and standard error of the mean (sd with ddof 1 over sqrt(n); NaN for n = 1). */
export function meanSem(values: ArrayLike<number>): {mean: number; sem: number; n: number} {
  const n = values.length;
  if (n === 0) return {mean: NaN, sem: NaN, n};
  let m = 0;
  for (let i = 0; i < n; i++) m += values[i];
  m /= n;
  if (n === 1) return {mean: m, sem: NaN, n};
  let v = 0;
  for (let i = 0; i < n; i++) v += (values[i] - m) ** 2;
  return {mean: m, sem: Math.sqrt(v / (n - 1) / n), n};
}

/** Mean absolute error between two equal-length columns. */
export function mae(pred: ArrayLike<number>, target: ArrayLike<number>): number {
  if (pred.length !== target.length) throw new Error(`mae: ${pred.length} predictions for ${target.length} targets`);
  if (pred.length === 0) throw new Error("mae of zero rows");
  let s = 0;
  for (let i = 0; i < pred.length; i++) s += Math.abs(pred[i] - target[i]);
  return s / pred.length;
}

/** Ranks 1..n, ties sharing their average rank (as scipy.stats.rankdata). */
export function ranks(values: ArrayLike<number>): Float64Array {
  requireFiniteColumn("ranks: values", values);
  const sorted = Float64Array.from(values).sort();
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    let up = lo;
    hi = sorted.length;
    while (up < hi) {
      const mid = (up + hi) >>> 1;
      if (sorted[mid] <= v) up = mid + 1;
      else hi = mid;
    }
    out[i] = (lo + up + 1) / 2;
  }
  return out;
}

/** Pearson correlation of two equal-length columns. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (n !== b.length || n < 2) fail(`pearson: need two columns of the same length >= 2, got ${n} and ${b.length}`);
  requireFiniteColumn("pearson: first column", a);
  requireFiniteColumn("pearson: second column", b);
  const ma = mean(a), mb = mean(b);
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma, db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Spearman's rank correlation; pass precomputed target ranks to rank a fixed target once. */
export function spearman(pred: ArrayLike<number>, target: ArrayLike<number>, targetRanks?: ArrayLike<number>): number {
  if (pred.length !== target.length) fail(`spearman: ${pred.length} predictions for ${target.length} targets`);
  requireFiniteColumn("spearman: predictions", pred);
  requireFiniteColumn("spearman: targets", target);
  const r = targetRanks ?? ranks(target);
  if (r.length !== pred.length) fail(`spearman: ${r.length} target ranks for ${pred.length} predictions`);
  return pearson(ranks(pred), r);
}

/** The q-quantile (0..1) by linear interpolation between order statistics (numpy's default). */
export function quantile(values: ArrayLike<number>, q: number): number {
  requireFinite("quantile: q", q);
  if (q < 0 || q > 1) fail(`quantile: q = ${q}; expected a level in [0, 1]`);
  if (values.length === 0) fail("quantile: no values; expected at least one");
  requireFiniteColumn("quantile: values", values);
  const s = Float64Array.from(values).sort();
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}
