// Issue 14 benchmark: the adaptive-degree methods against the paper's IG, structure-aware and the
// joint topline on the convergence experiment (N_obs = N_sint = N_tot / (K + 1), topline on N_tot
// joint rows), RMSE against the exact E[Y | do(a)], run r seeded by r. Appends one JSON line per
// (K, N_tot, seed) to the output file, so a long run can be stopped and its rows kept.
//   npx tsx bench/adaptive.ts convergence K N_tot runs [firstSeed] [out=bench/adaptive-results.jsonl]
//   npx tsx bench/adaptive.ts timing K N runs [firstSeed]   (fit time per method from in-memory rows, N rows per dataset)
import {appendFileSync} from "node:fs";
import {generateRunData} from "../src/experiments/run-data.js";
import {fitMethods, predictFitted} from "../src/experiments/score-methods.js";
import {detectAncestors} from "../src/estimators/ancestor-detection.js";
import {fitStructureAware} from "../src/estimators/structure-aware.js";
import {fitStructureAdaptive, fitIGAdaptive, igAdaptiveDesign, structureAdaptiveDesign} from "../src/estimators/adaptive.js";
import {fitSeparate} from "../src/estimators/intervention-generalization.js";
import {bestKernel} from "../src/regression/moment-kernel.js";
import {accumulateFolds, momentLayout} from "../src/regression/moments.js";
import {emptySetMoments} from "../src/regression/monomial-set.js";
import {randomAdditiveScm} from "../src/scm/additive-scm.js";
import {observationalRegime, singleRegime} from "../src/scm/regime.js";
import {interventionsFromSample, sampleRegime} from "../src/scm/sample-regime.js";
import {rmse} from "../src/metrics.js";
import type {MethodId} from "../src/estimators/methods.js";

const [mode, Ks, Ns, runsS, firstS, outS] = process.argv.slice(2);
const K = Number(Ks), N = Number(Ns), runs = Number(runsS), first = Number(firstS ?? 0);
const kernel = bestKernel();
const METHODS: MethodId[] = ["intervention-generalization", "structure-aware", "structure-aware-adaptive", "ig-adaptive", "joint-topline"];

if (mode === "convergence") {
  const out = outS ?? "bench/adaptive-results.jsonl";
  const each = Math.floor(N / (K + 1));
  for (let seed = first; seed < first + runs; seed++) {
    const t0 = Date.now();
    const d = generateRunData(K, {observational: each, single: each, observationalBaseline: N, joint: N}, {degree: 3, folds: 3, testFraction: 0.2}, seed, kernel);
    const fitted = fitMethods(d.training, d.observationalBaseline, METHODS, "paper", d.interventions, undefined, d.replay);
    const preds = predictFitted(fitted, d.test.actions);
    const row = {K, nTotal: N, seed, seconds: (Date.now() - t0) / 1000, rmseTruth: Object.fromEntries(fitted.map((f, i) => [f.method, rmse(preds[i], d.test.truth)])), degrees: Object.fromEntries(fitted.filter((f) => f.degrees).map((f) => [f.method, f.degrees]))};
    appendFileSync(out, JSON.stringify(row) + "\n");
    console.error(`K=${K} N_tot=${N} seed ${seed}: ${Object.entries(row.rmseTruth).map(([m, e]) => `${m} ${e.toFixed(4)}`).join(", ")} (${row.seconds.toFixed(1)} s)`);
  }
} else if (mode === "timing") {
  // N rows per dataset (Fig. 2a scale at N = 10^6); the rows are in memory, as a user's would be
  for (let seed = first; seed < first + runs; seed++) {
    const scm = randomAdditiveScm(K, seed);
    const obs = sampleRegime(scm, observationalRegime(K), N, seed, undefined, "data");
    const interventions = interventionsFromSample(obs);
    const singles = Array.from({length: K}, (_, k) => sampleRegime(scm, singleRegime(K, k), N, seed, interventions, "data"));
    const time = (f: () => void) => {
      const t = performance.now();
      f();
      return (performance.now() - t) / 1000;
    };
    const layout = momentLayout(3, obs.actions, obs.outcome, 8192);
    let training: any;
    const tLayout = time(() => (training = {layout, K, observational: accumulateFolds(layout, obs.actions, obs.outcome, N, 3, kernel.accumulate), single: singles.map((s) => accumulateFolds(layout, s.actions, s.outcome, N, 3, kernel.accumulate))}));
    let ancestors: number[][] = [];
    const tDetect = time(() => (ancestors = detectAncestors(training).ancestors));
    const tSA = time(() => fitStructureAware(training, ancestors));
    const tIG = time(() => fitSeparate(training));
    const setFolds = (set: any, s: {actions: Float64Array[]; outcome: Float64Array}) => {
      const sizes = [Math.ceil(N / 3), Math.ceil((N - Math.ceil(N / 3)) / 2)];
      sizes.push(N - sizes[0] - sizes[1]);
      let at = 0;
      return sizes.map((n) => {
        const m = emptySetMoments(set);
        kernel.accumulateSet(set, s.actions, s.outcome, at, at + n, m);
        at += n;
        return m;
      });
    };
    let sa: any, ig: any;
    const saDesign = structureAdaptiveDesign(layout, ancestors);
    const tSAAPass = time(() => (sa = [setFolds(saDesign.set, obs), ...singles.map((s) => setFolds(saDesign.set, s))]));
    const tSAAFit = time(() => fitStructureAdaptive(saDesign, {set: saDesign.set, regimes: sa}));
    const igDesign = igAdaptiveDesign(layout, K);
    const tIGAPass = time(() => (ig = [setFolds(igDesign.set, obs), ...singles.map((s) => setFolds(igDesign.set, s))]));
    const tIGAFit = time(() => fitIGAdaptive(igDesign, {set: igDesign.set, regimes: ig}));
    // today's structure-aware: layout moments of every regime + ancestor tests + fit; the adaptive one
    // needs the layout moments of the single regimes only (ancestor tests) + its set's pass + fit
    const singlesShare = K / (K + 1);
    const row = {
      K, N, seed, setSize: saDesign.set.size, igSetSize: igDesign.set.size, layoutMonomials: layout.basis2.size,
      structureAware: tLayout + tDetect + tSA,
      structureAdaptive: singlesShare * tLayout + tDetect + tSAAPass + tSAAFit,
      structureAdaptiveMarginal: tSAAPass + tSAAFit,
      ig: tLayout + tIG,
      igAdaptive: tIGAPass + tIGAFit,
      parts: {tLayout, tDetect, tSA, tIG, tSAAPass, tSAAFit, tIGAPass, tIGAFit},
    };
    console.log(JSON.stringify(row));
  }
} else {
  console.error("usage: npx tsx bench/adaptive.ts convergence|timing K N runs [firstSeed] [out]");
  process.exit(2);
}
