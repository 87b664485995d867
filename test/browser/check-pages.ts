// The browser test: every built page in headless Chromium, at a phone width (390 px) and at a
// desktop width (1280 px). A page fails on what breaks it (a console error or warning, an uncaught
// exception, a failed request, any request leaving 127.0.0.1, an error cell) and on what a reader
// sees as broken: a Plot chart with no data mark or with Plot's warning sign, a table header or
// cell cut off, NaN / undefined / Infinity in the text, content wider than the page or its
// column, a front-matter block leaking as a heading. Every slider is moved to both ends (the
// checks run again there) and must change the output. Full-page screenshots of every page at
// both widths go to test/browser/screenshots/ (gitignored).
import {existsSync, mkdirSync, readdirSync, rmSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {chromium, type Page} from "playwright-core";
import {findChromium} from "./find-chromium.js";
import {serveDirectory} from "./static-server.js";
import {checkYourData} from "./your-data-check.js";

const dist = resolve(import.meta.dirname, "..", "..", "dist");
const shots = resolve(import.meta.dirname, "screenshots");
const SETTLE_MS = 800;
const TIMEOUT_MS = 120_000;
const WIDTHS = [390, 1280] as const;

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

/**
 * What a reader sees as broken, checked in the page; each problem is one line naming what and
 * where. Runs in the browser, so it uses only DOM APIs.
 */
function readerProblems(): string[] {
  const out: string[] = [];
  const main = document.querySelector("main");
  if (!main) return ["no <main> element"];
  const snippet = (s: string | null | undefined, n = 60) => (s ?? "").replace(/\s+/g, " ").trim().slice(0, n);
  const where = (el: Element) => {
    const fig = el.closest("figure, .card, table, form, p, li, h1, h2, h3, h4, div");
    const heading = [...main.querySelectorAll("h1, h2, h3, h4")].filter((h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
    const caption = fig?.querySelector("h2, h3, figcaption, text")?.textContent ?? "";
    return `under "${snippet(heading?.textContent, 50)}"${caption ? ` ("${snippet(caption, 50)}")` : ""}`;
  };
  // 1. Plot charts: at least one data mark (a labelled group other than axes, grids and frame,
  //    with something in it), and no warning sign
  const decoration = /(^|-)(axis|grid)\b|^frame$|^facet$/;
  const plots = [...main.querySelectorAll("svg")].filter((s) => /^plot(-[\w]+)?$/.test(s.classList[0] ?? "") && !/-(ramp|swatch)/.test(s.getAttribute("class") ?? ""));
  for (const svg of plots) {
    const marks = [...svg.querySelectorAll("g[aria-label]")].filter((g) => !decoration.test(g.getAttribute("aria-label") ?? "") && g.childElementCount > 0);
    if (marks.length === 0) out.push(`Plot chart with no data mark (only ${[...new Set([...svg.querySelectorAll("g[aria-label]")].map((g) => g.getAttribute("aria-label")))].join(", ") || "nothing"}) ${where(svg)}`);
    const drawn = svg.viewBox.baseVal?.width || +(svg.getAttribute("width") ?? 0);
    const shown = svg.getBoundingClientRect().width;
    if (drawn > 0 && shown < 0.85 * drawn) out.push(`Plot chart drawn ${Math.round(drawn)} px wide but shown at ${Math.round(shown)} px (its text at ${Math.round((100 * shown) / drawn)}%) ${where(svg)}`);
    // text on top of text (an axis title over tick labels, crowded ticks)
    const texts = [...svg.querySelectorAll("text")].filter((t) => !(t.textContent ?? "").includes("\u26a0") && (t.textContent ?? "").trim() !== "").map((t) => ({t, r: t.getBoundingClientRect()}));
    const clash = texts.flatMap((a, i) => texts.slice(0, i).filter((b) => Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left) > 2 && Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top) > 2 && !a.t.contains(b.t) && !b.t.contains(a.t)).map((b) => [b.t, a.t]));
    if (clash.length) out.push(`Plot chart with overlapping text: ${clash.length} pair(s), e.g. ${clash.slice(0, 2).map(([a, b]) => `"${snippet(a.textContent, 25)}" over "${snippet(b.textContent, 25)}"`).join(", ")} ${where(svg)}`);
    for (const t of svg.querySelectorAll("text"))
      if ((t.firstChild?.textContent ?? "").includes("\u26a0")) out.push(`Plot warning sign ("${snippet(t.querySelector("title")?.textContent)}") ${where(svg)}`);
  }
  // 2. table headers and cells whose content is cut off (Inputs.table cells included), one line per table
  for (const table of main.querySelectorAll("table")) {
    const cut = [...table.querySelectorAll("th, td")].filter((c) => c.clientWidth > 0 && c.scrollWidth > c.clientWidth + 1);
    if (cut.length)
      out.push(`table cells cut off: ${cut.length} of ${table.querySelectorAll("th, td").length}, e.g. ${cut.slice(0, 3).map((c) => `"${snippet(c.textContent, 30)}" (${c.clientWidth} of ${c.scrollWidth} px)`).join(", ")} ${where(table)}`);
  }
  // 3. NaN / undefined / Infinity in what the reader sees: text nodes and SVG text, except code
  //    listings (<code>, <pre>), which may name these values on purpose, and hidden tooltips
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent ?? "";
    const m = /\b(NaN|undefined|-?Infinity)\b/.exec(text);
    if (!m) continue;
    const el = n.parentElement!;
    if (el.closest("code, pre, script, style, title, template")) continue;
    if (el.getClientRects().length === 0) continue;
    out.push(`"${m[1]}" in the text: "${snippet(text.slice(Math.max(0, m.index - 30), m.index + 30), 70)}" ${where(el)}`);
  }
  // 4. front matter leaking as a heading
  for (const h of document.querySelectorAll("h1, h2, h3, h4, h5, h6"))
    if (/^\s*title:/.test(h.textContent ?? "")) out.push(`front matter shown as a heading: "${snippet(h.textContent, 80)}"`);
  // 5. content wider than the page (horizontal scrolling) or than the main column (under the table
  //    of contents), unless inside a box that scrolls or clips horizontally
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${vw} px viewport`);
  // the room for content ends where a visible table of contents (fixed at the right) begins, else
  // at the viewport's edge (main's own box is narrower: code blocks reach into its padding)
  const toc = document.querySelector("#observablehq-toc");
  const tocBox = toc && getComputedStyle(toc).display !== "none" ? toc.getBoundingClientRect() : null;
  const column = tocBox && tocBox.width > 0 ? tocBox.left : vw;
  const clipped = (el: Element) => {
    for (let p = el.parentElement; p && p !== main; p = p.parentElement) if (/auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX)) return true;
    return false;
  };
  const wide = [...main.querySelectorAll("*")].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > column + 1 && !clipped(el) && !(el.parentElement && el.parentElement !== main && el.parentElement.getBoundingClientRect().right > column + 1);
  });
  for (const el of wide.slice(0, 4))
    out.push(`content wider than the page or under the table of contents: <${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? ` class="${el.className.slice(0, 40)}"` : ""}> "${snippet(el.textContent, 40)}" ends at ${Math.round(el.getBoundingClientRect().right)} px, ${tocBox && column === tocBox.left ? "where the table of contents begins at" : "beyond the viewport's"} ${Math.round(column)} px ${where(el)}`);
  return out;
}

/** Problems of one page: each message once, with every state (width, slider position) it was seen in. */
class Problems {
  private seen = new Map<string, string[]>();
  add(message: string, at = ""): void {
    const where = this.seen.get(message) ?? [];
    if (at && !where.includes(at)) where.push(at);
    this.seen.set(message, where);
  }
  get size(): number {
    return this.seen.size;
  }
  lines(): string[] {
    return [...this.seen].map(([m, at]) => (at.length ? `${m}  [${at.length > 4 ? `${at.slice(0, 3).join("; ")}; and ${at.length - 3} more` : at.join("; ")}]` : m));
  }
}

async function readerCheck(page: Page, at: string, problems: Problems): Promise<void> {
  // Inputs.table renders rows lazily as its box scrolls: scroll every table to its end first, so
  // that every row is checked, then back
  await page.evaluate(async () => {
    const boxes = [...document.querySelectorAll("main form")].filter((f) => f.querySelector("table") && f.scrollHeight > f.clientHeight);
    for (const box of boxes) {
      for (let rows = -1, i = 0; i < 50 && rows !== box.querySelectorAll("tr").length; i++) {
        rows = box.querySelectorAll("tr").length;
        box.scrollTop = box.scrollHeight;
        await new Promise((r) => setTimeout(r, 30));
      }
      box.scrollTop = 0;
    }
  });
  for (const p of await page.evaluate(readerProblems)) problems.add(p, at);
}

async function errorCells(page: Page, at: string, problems: Problems): Promise<void> {
  for (const e of await page.locator(".observablehq--error, .jel-error").allInnerTexts()) problems.add(`error cell: ${e.slice(0, 200)}`, at);
}

async function load(page: Page, url: string, problems: Problems, at: string): Promise<void> {
  await page.goto(url, {waitUntil: "load", timeout: TIMEOUT_MS});
  await settle(page);
  await errorCells(page, at, problems);
}

async function checkPage(page: Page, origin: string, path: string, problems: Problems): Promise<string> {
  const started = Date.now();
  const name = path.replace(/^\//, "").replace(/\//g, "_") || "index";
  // the phone first, then the desktop, where the sliders are moved
  for (const width of WIDTHS) {
    await page.setViewportSize({width, height: width < 600 ? 844 : 900});
    await load(page, origin + path, problems, `${width} px`);
    await readerCheck(page, `${width} px`, problems);
    await page.screenshot({path: join(shots, `${name}-${width}.png`), fullPage: true});
  }
  const figures = await page.locator("main svg, main figure, main table").count();
  if (figures === 0) problems.add("no chart, figure or table rendered");
  const sliders = page.locator("main input[type=range]");
  const count = await sliders.count();
  for (let i = 0; i < count; i++) {
    const slider = sliders.nth(i);
    const label = (await slider.evaluate((el) => el.closest("form")?.querySelector("label")?.textContent ?? el.getAttribute("name") ?? "slider")).trim();
    const {min, max, value} = await slider.evaluate((el: HTMLInputElement) => ({min: +el.min, max: +el.max, value: +el.value}));
    let changed = false;
    for (const end of [min, max]) {
      if (end === value) continue;
      const before = await mainText(page);
      await slider.fill(String(end));
      await settle(page);
      if ((await mainText(page)) !== before) changed = true;
      const at = `1280 px, slider "${label}" at ${end}`;
      await errorCells(page, at, problems);
      await readerCheck(page, at, problems);
    }
    if (!changed) problems.add(`moving slider "${label}" to ${min} and ${max} changed nothing`);
    await slider.fill(String(value));
    await settle(page);
  }
  const status = await page.locator("#live-status").allInnerTexts();
  // the own-data page as a reader uses it: a slider on the example, an uploaded file, a broken file
  if (path === "/your-data") {
    await load(page, origin + path, problems, "1280 px");
    status.push(await checkYourData(page, (message) => problems.add(message)));
  }
  let latency = "";
  if ((await page.locator("#fit-status").count()) > 0) latency = await refitLatency(page, origin, path);
  return `${count} slider(s) moved to both ends, ${figures} figure(s), ${((Date.now() - started) / 1000).toFixed(1)}s${status.length ? `; live: ${status[0]}` : ""}${latency}`;
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

const started = Date.now();
// PAGES=/a,/b checks only those pages (while working on them); the default is every page
const only = process.env.PAGES?.split(",");
const list = existsSync(dist) ? pages(dist).sort().filter((p) => !only || only.includes(p)) : [];
/** Setup problems end the test with one line naming them. */
function stop(message: string): never {
  console.error(`browser test: ${message}`);
  process.exit(1);
}
if (list.length === 0) stop(only ? `none of PAGES=${process.env.PAGES} is a page in ${dist}` : `no pages found in ${dist}: run the build first`);
rmSync(shots, {recursive: true, force: true});
mkdirSync(shots, {recursive: true});
const found = await findChromium().catch((e: Error) => stop(e.message));
const {server, origin} = await serveDirectory(dist);
const browser = await chromium.launch({
  executablePath: found.path,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
console.log(`browser: Chromium ${browser.version()} at ${found.path} (${found.source})`);
let passed = 0;
let failed = 0;
try {
  for (const path of list) {
    const context = await browser.newContext();
    // tsx compiles functions with esbuild's keepNames, which calls __name() in code sent to the page
    await context.addInitScript("globalThis.__name = (f) => f;");
    const page = await context.newPage();
    const problems = new Problems();
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1") return route.continue();
      problems.add(`request leaving 127.0.0.1: ${url.href}`);
      return route.abort();
    });
    page.on("console", (m) => (m.type() === "error" || m.type() === "warning") && problems.add(`console ${m.type()}: ${m.text().slice(0, 300)}`));
    page.on("pageerror", (e) => problems.add(`page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.add(`failed request: ${r.url()} (${r.failure()?.errorText})`));
    page.on("response", (r) => r.status() >= 400 && problems.add(`HTTP ${r.status()}: ${r.url()}`));
    let detail = "";
    try {
      detail = await checkPage(page, origin, path, problems);
    } catch (e) {
      problems.add(`exception: ${(e as Error).message}`);
    }
    await context.close();
    if (problems.size === 0) {
      passed++;
      console.log(`ok   ${path || "/"}  (${detail})`);
    } else {
      failed++;
      console.log(`FAIL ${path || "/"}\n${problems.lines().map((p) => `     - ${p}`).join("\n")}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`browser: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots at 390 and 1280 px in ${relative(process.cwd(), shots)}/`);
process.exitCode = failed ? 1 : 0;
