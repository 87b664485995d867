#!/usr/bin/env node
// `jel` (and `npm run experiment` / `npm run estimate`): the compiled command line, started
// without transpiling. Checks first that build/ was compiled from the current src/ (a content
// hash, about 10 ms) and recompiles it if not (scripts/build-cli.ts, about a second), so an
// edited estimator never runs stale code. Then runs build/jel.js in this same process: the
// process stays the direct child of its launcher (see src/node/parent-watch.ts).
import {spawnSync} from "node:child_process";
import {existsSync, readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {sourceHash} from "../scripts/source-hash.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stampFile = join(root, "build", "stamp.json");
const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, "utf8")) : null;
const current = sourceHash(root);
if (!stamp || (current !== null && stamp.sourceHash !== current)) {
  process.stderr.write(stamp ? "jel: src/ changed since the last build; recompiling\n" : "jel: no compiled build yet; compiling\n");
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts", "build-cli.ts")], {cwd: root, stdio: ["ignore", "inherit", "inherit"]});
  if (r.status !== 0) {
    process.stderr.write(`jel: compiling the command line failed (status ${r.status ?? r.signal})\n`);
    process.exit(1);
  }
}
await import(join(root, "build", "jel.js"));
