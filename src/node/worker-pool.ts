import {availableParallelism} from "node:os";
import {Worker} from "node:worker_threads";
import {type ExperimentConfig, type ExperimentProgress, type ResultRow} from "../experiments/experiments.js";
import {runTaskById, taskCount, validateAny, type AnyConfig, type AnyRow} from "../experiments/task-list.js";
import type {MomentKernel} from "../regression/moment-kernel.js";

export const DEFAULT_WORKERS = availableParallelism();

/**
 * The worker's entry. Compiled (build/, see scripts/build-cli.ts) this module sits beside
 * experiment-worker.js, which a worker loads directly. Run from source through tsx, worker
 * threads do not inherit tsx's module hooks (and, on Node 20, --import hooks come too late for
 * the entry file): each worker registers tsx itself, then imports its TypeScript entry.
 */
function workerEntry(): {source: string | URL; eval: boolean} {
  if (!import.meta.url.endsWith(".ts")) return {source: new URL("./experiment-worker.js", import.meta.url), eval: false};
  const source = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./experiment-worker.ts", import.meta.url).href)}); })
  .catch((e) => { throw e; });`;
  return {source, eval: true};
}

/** A task under way: which one (its position in the list run), what it is doing, since when. */
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
 * Runs tasks `ids` of a configuration (any experiment command) over `workers` worker threads (at
 * least one, so the calling thread stays free for signals, heartbeats and the parent watch).
 * Every task is seeded on its own and the rows come back per task in the order of `ids`, so the
 * output does not depend on the number of workers.
 */
export async function runTasks(config: AnyConfig, ids: readonly number[], kernel: MomentKernel, workers = DEFAULT_WORKERS, onProgress?: (p: ExperimentProgress) => void, options: PoolOptions = {}): Promise<AnyRow[][]> {
  validateAny(config);
  const start = Date.now();
  if (options.inThread)
    return ids.map((id, i) => {
      const rows = runTaskById(config, id, kernel);
      onProgress?.({done: i + 1, total: ids.length, elapsedMs: Date.now() - start});
      return rows;
    });
  const results: AnyRow[][] = new Array(ids.length);
  let done = 0;
  const running = new Map<number, RunningTask>();
  const heartbeat = options.onHeartbeat ? setInterval(() => options.onHeartbeat!([...running.values()], Date.now() - start), options.heartbeatMs ?? 10_000) : undefined;
  heartbeat?.unref();
  let next = 0;
  const entry = workerEntry();
  const pool = Array.from({length: Math.max(1, Math.min(workers, ids.length))}, () => new Worker(entry.source, {eval: entry.eval, workerData: {config, kernel: kernel.name}}));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= ids.length) return resolve();
              const index = next++;
              running.set(index, {index, stage: "starting", startedMs: Date.now()});
              worker.postMessage({index, id: ids[index]});
            };
            worker.on("message", (m: {index: number; stage?: string; rows?: AnyRow[]; error?: string}) => {
              if (m.error) return reject(new Error(`task ${ids[m.index]} failed in a worker: ${m.error}`));
              if (m.stage !== undefined) {
                const r = running.get(m.index);
                if (r) r.stage = m.stage;
                return;
              }
              results[m.index] = m.rows!;
              running.delete(m.index);
              onProgress?.({done: ++done, total: ids.length, elapsedMs: Date.now() - start});
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
  return results;
}

/** All tasks of one of Kekić et al.'s experiments, rows in task order. */
export async function runExperimentParallel(config: ExperimentConfig, kernel: MomentKernel, workers = DEFAULT_WORKERS, onProgress?: (p: ExperimentProgress) => void, options: PoolOptions = {}): Promise<ResultRow[]> {
  validateAny(config);
  const ids = Array.from({length: taskCount(config)}, (_, i) => i);
  return (await runTasks(config, ids, kernel, workers, onProgress, options)).flat() as ResultRow[];
}
