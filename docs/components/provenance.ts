// Which code made a figure, and from where its rows came: a line for a page's footer, read
// from the loader file's metadata (data/run-experiments.ts, data/run-anm-experiment.ts).

interface Source {
  K: number[];
  runs: number;
  scale: "paper" | "reduced";
  source: string;
  code_version: string;
}

/** "Made by code 0.1.0+src.… (computed at build)", or per K for the sweeps: scale, SCMs, source file and code version. */
export function provenance(metadata: Record<string, string>): string {
  if (metadata.sources) {
    const sources = JSON.parse(metadata.sources) as Source[];
    return sources.map((s) => `K = ${s.K.join(", ")}: ${s.scale === "paper" ? "the paper's scale" : "reduced scale"}, ${s.runs} SCMs, ${s.source === "computed at build" ? "computed at build" : `from ${s.source}`} by code ${s.code_version}`).join("; ") + ".";
  }
  const where = metadata.source && metadata.source !== "computed at build" ? `from ${metadata.source}` : "computed at build";
  return `Results ${where} by code ${metadata.code_version ?? "of an unknown version"}.`;
}
