// The /your-data page as a reader uses it: the bundled example answers and reacts to a slider; an
// uploaded CSV is read, fitted and answered; a broken file gets an inline message naming its row.
import type {Page} from "playwright-core";
import {exampleDataset, exampleSpec} from "../../src/own-data/example-data.js";
import {exampleCsv} from "../../src/own-data/example-files.js";

const TIMEOUT_MS = 60_000;

async function estimateText(page: Page): Promise<string> {
  await page.locator("#joint-estimate").waitFor({timeout: TIMEOUT_MS});
  return (await page.locator("#joint-estimate").innerText()).trim();
}

async function waitForChange(page: Page, before: string): Promise<string> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const now = await page.locator("#joint-estimate").innerText().catch(() => "");
    if (now && now !== before) return now.trim();
    if (Date.now() > deadline) throw new Error(`the joint estimate stayed at ${before}`);
    await page.waitForTimeout(200);
  }
}

export async function checkYourData(page: Page, problem: (message: string) => void): Promise<string> {
  const notes: string[] = [];
  const errors = async (when: string) => {
    for (const e of await page.locator(".observablehq--error, #load-error, #own-fit-error").allInnerTexts()) problem(`/your-data ${when}: ${e.slice(0, 200)}`);
  };
  // 1. the bundled example: an estimate, and a slider that moves it
  const first = await estimateText(page);
  if (!/^-?[\d,.]+$/.test(first)) problem(`/your-data: the example's estimate reads "${first}"`);
  const email = page.locator("#joint-sliders form").filter({has: page.locator("label", {hasText: /^email$/})}).locator("input[type=range]");
  const max = await email.evaluate((el: HTMLInputElement) => el.max);
  await email.fill(max);
  const moved = await waitForChange(page, first);
  if ((await page.locator("#extrapolation-warning").count()) === 0) problem("/your-data: an email value beyond the data gave no extrapolation warning");
  await errors("after moving a slider");
  notes.push(`example ${first} → ${moved} at the slider's end (extrapolation flagged)`);

  // 2. the reader's own file: the K = 5 example written as CSV, uploaded
  await page.getByLabel("my own file").check();
  const csv = exampleCsv(exampleDataset(exampleSpec("paper-k5")));
  await page.locator("input[type=file]").setInputFiles({name: "my-data.csv", mimeType: "text/csv", buffer: Buffer.from(csv)});
  await page.locator("#own-fit-status").waitFor({timeout: TIMEOUT_MS});
  const fitStatus = await page.locator("#own-fit-status").innerText();
  if (!/observational 10,000/.test(fitStatus)) problem(`/your-data: the uploaded file's fit status reads "${fitStatus.slice(0, 120)}"`);
  const uploaded = await estimateText(page);
  await errors("after uploading a file");
  notes.push(`uploaded my-data.csv: estimate ${uploaded}`);

  // 3. a broken file: an inline message naming the row, nothing else breaks
  await page.locator("input[type=file]").setInputFiles({name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from("a,b,y,regime\n1,2,3,observational\n1,2,observational\n")});
  await page.locator("#load-error").waitFor({timeout: TIMEOUT_MS});
  const message = await page.locator("#load-error").innerText();
  if (!/broken\.csv, row 2 \(line 3\): 3 cells, expected 4/.test(message)) problem(`/your-data: a ragged file's message reads "${message}"`);
  notes.push("a ragged file is named with its row");
  return notes.join("; ");
}
