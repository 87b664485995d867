import type {ResultRow} from "../lib/experiments/experiments.js";
import {resultsToCsv} from "../lib/io/results-table.js";
import {recordsToCsv, type FlatRecord} from "../lib/io/record-table.js";

/** Download links for a results file (Arrow, as built) and the same rows as CSV, plus the command that reproduces it. */
export function downloads(arrowHref: string, name: string, rows: ResultRow[], command: string): HTMLElement {
  return downloadLinks(arrowHref, name, resultsToCsv(rows), command);
}

/** The same for a file of flat records (the ANM experiments). */
export function recordDownloads(arrowHref: string, name: string, rows: FlatRecord[], command: string): HTMLElement {
  return downloadLinks(arrowHref, name, recordsToCsv(rows), command);
}

function downloadLinks(arrowHref: string, name: string, csvText: string, command: string): HTMLElement {
  const p = document.createElement("p");
  p.className = "jel-meta";
  const link = (href: string, file: string, text: string) => {
    const a = document.createElement("a");
    a.href = href;
    a.download = file;
    a.textContent = text;
    return a;
  };
  const csv = URL.createObjectURL(new Blob([csvText], {type: "text/csv"}));
  p.append("Download the per-run results: ", link(arrowHref, `${name}.arrow`, "Arrow"), " · ", link(csv, `${name}.csv`, "CSV"), `. Reproduce from the command line${command.includes("\n") ? " (one command per line)" : ""}:`);
  // one <code> per command, each on its own line
  for (const line of command.split("\n")) {
    const code = document.createElement("code");
    code.textContent = line;
    p.append(document.createElement("br"), code);
  }
  return p;
}
