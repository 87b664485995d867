// A Web Worker for the live violation lab: draws one violated SCM (kind, lambda, seed), fits every
// applicable method and returns E[Y | do(a)] along a slice, with the exact effect.
import {violationFits} from "../lib/violations/violation-run.js";
import type {AnyViolationKind} from "../lib/violations/violation-kinds.js";

export interface SliceSettings {
  kind: AnyViolationKind;
  lambda: number;
  seed: number;
  n: number;
}

self.onmessage = (event: MessageEvent<{id: number; settings: SliceSettings}>) => {
  const {id, settings} = event.data;
  try {
    const started = performance.now();
    const f = violationFits({kind: settings.kind, K: 3, lambda: settings.lambda, n: settings.n, seed: settings.seed});
    // slice along the coupled pair's first action; hold the second one sd above its mean (where an interaction shows) and the rest at their means
    const [i, j0] = f.pair;
    const j = i === j0 ? (i + 1) % f.K : j0;
    const m = 61;
    const x = Array.from({length: m}, (_, r) => f.query.mean[i] + f.query.std[i] * (-2 + (4 * r) / (m - 1)));
    const cols = f.query.mean.map((mu, k) => Float64Array.from({length: m}, (_, r) => (k === i ? x[r] : k === j ? mu + f.query.std[k] : mu)));
    const preds = f.predict(cols);
    const truth = Array.from(f.truth(cols));
    const curves = f.methods.map((method) => ({method, y: Array.from(preds.get(method) ?? [])}));
    self.postMessage({id, result: {x, truth, curves, sliceAction: i, heldAction: j, heldValue: f.query.mean[j] + f.query.std[j], scale: f.scale}, ms: performance.now() - started});
  } catch (error) {
    self.postMessage({id, error: (error as Error).message});
  }
};
