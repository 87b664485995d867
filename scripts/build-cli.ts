// Compiles the command line (and the library it runs) to JavaScript in build/, so `jel` /
// `npm run experiment` start without transpiling: esbuild bundles src/cli/experiment.ts (as
// build/jel.js) and the worker-thread entry (build/experiment-worker.js), dependencies
// included, sharing chunks. The WebAssembly kernel is built first (skipped when its input is
// unchanged: scripts/build-wasm.ts). build/stamp.json records the hash of the sources compiled
// (scripts/source-hash.mjs); bin/jel.mjs rebuilds when src/ no longer matches it. Runs on
// install and before builds and tests; about a second.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {build} from "esbuild";
import {codeVersionOf, sourceHash} from "./source-hash.mjs";

const root = join(import.meta.dirname, "..");
// build-wasm.ts runs on import (skipping an unchanged input); named through a variable, as tsc rejects .ts import paths
const wasmScript = "./build-wasm.ts";
await import(wasmScript);
const hash = sourceHash(root)!;
const version = codeVersionOf(root)!;
const out = join(root, "build");
// the build's own inputs besides src/: this script and the bundler's version
const recipe = createHash("sha256").update(readFileSync(import.meta.filename)).update(JSON.parse(readFileSync(join(root, "node_modules", "esbuild", "package.json"), "utf8")).version).digest("hex");
const stampFile = join(out, "stamp.json");
if (!process.argv.includes("--force") && existsSync(stampFile) && existsSync(join(out, "jel.js"))) {
  const stamp = JSON.parse(readFileSync(stampFile, "utf8"));
  if (stamp.sourceHash === hash && stamp.recipe === recipe) process.exit(0);
}
const staging = join(root, `.build.${process.pid}.tmp`);
rmSync(staging, {recursive: true, force: true});
await build({
  entryPoints: {jel: join(root, "src/cli/experiment.ts"), "experiment-worker": join(root, "src/node/experiment-worker.ts")},
  outdir: staging,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunk-[hash]",
  define: {__JEL_CODE_VERSION__: JSON.stringify(version)},
  // CommonJS dependencies bundled into ESM need a require
  banner: {js: `import {createRequire as __jelRequire} from "node:module"; const require = __jelRequire(import.meta.url);`},
  logLevel: "warning",
  legalComments: "none",
});
mkdirSync(staging, {recursive: true});
writeFileSync(join(staging, "stamp.json"), JSON.stringify({sourceHash: hash, codeVersion: version, recipe}) + "\n");
// replace build/ as a whole, so a launcher never sees half of an old and half of a new build
rmSync(out, {recursive: true, force: true});
renameSync(staging, out);
process.stderr.write(`build-cli: compiled the command line to build/ (code ${version})\n`);
