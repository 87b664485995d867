// A Web Worker for the live runs of the Saengkyongam & Silva pages and the beyond-the-paper demo:
// the page stays responsive while the fits run.
import {runSynthetic, type SyntheticConfig} from "../lib/experiments/anm/synthetic-runs.js";
import {runBeyondDemo} from "../lib/experiments/beyond-demo.js";
import {bestKernel} from "../lib/regression/moment-kernel.js";

type Request = {id: number; kind: "synthetic"; config: SyntheticConfig} | {id: number; kind: "beyond"; K: number; n: number; seed: number};

self.onmessage = (event: MessageEvent<Request>) => {
  const m = event.data;
  const started = performance.now();
  try {
    if (m.kind === "synthetic") {
      const {errors} = runSynthetic(m.config, (done, total) => self.postMessage({id: m.id, type: "progress", done, total}));
      self.postMessage({id: m.id, type: "done", result: errors, elapsedMs: performance.now() - started});
    } else {
      const kernel = bestKernel();
      const result = runBeyondDemo(m.K, m.n, m.seed, kernel);
      self.postMessage({id: m.id, type: "done", result, engine: kernel.name, elapsedMs: performance.now() - started});
    }
  } catch (error) {
    self.postMessage({id: m.id, type: "error", message: (error as Error).message});
  }
};
