// The /your-data page in Chromium at K = 5 and 10^6 rows (issue 12's targets: parse <= 3 s,
// fit <= 1 s, 200-resample intervals <= 5 s, no main-thread task over 100 ms). Needs a built
// site (npm run build). `npx tsx bench/own-data-browser.ts [rows per regime = 166000]`
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {chromium} from "playwright-core";
import {exampleDataset, EXAMPLES} from "../src/own-data/example-data.js";
import {exampleCsv} from "../src/own-data/example-files.js";
import {findChromium} from "../test/browser/find-chromium.js";
import {serveDirectory} from "../test/browser/static-server.js";

const rows = Number(process.argv[2] ?? 166_000);
const spec = {...EXAMPLES.find((e) => e.id === "paper-k5")!, rowsPerRegime: rows, jointRows: 4000, seed: 7};
const csv = exampleCsv(exampleDataset(spec));
const {server, origin} = await serveDirectory(resolve(import.meta.dirname, "..", "dist"));
const browser = await chromium.launch({executablePath: (await findChromium()).path, args: ["--no-sandbox", "--disable-gpu"]});
try {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  await page.addInitScript(() => {
    (window as unknown as {longTasks: number[]}).longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (window as unknown as {longTasks: number[]}).longTasks.push(e.duration))).observe({type: "longtask", buffered: true});
  });
  await page.goto(`${origin}/your-data?source=file&bootstrap=200`, {waitUntil: "load"});
  await page.locator("input[type=file]").waitFor();
  await page.waitForTimeout(1500);
  await page.evaluate(() => ((window as unknown as {longTasks: number[]}).longTasks.length = 0));
  const t0 = Date.now();
  // playwright takes files over 50 MB by path only
  const file = join(mkdtempSync(join(tmpdir(), "jel-big-")), "big.csv");
  writeFileSync(file, csv);
  await page.locator("input[type=file]").setInputFiles(file);
  await page.locator("#load-status").waitFor({timeout: 120_000});
  const loadText = await page.locator("#load-status").innerText();
  await page.locator("#joint-estimate").waitFor({timeout: 300_000});
  const total = Date.now() - t0;
  const fitText = await page.locator("#own-fit-status").innerText();
  const longTasks = await page.evaluate(() => (window as unknown as {longTasks: number[]}).longTasks);
  const readMs = Number(loadText.match(/read in (\d+) ms/)?.[1]);
  const fitMs = Number(fitText.match(/fitted in (\d+) ms/)?.[1]);
  const resampleMs = Number(fitText.match(/resamples in (\d+) ms/)?.[1]);
  console.log(`Chromium, K = 5, ${(rows * 6 + 4000).toLocaleString("en-US")} rows (${(csv.length / 1e6).toFixed(0)} MB CSV): read ${readMs} ms (in the worker), fit ${fitMs} ms, 200 resamples ${resampleMs} ms, file chosen to first estimate ${total} ms; main-thread tasks over 50 ms: ${longTasks.length} (longest ${Math.max(0, ...longTasks).toFixed(0)} ms)`);
} finally {
  await browser.close();
  server.close();
}
