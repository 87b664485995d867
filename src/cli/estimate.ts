#!/usr/bin/env node
// The `estimate` command: `node --import tsx src/cli/estimate.ts DATA --actions ... --outcome ...`.
// One process, stopped with its launcher (node/parent-watch.ts).
import {watchParent} from "../node/parent-watch.js";
import {cliMain, STOPPED_EXIT} from "./main.js";

const watch = watchParent(() => {
  try {
    process.stderr.write("error: the launching process ended; stopping without writing output\n");
  } finally {
    process.exit(STOPPED_EXIT);
  }
});
const code = await cliMain(["estimate", ...process.argv.slice(2)], {stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), stopped: watch.orphaned});
watch.stop();
process.exitCode = code;
