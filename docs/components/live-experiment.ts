import type {ExperimentConfig, ResultRow} from "../lib/experiments/experiments.js";

export interface LiveState {
  rows: ResultRow[];
  done: number;
  total: number;
  engine?: string;
  error?: string;
  finished: boolean;
  elapsedMs: number;
}

/**
 * Runs an experiment in a Web Worker and yields its state after every task, so a page can show
 * progress while the main thread stays free. The worker is terminated when the cell is
 * invalidated (a slider moved) or when it finishes.
 */
export async function* runLive(config: ExperimentConfig, invalidation: Promise<unknown>): AsyncGenerator<LiveState> {
  const worker = new Worker(import.meta.resolve("./experiment-worker.js"), {type: "module"});
  const started = performance.now();
  const state: LiveState = {rows: [], done: 0, total: 0, finished: false, elapsedMs: 0};
  let wake: (() => void) | null = null;
  const queue: LiveState[] = [];
  const push = (s: LiveState) => {
    queue.push({...s, rows: s.rows.slice(), elapsedMs: performance.now() - started});
    wake?.();
  };
  worker.onmessage = (event) => {
    const m = event.data;
    if (m.type === "progress") Object.assign(state, {done: m.done, total: m.total, engine: m.engine, rows: state.rows.concat(m.rows)});
    else if (m.type === "error") Object.assign(state, {error: m.message, finished: true});
    else if (m.type === "done") state.finished = true;
    push(state);
  };
  worker.onerror = (event) => {
    Object.assign(state, {error: event.message || "the worker failed", finished: true});
    push(state);
  };
  invalidation.then(() => worker.terminate());
  worker.postMessage(config);
  yield {...state};
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const next = queue.shift()!;
      yield next;
      if (next.finished) return;
    }
  } finally {
    worker.terminate();
  }
}
