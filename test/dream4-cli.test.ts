// The `dream4` command: its hostile-input corpus (exit 2, one line, nothing written) in the
// style of bad-input-cli.test.ts, and its outputs, in-process through cliMain.
import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, readdirSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import test from "node:test";
import {tableFromIPC} from "apache-arrow";
import {cliMain} from "../src/cli/main.js";

async function cli(argv: string[]): Promise<{status: number; stdout: string; stderr: string}> {
  let stdout = "";
  let stderr = "";
  const status = await cliMain(argv, {stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stopped: () => false});
  return {status, stdout, stderr};
}

const PAIRS = "G6+G10,G6+G9,G5+G10,G5+G9,G5+G6";

/** [argv, message fragment]; every row exits 2 with one line and leaves the output directory as it was. */
const CORPUS: [string[], string][] = [
  [["dream4", "--knockouts", "G6+G11", "--out", "OUT/r.csv"], '--knockouts: unknown gene "G11" (genes: G1, G2, G3, G4, G5, G6, G7, G8, G9, G10)'],
  [["dream4", "--knockouts", "g6", "--out", "OUT/r.csv"], '--knockouts: unknown gene "g6"'],
  [["dream4", "--knockdowns", "G0", "--out", "OUT/r.csv"], '--knockdowns: unknown gene "G0"'],
  [["dream4", "--knockouts", "G1+G1", "--out", "OUT/r.csv"], '--knockouts: "G1+G1" lists a gene twice'],
  [["dream4", "--knockouts", "G6+G10,G10+G6", "--out", "OUT/r.csv"], '--knockouts: the set "G10+G6" is given twice'],
  [["dream4", "--knockouts", "", "--out", "OUT/r.csv"], "--knockouts: empty"],
  [["dream4", "--knockouts", "G5,,G6", "--out", "OUT/r.csv"], '--knockouts: empty gene set or gene name in ""'],
  [["dream4", "--knockouts", "G5+", "--out", "OUT/r.csv"], '--knockouts: empty gene set or gene name in "G5+"'],
  [["dream4", "--solver", "euler", "--out", "OUT/r.csv"], '--solver expects gnw, newton; got "euler"'],
  [["dream4", "--scale", "log", "--out", "OUT/r.csv"], '--scale expects published, model, max; got "log"'],
  [["dream4", "--noise", "loud", "--out", "OUT/r.csv"], '--noise expects none, dream4, sde, normal, lognormal, microarray; got "loud"'],
  [["dream4", "--multifactorial", "0", "--out", "OUT/r.csv"], "--multifactorial must be >= 1, got 0"],
  [["dream4", "--multifactorial", "2.5", "--out", "OUT/r.csv"], '--multifactorial expects an integer, got "2.5"'],
  [["dream4", "--multifactorial", "-3"], '--multifactorial expects a value, got "-3"'],
  [["dream4", "--multifactorial", "1e6"], "--multifactorial must be <= 100000, got 1000000"],
  [["dream4", "--sigma", "0.2", "--out", "OUT/r.csv"], "--sigma applies to --multifactorial only"],
  [["dream4", "--multifactorial", "2", "--sigma", "0.1,0.2"], "--sigma takes one value, got 2"],
  [["dream4", "--multifactorial", "2", "--sigma", "-0.1"], '--sigma expects a value, got "-0.1"'],
  [["dream4", "--seed", "x"], '--seed expects an integer, got "x"'],
  [["dream4", "--knockouts", "G5", "--knockouts", "G6", "--out", "OUT/r.csv"], "--knockouts given twice"],
  [["dream4", "--solver", "gnw", "--solver", "newton"], "--solver given twice"],
  [["dream4", "--json", "--json"], "--json given twice"],
  [["dream4", "--k", "3", "--out", "OUT/r.csv"], "--k does not apply to dream4"],
  [["dream4", "--runs", "3"], "--runs does not apply to dream4"],
  [["dream4", "extra"], 'unexpected argument "extra"'],
  [["dream4", "--knockouts", PAIRS, "--out", "OUT/r.txt"], "--out must end in .arrow or .csv"],
  [["dream4", "--knockouts", PAIRS, "--out", "OUT/adir.csv"], "is a directory"],
  [["dream4", "--knockouts", PAIRS, "--out", "OUT/missing/r.csv"], "does not exist"],
  [["main", "--knockouts", "G5", "--runs", "1", "--n", "300"], "--knockouts does not apply to main"],
  [["main", "--seed", "3", "--wild-type", "--runs", "1", "--n", "300"], "--wild-type does not apply to main"],
  [["ratio", "--solver", "gnw", "--runs", "1", "--n-total", "1000"], "--solver does not apply to ratio"],
  [["anm-network", "--noise", "dream4", "--runs", "1"], "--noise does not apply to anm-network"],
];

test("dream4 corpus: every hostile input exits 2 with one line naming the problem, writing nothing", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jel-dream4-"));
  mkdirSync(join(dir, "adir.csv"));
  for (const [argv, fragment] of CORPUS) {
    const args = argv.map((a) => a.replace(/^OUT\//, dir + "/"));
    const r = await cli(args);
    const what = args.join(" ");
    assert.equal(r.status, 2, `${what}: status ${r.status}, stderr ${r.stderr}`);
    assert.ok(r.stderr.includes(fragment), `${what}: expected "${fragment}" in: ${r.stderr}`);
    assert.equal(r.stderr.trim().split("\n").length, 1, `${what}: more than one line: ${r.stderr}`);
    assert.equal(r.stdout, "", what);
    assert.deepEqual(readdirSync(dir), ["adir.csv"], `${what}: left files behind`);
  }
});

test("dream4 --json: the five DREAM4 dual knockouts, G1..G10 each, knocked-out genes at 0 and untouched inputs G9/G10 at 1/C = 0.707740", async () => {
  const r = await cli(["dream4", "--knockouts", PAIRS, "--json", "--quiet"]);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as Record<string, Record<string, number>>;
  assert.deepEqual(Object.keys(doc), PAIRS.split(","));
  for (const [pair, values] of Object.entries(doc)) {
    assert.deepEqual(Object.keys(values), Array.from({length: 10}, (_, i) => `G${i + 1}`));
    const knocked = pair.split("+");
    for (const [gene, v] of Object.entries(values)) {
      if (knocked.includes(gene)) assert.ok(v < 1e-6, `${pair} ${gene} = ${v}`);
      else if (gene === "G9" || gene === "G10") assert.equal(v.toFixed(6), "0.707740");
      else assert.ok(v > 0 && v <= 0.70774 + 5e-7, `${pair} ${gene} = ${v}`);
    }
  }
  // the same through the exact fixed point differs, by at most 2e-3 model units
  const n = await cli(["dream4", "--knockouts", PAIRS, "--json", "--quiet", "--solver", "newton"]);
  const exact = JSON.parse(n.stdout) as Record<string, Record<string, number>>;
  let worst = 0;
  for (const pair of Object.keys(doc)) for (const g of Object.keys(doc[pair])) worst = Math.max(worst, Math.abs(doc[pair][g] - exact[pair][g]));
  assert.ok(worst > 1e-4 && worst < 2e-3 / 1.4129489, `GNW vs Newton ${worst}`);
});

test("dream4: single knockouts on the published scale reproduce the note's values / C; the table names the stop times", async () => {
  const r = await cli(["dream4", "--knockouts", "G5", "--knockdowns", "G9", "--wild-type", "--json", "--scale", "model"]);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as Record<string, Record<string, number>>;
  assert.deepEqual(Object.keys(doc), ["wild type", "G5", "knockdown G9"]);
  assert.equal(doc["G5"].G7.toFixed(6), "0.811468");
  assert.equal(doc["knockdown G9"].G9.toFixed(6), "0.500000");
  assert.equal(doc["wild type"].G1.toFixed(6), "0.575305");
  assert.match(r.stderr, /G5 +1300 /);
  assert.match(r.stderr, /differ from the exact fixed points by up to 1\.86e-3 \(model units\)/);
});

test("dream4 --out: CSV and Arrow with one row per experiment, seeded multifactorial and noisy runs reproduce", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jel-dream4-out-"));
  const csv = join(dir, "mf.csv");
  const args = ["dream4", "--multifactorial", "3", "--seed", "7", "--noise", "dream4", "--quiet"];
  const a = await cli([...args, "--out", csv]);
  assert.equal(a.status, 0, a.stderr);
  const text = readFileSync(csv, "utf8").trim().split("\n");
  assert.equal(text.length, 4);
  assert.equal(text[0], "experiment,kind,solver,scale,noise,stop_time,gnw_newton_max_diff,G1,G2,G3,G4,G5,G6,G7,G8,G9,G10");
  assert.match(text[1], /^multifactorial 1,multifactorial,gnw,published,dream4,\d+,/);
  const b = await cli([...args, "--json"]);
  const c = await cli([...args.map((s) => (s === "7" ? "8" : s)), "--json"]);
  assert.equal(b.stdout, (await cli([...args, "--json"])).stdout, "same seed, same output");
  assert.notEqual(b.stdout, c.stdout, "another seed, other samples");
  const arrow = join(dir, "pairs.arrow");
  const d = await cli(["dream4", "--knockouts", "pairs", "--quiet", "--out", arrow]);
  assert.equal(d.status, 0, d.stderr);
  const table = tableFromIPC(readFileSync(arrow));
  assert.equal(table.numRows, 45);
  assert.equal(table.schema.metadata.get("experiment"), "dream4");
  assert.deepEqual(readdirSync(dir).sort(), ["mf.csv", "pairs.arrow"]);
});

test("--help describes dream4", async () => {
  const r = await cli(["--help"]);
  assert.match(r.stdout, /dream4 +steady states/);
  assert.match(r.stdout, /--solver gnw\|newton/);
});
