// The live budget planner of /assumptions in Chromium at the page's defaults (K = 5,
// N_tot = 6000, cost 5, 20 SCMs, eight shares, the topline at six sizes): the time from page load
// to the finished plan as the page reports it (its workers in parallel), median of `reps` loads;
// the baseline, measured in the same run, is the same plan in Node in one thread (runPlan, the
// WebAssembly kernel). Needs a built site (npm run build). `npx tsx bench/budget-planner-browser.ts [reps = 3]`
import {resolve} from "node:path";
import {chromium} from "playwright-core";
import {defaultToplineN, runPlan, type BudgetPlanConfig} from "../src/planning/budget-plan.js";
import {createWasmKernel} from "../src/regression/moment-kernel.js";
import {findChromium} from "../test/browser/find-chromium.js";
import {serveDirectory} from "../test/browser/static-server.js";

const reps = Number(process.argv[2] ?? 3);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const config: BudgetPlanConfig = {K: 5, nTotal: 6000, cost: 5, splits: [0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95], runs: 20, seed: 0, methods: ["intervention-generalization", "structure-aware"], toplineN: defaultToplineN(5, 6000)};

const kernel = createWasmKernel()!;
runPlan({...config, runs: 2}, kernel); // warm-up
const node: number[] = [];
for (let i = 0; i < reps; i++) {
  const t = performance.now();
  runPlan(config, kernel);
  node.push((performance.now() - t) / 1000);
}

const {server, origin} = await serveDirectory(resolve(import.meta.dirname, "..", "dist"));
const chromium_ = await findChromium();
const browser = await chromium.launch({executablePath: chromium_.path, args: ["--no-sandbox", "--disable-gpu"]});
const live: number[] = [];
let workers = "";
try {
  for (let i = 0; i < reps; i++) {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    await page.goto(`${origin}/assumptions`, {waitUntil: "load"});
    const status = page.locator("#plan-status", {hasText: / in [\d.]+ s \(/});
    await status.waitFor({timeout: 300_000});
    const text = await status.innerText();
    live.push(Number(text.match(/ in ([\d.]+) s \(/)![1]));
    workers = text.match(/\((\d+ workers?), ([\w-]+) kernel\)/)?.slice(1).join(", ") ?? "";
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
const m = median(live);
const b = median(node);
console.log(`live budget planner (K = 5, N_tot = 6000, cost 5, 20 SCMs, 8 shares, topline at ${config.toplineN.length} sizes; ${reps} loads): Chromium (${chromium_.path.split("/").pop()}, ${workers}) median ${m.toFixed(1)} s [${live.map((x) => x.toFixed(1)).join(", ")}]; Node, one thread, same plan: median ${b.toFixed(1)} s [${node.map((x) => x.toFixed(1)).join(", ")}]; ratio ${(m / b).toFixed(2)}`);
