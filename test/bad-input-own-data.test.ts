// Hostile inputs of the own-data entry points (library and the estimate command): each row is
// a file's text or a call, and the fragment of the one-line message that must name the problem
// (file, row, column, expected vs found). The CLI rows also check exit status 2 and that no
// output file appears.
import assert from "node:assert/strict";
import {existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import test from "node:test";
import {cliMain} from "../src/cli/main.js";
import {exampleDataset, exampleSpec} from "../src/own-data/example-data.js";
import {exampleCsv} from "../src/own-data/example-files.js";
import {fitJointEffects} from "../src/own-data/joint-effects.js";
import {regimeData} from "../src/own-data/regime-data.js";
import {readArrow, readCsv, readTable} from "../src/own-data/tidy-table.js";

const ROLES = {actions: ["a", "b"], outcome: "y", regime: "regime"};
/** A small valid file: 40 observational rows and 40 per experiment, a cubic-free linear world. */
function validCsv(rows = 40, mutate?: (line: string[], i: number, regime: string) => string[]): string {
  const lines = ["a,b,y,regime"];
  let i = 0;
  for (const regime of ["observational", "a", "b"])
    for (let r = 0; r < rows; r++, i++) {
      const a = Math.sin(i * 1.7) + (regime === "a" ? Math.cos(i) : 0);
      const b = Math.cos(i * 0.9) + 0.5 * a;
      let line = [a.toFixed(4), b.toFixed(4), (a - b + 0.1 * Math.sin(i * 7.3)).toFixed(4), regime];
      if (mutate) line = mutate(line, i, regime);
      lines.push(line.join(","));
    }
  return lines.join("\n") + "\n";
}

const READ_CASES: [string, string, RegExp][] = [
  ["empty file", "", /x\.csv: the file is empty/],
  ["whitespace only", "  \n\n", /x\.csv: the file is empty/],
  ["header only", "a,b,y,regime\n", /x\.csv: only a header row \(a, b, y, regime\)/],
  ["ragged row", "a,b,y,regime\n1,2,3,observational\n1,2,observational\n", /x\.csv, row 2 \(line 3\): 3 cells, expected 4/],
  ["duplicate column", "a,a,y,regime\n1,2,3,observational\n", /column name "a" appears twice \(columns 1 and 2\)/],
  ["unnamed column", "a,,y,regime\n1,2,3,observational\n", /column 2 of the header has no name/],
];

const DATA_CASES: [string, string, Partial<typeof ROLES> & {dropIncomplete?: boolean}, RegExp][] = [
  ["missing action column", validCsv(), {actions: ["a", "c"]}, /no action column "c" \(columns: a, b, y, regime\)/],
  ["missing outcome column", validCsv(), {outcome: "sales"}, /no outcome column "sales"/],
  ["missing regime column", validCsv(), {regime: "arm"}, /no regime column "arm"/],
  ["no actions", validCsv(), {actions: []}, /no action columns given/],
  ["action twice", validCsv(), {actions: ["a", "a"]}, /action column "a" given twice/],
  ["outcome is an action", validCsv(), {outcome: "a"}, /column "a" is both an action and the outcome/],
  ["non-numeric cell", validCsv(40, (l, i) => (i === 7 ? ["1.2", "n/a", l[2], l[3]] : l)), {}, /x\.csv, row 8 \(line 9\), column "b": "n\/a"; expected a finite number/],
  ["empty cell", validCsv(40, (l, i) => (i === 3 ? [l[0], l[1], "", l[3]] : l)), {}, /x\.csv, row 4 \(line 5\), column "y": an empty cell; expected a finite number/],
  ["infinite cell", validCsv(40, (l, i) => (i === 5 ? ["Infinity", l[1], l[2], l[3]] : l)), {}, /row 6 \(line 7\), column "a": "Infinity"/],
  ["unknown regime", validCsv(40, (l, i) => (i === 10 ? [l[0], l[1], l[2], "control"] : l)), {}, /row 11 \(line 12\), column "regime": unknown regime "control"; expected "observational" \(or empty\), an action name \(a, b\)/],
  ["regime naming an action twice", validCsv(40, (l, i) => (i === 2 ? [l[0], l[1], l[2], "a+a"] : l)), {}, /regime "a\+a" names "a" twice/],
  ["no observational rows", validCsv(40, (l, _, r) => (r === "observational" ? [l[0], l[1], l[2], "a"] : l)), {}, /no observational rows/],
  ["every row incomplete", validCsv(2, (l) => [l[0], l[1], "", l[3]]), {dropIncomplete: true}, /every row has an empty or non-numeric cell/],
];

const FIT_CASES: [string, string, Record<string, unknown>, RegExp][] = [
  ["action without an experiment", validCsv(40, (l, _, r) => (r === "b" ? [l[0], l[1], l[2], "observational"] : l)), {}, /"b" has no single-intervention rows .* the mixed effect E\[Y \| do\(a\), b observed\]/],
  ["too few rows in a regime", validCsv(8), {}, /regime "observational" has 8 rows; a degree-3 fit in 2 actions needs at least 11/],
  ["action constant in its own experiment", validCsv(40, (l, _, r) => (r === "a" ? ["2", l[1], l[2], l[3]] : l)), {}, /action "a" is constant \(2\) in its own experiment \(regime "a"\)/],
  ["unknown method", validCsv(), {method: "magic"}, /unknown method "magic" \(known: structure-aware/],
  ["degree 0", validCsv(), {degree: 0}, /degree: 0; expected an integer in \[1, 6\]/],
  ["structure-aware at degree 2", validCsv(), {degree: 2}, /structure-aware-adaptive needs degree >= 3/],
  ["negative bootstrap", validCsv(), {bootstrap: -1}, /bootstrap: -1; expected an integer in \[0, 100000\]/],
];

test("own-data corpus: reading a file", () => {
  for (const [what, text, pattern] of READ_CASES) {
    assert.throws(() => readCsv(text, "x.csv"), (e: Error) => pattern.test(e.message) && !e.message.includes("\n"), what);
  }
  assert.throws(() => readArrow(new Uint8Array(0), "x.arrow"), /x\.arrow: the file is empty/);
  assert.throws(() => readArrow(new TextEncoder().encode("a,b\n1,2\n"), "x.arrow"), /x\.arrow: not an Arrow IPC file or stream/);
  assert.throws(() => readTable(new Uint8Array(3), "x.xlsx"), /x\.xlsx: unknown file type "\.xlsx"; expected \.csv or \.arrow/);
});

test("own-data corpus: interpreting columns and regimes", () => {
  for (const [what, text, roles, pattern] of DATA_CASES)
    assert.throws(() => regimeData(readCsv(text, "x.csv"), {...ROLES, ...roles}), (e: Error) => pattern.test(e.message) && !e.message.includes("\n"), `${what}`);
  // dropping incomplete rows is opt-in, and reports how many
  const text = validCsv(40, (l, i) => (i === 7 ? ["1.2", "n/a", l[2], l[3]] : l));
  assert.equal(regimeData(readCsv(text, "x.csv"), {...ROLES, dropIncomplete: true}).dropped, 1);
});

test("own-data corpus: fitting, predicting and intervals", () => {
  for (const [what, text, options, pattern] of FIT_CASES)
    assert.throws(() => fitJointEffects(regimeData(readCsv(text, "x.csv"), ROLES), options as never), (e: Error) => pattern.test(e.message) && !e.message.includes("\n"), what);
  const m = fitJointEffects(regimeData(readCsv(validCsv(), "x.csv"), ROLES), {method: "intervention-generalization", bootstrap: 0});
  for (const [what, call, pattern] of [
    ["query missing an action", () => m.predict([{a: 1}]), /query 1: action "b" is missing; expected a finite number/],
    ["query with NaN", () => m.predict([{a: 1, b: NaN}]), /query 1: action "b" is NaN; expected a finite number/],
    ["unknown intervened action", () => m.predict([{a: 1, b: 1}], ["c"]), /intervened: unknown action "c" \(actions: a, b\)/],
    ["intervened twice", () => m.predict([{a: 1, b: 1}], ["a", "a"]), /intervened: an action is listed twice/],
    ["interval without resamples", () => m.interval([{a: 1, b: 1}]), /fitted with bootstrap = 0/],
  ] as [string, () => unknown, RegExp][])
    assert.throws(call, pattern, what);
  const b = fitJointEffects(regimeData(readCsv(validCsv(), "x.csv"), ROLES), {method: "intervention-generalization", bootstrap: 20});
  assert.throws(() => b.interval([{a: 1, b: 1}], {level: 1.5}), /interval: level 1.5; expected a number in \(0, 1\)/);
});

async function cli(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await cliMain(argv, {stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stopped: () => false});
  return {status, stdout, stderr};
}

test("own-data corpus: the estimate command exits 2 with one line and writes nothing", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jel-est-bad-"));
  const good = join(dir, "good.csv");
  writeFileSync(good, validCsv());
  writeFileSync(join(dir, "ragged.csv"), "a,b,y,regime\n1,2,3,observational\n1,2,observational\n");
  writeFileSync(join(dir, "empty.csv"), "");
  writeFileSync(join(dir, "grid.csv"), "a\n1\n");
  mkdirSync(join(dir, "folder.csv"));
  const before = readdirSync(dir).sort();
  const out = join(dir, "p.csv");
  const base = ["--actions", "a,b", "--outcome", "y", "--method", "intervention-generalization", "--out", out];
  for (const [argv, pattern] of [
    [["estimate"], /missing the data file/],
    [["estimate", good, good], /one data file expected, got 2/],
    [["estimate", good, "--outcome", "y"], /--actions is required/],
    [["estimate", good, "--actions", "a,b"], /--outcome is required/],
    [["estimate", good, "--actions", "a,a", "--outcome", "y"], /--actions lists "a" twice/],
    [["estimate", good, ...base, "--method", "x"], /--method given twice/],
    [["estimate", good, "--actions", "a,b", "--outcome", "y", "--method", "magic"], /--method: unknown method "magic"/],
    [["estimate", join(dir, "missing.csv"), ...base], /missing\.csv: cannot read \(ENOENT\)/],
    [["estimate", join(dir, "folder.csv"), ...base], /folder\.csv: is a directory/],
    [["estimate", join(dir, "empty.csv"), ...base], /empty\.csv: the file is empty/],
    [["estimate", join(dir, "ragged.csv"), ...base], /ragged\.csv, row 2 \(line 3\): 3 cells, expected 4/],
    [["estimate", good, ...base.slice(0, 2), "--outcome", "sales"], /no outcome column "sales"/],
    [["estimate", good, ...base, "--at", "a=1"], /--at "a=1": no value for b/],
    [["estimate", good, ...base, "--at", "a=1,b=x"], /--at "a=1,b=x": b = "x" is not a finite number/],
    [["estimate", good, ...base, "--at", "a=1,c=2"], /"c" is not an action/],
    [["estimate", good, ...base, "--at", "a=1,a=2,b=0"], /"a" given twice/],
    [["estimate", good, ...base, "--grid", join(dir, "grid.csv")], /grid\.csv: no column "b"/],
    [["estimate", good, ...base, "--level", "95"], /--level expects a number in \(0, 1\), got "95"/],
    [["estimate", good, ...base, "--bootstrap", "10"], /--bootstrap 10 is too few for a 95% percentile interval \(need at least 40/],
    [["estimate", good, ...base, "--bootstrap", "0", "--level", "0.9"], /--level needs intervals/],
    [["estimate", good, ...base, "--degree", "9"], /--degree expects an integer in \[1, 6\], got "9"/],
    [["estimate", good, ...base, "--intervened", "c"], /intervened: unknown action "c"/],
    [["estimate", good, ...base.slice(0, -1), join(dir, "folder.csv")], /folder\.csv" is a directory/],
    [["estimate", good, ...base.slice(0, -1), join(dir, "p.txt")], /--out must end in \.arrow or \.csv/],
    [["example"], /example takes one name/],
    [["example", "nope", "--out", out], /unknown example "nope" \(known: marketing, paper-k5\)/],
    [["example", "marketing"], /example needs --out/],
  ] as [string[], RegExp][]) {
    const r = await cli(argv);
    assert.equal(r.status, 2, `${argv.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, pattern, argv.join(" "));
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.equal(r.stdout, "");
    assert.equal(existsSync(out), false);
    assert.deepEqual(readdirSync(dir).sort(), before, `${argv.join(" ")} left a file`);
  }
});

test("own-data corpus: a large CSV is refused with a message, not read", () => {
  const huge = {length: 500e6, trim: () => "x", charCodeAt: () => 0} as unknown as string;
  assert.throws(() => readCsv(huge, "big.csv"), /big\.csv: 500 MB of CSV is more than this reader takes \(400 MB\); convert it to Arrow IPC/);
  // and a real bundled example reads fine
  const ds = exampleDataset(exampleSpec("marketing"));
  assert.equal(readCsv(exampleCsv(ds), "m.csv").rows, ds.regime.length);
});
