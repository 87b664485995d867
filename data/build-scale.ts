/**
 * The scale at which loaders run: "default" keeps a cold build within minutes on two cores;
 * JEL_SCALE=paper runs every experiment at the paper's full settings.
 */
export type BuildScale = "default" | "paper";

export function buildScale(): BuildScale {
  const s = process.env.JEL_SCALE ?? "default";
  if (s !== "default" && s !== "paper") throw new Error(`JEL_SCALE must be "default" or "paper", got "${s}"`);
  return s;
}
