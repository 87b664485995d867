// The Chromium the browser tests and benchmarks use, found without any download at test time.
import {accessSync, constants, readFileSync} from "node:fs";
import {delimiter, join} from "node:path";
import {fileURLToPath} from "node:url";

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser: $CHROMIUM_PATH, else /usr/bin/chromium, else chromium-browser / google-chrome /
 * chromium on PATH, else the headless Chromium shipped inside the npm package
 * @sparticuz/chromium (a devDependency, so `npm ci` brings it to a bare machine).
 */
export async function findChromium(): Promise<{path: string; source: string}> {
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    if (!executable(env)) throw new Error(`CHROMIUM_PATH=${env} is not an executable file`);
    return {path: env, source: "CHROMIUM_PATH"};
  }
  if (executable("/usr/bin/chromium")) return {path: "/usr/bin/chromium", source: "system"};
  for (const name of ["chromium-browser", "google-chrome", "chromium"])
    for (const dir of (process.env.PATH ?? "").split(delimiter).filter(Boolean))
      if (executable(join(dir, name))) return {path: join(dir, name), source: `system (${name} on PATH)`};
  let packaged: {executablePath(): Promise<string>};
  try {
    packaged = (await import("@sparticuz/chromium")).default;
  } catch {
    throw new Error("no Chromium found: set CHROMIUM_PATH, install chromium, or run `npm ci` (it installs @sparticuz/chromium)");
  }
  const manifest = fileURLToPath(new URL("../package.json", import.meta.resolve("@sparticuz/chromium")));
  const {version} = JSON.parse(readFileSync(manifest, "utf8")) as {version: string};
  return {path: await packaged.executablePath(), source: `npm package @sparticuz/chromium ${version}`};
}
