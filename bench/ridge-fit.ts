// Benchmarks of the fit pipeline, medians of repeated runs, with ratios measured in the same run.
//   npm run bench                    N = 1e5
//   npm run bench -- 1000000 3       N = 1e6, 3 repeats
import {CholeskyDecomposition, Matrix} from "ml-matrix";
import {evaluateMonomials, monomialBasis} from "../src/features/monomial-basis.js";
import {accumulateFolds, foldSizes, momentLayout} from "../src/regression/moments.js";
import {cholesky} from "../src/regression/linear-solve.js";
import {fitPolynomialCV} from "../src/regression/polynomial-regression.js";
import {PAPER_ALPHAS} from "../src/regression/ridge.js";
import {randomAdditiveScm} from "../src/scm/additive-scm.js";
import {observationalRegime} from "../src/scm/regime.js";
import {sampleRegime} from "../src/scm/sample-regime.js";

const N = Number(process.argv[2] ?? 100_000);
const REPEATS = Number(process.argv[3] ?? 5);
const K = 5;
const DEGREE = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(fn: () => void, repeats = REPEATS): number {
  fn(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

const scm = randomAdditiveScm(K, 0);
const sample = sampleRegime(scm, observationalRegime(K), N, 0);
const layout = momentLayout(K, DEGREE, sample.actions.map((a) => a[0]), 0);

// 1. Our pipeline: streamed moments (one pass) + 3-fold CV over the paper grid from statistics
const oursMs = time(() => fitPolynomialCV(layout, accumulateFolds(layout, sample.actions, sample.outcome, N, 3), {alphas: PAPER_ALPHAS}));
const momentsMs = time(() => accumulateFolds(layout, sample.actions, sample.outcome, N, 3));

// 2. The usual pipeline: materialized N x p design (ml-matrix), per fold: standardize the
//    training rows, X^T X, and one Cholesky per alpha; R^2 on the held-out rows.
function materializedFit(): number {
  const basis = monomialBasis(K, DEGREE);
  const p = basis.size;
  const X = new Matrix(N, p);
  const row = new Float64Array(p);
  const x = new Float64Array(K);
  for (let i = 0; i < N; i++) {
    for (let v = 0; v < K; v++) x[v] = sample.actions[v][i];
    evaluateMonomials(basis, x, row);
    for (let j = 0; j < p; j++) X.set(i, j, row[j]);
  }
  let start = 0;
  let best = -Infinity;
  for (const size of foldSizes(N, 3)) {
    const trainRows = [...Array(N).keys()].filter((i) => i < start || i >= start + size);
    const Xt = X.selection(trainRows, [...Array(p).keys()]);
    const mean = Xt.mean("column");
    const sd = Xt.standardDeviation("column", {mean, unbiased: false}).map((s) => (s > 0 ? s : 1));
    const Xs = Xt.clone().subRowVector(mean).divRowVector(sd);
    const y = Matrix.columnVector(trainRows.map((i) => sample.outcome[i]));
    const yc = y.clone().sub(y.mean());
    const G = Xs.transpose().mmul(Xs);
    const b = Xs.transpose().mmul(yc);
    for (const alpha of PAPER_ALPHAS) {
      const A = G.clone();
      for (let j = 0; j < p; j++) A.set(j, j, A.get(j, j) + alpha);
      const w = new CholeskyDecomposition(A).solve(b);
      best = Math.max(best, w.get(1, 0));
    }
    start += size;
  }
  return best;
}
const materializedMs = time(materializedFit, Math.max(1, Math.min(REPEATS, 3)));

// 3. Cholesky of a P x P system: ours (flat arrays) vs ml-matrix
function choleskyPair(P: number): [number, number] {
  const M = Matrix.rand(P + 10, P);
  const A = M.transpose().mmul(M);
  const flat = Float64Array.from(A.to1DArray());
  const L = new Float64Array(P * P);
  const reps = P > 100 ? 20 : 200;
  const ours = time(() => {
    for (let r = 0; r < reps; r++) cholesky(flat, P, 1e-3, L);
  }) / reps;
  const theirs = time(() => {
    for (let r = 0; r < reps; r++) new CholeskyDecomposition(A);
  }) / reps;
  return [ours, theirs];
}
const [chol56, mlChol56] = choleskyPair(56);
const [chol336, mlChol336] = choleskyPair(336);

// 4. SCM sampling
const samplingMs = time(() => sampleRegime(scm, observationalRegime(K), N, 1));

const fmt = (ms: number) => (ms >= 100 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(2)} ms`);
console.log(`Joint Effects Lab benchmarks: K = ${K}, degree ${DEGREE} (p = ${layout.basis.size}), N = ${N.toLocaleString("en-US")}, median of ${REPEATS}`);
console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log("");
console.log(`CV ridge fit, 3 folds x ${PAPER_ALPHAS.length} alphas`);
console.log(`  streamed moments + fit from statistics  ${fmt(oursMs).padStart(10)}   (moments pass alone ${fmt(momentsMs)}, ${((momentsMs * 1e6) / N).toFixed(0)} ns/row)`);
console.log(`  materialized design (ml-matrix)         ${fmt(materializedMs).padStart(10)}   ratio ${(materializedMs / oursMs).toFixed(1)}x slower`);
console.log(`Cholesky factorization`);
console.log(`  P = 56:  ours ${(chol56 * 1000).toFixed(1)} us, ml-matrix ${(mlChol56 * 1000).toFixed(1)} us, ratio ${(mlChol56 / chol56).toFixed(1)}x`);
console.log(`  P = 336: ours ${chol336.toFixed(2)} ms, ml-matrix ${mlChol336.toFixed(2)} ms, ratio ${(mlChol336 / chol336).toFixed(1)}x`);
console.log(`SCM sampling (observational, K = ${K})`);
console.log(`  ${fmt(samplingMs)} for ${N.toLocaleString("en-US")} rows: ${((N / samplingMs) * 1000 / 1e6).toFixed(2)} M rows/s`);
