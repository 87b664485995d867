// A worker thread of the experiment pool: runs the tasks it is sent (any experiment command),
// reports each task's stage, and posts its rows back.
import {parentPort, workerData} from "node:worker_threads";
import {runTaskById, type AnyConfig} from "../experiments/task-list.js";
import {kernelByName} from "../regression/moment-kernel.js";

const {config, kernel} = workerData as {config: AnyConfig; kernel: "typescript" | "wasm-simd"};
const k = kernelByName(kernel);
parentPort!.on("message", (message: {index: number; id: number}) => {
  try {
    const rows = runTaskById(config, message.id, k, (stage) => parentPort!.postMessage({index: message.index, stage}));
    parentPort!.postMessage({index: message.index, rows});
  } catch (e) {
    parentPort!.postMessage({index: message.index, error: (e as Error).stack ?? String(e)});
  }
});
