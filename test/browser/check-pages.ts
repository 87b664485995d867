// The browser test: every built page in headless Debian Chromium. A page fails on a console
// error, an uncaught exception, a failed request, any request leaving 127.0.0.1, or an error
// cell; on pages with sliders, moving one must change the output without any of those.
import {readdirSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {chromium, type Page} from "playwright-core";
import {serveDirectory} from "./static-server.js";

const dist = resolve(import.meta.dirname, "..", "..", "dist");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SETTLE_MS = 800;
const TIMEOUT_MS = 120_000;

function pages(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    if (e.name.startsWith("_")) return [];
    const p = join(dir, e.name);
    if (e.isDirectory()) return pages(p);
    return e.name.endsWith(".html") && e.name !== "404.html" ? ["/" + relative(dist, p).replace(/(index)?\.html$/, "")] : [];
  });
}

/** Waits until nothing is loading and the main content has not changed for SETTLE_MS. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: TIMEOUT_MS});
  let last = "";
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const now = await page.evaluate(() => document.querySelector("main")?.innerHTML ?? "");
    if (now === last) return;
    if (Date.now() > deadline) throw new Error("page never settled");
    last = now;
    await page.waitForTimeout(SETTLE_MS);
  }
}

const mainText = (page: Page) => page.evaluate(() => document.querySelector("main")?.innerHTML ?? "");

async function checkPage(page: Page, origin: string, path: string, problems: string[]): Promise<string> {
  const started = Date.now();
  await page.goto(origin + path, {waitUntil: "load", timeout: TIMEOUT_MS});
  await settle(page);
  // error cells, and the pages' own inline error messages (none is expected at default settings)
  const errorCells = async () => page.locator(".observablehq--error, .jel-error").allInnerTexts();
  for (const e of await errorCells()) problems.push(`error cell: ${e.slice(0, 200)}`);
  const figures = await page.locator("main svg, main figure, main table").count();
  if (figures === 0) problems.push("no chart, figure or table rendered");
  const sliders = page.locator("main input[type=range]");
  const count = await sliders.count();
  for (let i = 0; i < count; i++) {
    const slider = sliders.nth(i);
    const label = (await slider.evaluate((el) => el.closest("form")?.querySelector("label")?.textContent ?? el.getAttribute("name") ?? "slider")).trim();
    const before = await mainText(page);
    const {min, max, value, step} = await slider.evaluate((el: HTMLInputElement) => ({min: +el.min, max: +el.max, value: +el.value, step: +el.step || 1}));
    const next = value + step <= max ? value + step : value - step >= min ? value - step : value;
    await slider.fill(String(next));
    await settle(page);
    if ((await mainText(page)) === before) problems.push(`moving slider "${label}" to ${next} changed nothing`);
    for (const e of await errorCells()) problems.push(`after slider "${label}": error cell: ${e.slice(0, 200)}`);
  }
  const status = await page.locator("#live-status").allInnerTexts();
  let latency = "";
  if ((await page.locator("#fit-status").count()) > 0) latency = await refitLatency(page, origin, path);
  return `${count} slider(s) moved, ${figures} figure(s), ${((Date.now() - started) / 1000).toFixed(1)}s${status.length ? `; live: ${status[0]}` : ""}${latency}`;
}

/**
 * The live estimator page's refit latency at N = 10^4 rows per regime (K = 5, ratio 1): load those
 * settings from the URL, change only the regression degree (the data are reused), and read what
 * the page reports. Reported, not asserted.
 */
async function refitLatency(page: Page, origin: string, path: string): Promise<string> {
  await page.goto(`${origin}${path}?K=5&n=10000&ratio=1&confounding=0.5&degree=3&alphaGrid=paper&seed=0`, {waitUntil: "load", timeout: TIMEOUT_MS});
  await settle(page);
  const first = await page.locator("#fit-latency").innerText();
  const degree = page.locator("main input[type=range]").nth(4);
  const samples: string[] = [];
  for (const value of ["2", "3", "4", "3"]) {
    await degree.fill(value);
    await settle(page);
    samples.push(await page.locator("#fit-latency").innerText());
  }
  return `; at N = 10^4 per regime, K = 5: first ${first}; degree changes: ${samples.join(" / ")}`;
}

const {server, origin} = await serveDirectory(dist);
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let passed = 0;
let failed = 0;
try {
  const list = pages(dist).sort();
  if (list.length === 0) throw new Error(`no pages found in ${dist}: run the build first`);
  for (const path of list) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1") return route.continue();
      problems.push(`request leaving 127.0.0.1: ${url.href}`);
      return route.abort();
    });
    page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`));
    page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    let detail = "";
    try {
      detail = await checkPage(page, origin, path, problems);
    } catch (e) {
      problems.push(`exception: ${(e as Error).message}`);
    }
    await context.close();
    if (problems.length === 0) {
      passed++;
      console.log(`ok   ${path || "/"}  (${detail})`);
    } else {
      failed++;
      console.log(`FAIL ${path || "/"}\n${[...new Set(problems)].map((p) => `     - ${p}`).join("\n")}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
