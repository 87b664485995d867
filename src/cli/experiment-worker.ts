// A worker thread of the experiment pool: runs the tasks it is sent and posts their rows back.
import {parentPort, workerData} from "node:worker_threads";
import {runTask, type ExperimentConfig, type Task} from "../experiments/experiments.js";
import {kernelByName} from "../regression/moment-kernel.js";

const {config, kernel} = workerData as {config: ExperimentConfig; kernel: "typescript" | "wasm-simd"};
const k = kernelByName(kernel);
parentPort!.on("message", (message: {index: number; task: Task}) => {
  try {
    parentPort!.postMessage({index: message.index, rows: runTask(config, message.task, k)});
  } catch (e) {
    parentPort!.postMessage({index: message.index, error: (e as Error).stack ?? String(e)});
  }
});
