import type {Diagnostics, FitOptions, Query} from "../lib/own-data/joint-effects.js";
import type {ColumnRoles} from "../lib/own-data/regime-data.js";
import {workerCaller} from "./worker-call.js";

/** The page's side of own-data-worker.ts: one long-lived worker, one promise per request. */
const caller = workerCaller(import.meta.resolve("./own-data-worker.js"));

function call<T>(request: unknown, transfer: Transferable[] = []): Promise<T> {
  return caller<{result: T}>({request}, transfer).then((d) => d.result);
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
