// The own-data estimator against independent answers: a linear-Gaussian SCM whose joint and
// mixed effects have closed forms, affine equivariance through the file, the mixed-row check's
// calibration, and the CLI agreeing with the library.
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import test from "node:test";
import {tableFromIPC, tableToIPC} from "apache-arrow";
import {cliMain} from "../src/cli/main.js";
import type {AdditiveScm} from "../src/scm/additive-scm.js";
import {exampleDataset, exampleSpec, exactEffect, type ExampleSpec} from "../src/own-data/example-data.js";
import {exampleArrow, exampleCsv} from "../src/own-data/example-files.js";
import {fitJointEffects, type Query} from "../src/own-data/joint-effects.js";
import {regimeData} from "../src/own-data/regime-data.js";
import {readArrow, readCsv} from "../src/own-data/tidy-table.js";

/**
 * A linear-Gaussian SCM: A1 = C1 + V1, A2 = 0.8 A1 + C2 + V2, Y = sum_k beta_k A_k + gamma_k C_k + U (sd 0.1),
 * C ~ N(0, 1), V ~ N(0, 0.5^2). Joint effect: sum_k beta_k a_k. Mixed effect with A2 observed:
 * beta1 a1 + beta2 a2 + gamma2 E[C2 | a1, a2] with E[C2 | a1, a2] = (a2 - 0.8 a1) / (1 + 0.25).
 */
const BETA = [1.5, -0.7];
const GAMMA = [1, 0.6];
const LINEAR: AdditiveScm = {
  K: 2,
  parents: [[], [0]],
  g: [
    {nInputs: 2, degree: 1, coef: [0, 1, 1]},
    {nInputs: 3, degree: 1, coef: [0, 0.8, 1, 1]},
  ],
  f: BETA.map((b, k) => ({nInputs: 2, degree: 1, coef: [0, b, GAMMA[k]]})),
  confounderNoise: [0, 1].map(() => ({family: "gaussian" as const, mean: 0, std: 1})),
  actionNoise: [0, 1].map(() => ({family: "gaussian" as const, mean: 0, std: 0.5})),
  outcomeNoise: {family: "gaussian", mean: 0, std: 0.1},
};
const LINEAR_SPEC: ExampleSpec = {
  ...exampleSpec("marketing"),
  id: "linear",
  K: 2,
  actions: ["tv", "radio"],
  outcome: "visits",
  seed: 5,
  rowsPerRegime: 50_000,
  jointRows: 2000,
  scm: {fixed: LINEAR},
  actionUnits: [
    {offset: 0, scale: 1},
    {offset: 0, scale: 1},
  ],
  outcomeUnits: {offset: 0, scale: 1},
};

const load = (spec: ExampleSpec) => {
  const ds = exampleDataset(spec);
  return {ds, data: regimeData(readCsv(exampleCsv(ds), `${spec.id}.csv`), {actions: spec.actions, outcome: spec.outcome, regime: "regime"})};
};
const GRID: Query[] = [-1, 0, 1].flatMap((a) => [-1, 0.5, 1.5].map((b) => ({tv: a, radio: b})));

test("own data: on a linear-Gaussian SCM the joint effect matches its closed form; the observational regression does not", () => {
  const {data} = load(LINEAR_SPEC);
  const truth = GRID.map((q) => BETA[0] * q.tv + BETA[1] * q.radio);
  for (const method of ["structure-aware", "structure-aware-adaptive", "intervention-generalization", "ig-shared-alpha", "ig-projected"] as const) {
    const m = fitJointEffects(data, {method, bootstrap: 0});
    const pred = m.predict(GRID);
    GRID.forEach((q, i) => assert.ok(Math.abs(pred[i] - truth[i]) < 0.06, `${method} at ${JSON.stringify(q)}: ${pred[i]} vs ${truth[i]}`));
  }
  // the naive answer, E[Y | a] from observational rows (a linear fit), is biased by the confounders: the test can fail
  const obs = data.observational.rows;
  const slope = olsSlopes(obs, data);
  assert.ok(Math.abs(slope[0] - BETA[0]) > 0.3, `observational slope ${slope[0]} should be confounded`);
});

test("own data: the mixed effect (Prop. 1) matches its closed form, also when one action has no experiment", () => {
  const {data} = load(LINEAR_SPEC);
  const mixed = (q: Query) => BETA[0] * q.tv + BETA[1] * q.radio + (GAMMA[1] * (q.radio - 0.8 * q.tv)) / 1.25;
  const full = fitJointEffects(data, {method: "structure-aware", bootstrap: 0}).predict(GRID, ["tv"]);
  GRID.forEach((q, i) => assert.ok(Math.abs(full[i] - mixed(q)) < 0.06, `structure-aware mixed at ${JSON.stringify(q)}: ${full[i]} vs ${mixed(q)}`));
  const adaptive = fitJointEffects(data, {method: "structure-aware-adaptive", bootstrap: 20});
  const fromAdaptive = adaptive.predict(GRID, ["tv"]);
  GRID.forEach((q, i) => assert.ok(Math.abs(fromAdaptive[i] - mixed(q)) < 0.06, `structure-aware-adaptive mixed at ${JSON.stringify(q)}: ${fromAdaptive[i]} vs ${mixed(q)}`));
  const {lower, upper} = adaptive.interval(GRID, {intervened: ["tv"]});
  GRID.forEach((_, i) => assert.ok(lower[i] <= fromAdaptive[i] + 1e-9 && fromAdaptive[i] <= upper[i] + 1e-9 && upper[i] - lower[i] < 0.2, `adaptive interval ${lower[i]} .. ${upper[i]} around ${fromAdaptive[i]}`));
  // drop radio's experiment: only the mixed effect over tv is identified
  const noRadio = {...data, single: [data.single[0], null]};
  assert.throws(() => fitJointEffects(noRadio, {bootstrap: 0}), /"radio" has no single-intervention rows .* the mixed effect E\[Y \| do\(tv\), radio observed\] is \(Prop\. 1\)/);
  const ig = fitJointEffects(noRadio, {method: "intervention-generalization", bootstrap: 0});
  assert.throws(() => ig.predict(GRID), /the joint effect of all actions is not identified: radio has no experiment/);
  assert.throws(() => ig.predict(GRID, ["radio"]), /"radio" has no single-intervention rows/);
  const part = ig.predict(GRID, ["tv"]);
  GRID.forEach((q, i) => assert.ok(Math.abs(part[i] - mixed(q)) < 0.06, `IG mixed at ${JSON.stringify(q)}: ${part[i]} vs ${mixed(q)}`));
});

test("own data: estimates are equivariant under the file's units (offset and scale of every column)", () => {
  const raw = load(LINEAR_SPEC).data;
  const units = {tv: {offset: 1e4, scale: 250}, radio: {offset: -300, scale: 0.01}, y: {offset: 5e5, scale: 1e3}};
  const spec = {...LINEAR_SPEC, actionUnits: [units.tv, units.radio], outcomeUnits: units.y};
  const scaled = load(spec).data;
  const a = fitJointEffects(raw, {bootstrap: 0}).predict(GRID);
  const b = fitJointEffects(scaled, {bootstrap: 0}).predict(GRID.map((q) => ({tv: units.tv.offset + units.tv.scale * q.tv, radio: units.radio.offset + units.radio.scale * q.radio})));
  // the files are rounded to six significant digits, so agreement is to that precision
  GRID.forEach((_, i) => assert.ok(Math.abs(units.y.offset + units.y.scale * a[i] - b[i]) < 1e-3 * units.y.scale, `query ${i}: ${units.y.offset + units.y.scale * a[i]} vs ${b[i]}`));
});

test("own data: the check on joint rows passes on the truth and flags joint rows whose outcome is shifted", () => {
  const {data} = load(LINEAR_SPEC);
  const good = fitJointEffects(data, {bootstrap: 50}).diagnostics.mixedChecks;
  assert.equal(good.length, 1);
  assert.equal(good[0].regime, "tv+radio");
  assert.ok(good[0].p > 0.01, `p ${good[0].p} on correct data`);
  const y = Float64Array.from(data.y);
  for (const i of data.mixed[0].rows) y[i] += 0.3; // a violation of three outcome-noise sds
  const bad = fitJointEffects({...data, y}, {bootstrap: 50}).diagnostics.mixedChecks[0];
  assert.ok(bad.p < 1e-6, `p ${bad.p} on shifted joint rows`);
  assert.ok(Math.abs(bad.difference - 0.3) < 0.1, `difference ${bad.difference}`);
});

test("own data: the separability check (no joint data) stays quiet on an additive outcome and flags an interaction", () => {
  const {data} = load(LINEAR_SPEC);
  const good = fitJointEffects(data, {bootstrap: 0}).diagnostics.separability;
  assert.ok(good, "the check runs when every action has an experiment");
  assert.deepEqual(good.perSink.map((x) => x.action), ["radio"], "radio is the only action without descendants");
  assert.ok(good.p > 0.01, `p ${good.p} on an additive outcome`);
  const y = Float64Array.from(data.y, (v, i) => v + 0.2 * data.x[0][i] * data.x[1][i]);
  const bad = fitJointEffects({...data, y}, {bootstrap: 0}).diagnostics.separability!;
  assert.ok(bad.p < 1e-6, `p ${bad.p} with an interaction`);
});

test("own data: intervals are seeded, ordered, cover the truth at the centre, and widen outside the data", () => {
  const {data} = load(LINEAR_SPEC);
  const m = fitJointEffects(data, {bootstrap: 100, seed: 3});
  const q = [{tv: 0, radio: 0.5}, {tv: 9, radio: 0.5}];
  const iv = m.interval(q);
  const again = fitJointEffects(data, {bootstrap: 100, seed: 3}).interval(q);
  assert.deepEqual(Array.from(iv.lower), Array.from(again.lower));
  assert.ok(iv.lower[0] < BETA[1] * 0.5 && BETA[1] * 0.5 < iv.upper[0], `[${iv.lower[0]}, ${iv.upper[0]}] should hold ${BETA[1] * 0.5}`);
  assert.ok(iv.upper[1] - iv.lower[1] > 3 * (iv.upper[0] - iv.lower[0]), "far outside the data the interval must be wider");
  assert.deepEqual(m.extrapolation(q), [[], ["tv"]]);
  const narrow = m.interval(q, {level: 0.5});
  assert.ok(narrow.upper[0] - narrow.lower[0] < iv.upper[0] - iv.lower[0]);
});

test("own data: CSV, Arrow file and Arrow stream give the same table", () => {
  const ds = exampleDataset(exampleSpec("marketing"));
  const roles = {actions: ds.spec.actions, outcome: ds.spec.outcome, regime: "regime"};
  const fromCsv = regimeData(readCsv(exampleCsv(ds), "m.csv"), roles);
  const file = exampleArrow(ds);
  const fromFile = regimeData(readArrow(file, "m.arrow"), roles);
  const fromStream = regimeData(readArrow(tableToIPC(tableFromIPC(file), "stream"), "m.arrows"), roles);
  for (const other of [fromFile, fromStream]) {
    assert.deepEqual(Array.from(other.y), Array.from(fromCsv.y));
    other.x.forEach((col, k) => assert.deepEqual(Array.from(col), Array.from(fromCsv.x[k])));
    assert.deepEqual(other.single.map((g) => g?.rows.length), fromCsv.single.map((g) => g?.rows.length));
  }
  const truth = JSON.parse(tableFromIPC(file).schema.metadata.get("truth")!);
  assert.deepEqual(exactEffect(truth, [[500], [800], [600]]), exactEffect(ds.truth, [[500], [800], [600]]));
});

test("own data: the estimate command's JSON equals the library's answer on the same CSV (round trip)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jel-est-"));
  const csvPath = join(dir, "m.csv");
  let err = "";
  assert.equal(await cliMain(["example", "marketing", "--out", csvPath, "--quiet"], {stdout: () => {}, stderr: (s) => void (err += s), stopped: () => false}), 0, err);
  let out = "";
  const status = await cliMain(["estimate", csvPath, "--actions", "email,social,display", "--outcome", "sales", "--at", "email=500,social=800,display=600", "--at", "email=1200,social=800,display=600", "--bootstrap", "40", "--json", "--quiet", "--out", join(dir, "p.arrow")], {stdout: (s) => void (out += s), stderr: (s) => void (err += s), stopped: () => false});
  assert.equal(status, 0, err);
  const doc = JSON.parse(out);
  const data = regimeData(readCsv(readFileSync(csvPath, "utf8"), csvPath), {actions: ["email", "social", "display"], outcome: "sales", regime: "regime"});
  const queries = [{email: 500, social: 800, display: 600}, {email: 1200, social: 800, display: 600}];
  const m = fitJointEffects(data, {bootstrap: 40});
  assert.deepEqual(doc.predictions.map((p: {estimate: number}) => p.estimate), Array.from(m.predict(queries)));
  assert.deepEqual(doc.predictions.map((p: {lower: number}) => p.lower), Array.from(m.interval(queries).lower));
  assert.deepEqual(doc.predictions.map((p: {extrapolation: string[]}) => p.extrapolation), [[], ["email"]]);
  assert.equal(doc.diagnostics.method, "structure-aware-adaptive");
  const written = tableFromIPC(readFileSync(join(dir, "p.arrow")));
  assert.deepEqual(Array.from(written.getChild("estimate")!.toArray() as Float64Array), Array.from(m.predict(queries)));
  assert.equal(written.schema.metadata.get("seed"), "0");
  // a grid file in any column order, with extra columns ignored
  writeFileSync(join(dir, "grid.csv"), "display,note,email,social\n600,a,500,800\n");
  out = "";
  assert.equal(await cliMain(["estimate", csvPath, "--actions", "email,social,display", "--outcome", "sales", "--grid", join(dir, "grid.csv"), "--bootstrap", "0", "--json", "--quiet"], {stdout: (s) => void (out += s), stderr: (s) => void (err += s), stopped: () => false}), 0, err);
  assert.equal(JSON.parse(out).predictions[0].estimate, doc.predictions[0].estimate);
});

/** Least-squares slopes of y on the actions over some rows (with an intercept), by the normal equations. */
function olsSlopes(rows: Int32Array, data: {x: Float64Array[]; y: Float64Array}): number[] {
  const K = data.x.length;
  const d = K + 1;
  const A = Array.from({length: d}, () => new Array(d).fill(0));
  const b = new Array(d).fill(0);
  for (const i of rows) {
    const z = [1, ...data.x.map((c) => c[i])];
    for (let r = 0; r < d; r++) {
      b[r] += z[r] * data.y[i];
      for (let c = 0; c < d; c++) A[r][c] += z[r] * z[c];
    }
  }
  for (let c = 0; c < d; c++)
    for (let r = c + 1; r < d; r++) {
      const f = A[r][c] / A[c][c];
      for (let j = c; j < d; j++) A[r][j] -= f * A[c][j];
      b[r] -= f * b[c];
    }
  const x = new Array(d).fill(0);
  for (let r = d - 1; r >= 0; r--) x[r] = (b[r] - A[r].slice(r + 1).reduce((s, v, j) => s + v * x[r + 1 + j], 0)) / A[r][r];
  return x.slice(1);
}
