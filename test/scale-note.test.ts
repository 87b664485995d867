// The scale sentence of the sweep pages (docs/components/scale-note.ts), from loader metadata.
import assert from "node:assert/strict";
import {test} from "node:test";
import {scaleText} from "../docs/components/scale-note.js";

const source = (K: number, runs: number, scale: "paper" | "reduced", file = "computed at build") => ({K: [K], runs, scale, source: file, code_version: "0.1.0+src.000000000000"});

test("committed paper-scale panels and a left-out K = 10 are each named with their numbers", () => {
  const text = scaleText({sources: JSON.stringify([source(2, 100, "paper", "results/ratio-k2-paper.arrow"), source(5, 100, "paper", "results/ratio-k5-paper.arrow")]), left_out: JSON.stringify([{K: [10], runs: 100, cpu_hours: 14.352}])});
  assert.match(text, /^K = 2 and 5: the paper's scale, 100 SCMs per point \(committed results, made on a workstation\)\./);
  assert.match(text, /K = 10 is not in this build: at the paper's scale \(100 SCMs\) it takes about 14\.4 CPU-hours/);
  assert.doesNotMatch(text, /reduced/);
});

test("a reduced build says so, how many SCMs, and how to get the paper's scale", () => {
  const text = scaleText({sources: JSON.stringify([source(2, 30, "reduced"), source(5, 30, "reduced")]), left_out: "[]"});
  assert.match(text, /^K = 2 and 5: a reduced scale, 30 SCMs per point .*\(computed at build\); <code>JEL_SCALE=paper npm run build<\/code>/);
  assert.doesNotMatch(text, /paper's scale, /);
});

test("metadata without sources gives no sentence rather than a wrong one", () => {
  assert.equal(scaleText({}), "");
});
