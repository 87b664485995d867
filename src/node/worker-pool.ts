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

/** A task under way: which one, what it is doing, since when. */
export interface RunningTask {
  index: number;
  stage: string;
  startedMs: number;
}

export interface PoolOptions {
  /** called every `heartbeatMs` with the tasks under way, so long tasks show progress */
  onHeartbeat?: (running: RunningTask[], elapsedMs: number) => void;
  heartbeatMs?: number;
  /** run in this thread instead of worker threads (blocks the event loop; for library callers) */
  inThread?: boolean;
}

/**
 * Runs an experiment's tasks over `workers` worker threads (at least one, so the calling
 * thread stays free for signals, heartbeats and the parent watch). Every task is seeded on
 * its own and results are put back in task order, so the output does not depend on the number
 * of workers.
 */
export async function runExperimentParallel(config: ExperimentConfig, kernel: MomentKernel, workers = DEFAULT_WORKERS, onProgress?: (p: ExperimentProgress) => void, options: PoolOptions = {}): Promise<ResultRow[]> {
  validateConfig(config);
  if (options.inThread) return runExperiment(config, kernel, onProgress);
  const all = tasks(config);
  const results: ResultRow[][] = new Array(all.length);
  const start = Date.now();
  let done = 0;
  const running = new Map<number, RunningTask>();
  const heartbeat = options.onHeartbeat ? setInterval(() => options.onHeartbeat!([...running.values()], Date.now() - start), options.heartbeatMs ?? 10_000) : undefined;
  heartbeat?.unref();
  let next = 0;
  const pool = Array.from({length: Math.max(1, Math.min(workers, all.length))}, () => new Worker(WORKER_BOOTSTRAP, {eval: true, workerData: {config, kernel: kernel.name}}));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= all.length) return resolve();
              const index = next++;
              running.set(index, {index, stage: "starting", startedMs: Date.now()});
              worker.postMessage({index, task: all[index]});
            };
            worker.on("message", (m: {index: number; stage?: string; rows?: ResultRow[]; error?: string}) => {
              if (m.error) return reject(new Error(`task ${m.index} failed in a worker: ${m.error}`));
              if (m.stage !== undefined) {
                const r = running.get(m.index);
                if (r) r.stage = m.stage;
                return;
              }
              results[m.index] = m.rows!;
              running.delete(m.index);
              onProgress?.({done: ++done, total: all.length, elapsedMs: Date.now() - start});
              send();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => code !== 0 && reject(new Error(`a worker exited with code ${code}`)));
            send();
          }),
      ),
    );
  } finally {
    if (heartbeat) clearInterval(heartbeat);
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results.flat();
}
