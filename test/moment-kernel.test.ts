import assert from "node:assert/strict";
import {test} from "node:test";
import {createWasmKernel, typescriptKernel} from "../src/regression/moment-kernel.js";
import {accumulateMoments, emptyMoments, momentLayout, momentLayoutWith} from "../src/regression/moments.js";
import {sampleNoise} from "../src/random/noise.js";
import {randomStream} from "../src/random/streams.js";

function columns(K: number, n: number, seed: number) {
  const x = Array.from({length: K}, (_, v) => sampleNoise({family: v % 2 ? "uniform" : "logistic", mean: 0.2 * v, std: 0.4}, randomStream(seed, "x", v), n));
  const y = sampleNoise({family: "gaussian", mean: 1, std: 2}, randomStream(seed, "y"), n);
  return {x, y};
}

test("the WebAssembly SIMD kernel is available in Node", () => {
  assert.ok(createWasmKernel(), "WebAssembly SIMD kernel failed to instantiate");
});

test("WebAssembly and TypeScript kernels agree to 1e-10 relative (scale: sums of absolute monomials)", () => {
  const wasm = createWasmKernel(64)!;
  for (const [K, degree, n, start] of [[1, 1, 7, 0], [2, 3, 1001, 13], [5, 3, 20_000, 5], [3, 2, 130, 0], [10, 2, 3000, 1], [4, 4, 513, 2]]) {
    const {x, y} = columns(K, n + start, K * 100 + degree);
    // an off-centre standardization (first row, scale 0.7): the kernels must agree on any
    const layout = momentLayoutWith(degree, {shiftX: Float64Array.from(x, (c) => c[0]), scaleX: new Float64Array(K).fill(0.7), shiftY: y[0], scaleY: 1.3});
    const a = emptyMoments(layout);
    const b = emptyMoments(layout);
    typescriptKernel.accumulate(layout, x, y, start, start + n, a);
    wasm.accumulate(layout, x, y, start, start + n, b);
    // |sum of monomials| <= sum of |monomials| = moments of |z|: the scale of the rounding error
    const absLayout = momentLayoutWith(degree, {shiftX: new Float64Array(K), scaleX: new Float64Array(K).fill(1), shiftY: 0, scaleY: 1});
    const scale = emptyMoments(absLayout);
    const z = x.map((c, v) => c.map((value) => Math.abs((value - layout.shiftX[v]) / layout.scaleX[v])));
    const absY = y.map((value) => Math.abs((value - layout.shiftY) / layout.scaleY));
    accumulateMoments(absLayout, z, absY, start, start + n, scale);
    assert.equal(b.n, n);
    for (let m = 0; m < a.mono.length; m++) assert.ok(Math.abs(a.mono[m] - b.mono[m]) <= 1e-10 * scale.mono[m], `K=${K} d=${degree} monomial ${m}: ${a.mono[m]} vs ${b.mono[m]}`);
    for (let m = 0; m < a.monoY.length; m++) assert.ok(Math.abs(a.monoY[m] - b.monoY[m]) <= 1e-10 * scale.monoY[m], `K=${K} d=${degree} y-monomial ${m}`);
    assert.ok(Math.abs(a.yy - b.yy) <= 1e-12 * a.yy);
  }
});

test("the WebAssembly kernel accepts plain arrays and switches layouts", () => {
  const wasm = createWasmKernel()!;
  const {x, y} = columns(3, 300, 9);
  const plain = {x: x.map((c) => Array.from(c)), y: Array.from(y)};
  for (const degree of [1, 3, 2]) {
    const layout = momentLayout(degree, x, y);
    const a = emptyMoments(layout);
    const b = emptyMoments(layout);
    typescriptKernel.accumulate(layout, x, y, 0, 300, a);
    wasm.accumulate(layout, plain.x, plain.y, 0, 300, b);
    for (let m = 0; m < a.mono.length; m++) assert.ok(Math.abs(a.mono[m] - b.mono[m]) <= 1e-9 * (1 + Math.abs(a.mono[m])), `degree ${degree} monomial ${m}`);
  }
  assert.throws(() => createWasmKernel(6), /multiple of 4/);
});
