// Committed results (issue 16, part 3's machinery) with a tiny fixture made in the test: loaders
// use a results/ file whose config matches a panel exactly, say which file and code version made
// the figure, and prebuild warns when that version is not the current one. Also: the runtime's
// own room (no loader imports src/cli/), and the code version shared by the compiled command
// line, the launcher and the sources.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import test from "node:test";
import {tableFromIPC} from "apache-arrow";
import {cliMain} from "../src/cli/main.js";
import {PAPER_CONFIGS, type ExperimentConfig} from "../src/experiments/experiments.js";
import {codeVersion} from "../src/node/code-version.js";
import {decodeResults, encodeResults} from "../src/node/results-file.js";
import {findStoredResults, staleStoredResults} from "../src/node/stored-results.js";
import {provenance} from "../docs/components/provenance.js";
import {codeVersionOf, sourceHash} from "../scripts/source-hash.mjs";

const root = join(import.meta.dirname, "..");
const io = {stdout: () => {}, stderr: () => {}, stopped: () => false};
const tiny = (runs: number): ExperimentConfig => ({...PAPER_CONFIGS.main, K: [2], n: [300], runs, methods: ["intervention-generalization", "joint-topline"]});
const argv = (runs: number) => ["main", "--k", "2", "--n", "300", "--runs", String(runs), "--methods", "intervention-generalization,joint-topline", "--quiet"];

/** A results folder holding one merged file (two shards of `tiny(4)`) and, optionally, an older code version's file. */
async function fixture(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "jel-results-"));
  const results = join(dir, "results");
  mkdirSync(results);
  for (const i of [1, 2]) assert.equal(await cliMain([...argv(4), "--shard", `${i}/2`, "--out", join(dir, `s${i}.arrow`)], io), 0);
  assert.equal(await cliMain(["merge", join(results, "main-tiny.arrow"), join(dir, "s1.arrow"), join(dir, "s2.arrow"), "--quiet"], io), 0);
  return results;
}

test("stored results: the file whose config matches exactly is found, another config is not, shards are never used", async () => {
  const results = await fixture();
  const hit = findStoredResults(tiny(4), results);
  assert.ok(hit);
  assert.equal(hit.path, "results/main-tiny.arrow");
  assert.equal(hit.rows.length, 4 * 2);
  assert.equal(hit.metadata.code_version, codeVersion());
  assert.equal(findStoredResults(tiny(5), results), undefined);
  assert.equal(findStoredResults({...tiny(4), seed: 1}, results), undefined);
  // a stray shard file in results/ is not a result
  assert.equal(await cliMain([...argv(3), "--shard", "1/2", "--out", join(results, "stray.arrow")], io), 0);
  assert.equal(findStoredResults(tiny(3), results), undefined);
});

test("prebuild check: one warning per committed file made by another code version, naming both versions", async () => {
  const results = await fixture();
  assert.deepEqual(staleStoredResults(codeVersion(), results), []);
  const bytes = readFileSync(join(results, "main-tiny.arrow"));
  const {rows, metadata} = decodeResults(tiny(4), bytes, "main-tiny");
  writeFileSync(join(results, "main-old.arrow"), encodeResults("arrow", tiny(4), rows, {...metadata, code_version: "0.0.9+src.aaaaaaaaaaaa"}));
  const warnings = staleStoredResults(codeVersion(), results);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /main-old\.arrow \(main\) was made by code version 0\.0\.9\+src\.aaaaaaaaaaaa, the code is now 0\.1\.0\+src\.[0-9a-f]{12}/);
  // the prebuild script prints it
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/prebuild.ts"], {cwd: root, env: {...process.env, JEL_RESULTS_DIR: results}, encoding: "utf8"});
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /prebuild: warning: .*main-old\.arrow \(main\) was made by code version 0\.0\.9/);
});

test("loaders: a panel's committed paper-scale result is used and the page's provenance line names it; other panels are computed or left out", async () => {
  const results = await fixture();
  const script = `import {writeExperiments} from "./data/run-experiments.ts";
const tiny = (runs) => ({experiment: "main", K: [2], n: [300], ratios: [], runs, seed: 0, degree: 3, folds: 3, alphaGrid: "paper", testFraction: 0.2, methods: ["intervention-generalization", "joint-topline"]});
const k3 = (runs) => ({...tiny(runs), K: [3]});
await writeExperiments("t", [{paper: tiny(4), build: tiny(2)}, {paper: k3(9), build: k3(1)}, {paper: {...tiny(7), K: [4]}}]);`;
  const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {cwd: root, env: {...process.env, JEL_RESULTS_DIR: results}, maxBuffer: 1 << 26});
  assert.equal(r.status, 0, String(r.stderr));
  assert.match(String(r.stderr), /t: K 2: using results\/main-tiny\.arrow/);
  const table = tableFromIPC(new Uint8Array(r.stdout));
  const metadata = Object.fromEntries(table.schema.metadata);
  const sources = JSON.parse(metadata.sources);
  assert.deepEqual(sources.map((s: {K: number[]; runs: number; scale: string; source: string}) => [s.K, s.runs, s.scale, s.source]), [[[2], 4, "paper", "results/main-tiny.arrow"], [[3], 1, "reduced", "computed at build"]]);
  assert.equal(table.numRows, 4 * 2 + 1 * 2);
  const line = provenance(metadata);
  assert.match(line, /^K = 2: the paper's scale, 4 SCMs, from results\/main-tiny\.arrow by code 0\.1\.0\+src\.[0-9a-f]{12}; K = 3: reduced scale, 1 SCMs, computed at build by code /);
});

test("the runtime's own room: no loader imports src/cli/", () => {
  for (const f of readdirSync(join(root, "data")).filter((f) => f.endsWith(".ts"))) assert.doesNotMatch(readFileSync(join(root, "data", f), "utf8"), /from\s+["'][^"']*src\/cli\//, `data/${f} imports the command line`);
});

test("code version: the launcher's source hash, the sources' code version and the compiled build agree, and compiled output equals the sources' byte for byte", () => {
  assert.equal(codeVersionOf(root), codeVersion());
  assert.match(codeVersion(), new RegExp(`^0\\.1\\.0\\+src\\.${sourceHash(root)!.slice(0, 12)}$`));
  const dir = mkdtempSync(join(tmpdir(), "jel-compiled-"));
  const args = [...argv(2), "--kernel", "typescript"];
  const compiled = spawnSync(process.execPath, ["bin/jel.mjs", ...args, "--out", join(dir, "c.arrow")], {cwd: root, encoding: "utf8"});
  assert.equal(compiled.status, 0, compiled.stderr);
  const stamp = JSON.parse(readFileSync(join(root, "build", "stamp.json"), "utf8"));
  assert.equal(stamp.sourceHash, sourceHash(root), "bin/jel.mjs leaves build/ compiled from the current src/");
  const source = spawnSync(process.execPath, ["--import", "tsx", "src/cli/experiment.ts", ...args, "--out", join(dir, "s.arrow")], {cwd: root, encoding: "utf8"});
  assert.equal(source.status, 0, source.stderr);
  assert.ok(readFileSync(join(dir, "c.arrow")).equals(readFileSync(join(dir, "s.arrow"))));
  assert.equal(tableFromIPC(readFileSync(join(dir, "c.arrow"))).schema.metadata.get("code_version"), codeVersion());
});

test("the README's paper-scale commands produce exactly the configs the loaders look for in results/", async () => {
  const {configOf} = await import("../src/cli/main.js");
  const {canonicalJson} = await import("../src/node/results-file.js");
  const {ratioPanels, convergencePanels} = await import("../data/panels.js");
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## On a cluster"), readme.indexOf("## Layout"));
  const commands = [...section.matchAll(/^\| [^|]+ \| `((?:main|ratio|convergence)[^`]*)` \|/gm)].map((m) => m[1]);
  assert.equal(commands.length, 7, `expected the 7 panels of Kekić et al.'s figures in the README's table, found ${commands.length}`);
  const wanted = [PAPER_CONFIGS.main, ...ratioPanels("default").map((p) => p.paper), ...convergencePanels("default").map((p) => p.paper)].map(canonicalJson);
  const got = commands.map((c) => canonicalJson(configOf(c.split(/\s+/))));
  assert.deepEqual(got, wanted);
  // the Slurm lines of the K = 10 panels too
  const slurm = [...section.replace(/\\\n\s*/g, "").matchAll(/submit\.sh -n \d+ -c \d+ -o results\/\S+ -- (.+)$/gm)];
  assert.equal(slurm.length, 3);
  for (const m of slurm) assert.ok(wanted.includes(canonicalJson(configOf(m[1].trim().split(/\s+/)))), m[1]);
});
