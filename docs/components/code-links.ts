// "Code for this figure": the loader and the library modules that produced a figure, as paths a
// reader can open in a fork of the repository (pages import the library through docs/lib -> src).

export interface CodeSources {
  /** the data loader, e.g. "data/main-experiment.arrow.ts" */
  loader?: string;
  /** library functions, as "src/path.ts: fn1, fn2" */
  library?: string[];
  /** page components, as "docs/components/x.ts: fn" */
  chart?: string[];
  /** worker or in-page code for live runs */
  live?: string[];
}

export function codeFor(sources: CodeSources): HTMLElement {
  const box = document.createElement("div");
  box.className = "jel-code";
  const title = document.createElement("span");
  title.textContent = "Code for this figure:";
  const list = document.createElement("ul");
  const item = (role: string, path: string) => {
    const li = document.createElement("li");
    const [file, fns] = path.split(/:\s*/, 2);
    const code = document.createElement("code");
    code.textContent = file;
    li.append(`${role} `, code);
    if (fns) li.append(` (${fns})`);
    list.append(li);
  };
  if (sources.loader) item("loader", sources.loader);
  for (const p of sources.library ?? []) item("library", p);
  for (const p of sources.chart ?? []) item("chart", p);
  for (const p of sources.live ?? []) item("live run", p);
  box.append(title, list);
  return box;
}
