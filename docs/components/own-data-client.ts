import type {Diagnostics, FitOptions, Query} from "../lib/own-data/joint-effects.js";
import type {ColumnRoles} from "../lib/own-data/regime-data.js";

/** The page's side of own-data-worker.ts: one long-lived worker, one promise per request. */
let worker: Worker | undefined;
let nextId = 0;

function call<T>(request: unknown, transfer: Transferable[] = []): Promise<T> {
  worker ??= new Worker(import.meta.resolve("./own-data-worker.js"), {type: "module"});
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent) => {
      if (event.data.id !== id) return;
      worker!.removeEventListener("message", onMessage);
      if (event.data.error) reject(new Error(event.data.error));
      else resolve(event.data.result as T);
    };
    worker!.addEventListener("message", onMessage);
    worker!.postMessage({id, request}, transfer);
  });
}

export interface Loaded {
  names: string[];
  rows: number;
  ms: number;
}

export interface ActionSummary {
  action: string;
  min: number;
  max: number;
  median: number;
  q05: number;
  q95: number;
}

export interface Fitted {
  diagnostics: Diagnostics;
  summary: ActionSummary[];
  mixed: {regime: string; intervened: string[]}[];
  parsedMs: number;
  fitMs: number;
  resampleMs: number;
}

export interface Answer {
  estimate: Float64Array;
  lower?: Float64Array;
  upper?: Float64Array;
  extrapolation: string[][];
  ms: number;
}

/** Hands the file's bytes to the worker (transferred, not copied). */
export const loadFile = (bytes: ArrayBuffer, source: string) => call<Loaded>({type: "load", bytes, source}, [bytes]);
export const fitModel = (roles: ColumnRoles, options: FitOptions) => call<Fitted>({type: "fit", roles, options});
export const queryModel = (queries: Query[], level: number, intervened?: string[]) => call<Answer>({type: "query", queries, intervened, level});
