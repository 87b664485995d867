// Runs before every build or preview:
// 1. Loader output is keyed on content: if any file under src/, data/ or results/ (or the lock file)
//    changed since the cached outputs were made, the cache of loader outputs is cleared, so a
//    changed estimator never ships stale figures and an unchanged one is not recomputed.
// 2. Framework asks the npm registry for the versions of packages its client may import
//    lazily; pre-created cache folders answer that locally, so the build needs no network.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {codeVersion} from "../src/node/code-version.js";
import {resultsDir, staleStoredResults} from "../src/node/stored-results.js";

const root = join(import.meta.dirname, "..");
const cache = join(root, "docs", ".observablehq", "cache");

function files(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true})
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
    .sort();
}

const hash = createHash("sha256");
const results = resultsDir();
for (const file of [...files(join(root, "src")), ...files(join(root, "data")), ...(existsSync(results) ? files(results) : []), join(root, "package-lock.json")]) {
  if (!existsSync(file)) continue;
  hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
}
const digest = hash.digest("hex");
const stamp = join(cache, "source-hash.txt");
const previous = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : "";
if (previous !== digest) {
  if (existsSync(join(cache, "data"))) {
    rmSync(join(cache, "data"), {recursive: true, force: true});
    process.stderr.write("prebuild: library or loaders changed; cleared cached loader outputs\n");
  }
  mkdirSync(cache, {recursive: true});
  writeFileSync(stamp, digest + "\n");
}

// Exactly the version requests a cold build of Framework 1.13.4 makes (list them again after an upgrade:
// build once with an empty cache and grep the output for `npm:...@latest`).
const LAZY_PACKAGES = [
  "@observablehq/plot", "@observablehq/sample-datasets", "apache-arrow", "arquero", "d3", "d3-dsv", "echarts", "htl",
  "leaflet", "lodash", "mapbox-gl", "parquet-wasm", "react", "react-dom", "topojson-client",
];
for (const name of LAZY_PACKAGES) {
  let version = "0.0.0";
  const pkg = join(root, "node_modules", name, "package.json");
  if (existsSync(pkg)) version = JSON.parse(readFileSync(pkg, "utf8")).version;
  const dir = join(cache, "_npm", `${name}@${version}`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) mkdirSync(dir, {recursive: true});
}

// 3. Committed results (results/*.arrow) made by another code version than the current one are
//    still used (they cost CPU-hours), but said: here, and on each page (its provenance line).
for (const warning of staleStoredResults(codeVersion())) process.stderr.write(`prebuild: warning: ${warning}\n`);
