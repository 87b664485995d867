// What scale a sweep figure was made at, in a sentence read from its loader's metadata
// (data/run-experiments.ts: `sources` per panel, `left_out` for panels this build did not run).

interface Source {
  K: number[];
  runs: number;
  scale: "paper" | "reduced";
  source: string;
}

interface LeftOut {
  K: number[];
  runs: number;
  cpu_hours: number;
}

const ks = (list: {K: number[]}[]) => list.map((s) => s.K.join(", ")).join(" and ");

/** e.g. "K = 2 and 5: the paper's scale, 100 SCMs per point (committed results). K = 10 is not in this build: …" */
export function scaleNote(metadata: Record<string, string>): HTMLSpanElement {
  const span = document.createElement("span");
  span.innerHTML = scaleText(metadata); // our own text: numbers and file names from the loader
  return span;
}

export function scaleText(metadata: Record<string, string>): string {
  const sources = JSON.parse(metadata.sources ?? "[]") as Source[];
  const leftOut = JSON.parse(metadata.left_out ?? "[]") as LeftOut[];
  const paper = sources.filter((s) => s.scale === "paper");
  const reduced = sources.filter((s) => s.scale === "reduced");
  const parts: string[] = [];
  const where = (list: Source[]) => (list.every((s) => s.source === "computed at build") ? "computed at build" : list.every((s) => s.source !== "computed at build") ? "committed results, made on a workstation" : "committed results or computed at build");
  if (paper.length) parts.push(`K = ${ks(paper)}: the paper's scale, ${[...new Set(paper.map((s) => s.runs))].join(" / ")} SCMs per point (${where(paper)}).`);
  if (reduced.length) parts.push(`K = ${ks(reduced)}: a reduced scale, ${[...new Set(reduced.map((s) => s.runs))].join(" / ")} SCMs per point and a shorter grid, to keep a cold build within minutes on two cores (${where(reduced)}); <code>JEL_SCALE=paper npm run build</code> runs the paper's.`);
  for (const l of leftOut)
    parts.push(`K = ${l.K.join(", ")} is not in this build: at the paper's scale (${l.runs} SCMs) it takes about ${l.cpu_hours.toFixed(1)} CPU-hours (cost model), a job for a cluster (README, "On a cluster", gives the Slurm command).`);
  return parts.join(" ");
}
