import type {SyntheticConfig, SyntheticErrorRow} from "../lib/experiments/anm/synthetic-runs.js";
import type {BeyondDemoResult} from "../lib/experiments/beyond-demo.js";

export interface WorkerState<T> {
  busy: boolean;
  done: number;
  total: number;
  result?: T;
  error?: string;
  engine?: string;
  elapsedMs?: number;
}

/**
 * Runs one request in a fresh Web Worker and yields its state (busy, progress, result); the worker
 * is terminated when the cell is invalidated (an input moved) or when it finishes.
 */
async function* inWorker<T>(request: Record<string, unknown>, invalidation: Promise<unknown>): AsyncGenerator<WorkerState<T>> {
  const worker = new Worker(import.meta.resolve("./anm-worker.js"), {type: "module"});
  const queue: WorkerState<T>[] = [];
  let wake: (() => void) | null = null;
  let state: WorkerState<T> = {busy: true, done: 0, total: 0};
  const push = (s: WorkerState<T>) => {
    state = s;
    queue.push(s);
    wake?.();
  };
  worker.onmessage = (event) => {
    const m = event.data;
    if (m.type === "progress") push({...state, done: m.done, total: m.total});
    else if (m.type === "done") push({...state, busy: false, result: m.result, engine: m.engine, elapsedMs: m.elapsedMs, done: state.total || 1, total: state.total || 1});
    else push({...state, busy: false, error: m.message});
  };
  worker.onerror = (event) => push({...state, busy: false, error: event.message || "the worker failed"});
  invalidation.then(() => worker.terminate());
  worker.postMessage({id: 1, ...request});
  yield state;
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const next = queue.splice(0, queue.length).at(-1)!;
      yield next;
      if (!next.busy) return;
    }
  } finally {
    worker.terminate();
  }
}

export function syntheticInWorker(config: SyntheticConfig, invalidation: Promise<unknown>): AsyncGenerator<WorkerState<SyntheticErrorRow[]>> {
  return inWorker<SyntheticErrorRow[]>({kind: "synthetic", config}, invalidation);
}

export function beyondInWorker(K: number, n: number, seed: number, invalidation: Promise<unknown>): AsyncGenerator<WorkerState<BeyondDemoResult>> {
  return inWorker<BeyondDemoResult>({kind: "beyond", K, n, seed}, invalidation);
}

/** The beyond-the-paper demo as one promise: resolves with the result (and timing) when the worker finishes. */
export function beyondResult(K: number, n: number, seed: number, invalidation: Promise<unknown>): Promise<{result: BeyondDemoResult; engine: string; elapsedMs: number}> {
  const worker = new Worker(import.meta.resolve("./anm-worker.js"), {type: "module"});
  invalidation.then(() => worker.terminate());
  return new Promise((resolve, reject) => {
    worker.onmessage = (event) => {
      const m = event.data;
      if (m.type === "done") {
        resolve({result: m.result, engine: m.engine, elapsedMs: m.elapsedMs});
        worker.terminate();
      } else if (m.type === "error") {
        reject(new Error(m.message));
        worker.terminate();
      }
    };
    worker.onerror = (event) => {
      reject(new Error(event.message || "the worker failed"));
      worker.terminate();
    };
    worker.postMessage({id: 1, kind: "beyond", K, n, seed});
  });
}
