import type {BenchmarkRow} from "../lib/dream4/benchmark.js";
import type {Dream4Settings} from "./dream4-worker.js";

/** One long-lived worker; each request gets an id and only its own answer resolves it. */
let worker: Worker | undefined;
let nextId = 0;

export function benchmarkInWorker(settings: Dream4Settings): Promise<{rows: BenchmarkRow[]; ms: number}> {
  worker ??= new Worker(import.meta.resolve("./dream4-worker.js"), {type: "module"});
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent) => {
      if (event.data.id !== id) return;
      worker!.removeEventListener("message", onMessage);
      if (event.data.error) reject(new Error(event.data.error));
      else resolve({rows: event.data.rows, ms: event.data.ms});
    };
    worker!.addEventListener("message", onMessage);
    worker!.postMessage({id, settings});
  });
}
