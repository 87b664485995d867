import type {ResultRow} from "../lib/experiments/experiments.js";
import {resultsToCsv} from "../lib/io/results-table.js";

/** Download links for a results file (Arrow, as built) and the same rows as CSV, plus the command that reproduces it. */
export function downloads(arrowHref: string, name: string, rows: ResultRow[], command: string): HTMLElement {
  const p = document.createElement("p");
  p.className = "jel-meta";
  const link = (href: string, file: string, text: string) => {
    const a = document.createElement("a");
    a.href = href;
    a.download = file;
    a.textContent = text;
    return a;
  };
  const csv = URL.createObjectURL(new Blob([resultsToCsv(rows)], {type: "text/csv"}));
  const code = document.createElement("code");
  code.textContent = command;
  p.append("Download the per-run results: ", link(arrowHref, `${name}.arrow`, "Arrow"), " · ", link(csv, `${name}.csv`, "CSV"), ". Reproduce from the command line:", document.createElement("br"), code);
  return p;
}
