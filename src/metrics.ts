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
