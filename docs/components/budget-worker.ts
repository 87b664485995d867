// A Web Worker for the budget planner (budget-planner.ts): it receives the plan once, then task
// indices one at a time, and posts each task's rows. Several of these run in parallel; tasks
// are deterministic, so the result does not depend on which worker ran what.
import {planTasks, runPlanTask, validatePlanConfig, type BudgetPlanConfig, type PlanTask} from "../lib/planning/budget-plan.js";
import {bestKernel} from "../lib/regression/moment-kernel.js";

let config: BudgetPlanConfig | undefined;
let tasks: PlanTask[] = [];
const kernel = bestKernel();

self.onmessage = (event: MessageEvent<{type: "plan"; config: BudgetPlanConfig} | {type: "task"; index: number}>) => {
  const m = event.data;
  try {
    if (m.type === "plan") {
      validatePlanConfig(m.config);
      config = m.config;
      tasks = planTasks(config);
      return;
    }
    if (!config) throw new Error("budget worker: a task arrived before the plan");
    const rows = runPlanTask(config, tasks[m.index], kernel);
    self.postMessage({type: "rows", index: m.index, rows, engine: kernel.name});
  } catch (error) {
    self.postMessage({type: "error", message: (error as Error).message});
  }
};
