// The hostile-input corpus of the command line: each row is argv, the expected exit status and
// a fragment of the one-line message, and the check that no output (or temporary) file exists
// afterwards. New commands add their rows here. Rows run in-process through cliMain (the same
// function the executable calls); the process-level cases (signals, a dying launcher) spawn it.
import assert from "node:assert/strict";
import {spawn, spawnSync} from "node:child_process";
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, lstatSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import test from "node:test";
import {tableFromIPC} from "apache-arrow";
import {cliMain} from "../src/cli/main.js";
import {removeStaleTemps} from "../src/node/output-file.js";

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], onStderr?: (s: string) => void): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const status = await cliMain(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => {
      stderr += s;
      onStderr?.(s);
    },
    stopped: () => false,
  });
  return {status, stdout, stderr};
}

const SMALL = ["--k", "2", "--n", "300", "--runs", "1", "--quiet", "--methods", "intervention-generalization,joint-topline"];
const ANM_SMALL = ["--n", "100", "--runs", "1", "--test-points", "200", "--quiet"];

/** [argv, exit status, message fragment]; every row must leave the output directory empty. */
const CORPUS: [string[], number, string | RegExp][] = [
  // experiment names and flags
  [[], 2, "missing experiment name"],
  [["sideways"], 2, 'unknown experiment "sideways"'],
  [["main", "--frobnicate"], 2, "Unknown option '--frobnicate'"],
  [["main", "extra"], 2, 'unexpected argument "extra"'],
  [["main", "--k", "2", "--k", "3"], 2, "--k given twice"],
  [["main", "--json", "--json"], 2, "--json given twice"],
  [["main", "--k", "-1"], 2, '--k expects a value, got "-1"'],
  [["main", "--k=-1"], 2, "--k values must be >= 1, got -1"],
  [["main", "--k", "0"], 2, "--k values must be >= 1"],
  [["main", "--n", "ten"], 2, '--n expects integers, got "ten"'],
  [["main", "--n", "3"], 2, "too small to split"],
  [["main", "--runs", "0"], 2, "--runs must be >= 1"],
  [["main", "--runs", "1.5"], 2, '--runs expects an integer, got "1.5"'],
  [["main", "--n-total", "1000"], 2, "main takes --n"],
  [["ratio", "--n", "1000"], 2, "ratio takes --n-total"],
  [["main", "--ratios", "1"], 2, "--ratios applies to the ratio experiment only"],
  [["ratio", "--ratios", "0.5,-1"], 2, "--ratios values must be > 0, got -1"],
  [["ratio", "--ratios", "0"], 2, "--ratios values must be > 0, got 0"],
  [["main", "--kernel", "gpu"], 2, "--kernel expects"],
  [["main", "--workers", "0"], 2, "--workers must be >= 1"],
  [["main", "--alphas", "huge"], 2, '--alphas expects "paper" or "wide"'],
  [["main", "--c", "0.5"], 2, "--c does not apply to main"],
  [["anm-consistency", "--k", "3"], 2, "--k does not apply to anm-consistency"],
  // duplicates in list flags would pool runs (issue 11, item 2)
  [["main", "--k", "2,2"], 2, "--k lists 2 twice"],
  [["main", "--n", "2000,2000"], 2, "--n lists 2000 twice"],
  [["main", "--n", "2000,2e3"], 2, "--n lists 2000 twice"],
  [["ratio", "--ratios", "0.5,0.5"], 2, "--ratios lists 0.5 twice"],
  [["main", "--methods", "pooled,pooled"], 2, "--methods lists pooled twice"],
  [["anm-consistency", "--n", "100,100"], 2, "--n lists 100 twice"],
  [["anm-consistency", "--mechanism", "linear,linear"], 2, "--mechanism lists linear twice"],
  [["anm-cross", "--dgps", "additive,additive"], 2, "--dgps lists additive twice"],
  [["anm-consistency", "--methods", "reg,reg"], 2, "--methods lists reg twice"],
  [["anm-network", "--c", "0.1,0.1"], 2, "--c lists 0.1 twice"],
  // issue 15: the network's parameterisation
  [["anm-network", "--network", "fitted"], 2, '--network: unknown value "fitted" (known: kinetic, stand-in)'],
  [["anm-network", "--network", "kinetic,stand-in"], 2, "--network takes one value, got 2"],
  [["anm-network", "--network", "kinetic,kinetic"], 2, "--network lists kinetic twice"],
  [["anm-uncertainty", "--network", ""], 2, "--network expects a comma-separated list of: kinetic, stand-in"],
  [["anm-network", "--multifactorial", "10"], 2, "--multifactorial must be >= 11, got 10"],
  [["anm-uncertainty", "--multifactorial", "1e9"], 2, "--multifactorial must be <= 100000"],
  [["anm-uncertainty", "--multifactorial", "many"], 2, '--multifactorial expects an integer, got "many"'],
  [["anm-network", "--network", "stand-in", "--multifactorial", "50"], 2, "--multifactorial applies only to --network kinetic"],
  [["anm-consistency", "--network", "kinetic"], 2, "--network does not apply to anm-consistency"],
  // methods a command does not fit are errors, never another method's numbers (item 1)
  [["anm-consistency", "--methods", "reg-ind,anm-quadratic"], 2, 'unknown value "anm-quadratic" (known: anm, anm-paper, reg, reg-ind, oracle)'],
  [["anm-parameters", "--methods", "anm-quadratic"], 2, 'unknown value "anm-quadratic"'],
  [["anm-network", "--methods", "anm-quadratic"], 2, 'unknown value "anm-quadratic"'],
  [["anm-uncertainty", "--methods", "anm-quadratic"], 2, 'unknown value "anm-quadratic"'],
  [["main", "--methods", "anm"], 2, '--methods: unknown value "anm"'],
  [["main", "--methods", ""], 2, "--methods expects a comma-separated list"],
  [["anm-cross", "--methods", "anm"], 2, "--methods does not apply to anm-cross"],
  [["anm-consistency", "--mechanism", "cubic"], 2, '--mechanism: unknown value "cubic"'],
  // crashes that used to print stack traces (item 9)
  [["main", "--seed", "9007199254740991", "--runs", "2"], 2, "--seed must be <= 9007199254740990"],
  [["anm-cross", "--seed", "9007199254740991", "--runs", "2"], 2, "--seed must be <= 9007199254740990"],
  [["main", "--seed", "-3"], 2, '--seed expects a value, got "-3"'],
  [["main", "--seed", "1e300"], 2, '--seed expects an integer, got "1e300"'],
  [["anm-uncertainty", "--c", "0.999"], 2, "confounding level c = 0.999: no positive-definite"],
  [["anm-network", "--c", "0.999", "--n", "100"], 2, "confounding level c = 0.999: no positive-definite"],
  [["anm-network", "--c", "1"], 2, "confounding level c must be in [0, 1)"],
  // sizes that cannot fit (item 10)
  [["main", "--k", "40", "--methods", "intervention-generalization"], 2, /needs about [\d.]+ (GB|TB) of memory .* pass --force/],
  [["main", "--n", "1e12", "--runs", "1"], 2, /needs about [\d.e+]+ TB of memory/],
  [["main", "--degree", "400", "--methods", "intervention-generalization"], 2, /needs about .* of memory/],
  [["main", "--k", "20", "--n", "10000", "--runs", "1"], 2, "the indicator form of IG at K = 20"],
  [["anm-consistency", "--n", "1e12"], 2, /needs about .* TB of memory/],
  [["anm-network", "--test-points", "1e12"], 2, /needs about .* TB of memory/],
  // labels that would lie (item 11)
  [["anm-network", "--bootstrap", "0"], 2, "bootstrap rounds must be an integer >= 40 for a 95% percentile interval"],
  [["anm-uncertainty", "--bootstrap", "2"], 2, "bootstrap rounds must be an integer >= 40"],
  // plan: how to spend a budget (issue 13, part 3)
  [["plan"], 2, "plan needs --k"],
  [["plan", "--k", "5", "--n-total", "6e4"], 2, "plan needs --cost"],
  [["plan", "--k", "0", "--n-total", "6e4", "--cost", "5"], 2, "--k values must be > 0, got 0"],
  [["plan", "--k", "11", "--n-total", "6e4", "--cost", "5"], 2, "K must be an integer from 1 to 10, got 11"],
  [["plan", "--k", "2.5", "--n-total", "6e4", "--cost", "5"], 2, '--k expects integers, got "2.5"'],
  [["plan", "--k", "2,3", "--n-total", "6e4", "--cost", "5"], 2, "--k takes one value, got 2"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "-5"], 2, '--cost expects a value, got "-5"'],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost=-5"], 2, "--cost values must be > 0, got -5"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "0"], 2, "--cost values must be > 0, got 0"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "cheap"], 2, '--cost expects numbers, got "cheap"'],
  [["plan", "--k", "5", "--n-total", "0", "--cost", "5"], 2, "--n-total values must be > 0, got 0"],
  [["plan", "--k", "5", "--n-total", "500", "--cost", "5"], 2, "at split 0.05, N_tot = 500 at cost 5 buys 1 rows per single-intervention regime"],
  [["plan", "--k", "1", "--n-total", "6002", "--cost", "1", "--splits", "0.9999"], 2, "at split 0.9999, N_tot = 6002 leaves 1 observational rows"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "5", "--splits", "0.2,0.5,0.2"], 2, "--splits lists 0.2 twice"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "5", "--splits", "0.2,1"], 2, "--splits values must be < 1"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "5", "--splits", "1.5"], 2, "--splits values must be <= 1, got 1.5"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "5", "--splits", "0"], 2, "--splits values must be > 0, got 0"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "5", "--runs", "1"], 2, "--runs must be >= 2"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "5", "--methods", "joint-topline"], 2, '--methods: unknown value "joint-topline"'],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "5", "--methods", "structure-aware,structure-aware"], 2, "--methods lists structure-aware twice"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "5", "--topline-n", "6e4"], 2, "the topline needs at least 2 values of N, got 1"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "5", "--topline-n", "1e3,1000"], 2, "--topline-n lists 1000 twice"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "5", "--topline-n", "12,6e4"], 2, "at K = 5, N_tot = 12 the observational dataset has 2 rows: too small to split"],
  [["plan", "--k", "5", "--k", "3"], 2, "--k given twice"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "5", "--n", "100"], 2, "plan: Unknown option '--n'"],
  [["plan", "--frobnicate"], 2, "plan: Unknown option '--frobnicate'"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "5", "extra"], 2, 'plan: unexpected argument "extra"'],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "5", "--kernel", "gpu"], 2, "--kernel expects best, wasm-simd or typescript"],
  [["plan", "--k", "5", "--n-total", "6e4", "--cost", "5", "--seed", "9007199254740991"], 2, "--seed must be <= 9007199254740962"],
  [["plan", "--k", "2", "--n-total", "3000", "--cost", "2", "--runs", "2", "--out", "OUT/r.txt"], 2, "--out must end in .arrow or .csv"],
  [["plan", "--k", "2", "--n-total", "3000", "--cost", "2", "--runs", "2", "--out", "OUT/adir.csv"], 2, "is a directory"],
  // output paths (items 6, 8): checked before any work
  [["main", ...SMALL, "--out", "OUT/r.txt"], 2, "--out must end in .arrow or .csv"],
  [["main", ...SMALL, "--out", "OUT/missing/r.csv"], 2, /directory ".*missing" does not exist/],
  [["main", ...SMALL, "--out", "OUT/adir.csv"], 2, /"[^"]*adir\.csv" is a directory/],
  [["main", ...SMALL, "--out", "OUT/readonly.csv"], 2, /"[^"]*readonly\.csv" is read-only; refusing to replace it/],
  [["main", ...SMALL, "--out", "OUT/dangling.csv"], 2, /is a symbolic link to ".*nowhere\.csv", which does not exist/],
  [["anm-parameters", ...ANM_SMALL.filter((a) => a !== "--test-points" && a !== "200"), "--out", "OUT/adir.csv"], 2, "is a directory"],
  // shards and merge (issue 16); missing, duplicated and foreign shard files: test/shards.test.ts
  [["main", ...SMALL, "--shard", "0/4", "--out", "OUT/p.arrow"], 2, "--shard 0/4: i must be in 1..4"],
  [["main", ...SMALL, "--shard", "5/4", "--out", "OUT/p.arrow"], 2, "--shard 5/4: i must be in 1..4"],
  [["main", ...SMALL, "--shard", "1/0", "--out", "OUT/p.arrow"], 2, "the number of shards must be >= 1"],
  [["main", ...SMALL, "--shard", "half", "--out", "OUT/p.arrow"], 2, '--shard expects i/n (e.g. 2/8: the second of 8 shards), got "half"'],
  [["main", ...SMALL, "--shard", "1/1"], 2, "--shard 1/1 writes a partial results file for merge: give --out FILE.arrow"],
  [["main", ...SMALL, "--shard", "1/1", "--out", "OUT/p.csv"], 2, "give --out FILE.arrow"],
  [["main", ...SMALL, "--shard", "1/1", "--out", "OUT/p.arrow", "--json"], 2, "--json does not apply to one shard"],
  [["main", ...SMALL, "--shard", "1/3", "--out", "OUT/p.arrow"], 2, "3 shards for 1 task: use at most 1 shard"],
  [["anm-cross", "--runs", "1", "--n", "100", "--dgps", "additive", "--shard", "1/2", "--out", "OUT/p.arrow"], 2, "2 shards for 1 task"],
  [["anm-uncertainty", "--shard", "1/2", "--shard", "2/2"], 2, "--shard given twice"],
  [["main", ...SMALL, "--dry-run", "--out", "OUT/p.arrow"], 2, "--dry-run runs nothing: leave out --out and --json"],
  // violation (issue 13)
  [["violation"], 2, "violation needs --kind"],
  [["violation", "--kind", "sideways"], 2, '--kind expects one of interaction'],
  [["violation", "--kind", "interaction", "--kind", "narrow"], 2, "--kind given twice"],
  [["violation", "--kind", "interaction", "--lambda", "0,0.5,0.5"], 2, "--lambda lists 0.5 twice"],
  [["violation", "--kind", "interaction", "--lambda", "-1"], 2, '--lambda expects a value, got "-1"'],
  [["violation", "--kind", "interaction", "--lambda=-1"], 2, "--lambda values must be >= 0, got -1"],
  [["violation", "--kind", "interaction", "--lambda", "nan"], 2, '--lambda expects numbers, got "nan"'],
  [["violation", "--kind", "narrow", "--lambda", "1.5"], 2, "--lambda values must be <= 1, got 1.5"],
  [["violation", "--kind", "anm-noise", "--lambda", "2"], 2, "--lambda values must be <= 1, got 2"],
  [["violation", "--kind", "anm-dag", "--k", "5"], 2, "--k must be 3"],
  [["violation", "--kind", "interaction", "--k", "1"], 2, "--k values must be >= 2, got 1"],
  [["violation", "--kind", "interaction", "--k", "3,3"], 2, "--k lists 3 twice"],
  [["violation", "--kind", "interaction", "--n", "100"], 2, "--n values must be >= 200, got 100"],
  [["violation", "--kind", "interaction", "--n", "1e4,2e4"], 2, "--n takes one value for violation"],
  [["violation", "--kind", "interaction", "--runs", "0"], 2, "--runs must be >= 1"],
  [["violation", "--kind", "interaction", "--seed", "-3"], 2, '--seed expects a value, got "-3"'],
  [["violation", "--kind", "interaction", "--seed", "2147483647"], 2, "--seed must be <="],
  [["violation", "--kind", "interaction", "--shard", "1/2", "--out", "OUT/p.arrow"], 2, "--shard is not supported by violation"],
  [["violation", "--kind", "interaction", "--workers", "2"], 2, "--workers is not supported by violation"],
  [["violation", "--kind", "interaction", "--methods", "pooled"], 2, "--methods does not apply to violation"],
  [["violation", "--kind", "interaction", "--out", "OUT/adir.csv"], 2, "adir.csv"],
  [["violation", "--kind", "interaction", "--out", "OUT/r.txt"], 2, ".arrow or .csv"],
  [["main", "--kind", "narrow"], 2, "--kind does not apply to main"],
  [["anm-cross", "--lambda", "0.5"], 2, "--lambda does not apply to anm-cross"],
  [["dream4", "--kind", "narrow"], 2, "--kind does not apply to dream4"],
  [["merge"], 2, "merge: missing output file"],
  [["merge", "OUT/m.csv", "OUT/a.arrow"], 2, 'merge writes an Arrow file: OUT must end in .arrow'],
  [["merge", "OUT/m.arrow"], 2, "merge: no shard files given"],
  [["merge", "OUT/m.arrow", "OUT/nothing.arrow"], 2, /merge: cannot read .*nothing\.arrow \(ENOENT\)/],
  [["merge", "OUT/m.arrow", "OUT/readonly.csv"], 2, /merge: .*readonly\.csv: not an Arrow IPC file/],
  [["merge", "OUT/missing/m.arrow", "OUT/readonly.csv"], 2, /directory ".*missing" does not exist/],
  [["merge", "OUT/m.arrow", "OUT/x.arrow", "--frobnicate"], 2, "merge: Unknown option '--frobnicate'"],
];

/** A directory holding the fixtures some rows need: a directory named like a file, a read-only file, a dangling link. */
function fixtureDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "jel-corpus-"));
  mkdirSync(join(dir, "adir.csv"));
  writeFileSync(join(dir, "readonly.csv"), "keep me\n");
  chmodSync(join(dir, "readonly.csv"), 0o444);
  symlinkSync(join(dir, "nowhere.csv"), join(dir, "dangling.csv"));
  return dir;
}
const FIXTURES = ["adir.csv", "dangling.csv", "readonly.csv"];

test("CLI corpus: every hostile input exits with its status and one line naming the problem, writing nothing", async () => {
  const dir = fixtureDir();
  for (const [argv, status, fragment] of CORPUS) {
    const args = argv.map((a) => a.replace(/^OUT\//, dir + "/"));
    const r = await cli(args);
    const what = args.join(" ");
    assert.equal(r.status, status, `${what}: status ${r.status}, stderr ${r.stderr}`);
    if (typeof fragment === "string") assert.ok(r.stderr.includes(fragment), `${what}: expected "${fragment}" in: ${r.stderr}`);
    else assert.match(r.stderr, fragment, what);
    assert.equal(r.stderr.trim().split("\n").length, 1, `${what}: more than one line: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\n\s+at /, what);
    assert.equal(r.stdout, "", what);
    assert.deepEqual(readdirSync(dir).sort(), FIXTURES, `${what}: left files behind`);
  }
  assert.equal(readFileSync(join(dir, "readonly.csv"), "utf8"), "keep me\n");
});

test("CLI: --help lists exactly the method ids each command accepts", async () => {
  const r = await cli(["--help"]);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /any of: anm, anm-paper, reg, reg-ind, oracle\)/);
  assert.doesNotMatch(r.stdout, /anm-quadratic/);
  assert.match(r.stdout, /run r uses seed \+ r/);
});

test("CLI: --workers beyond the cores is capped with a note; the run still completes", async () => {
  const r = await cli(["main", ...SMALL, "--workers", "100"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /--workers 100 is more than this machine's \d+ cores; using \d+/);
});

test("CLI: a symbolic link is written through (the link stays), and stale temporary files of dead runs are removed", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jel-out-"));
  const real = join(dir, "real.csv");
  writeFileSync(real, "old\n");
  symlinkSync(real, join(dir, "link.csv"));
  writeFileSync(join(dir, ".real.csv.999999999.tmp"), "half-written");
  const r = await cli(["main", ...SMALL, "--out", join(dir, "link.csv")]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(lstatSync(join(dir, "link.csv")).isSymbolicLink(), "the link must stay a link");
  assert.match(readFileSync(real, "utf8"), /^K,n_total,ratio/);
  assert.deepEqual(readdirSync(dir).sort(), ["link.csv", "real.csv"]);
  // a live process's temporary file is left alone
  writeFileSync(join(dir, `.real.csv.${process.pid}.tmp`), "mine");
  writeFileSync(join(dir, ".real.csv.1.tmp"), "init is alive");
  assert.deepEqual(removeStaleTemps(real), []);
});

test("CLI: an output that fails after the run keeps the results in a recovery file and says where", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jel-vanish-"));
  const out = join(dir, "r.arrow");
  // the path is checked before the run; the directory disappears while it computes
  const r = await cli(["main", "--k", "2", "--n", "300", "--runs", "2", "--methods", "intervention-generalization", "--out", out], (s) => {
    if (s.startsWith("estimate:")) rmSync(dir, {recursive: true});
  });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /IG, separate fits/, "the summary is still printed");
  const m = r.stderr.match(/error: could not write .*r\.arrow \(.*\); the results are saved in (\S+)\n/);
  assert.ok(m, r.stderr);
  const saved = tableFromIPC(readFileSync(m[1]));
  assert.equal(saved.numRows, 2);
  assert.equal(saved.schema.metadata.get("seed"), "0");
  rmSync(m[1]);
});

test("CLI: run seeds and the engine are recorded in every results file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jel-meta-"));
  const r = await cli(["anm-cross", "--dgps", "additive", "--n", "100", "--runs", "2", "--seed", "7", "--test-points", "50", "--quiet", "--out", join(dir, "c.arrow")]);
  assert.equal(r.status, 0, r.stderr);
  const meta = tableFromIPC(readFileSync(join(dir, "c.arrow"))).schema.metadata;
  assert.match(meta.get("engine") ?? "", /^(wasm-simd|typescript)$/);
  assert.match(meta.get("run_seeds") ?? "", /^7\.\.8 /);
});

test("CLI violation: --out writes per-run rows with config, seeds and code version in the Arrow metadata; --json prints the summary", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jel-violation-"));
  const r = await cli(["violation", "--kind", "interaction", "--lambda", "0,1", "--k", "2", "--n", "400", "--runs", "3", "--seed", "5", "--json", "--quiet", "--out", join(dir, "v.arrow")]);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.points.length, 2);
  assert.equal(doc.points[0].methods[0].method, "intervention-generalization");
  const table = tableFromIPC(readFileSync(join(dir, "v.arrow")));
  assert.equal(table.numRows, 2 * 3 * 7);
  const meta = table.schema.metadata;
  assert.equal(JSON.parse(meta.get("config") ?? "{}").kind, "interaction");
  assert.equal(meta.get("seeds"), "5..7");
  assert.match(meta.get("code_version") ?? "", /^0\.1\.0\+/);
  const csv = await cli(["violation", "--kind", "anm-reversed", "--lambda", "0", "--n", "300", "--runs", "1", "--quiet", "--out", join(dir, "v.csv")]);
  assert.equal(csv.status, 0, csv.stderr);
  assert.match(readFileSync(join(dir, "v.csv"), "utf8").split("\n")[0], /p_graph-lr/);
  rmSync(dir, {recursive: true});
});

// Process-level: the executable, its launcher, signals.

const ENTRY = ["--import", "tsx", "src/cli/experiment.ts"];
/** A run long enough (several seconds) to be interrupted, writing to `out`. */
const LONG = (out: string) => ["main", "--k", "3", "--n", "1000000", "--runs", "4", "--workers", "1", "--methods", "intervention-generalization", "--quiet", "--out", out];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

/** Starts `sh` running the command in the background, reports the command's pid, and waits for it. */
function launcher(command: string[]): Promise<{sh: ReturnType<typeof spawn>; pid: number}> {
  const quoted = command.map((a) => `'${a}'`).join(" ");
  const sh = spawn("sh", ["-c", `${quoted} & echo $!; wait`], {stdio: ["ignore", "pipe", "ignore"]});
  return new Promise((resolve) => sh.stdout!.once("data", (d) => resolve({sh, pid: Number(String(d).trim())})));
}

for (const signal of ["SIGKILL", "SIGHUP"] as const) {
  test(`CLI: ${signal} to the launching process stops the run, and its output never appears`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "jel-kill-"));
    const out = join(dir, "r.csv");
    const {sh, pid} = await launcher([process.execPath, ...ENTRY, ...LONG(out)]);
    await new Promise((r) => setTimeout(r, 2500));
    assert.ok(alive(pid), "the run should still be computing");
    sh.kill(signal);
    assert.ok(await waitFor(() => !alive(pid), 5000), "the orphaned run must exit");
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(readdirSync(dir), [], "nothing may be written after the launcher died");
  });
}

for (const signal of ["SIGKILL", "SIGINT"] as const)
test(`CLI: ${signal} to \`npm run experiment\` stops the run (node is npm's direct child), and nothing is written`, async () => {
  const dir = mkdtempSync(join(tmpdir(), "jel-npm-"));
  const out = join(dir, "r.csv");
  const npm = spawn("npm", ["run", "-s", "experiment", "--", ...LONG(out)], {stdio: "ignore"});
  // find the node process npm started
  let child = 0;
  await waitFor(() => {
    const r = spawnSync("pgrep", ["-P", String(npm.pid)], {encoding: "utf8"});
    child = Number(r.stdout.trim().split("\n")[0] || 0);
    return child > 0 && /bin\/jel\.mjs/.test(readFileSync(`/proc/${child}/cmdline`, "utf8"));
  }, 15_000);
  assert.ok(child > 0, "npm should exec node directly");
  await new Promise((r) => setTimeout(r, 1500));
  npm.kill(signal);
  assert.ok(await waitFor(() => !alive(child), 5000), "the run must exit when npm is killed");
  await new Promise((r) => setTimeout(r, 1000));
  assert.deepEqual(readdirSync(dir), []);
});

test("CLI: SIGINT to the run itself exits at once without writing", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jel-int-"));
  const out = join(dir, "r.csv");
  const child = spawn(process.execPath, [...ENTRY, ...LONG(out)], {stdio: "ignore"});
  await new Promise((r) => setTimeout(r, 2500));
  child.kill("SIGINT");
  const code = await new Promise<number | null>((r) => child.once("exit", (c, s) => r(c ?? (s ? 128 : null))));
  assert.notEqual(code, 0);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(existsSync(out), false);
  assert.deepEqual(readdirSync(dir), []);
});

test("worker pool: a heartbeat reports what each running task is doing while it runs", async () => {
  const {runExperimentParallel} = await import("../src/node/worker-pool.js");
  const {PAPER_CONFIGS} = await import("../src/experiments/experiments.js");
  const {typescriptKernel} = await import("../src/regression/moment-kernel.js");
  const beats: string[] = [];
  const config = {...PAPER_CONFIGS.main, K: [3], n: [300_000], runs: 1, methods: ["intervention-generalization" as const, "structure-aware" as const]};
  await runExperimentParallel(config, typescriptKernel, 1, undefined, {heartbeatMs: 100, onHeartbeat: (running) => beats.push(...running.map((r) => r.stage))});
  assert.ok(beats.length >= 3, `expected several heartbeats, got ${beats.length}`);
  assert.ok(beats.some((s) => s.startsWith("drawing data")), beats.join("; "));
});
