import assert from "node:assert/strict";
import {test} from "node:test";
import {enumerate, jointRegimes, KEKIC_EXAMPLE, maxDifference, observedRegimes, probabilityOf, SAENGKYONGAM_EXAMPLE, type Distribution} from "../src/theory/binary-counterexamples.js";

const PS = [0.1, 0.3, 0.5, 0.77, 0.9];
const close = (a: number, b: number) => Math.abs(a - b) < 1e-12;
const entry = (d: Distribution, key: string) => d.get(key)!;

test("Kekić et al. Example 1: the two models agree on every observed and single-intervention distribution", () => {
  const [M, Mt] = KEKIC_EXAMPLE;
  for (const p of PS)
    for (const {intervention} of observedRegimes(M)) assert.ok(maxDifference(enumerate(M, p, intervention), enumerate(Mt, p, intervention)) < 1e-15, `p = ${p} ${JSON.stringify(intervention)}`);
});

test("Kekić et al. eq. (7): P(Y = 1 | do(A1 = 0, A2 = 1)) is 0 under M and p^2 under M~", () => {
  const [M, Mt] = KEKIC_EXAMPLE;
  for (const p of PS) {
    assert.equal(probabilityOf(enumerate(M, p, {A1: 0, A2: 1}), M, "Y", 1), 0);
    assert.ok(close(probabilityOf(enumerate(Mt, p, {A1: 0, A2: 1}), Mt, "Y", 1), p * p));
  }
  // the joint regimes differ somewhere for every p
  for (const p of PS) assert.ok(jointRegimes(M).some(({intervention}) => maxDifference(enumerate(M, p, intervention), enumerate(Mt, p, intervention)) > 0));
});

test("Kekić et al. Appendix D, Table 1 (observational) as printed, at several p", () => {
  const [M] = KEKIC_EXAMPLE;
  for (const p of PS) {
    const d = enumerate(M, p); // keys "A1,A2,Y"
    assert.ok(close(entry(d, "0,0,0"), 1 - p));
    assert.ok(close(entry(d, "1,0,0"), p * (1 - p)));
    assert.ok(close(entry(d, "0,1,0"), 0) && close(entry(d, "0,1,1"), 0));
    assert.ok(close(entry(d, "1,1,0"), p * p * (1 - p)));
    assert.ok(close(entry(d, "1,1,1"), p ** 3));
  }
});

test("Kekić et al. Appendix D, Tables 2 and 3: where the printed entries disagree with the model (errata)", () => {
  const [M] = KEKIC_EXAMPLE;
  for (const p of PS) {
    // Table 2, do(A1 = 0): printed (A2 = 0, Y = 0) = 1, everything else 0: correct
    const d0 = enumerate(M, p, {A1: 0});
    assert.ok(close(entry(d0, "0,0,0"), 1));
    // Table 2, do(A1 = 1): printed (1 - p, 0; 0, p). The model gives A2 = C ∧ V2 ~ Bernoulli(p^2):
    const d1 = enumerate(M, p, {A1: 1});
    assert.ok(close(entry(d1, "1,0,0"), 1 - p * p) && !close(1 - p * p, 1 - p));
    assert.ok(close(entry(d1, "1,1,0"), p * p * (1 - p)));
    assert.ok(close(entry(d1, "1,1,1"), p ** 3) && !close(p ** 3, p));
    // Table 3, do(A2 = 1): printed (1 - p, 0; p(1 - p), p^2): correct
    const e1 = enumerate(M, p, {A2: 1}); // keys "A1,A2,Y"
    assert.ok(close(entry(e1, "0,1,0"), 1 - p) && close(entry(e1, "1,1,0"), p * (1 - p)) && close(entry(e1, "1,1,1"), p * p));
    // Table 3, do(A2 = 0): printed the same as do(A2 = 1); the model gives Y = 0 always
    const e0 = enumerate(M, p, {A2: 0});
    assert.ok(close(entry(e0, "0,0,0"), 1 - p) && close(entry(e0, "1,0,0"), p) && close(entry(e0, "1,0,1"), 0));
  }
});

test("Saengkyongam & Silva Section 4, Tables 1-3 as printed, and the differing joint effect", () => {
  const [Mdd, Mt] = SAENGKYONGAM_EXAMPLE;
  for (const p of PS) {
    for (const {intervention} of observedRegimes(Mdd)) assert.ok(maxDifference(enumerate(Mdd, p, intervention), enumerate(Mt, p, intervention)) < 1e-15);
    const obs = enumerate(Mdd, p); // keys "X1,X2,Y"
    assert.ok(close(entry(obs, "0,0,0"), 1 - p) && close(entry(obs, "1,1,1"), p) && close(entry(obs, "1,0,0"), 0) && close(entry(obs, "0,1,0"), 0));
    const do10 = enumerate(Mdd, p, {X1: 0});
    assert.ok(close(entry(do10, "0,0,0"), 1));
    const do11 = enumerate(Mdd, p, {X1: 1});
    assert.ok(close(entry(do11, "1,0,0"), 1 - p) && close(entry(do11, "1,1,1"), p));
    const do20 = enumerate(Mdd, p, {X2: 0});
    assert.ok(close(entry(do20, "0,0,0"), 1 - p) && close(entry(do20, "1,0,0"), p));
    const do21 = enumerate(Mdd, p, {X2: 1});
    assert.ok(close(entry(do21, "0,1,0"), 1 - p) && close(entry(do21, "1,1,1"), p));
    assert.equal(probabilityOf(enumerate(Mdd, p, {X1: 0, X2: 1}), Mdd, "Y", 1), 0);
    assert.ok(close(probabilityOf(enumerate(Mt, p, {X1: 0, X2: 1}), Mt, "Y", 1), p));
  }
});

test("bad arguments are rejected", () => {
  assert.throws(() => enumerate(KEKIC_EXAMPLE[0], 1), /p must be in \(0, 1\)/);
  assert.throws(() => enumerate(KEKIC_EXAMPLE[0], 0.5, {C: 1}), /cannot intervene on C/);
});
