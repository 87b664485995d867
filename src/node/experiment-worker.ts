// A worker thread of the experiment pool: runs the tasks it is sent, reports each task's stage,
// and posts its rows back.
import {parentPort, workerData} from "node:worker_threads";
import {runTask, type ExperimentConfig, type Task} from "../experiments/experiments.js";
import {kernelByName} from "../regression/moment-kernel.js";

const {config, kernel} = workerData as {config: ExperimentConfig; kernel: "typescript" | "wasm-simd"};
const k = kernelByName(kernel);
parentPort!.on("message", (message: {index: number; task: Task}) => {
  try {
    const rows = runTask(config, message.task, k, (stage) => parentPort!.postMessage({index: message.index, stage}));
    parentPort!.postMessage({index: message.index, rows});
  } catch (e) {
    parentPort!.postMessage({index: message.index, error: (e as Error).stack ?? String(e)});
  }
});
