/**
 * The scale at which loaders run. Default: a scale that keeps a cold build short.
 * JEL_SCALE=paper runs the papers' full settings (slow until the fast engine lands).
 */
export type BuildScale = "default" | "paper";

export function buildScale(): BuildScale {
  const s = process.env.JEL_SCALE ?? "default";
  if (s !== "default" && s !== "paper") throw new Error(`JEL_SCALE must be "default" or "paper", got "${s}"`);
  return s;
}

export function progress(name: string) {
  const start = Date.now();
  return ({done, total}: {done: number; total: number}) => {
    if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0)
      process.stderr.write(`${name}: run ${done}/${total} (${((Date.now() - start) / 1000).toFixed(1)}s)\n`);
  };
}
