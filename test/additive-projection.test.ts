import assert from "node:assert/strict";
import {test} from "node:test";
import {monomialBasis} from "../src/features/monomial-basis.js";
import {additiveProjection, normalRawMoments} from "../src/estimators/additive-projection.js";
import {predict} from "../src/regression/polynomial-regression.js";
import {randomStream} from "../src/random/streams.js";
import {sampleNoise} from "../src/random/noise.js";
import {meanSem} from "../src/metrics.js";

const dist = {mean: [0.3, -0.2, 0.1], std: [0.5, 0.2, 0.8]};

test("normal raw moments: E[X^2] = m^2 + s^2, E[X^4] = m^4 + 6 m^2 s^2 + 3 s^4", () => {
  const [m, s] = [0.3, 0.5];
  const M = normalRawMoments(m, s, 4);
  assert.ok(Math.abs(M[2] - (m * m + s * s)) < 1e-15);
  assert.ok(Math.abs(M[4] - (m ** 4 + 6 * m * m * s * s + 3 * s ** 4)) < 1e-15);
});

test("projection of a0 * a1 by hand: mu1 a0 + mu0 a1 - mu0 mu1", () => {
  const b = monomialBasis(3, 2);
  const coef = new Float64Array(b.size);
  coef[b.indexOf([1, 1, 0])] = 1;
  const p = additiveProjection({nVars: 3, degree: 2, coef}, dist);
  const expected = new Float64Array(b.size);
  expected[b.indexOf([1, 0, 0])] = -0.2;
  expected[b.indexOf([0, 1, 0])] = 0.3;
  expected[0] = -0.3 * -0.2;
  p.coef.forEach((c, m) => assert.ok(Math.abs(c - expected[m]) < 1e-15, `monomial ${m}: ${c} vs ${expected[m]}`));
});

test("additive polynomials are left unchanged; the residual of any polynomial is orthogonal to functions of one action (Monte Carlo)", () => {
  const b = monomialBasis(3, 3);
  const rng = randomStream(5, "coef");
  const additive = new Float64Array(b.size);
  for (let m = 0; m < b.size; m++) if (b.degreeOf[m] === 0 || [0, 1, 2].some((k) => b.exponents[m * 3 + k] === b.degreeOf[m])) additive[m] = rng.nextDouble() - 0.5;
  const same = additiveProjection({nVars: 3, degree: 3, coef: additive}, dist);
  same.coef.forEach((c, m) => assert.ok(Math.abs(c - additive[m]) < 1e-12, `additive monomial ${m}`));

  const coef = Float64Array.from({length: b.size}, () => rng.nextDouble() - 0.5);
  const model = {nVars: 3, degree: 3, coef};
  const proj = additiveProjection(model, dist);
  const n = 400_000;
  const x = dist.mean.map((m, k) => sampleNoise({family: "gaussian", mean: m, std: dist.std[k]}, randomStream(6, "x", k), n));
  const f = predict(model, x);
  const g = predict(proj, x);
  const resid = f.map((v, i) => v - g[i]);
  for (const k of [0, 1, 2])
    for (const power of [0, 1, 2, 3]) {
      const products = resid.map((r, i) => r * x[k][i] ** power);
      const {mean, sem} = meanSem(products);
      assert.ok(Math.abs(mean) < 5 * sem + 1e-12, `E[(m - Pm) a${k}^${power}] = ${mean} ± ${sem}`);
    }
});
