// A Web Worker that runs experiment tasks off the main thread for the pages' "run it yourself"
// sections; it posts each task's rows as they finish.
import {runTask, tasks, validateConfig, type ExperimentConfig} from "../lib/experiments/experiments.js";
import {bestKernel} from "../lib/regression/moment-kernel.js";

self.onmessage = (event: MessageEvent<ExperimentConfig>) => {
  const config = event.data;
  try {
    validateConfig(config);
    const kernel = bestKernel();
    const all = tasks(config);
    all.forEach((task, i) => {
      const rows = runTask(config, task, kernel);
      self.postMessage({type: "progress", done: i + 1, total: all.length, rows, engine: kernel.name});
    });
    self.postMessage({type: "done"});
  } catch (error) {
    self.postMessage({type: "error", message: (error as Error).message});
  }
};
