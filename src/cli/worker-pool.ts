import {availableParallelism} from "node:os";
import {Worker} from "node:worker_threads";
import {runExperiment, tasks, validateConfig, type ExperimentConfig, type ExperimentProgress, type ResultRow} from "../experiments/experiments.js";
import type {MomentKernel} from "../regression/moment-kernel.js";

export const DEFAULT_WORKERS = availableParallelism();

// Worker threads do not inherit tsx's module hooks (and, on Node 20, --import hooks come too
// late for the entry file): each worker registers tsx itself, then imports its TypeScript entry.
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./experiment-worker.ts", import.meta.url).href)}); })
  .catch((e) => { throw e; });`;

/**
 * Runs an experiment's tasks over `workers` worker threads (1: in this thread). Every task is
 * seeded on its own and results are put back in task order, so the output does not depend on
 * the number of workers.
 */
export async function runExperimentParallel(config: ExperimentConfig, kernel: MomentKernel, workers = DEFAULT_WORKERS, onProgress?: (p: ExperimentProgress) => void): Promise<ResultRow[]> {
  validateConfig(config);
  const all = tasks(config);
  const results: ResultRow[][] = new Array(all.length);
  const start = Date.now();
  let done = 0;
  const report = () => onProgress?.({done: ++done, total: all.length, elapsedMs: Date.now() - start});
  if (workers <= 1 || all.length === 1) return runExperiment(config, kernel, onProgress);
  let next = 0;
  const pool = Array.from({length: Math.min(workers, all.length)}, () => new Worker(WORKER_BOOTSTRAP, {eval: true, workerData: {config, kernel: kernel.name}}));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= all.length) return resolve();
              const index = next++;
              worker.postMessage({index, task: all[index]});
            };
            worker.on("message", (m: {index: number; rows?: ResultRow[]; error?: string}) => {
              if (m.error) return reject(new Error(`task ${m.index} failed in a worker: ${m.error}`));
              results[m.index] = m.rows!;
              report();
              send();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => code !== 0 && reject(new Error(`a worker exited with code ${code}`)));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results.flat();
}
