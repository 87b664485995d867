// A Web Worker for /dream4: re-runs the dual-knockout benchmark for one sample size, one
// measurement noise and a reader's seed (simulation of every regime, all 45 pairs, every method).
import {BENCHMARK_DEFAULTS, runBenchmark, type BenchmarkConfig} from "../lib/dream4/benchmark.js";
import {dream4Network3} from "../lib/dream4/network3.js";

export interface Dream4Settings {
  n: number;
  noise: BenchmarkConfig["noise"][number];
  seed: number;
  truthSamples: number;
  /** Monte Carlo rows of the ANM's prediction (the build's config) */
  monteCarlo: number;
}

self.onmessage = (event: MessageEvent<{id: number; settings: Dream4Settings}>) => {
  const {id, settings} = event.data;
  try {
    const started = performance.now();
    const config: BenchmarkConfig = {...BENCHMARK_DEFAULTS, n: [settings.n], noise: [settings.noise], seed: settings.seed, truthSamples: settings.truthSamples, monteCarlo: settings.monteCarlo};
    const rows = runBenchmark(dream4Network3(), config);
    self.postMessage({id, rows, ms: performance.now() - started});
  } catch (error) {
    self.postMessage({id, error: (error as Error).message});
  }
};
