// Shards and merge (issue 16): for every experiment command, the shards of a run merged in any
// order are byte for byte the unsharded run's --out; the task-based ANM runners give exactly
// the rows of the sequential loops they replaced; shard errors are one line naming files and
// tasks; --dry-run plans every shard from the cost model.
import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import test from "node:test";
import {csvFormatRows, csvParseRows} from "d3-dsv";
import {cliMain} from "../src/cli/main.js";
import {PAPER_CONFIGS} from "../src/experiments/experiments.js";
import {taskCosts, type AnyConfig} from "../src/experiments/task-list.js";
import {decodeResults, encodeResults} from "../src/node/results-file.js";
import {assignShards, parseShard} from "../src/node/shards.js";

async function cli(argv: string[]): Promise<{status: number; stdout: string; stderr: string}> {
  let stdout = "", stderr = "";
  const status = await cliMain(argv, {stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stopped: () => false});
  return {status, stdout, stderr};
}

const M = ["--methods", "intervention-generalization,joint-topline,structure-aware"];
/**
 * Small runs of every command, with the SHA-256 of their --out CSV as written by the code before
 * the ANM runners were split into tasks (commit a88ef03): the same config must give the same rows.
 */
const COMMANDS: {argv: string[]; shards: number; before?: string}[] = [
  {argv: ["main", "--k", "2", "--n", "300", "--runs", "3", ...M, "--kernel", "typescript"], shards: 3, before: "fa2062cd732b7bfbe929d1e4ac3e2d244ac32db2711ced13a262ae8473396e4a"},
  {argv: ["ratio", "--k", "2", "--n-total", "1200", "--ratios", "0.5,2", "--runs", "2", ...M, "--kernel", "typescript"], shards: 3, before: "ea4effbcb67bb98e25513352cebc402e748da4f3ff0e7a4e29f37ce6b0527a23"},
  {argv: ["convergence", "--k", "2", "--n-total", "600,1200", "--runs", "2", ...M, "--kernel", "typescript"], shards: 2, before: "56d54fe615e6fcbc02f721ffc81bae206eef86d3b598f6240640d138d121324f"},
  {argv: ["anm-consistency", "--n", "100,200", "--runs", "2", "--test-points", "200"], shards: 3, before: "13e5917cbe9d299d2df162e17c820760eb4cc3ac833571774b14b0100e33417c"},
  {argv: ["anm-parameters", "--n", "100,200", "--runs", "2"], shards: 2, before: "43df0b31a6a377c4fc484c06e9cf031325dce8a4b85e65249a92db703987f207"},
  {argv: ["anm-network", "--n", "100", "--c", "0.1", "--bootstrap", "40", "--test-points", "200", "--runs", "1", "--methods", "reg,oracle", "--network", "stand-in"], shards: 2, before: "d0ebad1a424c3e49c9a8917d4eba8a190f5c2ab34d1800d5f23d1d9fb625baed"},
  {argv: ["anm-uncertainty", "--n", "100", "--bootstrap", "40", "--points", "5", "--methods", "reg", "--network", "stand-in"], shards: 4, before: "6b315a86b630161e3a5b3c79bd1d7a49e03b35dadf8955d6f48aa98dc6347b35"},
  // the kinetic network (issue 15) postdates the sequential code: shards only
  {argv: ["anm-network", "--n", "100", "--c", "0.1", "--bootstrap", "40", "--test-points", "200", "--runs", "2", "--methods", "reg,oracle", "--multifactorial", "20"], shards: 3},
  {argv: ["anm-cross", "--n", "100,200", "--runs", "2", "--test-points", "100"], shards: 3, before: "6020e90c2a0e2c482636e0a5bf2825845627822a8f2ec5ad00cb82b81edf566a"},
];

const sha = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

/** The CSV without the effect-size columns (effect_sd, effect_mad) added after the hashes above were recorded. */
function withoutEffectSize(csv: string): string {
  const rows = csvParseRows(csv.trimEnd());
  const keep = rows[0].map((h, i) => (h === "effect_sd" || h === "effect_mad" ? -1 : i)).filter((i) => i >= 0);
  return csvFormatRows(rows.map((r) => keep.map((i) => r[i]))) + "\n";
}

for (const {argv, shards, before} of COMMANDS) {
  test(`${argv.join(" ")}: ${shards} shards merged (in reverse order) are byte-identical to the unsharded --out${before ? ", whose rows are those of the pre-task code" : ""}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), `jel-shard-${argv[0]}-`));
    const whole = join(dir, "whole.arrow");
    const r = await cli([...argv, "--quiet", "--out", whole]);
    assert.equal(r.status, 0, r.stderr);
    const bytes = readFileSync(whole);
    const meta = decodeResults(JSON.parse(decodeResults({experiment: argv[0]} as AnyConfig, bytes, whole).metadata.config), bytes, whole);
    const config = JSON.parse(meta.metadata.config) as AnyConfig;
    assert.match(meta.metadata.code_version, /^0\.1\.0\+src\.[0-9a-f]{12}$/);
    assert.match(meta.metadata.config_hash, /^[0-9a-f]{16}$/);
    if (before) assert.equal(sha(withoutEffectSize(encodeResults("csv", config, meta.rows, {}) as string)), before, "rows differ from the sequential code's");
    const parts: string[] = [];
    for (let i = 1; i <= shards; i++) {
      const part = join(dir, `part-${i}.arrow`);
      const s = await cli([...argv, "--quiet", "--shard", `${i}/${shards}`, "--out", part]);
      assert.equal(s.status, 0, s.stderr);
      assert.notDeepEqual(readFileSync(part), bytes, "a shard is not the whole file");
      parts.push(part);
    }
    const merged = join(dir, "merged.arrow");
    const m = await cli(["merge", merged, ...parts.reverse()]);
    assert.equal(m.status, 0, m.stderr);
    assert.ok(readFileSync(merged).equals(bytes), "merged file differs from the unsharded one");
    // merge prints the summary table the unsharded run printed
    assert.equal(m.stdout, r.stdout);
  });
}

test("merge: a missing, duplicated or foreign shard is one line naming the files and tasks, and nothing is written", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jel-merge-"));
  const base = ["main", "--k", "2", "--n", "300", "--runs", "4", "--methods", "intervention-generalization", "--kernel", "typescript", "--quiet"];
  for (let i = 1; i <= 4; i++) assert.equal((await cli([...base, "--shard", `${i}/4`, "--out", join(dir, `p${i}.arrow`)])).status, 0);
  assert.equal((await cli([...base.map((a) => (a === "4" ? "5" : a)), "--shard", "1/4", "--out", join(dir, "other.arrow")])).status, 0);
  assert.equal((await cli([...base, "--out", join(dir, "whole.arrow")])).status, 0);
  writeFileSync(join(dir, "notes.arrow"), "not arrow at all");
  const files = readdirSync(dir).sort();
  const p = (i: number) => join(dir, `p${i}.arrow`);
  const cases: [string[], RegExp][] = [
    [[p(1), p(2), p(4)], /task 2 \(of 4\) is in none of .*p1\.arrow, .*p2\.arrow, .*p4\.arrow: shard 3\/4 missing/],
    [[p(1), p(2)], /tasks 2, 3 \(of 4\) are in none of .*: shards 3\/4, 4\/4 missing/],
    [[p(1), p(2), p(3), p(4), p(3)], /p3\.arrow given twice/],
    [[p(1), p(2), p(3), p(4), join(dir, "other.arrow")], /other\.arrow is from another configuration than .*p1\.arrow \(config hash [0-9a-f]+ vs [0-9a-f]+\)/],
    [[p(1), join(dir, "whole.arrow")], /whole\.arrow is not a shard file \(no "shard" in its metadata; it looks like a whole main results file\)/],
    [[p(1), join(dir, "notes.arrow")], /notes\.arrow: not an Arrow IPC file/],
    [[p(1), join(dir, "absent.arrow")], /cannot read .*absent\.arrow \(ENOENT\)/],
  ];
  for (const [shards, message] of cases) {
    const r = await cli(["merge", join(dir, "out.arrow"), ...shards]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.deepEqual(readdirSync(dir).sort(), files, "merge must write nothing when it refuses");
  }
  // a copy of a shard under another name: the task is named, with both files
  writeFileSync(join(dir, "copy.arrow"), readFileSync(p(2)));
  const r = await cli(["merge", join(dir, "out.arrow"), p(1), p(2), p(3), p(4), join(dir, "copy.arrow")]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /task 1 appears in .*p2\.arrow \(shard 2\/4\) and .*copy\.arrow \(shard 2\/4\)/);
  // another code version
  const {metadata, rows} = decodeResults(JSON.parse(JSON.stringify({experiment: "main"})), readFileSync(p(4)), "p4");
  const config = JSON.parse(metadata.config);
  writeFileSync(join(dir, "old.arrow"), encodeResults("arrow", config, rows, {...metadata, code_version: "0.0.9+src.000000000000"}));
  const v = await cli(["merge", join(dir, "out.arrow"), p(1), p(2), p(3), join(dir, "old.arrow")]);
  assert.equal(v.status, 2);
  assert.match(v.stderr, /old\.arrow was made by code version 0\.0\.9\+src\.000000000000, .*p1\.arrow by 0\.1\.0\+src\./);
});

test("shards: LPT assignment covers every task once, deterministically, and balances the estimated cost", () => {
  assert.deepEqual(parseShard("3/8"), {index: 3, count: 8});
  for (const bad of ["0/4", "5/4", "1/0", "a/b", "2", "-1/4"]) assert.throws(() => parseShard(bad), /--shard/);
  const equal = assignShards(new Array(10).fill(1), 4);
  assert.deepEqual(equal.map((s) => s.length), [3, 3, 2, 2]);
  assert.throws(() => assignShards([1, 2], 3), /3 shards for 2 tasks: use at most 2 shards/);
  // Fig. 2b at paper scale: tasks differ in size by 100x; 8 shards stay within 2% of each other
  const ratio: AnyConfig = {...PAPER_CONFIGS.ratio, K: [5], n: [6e3, 6e4, 6e5], runs: 100};
  const costs = taskCosts(ratio).map((c) => c.cpuSeconds);
  const shards = assignShards(costs, 8);
  assert.deepEqual(shards.flat().sort((a, b) => a - b), costs.map((_, i) => i));
  assert.deepEqual(assignShards(costs, 8), shards);
  const loads = shards.map((ids) => ids.reduce((s, id) => s + costs[id], 0));
  assert.ok(Math.max(...loads) / Math.min(...loads) < 1.02, `loads ${loads.map((l) => l.toFixed(0)).join(", ")}`);
  // contiguous blocks of equal count (a split by count alone) would be off by far more
  const block = Math.ceil(costs.length / 8);
  const byCount = Array.from({length: 8}, (_, s) => costs.slice(s * block, (s + 1) * block).reduce((a, b) => a + b, 0));
  assert.ok(Math.max(...byCount) / Math.min(...byCount) > 1.05);
});

test("--dry-run prints the task count and each shard's CPU time and memory, and runs nothing", async () => {
  const r = await cli(["anm-consistency", "--dry-run", "--shard", "2/4"]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  assert.match(lines[0], /^anm-consistency: 500 tasks, about [\d.e-]+ CPU-hours/);
  assert.equal(lines.length, 2 + 4);
  const counts = lines.slice(2).map((l) => Number(l.trim().split(/\s+/)[1]));
  assert.equal(counts.reduce((a, b) => a + b, 0), 500);
  assert.match(lines[2], /^1\/4\s+\d+\s+\S+ (s|min|h)\s+.* MB/);
  const bad = await cli(["main", "--dry-run", "--shard", "1/200", "--runs", "100"]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /200 shards for 100 tasks: use at most 100 shards/);
});
