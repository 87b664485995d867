import assert from "node:assert/strict";
import {test} from "node:test";
import {Matrix, solve} from "ml-matrix";
import {monomialBasis} from "../src/features/monomial-basis.js";
import {accumulateFolds, foldSizes, momentLayout, momentLayoutWith, sumMoments, type MomentLayout} from "../src/regression/moments.js";
import {fitIndicatorCV, fitPolynomialCV, predict} from "../src/regression/polynomial-regression.js";
import {randomStream} from "../src/random/streams.js";
import {sampleNoise} from "../src/random/noise.js";

/** Independent reference: materialized design, explicit powers, standardized, solved by QR least squares. */
function referenceRidge(X: number[][], y: number[], alpha: number): {coef: number[]; intercept: number} {
  const n = X.length;
  const P = X[0].length;
  const mean = Array.from({length: P}, (_, j) => X.reduce((s, r) => s + r[j], 0) / n);
  const scale = mean.map((m, j) => {
    const v = X.reduce((s, r) => s + (r[j] - m) ** 2, 0) / n;
    return v <= 1e-14 * Math.max(1, m * m) ? 1 : Math.sqrt(v);
  });
  const ybar = y.reduce((s, v) => s + v, 0) / n;
  const rows = X.map((r) => r.map((v, j) => (v - mean[j]) / scale[j]));
  for (let j = 0; j < P; j++) rows.push(Array.from({length: P}, (_, i) => (i === j ? Math.sqrt(alpha) : 0)));
  const rhs = [...y.map((v) => v - ybar), ...new Array(P).fill(0)];
  const w = solve(new Matrix(rows), Matrix.columnVector(rhs)).to1DArray();
  const coef = w.map((wj, j) => wj / scale[j]);
  return {coef, intercept: ybar - coef.reduce((s, c, j) => s + c * mean[j], 0)};
}

function design(x: number[][], degree: number): number[][] {
  const K = x.length;
  const b = monomialBasis(K, degree);
  return x[0].map((_, i) => Array.from({length: b.size}, (_, m) => x.reduce((p, col, v) => p * col[i] ** b.exponents[m * K + v], 1)));
}

/** The design of the layout's standardized actions z = (x - shiftX) / scaleX: the features the ridge penalizes. */
function standardizedDesign(x: number[][], layout: MomentLayout): number[][] {
  return design(x.map((col, v) => col.map((value) => (value - layout.shiftX[v]) / layout.scaleX[v])), layout.degree);
}

const layoutOf = (degree: number, shiftX: number[], scaleX: number[], shiftY: number, scaleY: number) =>
  momentLayoutWith(degree, {shiftX: Float64Array.from(shiftX), scaleX: Float64Array.from(scaleX), shiftY, scaleY});

function referencePredict(X: number[][], fit: {coef: number[]; intercept: number}): number[] {
  return X.map((r) => fit.intercept + r.reduce((s, v, j) => s + v * fit.coef[j], 0));
}

function r2(y: number[], pred: number[]): number {
  const m = y.reduce((s, v) => s + v, 0) / y.length;
  const sst = y.reduce((s, v) => s + (v - m) ** 2, 0);
  const sse = y.reduce((s, v, i) => s + (v - pred[i]) ** 2, 0);
  return 1 - sse / sst;
}

function toyData(n: number, seed: number, noise = 0.2) {
  const a = sampleNoise({family: "gaussian", mean: 0.4, std: 0.3}, randomStream(seed, "a"), n);
  const b = sampleNoise({family: "uniform", mean: -0.2, std: 0.5}, randomStream(seed, "b"), n);
  const e = sampleNoise({family: "logistic", mean: 0, std: noise}, randomStream(seed, "e"), n);
  const y = Array.from({length: n}, (_, i) => 1 + 2 * a[i] - b[i] * a[i] + 0.5 * b[i] ** 3 + e[i]);
  return {x: [Array.from(a), Array.from(b)], y};
}

const close = (a: number, b: number, tol: number, msg: string) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${msg}: ${a} vs ${b}`);

test("ridge from sufficient statistics equals a materialized QR solve (standardization, unpenalized intercept)", () => {
  const {x, y} = toyData(90, 1);
  for (const [shift, scale] of [[[0, 0], [1, 1]], [[0.4, -0.2], [0.3, 0.5]], [[3, 5], [2, 0.1]]]) {
    const layout = layoutOf(3, shift, scale, shift[0] * 2, 1 + scale[1]);
    const X = standardizedDesign(x, layout);
    const folds = accumulateFolds(layout, x, y, 90, 3);
    for (const alpha of [1e-4, 0.1, 10]) {
      const {model} = fitPolynomialCV(layout, folds, {alphas: [alpha]});
      const ref = referenceRidge(X, y, alpha);
      const ours = predict(model, x);
      const theirs = referencePredict(X, ref);
      for (let i = 0; i < 90; i++) close(ours[i], theirs[i], 1e-8, `prediction ${i} alpha ${alpha} shift ${shift}`);
      for (let j = 1; j < X[0].length; j++) close(model.coef[j], ref.coef[j], 1e-6, `coefficient ${j} alpha ${alpha}`);
    }
  }
});

test("CV: held-out R^2 per alpha and the chosen alpha equal a brute-force materialized 3-fold CV", () => {
  const {x, y} = toyData(150, 2, 0.6);
  const grid = [1e-6, 1e-3, 1, 10, 100, 1e3];
  const layout = layoutOf(3, [0.3, 0], [0.5, 2], 1, 0.25);
  const X = standardizedDesign(x, layout);
  const {fit} = fitPolynomialCV(layout, accumulateFolds(layout, x, y, 150, 3), {alphas: grid});
  const sizes = foldSizes(150, 3);
  assert.deepEqual(sizes, [50, 50, 50]);
  const bounds = [0, 50, 100, 150];
  const scores = grid.map((alpha) => {
    let s = 0;
    for (let f = 0; f < 3; f++) {
      const inTest = (i: number) => i >= bounds[f] && i < bounds[f + 1];
      const idx = X.map((_, i) => i);
      const ref = referenceRidge(idx.filter((i) => !inTest(i)).map((i) => X[i]), idx.filter((i) => !inTest(i)).map((i) => y[i]), alpha);
      const test = idx.filter(inTest);
      s += r2(test.map((i) => y[i]), referencePredict(test.map((i) => X[i]), ref));
    }
    return s / 3;
  });
  fit.cvScores.forEach((s, a) => close(s, scores[a], 1e-8, `CV score alpha ${grid[a]}`));
  const best = scores.indexOf(Math.max(...scores));
  assert.equal(fit.alpha, grid[best]);
});

test("KFold sizes follow scikit-learn (first n % k folds one larger)", () => {
  assert.deepEqual(foldSizes(10, 3), [4, 3, 3]);
  assert.deepEqual(foldSizes(11, 3), [4, 4, 3]);
  assert.throws(() => foldSizes(2, 3), /cannot split 2 rows/);
});

test("CV picks heavy shrinkage for pure noise and the smallest for a noiseless polynomial", () => {
  const grid = [1e-8, 1e-4, 1, 1e2, 1e4, 1e6];
  const noise = toyData(600, 3);
  const pureNoise = sampleNoise({family: "gaussian", mean: 0, std: 1}, randomStream(3, "noise"), 600);
  const layout = momentLayout(3, noise.x, pureNoise);
  const a = fitPolynomialCV(layout, accumulateFolds(layout, noise.x, pureNoise, 600, 3), {alphas: grid});
  // held-out R^2 of pure noise is best under heavy shrinkage; which large alpha wins is chance
  assert.ok(a.fit.alpha >= 1e2, `alpha ${a.fit.alpha}`);
  assert.ok(a.fit.cvScores[0] < a.fit.cvScores[grid.indexOf(a.fit.alpha)]);
  const exact = noise.x[0].map((v, i) => 1 + v - 2 * v * noise.x[1][i] + noise.x[1][i] ** 3);
  const b = fitPolynomialCV(layout, accumulateFolds(layout, noise.x, exact, 600, 3), {alphas: grid});
  assert.equal(b.fit.alpha, 1e-8);
});

test("ties go to the first (smallest) alpha of the grid", () => {
  const x = [new Array(30).fill(0.5), new Array(30).fill(-1)];
  const y = Array.from(sampleNoise({family: "gaussian", mean: 0, std: 1}, randomStream(4, "y"), 30));
  const layout = momentLayout(2, x, y);
  const {fit} = fitPolynomialCV(layout, accumulateFolds(layout, x, y, 30, 3), {alphas: [1e-3, 1e-2, 1e-1]});
  assert.equal(new Set(fit.cvScores).size, 1);
  assert.equal(fit.alpha, 1e-3);
});

test("indicator design [phi, R1 phi, R2 phi] assembled from per-regime moments equals the materialized regression", () => {
  const regimes = [toyData(60, 10), toyData(45, 11), toyData(45, 12)];
  const layout = layoutOf(2, [0.4, -0.2], [0.5, 2], 1, 3);
  const moments = regimes.map((d, i) => accumulateFolds(layout, d.x, d.y, i === 0 ? 60 : 45, 3));
  const alpha = 0.05;
  const {blocks} = fitIndicatorCV(layout, moments[0], moments.slice(1), {alphas: [alpha]});
  const X: number[][] = [];
  const y: number[] = [];
  regimes.forEach((d, r) => {
    standardizedDesign(d.x, layout).forEach((row, i) => {
      X.push([...row, ...row.map((v) => (r === 1 ? v : 0)), ...row.map((v) => (r === 2 ? v : 0))]);
      y.push(d.y[i]);
    });
  });
  const ref = referenceRidge(X, y, alpha);
  const test = toyData(20, 13);
  const Xt = standardizedDesign(test.x, layout);
  for (const [S, mask] of [[[], [0, 0]], [[0], [1, 0]], [[1], [0, 1]], [[0, 1], [1, 1]]] as [number[], number[]][]) {
    const model = {...blocks[0], coef: blocks[0].coef.map((c, j) => c + S.reduce((s, k) => s + blocks[k + 1].coef[j], 0))};
    const ours = predict(model, test.x);
    const theirs = referencePredict(Xt.map((row) => [...row, ...row.map((v) => v * mask[0]), ...row.map((v) => v * mask[1])]), ref);
    ours.forEach((v, i) => close(v, theirs[i], 1e-7, `regimes [${S}] row ${i}`));
  }
  assert.equal(sumMoments(layout, moments[0]).n, 60);
});
