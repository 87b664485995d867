import assert from "node:assert/strict";
import {test} from "node:test";
import {inverse, Matrix, solve} from "ml-matrix";
import {featureTerms, validateModel} from "../src/anm/anm-model.js";
import {sampleAnm} from "../src/anm/anm-sampling.js";
import {DREAM4_NET3_EDGES, dream4Dag, dream4StandIn, GENES, topologicalOrder} from "../src/anm/dream4-network.js";
import {dream4GroundTruth, dream4Kinetic, kineticFit, kineticObservations} from "../src/anm/dream4-kinetic.js";
import {fitIndependentNoise} from "../src/anm/independent-noise-fit.js";
import {kdeLogDensity} from "../src/anm/gaussian-kde.js";
import {fitJointLikelihood, regimeLogLikelihood, residualCovariance, stack, trainingGrams} from "../src/anm/joint-likelihood.js";
import {randomCorrelation} from "../src/anm/random-correlation.js";
import {fitReg, fitRegInd} from "../src/anm/regression-baselines.js";
import {SYNTHETIC_SIGMA, syntheticAnm} from "../src/anm/synthetic-anm.js";
import {anmTrainingData, parameterMae} from "../src/experiments/anm/anm-data.js";
import {runSynthetic, SYNTHETIC_DEFAULTS} from "../src/experiments/anm/synthetic-runs.js";
import {ranks, spearman} from "../src/metrics.js";

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (tolerance ${tol})`);

test("feature maps: parents, then pairwise products without squares; a root has one mean parameter", () => {
  assert.deepEqual(featureTerms([], "nonlinear"), [[]]);
  assert.deepEqual(featureTerms([0, 2], "linear"), [[0], [2]]);
  assert.deepEqual(featureTerms([0, 1, 2], "nonlinear"), [[0], [1], [2], [0, 1], [0, 2], [1, 2]]);
  assert.deepEqual(featureTerms([0, 1], "quadratic"), [[], [0], [1], [0, 0], [0, 1], [1, 1]]);
  assert.throws(() => validateModel({...syntheticAnm("linear"), theta: [[0], [1], [0.5], [1, 1, 1]]}), /X3: expected 2 parameters, found 1/);
  assert.throws(() => validateModel({...syntheticAnm("linear"), parents: [[], [0], [0, 3], [0, 1, 2]]}), /topological order/);
});

test("observational samples of the linear SCM have the closed-form covariance (I - B)^-1 Sigma (I - B)^-T", () => {
  const model = syntheticAnm("linear");
  const B = [
    [0, 0, 0, 0],
    [1, 0, 0, 0],
    [0.5, -1, 0, 0],
    [1.5, 1, -0.5, 0],
  ];
  const A = inverse(Matrix.eye(4).sub(new Matrix(B)));
  const cov = A.mmul(new Matrix(SYNTHETIC_SIGMA)).mmul(A.transpose());
  const n = 200_000;
  const s = sampleAnm(model, {kind: "observational"}, n, null, 7, "cov");
  for (let i = 0; i < 4; i++)
    for (let j = 0; j <= i; j++) {
      let c = 0;
      for (let r = 0; r < n; r++) c += s[i][r] * s[j][r];
      close(c / n, cov.get(i, j), 0.03 * Math.sqrt(cov.get(i, i) * cov.get(j, j)), `cov(${i}, ${j})`);
    }
});

test("the joint likelihood never decreases across iterations and converges", () => {
  for (const mechanism of ["linear", "nonlinear"] as const)
    for (const seed of [1, 2, 3]) {
      const model = syntheticAnm(mechanism);
      const data = anmTrainingData(model, 300, seed, "monotone");
      const fit = fitJointLikelihood(model, data);
      assert.ok(fit.converged, `${mechanism}, seed ${seed}: not converged in ${fit.iterations} iterations`);
      assert.ok(fit.logLikelihood.length > 5, "too few iterations recorded");
      for (let t = 1; t < fit.logLikelihood.length; t++)
        assert.ok(fit.logLikelihood[t] >= fit.logLikelihood[t - 1] - 1e-9 * Math.abs(fit.logLikelihood[t]), `${mechanism}, seed ${seed}: l decreased at iteration ${t}: ${fit.logLikelihood[t - 1]} -> ${fit.logLikelihood[t]}`);
      assert.ok(fit.logLikelihood.at(-1)! > fit.logLikelihood[0] + 1, "the likelihood should climb from the identity-covariance start");
    }
});

test("at convergence: each covariance is the residuals' sample covariance (from raw rows) and no parameter move improves the likelihood", () => {
  const model = syntheticAnm("nonlinear");
  const data = anmTrainingData(model, 500, 11, "stationary");
  const fit = fitJointLikelihood(model, data);
  // independent residuals from the raw observational rows
  const obs = data.observational;
  const n = obs[0].length;
  const means = fit.theta.map((t, j) => {
    const out = new Float64Array(n);
    featureTerms(model.parents[j], "nonlinear").forEach((term, i) => {
      for (let r = 0; r < n; r++) out[r] += t[i] * term.reduce((p, q) => p * obs[q][r], 1);
    });
    return out;
  });
  for (let a = 0; a < 4; a++)
    for (let b = 0; b < 4; b++) {
      let s = 0;
      for (let r = 0; r < n; r++) s += (obs[a][r] - means[a][r]) * (obs[b][r] - means[b][r]);
      close(fit.sigmas[0][a][b], s / n, 1e-6, `Sigma_obs(${a}, ${b})`);
    }
  const {layout, grams} = trainingGrams(model, data);
  const theta = stack(fit.theta);
  const total = (th: Float64Array) => grams.reduce((s, g, r) => s + regimeLogLikelihood(layout, g, th, fit.sigmas[r]), 0);
  const best = total(theta);
  for (let i = 0; i < theta.length; i++)
    for (const eps of [1e-3, -1e-3]) {
      const moved = theta.slice();
      moved[i] += eps;
      assert.ok(total(moved) <= best + 1e-6, `moving parameter ${i} by ${eps} improved the likelihood`);
    }
  // residualCovariance from the Gram equals the raw computation in an interventional regime too
  const g1 = grams[1];
  const S1 = residualCovariance(layout, g1, theta);
  const x = data.single[0];
  let s = 0;
  for (let r = 0; r < x[0].length; r++) s += (x[3][r] - fit.theta[3].reduce((acc, t, i) => acc + t * featureTerms([0, 1, 2], "nonlinear")[i].reduce((p, q) => p * x[q][r], 1), 0)) ** 2;
  close(S1[2][2], s / x[0].length, 1e-8, "do(X1) residual variance of Y");
});

test("the joint-likelihood estimator recovers the parameters, with error shrinking as n grows", () => {
  for (const mechanism of ["linear", "nonlinear"] as const) {
    const model = syntheticAnm(mechanism);
    const err = (n: number) => {
      let s = 0;
      for (let run = 0; run < 4; run++) {
        const fit = fitJointLikelihood(model, anmTrainingData(model, n, run, "recovery", n));
        s += parameterMae(fit.theta.flat(), model.theta.flat());
      }
      return s / 4;
    };
    const [small, medium, large] = [200, 2000, 20_000].map(err);
    assert.ok(medium < small && large < medium, `${mechanism}: errors ${small}, ${medium}, ${large} do not shrink`);
    assert.ok(large < 0.02, `${mechanism}: parameter MAE ${large} at n = 20000`);
    assert.ok(small / large > 4, `${mechanism}: error ratio ${small / large} over a 100x larger n (root-n rate gives 10)`);
  }
});

test("REG is biased by exactly the closed-form pooled least-squares amount on the linear SCM", () => {
  const model = syntheticAnm("linear");
  const S = new Matrix(SYNTHETIC_SIGMA);
  const B = new Matrix([
    [0, 0, 0],
    [1, 0, 0],
    [0.5, -1, 0],
  ]);
  const A = inverse(Matrix.eye(3).sub(B));
  const Sxx = S.subMatrix(0, 2, 0, 2);
  const sxy = S.subMatrix(0, 2, 3, 3);
  const obsCov = A.mmul(Sxx).mmul(A.transpose());
  const sd = [0, 1, 2].map((k) => Math.sqrt(obsCov.get(k, k)));
  // pooled second moments of X and cross moments with U_Y over the four equal-size regimes
  let M = obsCov.clone();
  let c = A.mmul(sxy);
  for (let k = 0; k < 3; k++) {
    const Bk = B.clone();
    for (let j = 0; j < 3; j++) Bk.set(k, j, 0);
    const Ak = inverse(Matrix.eye(3).sub(Bk));
    const Su = Sxx.clone();
    for (let j = 0; j < 3; j++) {
      Su.set(k, j, 0);
      Su.set(j, k, 0);
    }
    Su.set(k, k, sd[k] ** 2);
    const su = sxy.clone();
    su.set(k, 0, 0);
    M = M.add(Ak.mmul(Su).mmul(Ak.transpose()));
    c = c.add(Ak.mmul(su));
  }
  const bias = solve(M, c).to1DArray();
  const expected = model.theta[3].map((t, i) => t + bias[i]);
  assert.ok(Math.max(...bias.map(Math.abs)) > 0.2, `the closed-form bias ${bias} should be large`);
  const n = 200_000;
  const marginals = {mean: [0, 0, 0], sd};
  const observational = sampleAnm(model, {kind: "observational"}, n, null, 5, "reg");
  const single = [0, 1, 2].map((k) => sampleAnm(model, {kind: "single", node: k}, n, marginals, 5, "reg", k));
  const {layout, grams} = trainingGrams(model, {observational, single});
  fitReg(model, layout, grams).forEach((b, i) => close(b, expected[i], 0.01, `REG coefficient ${i}`));
  // and the joint likelihood is not biased on the same data
  fitJointLikelihood(model, {observational, single}).theta[3].forEach((t, i) => close(t, model.theta[3][i], 0.01, `ANM coefficient ${i}`));
});

test("REG_IND with every block on equals sum_k b_k - (K - 1) b_obs of separate per-regime least squares", () => {
  const model = syntheticAnm("nonlinear");
  const data = anmTrainingData(model, 400, 3, "reg-ind");
  const {layout, grams} = trainingGrams(model, data);
  const terms = featureTerms([0, 1, 2], "nonlinear");
  const ols = (s: Float64Array[]) => {
    const X = new Matrix(Array.from({length: s[0].length}, (_, r) => terms.map((t) => t.reduce((p, q) => p * s[q][r], 1))));
    const y = Matrix.columnVector(Array.from(s[3]));
    return solve(X.transpose().mmul(X), X.transpose().mmul(y)).to1DArray();
  };
  const bObs = ols(data.observational);
  const bK = data.single.map(ols);
  const expected = bObs.map((b, i) => bK.reduce((s, bk) => s + bk[i], 0) - 2 * b);
  fitRegInd(model, layout, grams).forEach((b, i) => close(b, expected[i], 1e-7, `REG_IND coefficient ${i}`));
});

test("singular residual covariances are regularized and counted; too few rows are refused", () => {
  const model = syntheticAnm("linear");
  const data = anmTrainingData(model, 200, 4, "singular");
  // X2 an exact copy of X1 in every regime that models it: zero residual variance at the truth
  const fixCopy = (s: Float64Array[]) => s[1].set(s[0]);
  fixCopy(data.observational);
  fixCopy(data.single[0]);
  fixCopy(data.single[2]);
  const fit = fitJointLikelihood(model, data, {maxIterations: 50});
  assert.ok(fit.regularized > 0, "expected regularized covariance steps");
  assert.ok(fit.theta.flat().every(Number.isFinite), "parameters must stay finite");
  close(fit.theta[1][0], 1, 1e-3, "the copy's coefficient");
  const tiny = anmTrainingData(model, 4, 4, "tiny");
  assert.throws(() => fitJointLikelihood(model, tiny), /observational has 4 rows; the joint likelihood needs more rows than the 4 variables/);
});

test("the paper-like optimizer runs its fixed 30 outer iterations and lands near, not at, the maximum", () => {
  const model = syntheticAnm("linear");
  const data = anmTrainingData(model, 5000, 8, "paper-mode");
  const paper = fitJointLikelihood(model, data, {mode: "paper"});
  const exact = fitJointLikelihood(model, data);
  assert.equal(paper.iterations, 30);
  assert.equal(paper.logLikelihood.length, 31);
  assert.ok(paper.logLikelihood.at(-1)! < exact.logLikelihood.at(-1)!, "Adam steps should not beat the converged optimum");
  assert.ok(parameterMae(paper.theta[3], model.theta[3]) < 0.2, "but should be in its neighbourhood");
});

test("DREAM4 network 3: cyclic as published, a DAG ending in G4 without the feedback arc G2 -> G6", () => {
  assert.throws(() => topologicalOrder(GENES, DREAM4_NET3_EDGES), /cycle/);
  const {names, parents} = dream4Dag();
  assert.equal(names.length, 10);
  assert.equal(names.at(-1), "G4");
  assert.deepEqual(parents[9].map((p) => names[p]).sort(), ["G2", "G3", "G7", "G8"]);
  assert.equal(parents.flat().length, 14);
  const model = dream4StandIn(0, 0.65);
  validateModel(model);
  // signal-to-noise about 1 for every non-root node under independent noise
  const s = sampleAnm({...model, sigma: model.sigma.map((r, i) => r.map((_, j) => (i === j ? 1 : 0)))}, {kind: "observational"}, 50_000, null, 3, "snr");
  s.forEach((col, j) => {
    if (parents[j].length === 0) return;
    const m = col.reduce((a, b) => a + b, 0) / col.length;
    const v = col.reduce((a, b) => a + (b - m) ** 2, 0) / col.length;
    close(v, 2, 0.25, `variance of ${names[j]}`);
  });
});

test("independent-noise Gaussian likelihood = each node's least squares: exact on noise-free data, ml-matrix's normal equations on noisy data", () => {
  const structure = {names: ["A", "B", "C"], parents: [[], [0], [0, 1]], mechanism: "nonlinear" as const};
  const n = 50;
  const a = Float64Array.from({length: n}, (_, r) => Math.sin(r) * 2);
  const b = a.map((v, r) => 0.7 * v + Math.cos(3 * r));
  const cExact = a.map((v, r) => 1.5 * v - 0.5 * b[r] + 0.25 * v * b[r]);
  const exact = fitIndependentNoise(structure, [a, b, cExact]);
  exact.theta[2].forEach((t, i) => close(t, [1.5, -0.5, 0.25][i], 1e-10, `C parameter ${i}`));
  close(exact.noiseVariance[2], 0, 1e-18, "no residual");
  // a root's single mean parameter is its sample mean, its variance the divisor-n variance
  const mean = a.reduce((s, v) => s + v, 0) / n;
  close(exact.theta[0][0], mean, 1e-12, "root mean");
  close(exact.noiseVariance[0], a.reduce((s, v) => s + (v - mean) ** 2, 0) / n, 1e-12, "root variance");
  // with residuals: the normal equations solved by ml-matrix, and the log-likelihood of the fitted Gaussians
  const c = cExact.map((v, r) => v + Math.sin(7 * r + 1));
  const fit = fitIndependentNoise(structure, [a, b, c]);
  const X = new Matrix(Array.from({length: n}, (_, r) => [a[r], b[r], a[r] * b[r]]));
  const w = solve(X.transpose().mmul(X), X.transpose().mmul(Matrix.columnVector(Array.from(c))));
  fit.theta[2].forEach((t, i) => close(t, w.get(i, 0), 1e-9, `C parameter ${i}`));
  const ll = fit.noiseVariance.reduce((s, v2) => s - 0.5 * n * (Math.log(2 * Math.PI * v2) + 1), 0);
  close(fit.logLikelihood, ll, 1e-9, "log-likelihood");
  assert.throws(() => fitIndependentNoise(structure, [a.slice(0, 2), b.slice(0, 2), c.slice(0, 2)]), /node C has 3 parameters but the sample has 2 rows; expected at least 3/);
  assert.throws(() => fitIndependentNoise(structure, [a, a.map((v) => 2 * v), c]), /node C: its 3 features are collinear/);
  assert.throws(() => fitIndependentNoise(structure, [a, b]), /expected 3|3 columns|column/);
});

test("DREAM4 kinetic ground truth: standardised simulated multifactorial data, the fit seeded and reproducible, the stand-in's correlation", () => {
  const {names, sample} = kineticObservations(30, 4);
  assert.deepEqual(names, dream4Dag().names);
  for (const col of sample) {
    const m = col.reduce((s, v) => s + v, 0) / col.length;
    close(m, 0, 1e-12, "mean");
    close(col.reduce((s, v) => s + (v - m) ** 2, 0) / col.length, 1, 1e-12, "variance");
  }
  // roots (G6, G9, G10) are standardised, so their single mean parameter is 0 and their variance 1
  const fit = kineticFit(30, 4);
  names.forEach((name, j) => {
    if (dream4Dag().parents[j].length) return;
    close(fit.theta[j][0], 0, 1e-12, `${name} mean`);
    close(fit.noiseVariance[j], 1, 1e-12, `${name} variance`);
  });
  // G3 has one parent (G6): its coefficient is their sample correlation
  const j3 = names.indexOf("G3"), j6 = names.indexOf("G6");
  close(fit.theta[j3][0], sample[j3].reduce((s, v, r) => s + v * sample[j6][r], 0) / 30, 1e-12, "G3 on G6");
  const model = dream4Kinetic(4, 0.35, 30);
  validateModel(model);
  // covariance D R D: the fitted noise variances on the diagonal, the stand-in's correlation for (seed, c) off it
  const R = dream4StandIn(4, 0.35).sigma;
  model.sigma.forEach((row, i) => row.forEach((v, j) => close(v, Math.sqrt(fit.noiseVariance[i] * fit.noiseVariance[j]) * R[i][j], 1e-12, `sigma ${i},${j}`)));
  names.forEach((name, j) => close(model.sigma[j][j], fit.noiseVariance[j], 1e-12, `${name} noise variance`));
  assert.ok(Math.min(...fit.noiseVariance) < 0.9, "some fitted noise variances are well below 1 (they were once replaced by 1)");
  assert.deepEqual(dream4GroundTruth("kinetic", 4, 0.35, 30), model);
  assert.deepEqual(dream4GroundTruth("stand-in", 4, 0.35, 30), dream4StandIn(4, 0.35));
  assert.notDeepEqual(dream4Kinetic(5, 0.35, 30).theta, model.theta, "another simulation seed, another fit");
  assert.throws(() => kineticObservations(10, 0), /multifactorial samples.*11/);
  assert.throws(() => dream4GroundTruth("other" as never, 0, 0.1, 30), /unknown DREAM4 parameterisation "other"/);
});

test("DREAM4 kinetic fit to 10 samples (DREAM4's count) interpolates G7 and G4, whose 10 parameters fit 10 rows; 100 samples do not (the page's reason for 100, and why at least 11 are required)", () => {
  const {names, parents} = dream4Dag();
  // the first 10 of 100 standardised samples: any 10 rows are fitted exactly by 10 parameters
  const ten = fitIndependentNoise({names, parents, mechanism: "nonlinear"}, kineticObservations(100, 0).sample.map((col) => col.slice(0, 10)));
  const hundred = kineticFit(100, 0);
  for (const g of ["G7", "G4"]) {
    const j = names.indexOf(g);
    assert.equal(ten.theta[j].length, 10);
    assert.ok(ten.noiseVariance[j] < 1e-12, `${g} residual variance ${ten.noiseVariance[j]} at 10 samples`);
    assert.ok(hundred.noiseVariance[j] > 0.1, `${g} residual variance ${hundred.noiseVariance[j]} at 100 samples`);
  }
  const largest = (f: {theta: number[][]}) => Math.max(...f.theta.flat().map(Math.abs));
  assert.ok(largest(ten) > 2 * largest(hundred), `largest |coefficient| ${largest(ten)} (10 samples) vs ${largest(hundred)} (100): the exact fit inflates the coefficients`);
});

test("random noise correlations: unit diagonal, largest off-diagonal exactly c, positive definite, seeded", () => {
  for (const c of [0.1, 0.35, 0.65, 0.8]) {
    const R = randomCorrelation(10, c, 3);
    let max = 0;
    R.forEach((row, i) => row.forEach((v, j) => (i === j ? assert.equal(v, 1) : (max = Math.max(max, Math.abs(v))))));
    close(max, c, 1e-12, "largest off-diagonal");
    assert.deepEqual(randomCorrelation(10, c, 3), R);
  }
  assert.throws(() => randomCorrelation(10, 1.2, 0), /must be in \[0, 1\)/);
});

test("KDE matches scipy's Scott-rule Gaussian KDE in one dimension, computed directly", () => {
  const data = [Float64Array.from([0, 1, 2, 4, 7])];
  const n = 5, m = 14 / 5;
  const v = data[0].reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
  const h2 = v * n ** (-2 / 5);
  for (const x of [-1, 0.5, 3, 10]) {
    const direct = data[0].reduce((s, xi) => s + Math.exp(-((x - xi) ** 2) / (2 * h2)) / Math.sqrt(2 * Math.PI * h2), 0) / n;
    close(kdeLogDensity(data, [[x]])[0], Math.log(direct), 1e-12, `log density at ${x}`);
  }
});

test("Spearman's rank correlation with ties, against a hand computation", () => {
  assert.deepEqual(Array.from(ranks([10, 20, 20, 5])), [2, 3.5, 3.5, 1]);
  close(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 0.8207826816681233, 1e-12, "rho"); // scipy.stats.spearmanr
  close(spearman([3, 1, 2], [30, 10, 20]), 1, 1e-15, "monotone");
});

test("the synthetic experiment is deterministic and its ANM error falls with n while REG's does not", () => {
  const config = {...SYNTHETIC_DEFAULTS["anm-consistency"], mechanisms: ["linear" as const], n: [100, 6400], runs: 3, testPoints: 2000, methods: ["anm" as const, "reg" as const]};
  const a = runSynthetic(config);
  assert.deepEqual(runSynthetic(config), a);
  const meanOf = (method: string, n: number) => a.errors.filter((r) => r.method === method && r.n === n).reduce((s, r) => s + r.mae, 0) / 3;
  assert.ok(meanOf("anm", 6400) < meanOf("anm", 100) / 3, "ANM error should fall");
  assert.ok(meanOf("reg", 6400) > 0.3, "REG stays biased");
});
