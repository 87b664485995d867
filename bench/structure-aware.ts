// Issue 6 benchmark: the structure-aware estimator (known and detected ancestors) and IG with the
// additive projection, against the paper's IG and the topline, RMSE vs the exact joint effect.
//   npx tsx bench/structure-aware.ts [K=5] [N=1e4] [runs=20]
import {generateRunData} from "../src/experiments/run-data.js";
import {denseModel, fitMethods} from "../src/experiments/score-methods.js";
import {additiveProjection} from "../src/estimators/additive-projection.js";
import {ancestorsOf, fitStructureAware, structurePrediction} from "../src/estimators/structure-aware.js";
import {detectAncestors} from "../src/estimators/ancestor-detection.js";
import {fitSeparateSharedAlpha} from "../src/estimators/shared-alpha.js";
import {interventionGeneralization} from "../src/estimators/intervention-generalization.js";
import {bestKernel} from "../src/regression/moment-kernel.js";
import {predictMany} from "../src/regression/polynomial-regression.js";
import {rmse, meanSem} from "../src/metrics.js";
const K = Number(process.argv[2] ?? 5), N = Number(process.argv[3] ?? 1e4), runs = Number(process.argv[4] ?? 20);
const errs: Record<string, number[]> = {};
const t0 = Date.now();
for (let r = 0; r < runs; r++) {
  const d = generateRunData(K, {observational: N, single: N, observationalBaseline: N, joint: N}, {degree: 3, folds: 3, testFraction: 0.2}, r, bestKernel());
  const fitted = fitMethods(d.training, d.observationalBaseline, ["intervention-generalization", "joint-topline", "observational"], "paper");
  const truthAnc = ancestorsOf(d.scm.parents);
  const sa = fitStructureAware(d.training, truthAnc);
  const det = detectAncestors(d.training);
  const sd = fitStructureAware(d.training, det.ancestors);
  const key = (a: number[][]) => JSON.stringify(a);
  (errs["graph exactly right"] ??= []).push(key(det.ancestors) === key(truthAnc) ? 1 : 0);
  const missing = truthAnc.reduce((s, anc, j) => s + anc.filter((k) => !det.ancestors[j].includes(k)).length, 0);
  const extra = det.ancestors.reduce((s, anc, j) => s + anc.filter((k) => !truthAnc[j].includes(k)).length, 0);
  (errs["missed ancestors"] ??= []).push(missing);
  (errs["false ancestors"] ??= []).push(extra);
  const shared = interventionGeneralization(fitSeparateSharedAlpha(d.training));
  const models = [...fitted.map(denseModel), additiveProjection(denseModel(fitted[0]), d.interventions), shared, additiveProjection(shared, d.interventions), structurePrediction(sa), structurePrediction(sd)];
  const names = [...fitted.map((f) => f.method), "ig+projection", "ig shared alpha", "ig shared alpha+projection", "structure-aware(known)", "structure-aware(detected)"];
  predictMany(models, d.test.actions).forEach((p, i) => (errs[names[i]] ??= []).push(rmse(p, d.test.truth)));
}
for (const [m, e] of Object.entries(errs)) { const s = meanSem(e); console.log(m.padEnd(24), s.mean.toFixed(4), "±", s.sem.toFixed(4)); }
console.log((Date.now() - t0) / 1000, "s");
