// Takes a full-page screenshot of a built page: `npx tsx scripts/screenshot.ts /path out.png [width]`.
// For looking at what a reader sees; the browser test is what checks pages.
import {resolve} from "node:path";
import {chromium} from "playwright-core";
import {serveDirectory} from "../test/browser/static-server.js";

const [path = "/", out = "screenshot.png", width = "1200"] = process.argv.slice(2);
const {server, origin} = await serveDirectory(resolve(import.meta.dirname, "..", "dist"));
const browser = await chromium.launch({executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]});
try {
  const page = await browser.newPage({viewport: {width: Number(width), height: 900}});
  await page.goto(origin + path, {waitUntil: "load"});
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0);
  await page.waitForTimeout(4000);
  await page.screenshot({path: out, fullPage: true});
} finally {
  await browser.close();
  server.close();
}
