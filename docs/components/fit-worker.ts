// A Web Worker for the live estimator page: refits on every settings message, reusing the sampled
// data when only the fit settings (degree, regularization) changed.
import {runFitDemo, sampleDemoData, dataKey, type DemoData, type FitDemoSettings} from "../lib/experiments/fit-demo.js";
import {bestKernel} from "../lib/regression/moment-kernel.js";

let cached: DemoData | undefined;
self.onmessage = (event: MessageEvent<{id: number; settings: FitDemoSettings}>) => {
  const {id, settings} = event.data;
  try {
    const now = () => performance.now();
    const fresh = !cached || cached.key !== dataKey(settings);
    if (fresh) cached = sampleDemoData(settings, now);
    const result = runFitDemo(settings, bestKernel(), now, cached);
    if (fresh) result.timings.sampleMs = cached!.sampleMs;
    self.postMessage({id, result, engine: bestKernel().name});
  } catch (error) {
    self.postMessage({id, error: (error as Error).message});
  }
};
