// Number formatting for prose and tables: nothing non-finite ever reaches a reader.

/** A number with fixed digits, or an en dash when it is not finite. */
export function num(x: number | undefined | null, digits = 3): string {
  return typeof x === "number" && Number.isFinite(x) ? x.toFixed(digits) : "–";
}

/** "mean ± sem", or the mean alone when there is one run (no SEM) or the SEM is not finite. */
export function pm(s: {mean: number; sem: number; runs?: number} | undefined | null, digits = 3): string {
  if (!s || !Number.isFinite(s.mean)) return "–";
  const single = s.runs !== undefined && s.runs < 2;
  return single || !Number.isFinite(s.sem) ? s.mean.toFixed(digits) : `${s.mean.toFixed(digits)} ± ${s.sem.toFixed(digits)}`;
}

/** "seed 4" or "seeds 4–7". */
export function seeds(first: number, count: number): string {
  return count <= 1 ? `seed ${first}` : `seeds ${first}–${first + count - 1}`;
}

/** "1 SCM" / "30 SCMs", "1 run" / "5 runs". */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

/** Integer with thousands separators; large powers of ten as 10^k when asked. */
export function count(n: number): string {
  return Number.isFinite(n) ? n.toLocaleString("en-US") : "–";
}

/** A percentage of a whole, e.g. pct(0.314) = "31%". */
export function pct(x: number, digits = 0): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(digits)}%` : "–";
}

/** Table formatter for numbers: fixed digits, en dash for non-finite. */
export const fixed = (digits: number) => (x: number) => num(x, digits);

/** Sample sd (ddof 0) of an array. */
export function sd(values: number[]): number {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / values.length);
}

/** Mean of an array (NaN when empty). */
export function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
