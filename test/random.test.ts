import assert from "node:assert/strict";
import {test} from "node:test";
import {centralMoment, NOISE_FAMILIES, rawMoment, sampleNoise} from "../src/random/noise.js";
import {randomStream} from "../src/random/streams.js";
import {Xoshiro128} from "../src/random/xoshiro128.js";
import {meanSem} from "../src/metrics.js";

test("xoshiro128** matches the reference C implementation (test/fixtures/xoshiro128starstar.c)", () => {
  const g = new Xoshiro128(1, 2, 3, 4);
  const first = Array.from({length: 10}, () => g.nextUint32());
  assert.deepEqual(first, [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804]);
  const h = new Xoshiro128(0x9e3779b9, 0xdeadbeef, 0x12345678, 0xfedcba98);
  for (let i = 0; i < 1000; i++) h.nextUint32();
  assert.deepEqual(Array.from({length: 5}, () => h.nextUint32()), [3519660388, 2687040191, 4217615539, 3558871949, 4099430459]);
});

test("doubles are in [0, 1) with mean 1/2 and variance 1/12", () => {
  const g = randomStream(7, "uniform-check");
  const n = 200_000;
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = g.nextDouble();
    assert.ok(xs[i] >= 0 && xs[i] < 1);
  }
  const {mean, sem} = meanSem(xs);
  assert.ok(Math.abs(mean - 0.5) < 5 * sem, `mean ${mean}`);
  const v = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
  assert.ok(Math.abs(v - 1 / 12) < 0.002, `variance ${v}`);
});

test("streams: same path same numbers, different paths unrelated", () => {
  const a = randomStream(3, "run", 1, "V", 2);
  const b = randomStream(3, "run", 1, "V", 2);
  const c = randomStream(3, "run", 1, "V", 3);
  const d = randomStream(4, "run", 1, "V", 2);
  const xa = Array.from({length: 8}, () => a.nextUint32());
  assert.deepEqual(xa, Array.from({length: 8}, () => b.nextUint32()));
  assert.notDeepEqual(xa, Array.from({length: 8}, () => c.nextUint32()));
  assert.notDeepEqual(xa, Array.from({length: 8}, () => d.nextUint32()));
  // seeds above 2^32 are distinct too
  assert.notEqual(randomStream(2 ** 32).nextUint32(), randomStream(0).nextUint32());
  assert.throws(() => randomStream(-1), /seed must be a non-negative/);
  assert.throws(() => randomStream(1.5), /seed must be a non-negative/);
});

test("each noise family has the requested mean, std and fourth moment", () => {
  const n = 400_000;
  for (const family of NOISE_FAMILIES) {
    const spec = {family, mean: 0.3, std: 0.5};
    const x = sampleNoise(spec, randomStream(11, family), n);
    const m = meanSem(x);
    assert.ok(Math.abs(m.mean - 0.3) < 5 * m.sem, `${family} mean ${m.mean}`);
    const c2 = x.map((v) => (v - 0.3) ** 2);
    const m2 = meanSem(c2);
    assert.ok(Math.abs(m2.mean - centralMoment(spec, 2)) < 5 * m2.sem, `${family} variance ${m2.mean}`);
    const m4 = meanSem(x.map((v) => (v - 0.3) ** 4));
    assert.ok(Math.abs(m4.mean - centralMoment(spec, 4)) < 6 * m4.sem, `${family} 4th moment ${m4.mean} vs ${centralMoment(spec, 4)}`);
  }
  assert.ok(Math.abs(rawMoment({family: "gaussian", mean: 2, std: 1}, 2) - 5) < 1e-12);
  assert.ok(Math.abs(rawMoment({family: "uniform", mean: 0, std: 1}, 4) - 1.8) < 1e-12);
});

test("Gaussian draws (ziggurat) follow the normal CDF in the body and both tails (chi-square over 14 bins)", async () => {
  const {standardNormal} = await import("../src/random/ziggurat.js");
  // Phi by Simpson's rule on the density: independent of any erf approximation
  const phi = (x: number) => {
    const m = 4000;
    const h = Math.abs(x) / m;
    let s = 0;
    for (let i = 0; i <= m; i++) s += (i === 0 || i === m ? 1 : i % 2 ? 4 : 2) * Math.exp(-0.5 * (i * h) ** 2);
    const half = ((s * h) / 3) / Math.sqrt(2 * Math.PI);
    return x >= 0 ? 0.5 + half : 0.5 - half;
  };
  const edges = [-Infinity, -4, -3.442619855899, -3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 3.442619855899, 4, Infinity];
  const n = 2_000_000;
  const counts = new Array(edges.length - 1).fill(0);
  const g = randomStream(21, "ziggurat");
  for (let i = 0; i < n; i++) {
    const x = standardNormal(g);
    let b = 0;
    while (x >= edges[b + 1]) b++;
    counts[b]++;
  }
  const cdf = (x: number) => (x === -Infinity ? 0 : x === Infinity ? 1 : phi(x));
  let chi2 = 0;
  for (let b = 0; b < counts.length; b++) {
    const expected = n * (cdf(edges[b + 1]) - cdf(edges[b]));
    chi2 += (counts[b] - expected) ** 2 / expected;
  }
  // 13 degrees of freedom: P(chi2 > 40) is about 1e-4
  assert.ok(chi2 < 40, `chi-square ${chi2.toFixed(1)} over bins ${counts}`);
  assert.ok(counts[0] + counts[counts.length - 1] > 0, "no draw beyond |x| = 4: the tail sampler never ran");
});
