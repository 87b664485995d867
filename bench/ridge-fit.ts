// Benchmarks of the fit pipeline: medians of repeated runs, ratios measured in the same run.
//   npm run bench                 N = 1e5 and 1e6 (ml-matrix at 1e6 once: it takes about a minute)
//   npm run bench -- 100000       one N only
import {CholeskyDecomposition, Matrix} from "ml-matrix";
import {evaluateMonomials, monomialBasis} from "../src/features/monomial-basis.js";
import {createWasmKernel, typescriptKernel, type MomentKernel} from "../src/regression/moment-kernel.js";
import {accumulateFolds, foldSizes, momentLayout} from "../src/regression/moments.js";
import {cholesky} from "../src/regression/linear-solve.js";
import {fitPolynomialCV} from "../src/regression/polynomial-regression.js";
import {PAPER_ALPHAS} from "../src/regression/ridge.js";
import {randomAdditiveScm} from "../src/scm/additive-scm.js";
import {jointRegime, observationalRegime} from "../src/scm/regime.js";
import {regimeSampler} from "../src/scm/sample-regime.js";

const SIZES = process.argv[2] ? [Number(process.argv[2])] : [100_000, 1_000_000];
const K = 5;
const DEGREE = 3;
// This machine: 2.6 GHz Xeon with AVX-512 FMA (2 units: 2 x 8 x 2 = 32 flops/cycle/core).
// WebAssembly SIMD is 128-bit without FMA: at most 2 lanes x (1 mul + 1 add) = 4 flops/cycle.
const GHZ = Number(process.env.JEL_CPU_GHZ ?? 2.6);
const PEAK_MACHINE = GHZ * 32;
const PEAK_WASM128 = GHZ * 4;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median of `repeats` timed calls after one warm-up; repeats = 0: one timed call, no warm-up. */
function time(fn: () => void, repeats: number): number {
  if (repeats === 0) {
    const t = performance.now();
    fn();
    return performance.now() - t;
  }
  fn(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

const fmt = (ms: number) => (ms >= 100 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const scm = randomAdditiveScm(K, 0);
const wasm = createWasmKernel()!;
console.log(`Joint Effects Lab benchmarks: K = ${K}, degree ${DEGREE}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);

for (const N of SIZES) {
  const sample = regimeSampler(scm, observationalRegime(K), 0)(N);
  const layout = momentLayout(DEGREE, sample.actions, sample.outcome);
  const p = layout.basis.size;
  const q = layout.basis2.size;
  const repeats = N >= 1_000_000 ? 3 : 5;
  const cvFit = (kernel: MomentKernel) => () => fitPolynomialCV(layout, accumulateFolds(layout, sample.actions, sample.outcome, N, 3, kernel.accumulate), {alphas: PAPER_ALPHAS});
  const wasmMs = time(cvFit(wasm), repeats);
  const tsMs = time(cvFit(typescriptKernel), N >= 1_000_000 ? 1 : 3);
  const wasmMomentsMs = time(() => accumulateFolds(layout, sample.actions, sample.outcome, N, 3, wasm.accumulate), repeats);
  const materializedMs = time(() => materializedFit(sample.actions, sample.outcome, N), N >= 1_000_000 ? 0 : 1);
  const flops = 2 * (q - 1) + 2 * (p - 1); // per row: one mul and one add per monomial, and per y-monomial
  const gflops = (flops * N) / (wasmMomentsMs * 1e6);
  console.log(`\nCV ridge fit, N = ${N.toLocaleString("en-US")}, p = ${p}, 3 folds x ${PAPER_ALPHAS.length} alphas (median of ${repeats})`);
  console.log(`  WebAssembly SIMD kernel       ${fmt(wasmMs).padStart(9)}   1`);
  console.log(`  TypeScript kernel             ${fmt(tsMs).padStart(9)}   ${(tsMs / wasmMs).toFixed(1)}x slower`);
  console.log(`  materialized design, ml-matrix${fmt(materializedMs).padStart(9)}   ${(materializedMs / wasmMs).toFixed(1)}x slower`);
  console.log(`  moments pass (WebAssembly): ${((wasmMomentsMs * 1e6) / N).toFixed(0)} ns/row, ${q} monomial sums + ${p} y-sums = ${flops} flops/row: ${gflops.toFixed(2)} GFLOP/s =`);
  console.log(`    ${((100 * gflops) / PEAK_WASM128).toFixed(0)}% of the 128-bit no-FMA ceiling of WebAssembly SIMD (${PEAK_WASM128.toFixed(1)} GFLOP/s), ${((100 * gflops) / PEAK_MACHINE).toFixed(1)}% of the core's AVX-512 FMA peak (${PEAK_MACHINE.toFixed(1)} GFLOP/s)`);

  function materializedFit(x: Float64Array[], y: Float64Array, n: number): void {
    const basis = monomialBasis(K, DEGREE);
    const X = new Matrix(n, p);
    const row = new Float64Array(p);
    const xi = new Float64Array(K);
    for (let i = 0; i < n; i++) {
      for (let v = 0; v < K; v++) xi[v] = x[v][i];
      evaluateMonomials(basis, xi, row);
      for (let j = 0; j < p; j++) X.set(i, j, row[j]);
    }
    let start = 0;
    for (const size of foldSizes(n, 3)) {
      const trainRows = [...Array(n).keys()].filter((i) => i < start || i >= start + size);
      const Xt = X.selection(trainRows, [...Array(p).keys()]);
      const mean = Xt.mean("column");
      const sd = Xt.standardDeviation("column", {mean, unbiased: false}).map((s) => (s > 0 ? s : 1));
      const Xs = Xt.clone().subRowVector(mean).divRowVector(sd);
      const yt = Matrix.columnVector(trainRows.map((i) => y[i]));
      const G = Xs.transpose().mmul(Xs);
      const b = Xs.transpose().mmul(yt.clone().sub(yt.mean()));
      for (const alpha of PAPER_ALPHAS) {
        const A = G.clone();
        for (let j = 0; j < p; j++) A.set(j, j, A.get(j, j) + alpha);
        new CholeskyDecomposition(A).solve(b);
      }
      start += size;
    }
  }
}

// Cholesky of a P x P system: ours (flat arrays) vs ml-matrix
function choleskyPair(P: number): [number, number] {
  const M = Matrix.rand(P + 10, P);
  const A = M.transpose().mmul(M);
  const flat = Float64Array.from(A.to1DArray());
  const L = new Float64Array(P * P);
  const reps = P > 100 ? 20 : 200;
  const ours = time(() => {
    for (let r = 0; r < reps; r++) cholesky(flat, P, 1e-3, L);
  }, 5) / reps;
  const theirs = time(() => {
    for (let r = 0; r < reps; r++) new CholeskyDecomposition(A);
  }, 5) / reps;
  return [ours, theirs];
}
const [c56, m56] = choleskyPair(56);
const [c336, m336] = choleskyPair(336);
console.log(`\nCholesky: P = 56 ours ${(c56 * 1000).toFixed(1)} us vs ml-matrix ${(m56 * 1000).toFixed(1)} us (${(m56 / c56).toFixed(1)}x); P = 336 ours ${c336.toFixed(2)} ms vs ml-matrix ${m336.toFixed(2)} ms (${(m336 / c336).toFixed(1)}x)`);

// SCM sampling, in the chunks the experiments use
for (const [name, regime] of [["observational", observationalRegime(K)], ["joint", jointRegime(K)]] as const) {
  const n = 1_000_000;
  const iv = {mean: new Array(K).fill(0), std: new Array(K).fill(0.1)};
  const ms = time(() => {
    const next = regimeSampler(scm, regime, 1, iv);
    for (let done = 0; done < n; done += 8192) next(Math.min(8192, n - done));
  }, 3);
  console.log(`SCM sampling, ${name}, K = ${K}: ${((n / ms) * 1000 / 1e6).toFixed(2)} M rows/s (${((ms * 1e6) / n).toFixed(0)} ns/row)`);
}
