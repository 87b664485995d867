import type {SliceResult} from "./violation-charts.js";
import type {SliceSettings} from "./violation-worker.js";
import {workerCaller} from "./worker-call.js";

const call = workerCaller(import.meta.resolve("./violation-worker.js"));

export function sliceInWorker(settings: SliceSettings): Promise<{result: SliceResult; ms: number}> {
  return call<{result: SliceResult; ms: number}>({settings}).then(({result, ms}) => ({result, ms}));
}
