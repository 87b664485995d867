import type {BenchmarkRow} from "../lib/dream4/benchmark.js";
import type {Dream4Settings} from "./dream4-worker.js";
import {workerCaller} from "./worker-call.js";

const call = workerCaller(import.meta.resolve("./dream4-worker.js"));

export function benchmarkInWorker(settings: Dream4Settings): Promise<{rows: BenchmarkRow[]; ms: number}> {
  return call<{rows: BenchmarkRow[]; ms: number}>({settings}).then(({rows, ms}) => ({rows, ms}));
}
