import assert from "node:assert/strict";
import {test} from "node:test";
import {evaluateMonomials, monomialBasis, monomialCount} from "../src/features/monomial-basis.js";

test("monomial counts are C(K + d, d)", () => {
  assert.equal(monomialCount(5, 3), 56);
  assert.equal(monomialCount(2, 2), 6);
  assert.equal(monomialCount(5, 6), 462);
  assert.equal(monomialCount(10, 3), 286);
  for (const [k, d] of [[1, 0], [1, 4], [3, 3], [5, 3], [4, 6]]) assert.equal(monomialBasis(k, d).size, monomialCount(k, d));
});

test("order is graded, then combinations with replacement (scikit-learn's PolynomialFeatures)", () => {
  const b = monomialBasis(2, 3);
  const rows = Array.from({length: b.size}, (_, m) => [b.exponents[2 * m], b.exponents[2 * m + 1]]);
  assert.deepEqual(rows, [[0, 0], [1, 0], [0, 1], [2, 0], [1, 1], [0, 2], [3, 0], [2, 1], [1, 2], [0, 3]]);
  const c = monomialBasis(3, 2);
  const names = Array.from({length: c.size}, (_, m) => [0, 1, 2].map((v) => "abc"[v].repeat(c.exponents[3 * m + v])).join("") || "1");
  assert.deepEqual(names, ["1", "a", "b", "c", "aa", "ab", "ac", "bb", "bc", "cc"]);
});

test("degree-d basis is a prefix of the degree-2d basis", () => {
  const small = monomialBasis(4, 3);
  const big = monomialBasis(4, 6);
  assert.deepEqual(Array.from(big.exponents.subarray(0, small.exponents.length)), Array.from(small.exponents));
});

test("streamed monomial values equal products of powers", () => {
  const b = monomialBasis(3, 4);
  const x = [0.7, -1.3, 2.1];
  const out = new Float64Array(b.size);
  evaluateMonomials(b, x, out);
  for (let m = 0; m < b.size; m++) {
    const direct = x.reduce((p, xi, v) => p * xi ** b.exponents[m * 3 + v], 1);
    assert.ok(Math.abs(out[m] - direct) <= 1e-12 * Math.max(1, Math.abs(direct)), `monomial ${m}`);
  }
  assert.equal(b.indexOf([0, 0, 0]), 0);
  assert.equal(b.indexOf([5, 0, 0]), -1);
});

test("bad arguments are rejected", () => {
  assert.throws(() => monomialBasis(0, 2), /number of variables/);
  assert.throws(() => monomialBasis(2, -1), /degree/);
});
