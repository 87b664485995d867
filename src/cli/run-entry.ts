// What every executable of this project does around cliMain: watch the launching process (a run
// stops, writing nothing, when it dies: node/parent-watch.ts) and turn the result into the exit code.
import {watchParent} from "../node/parent-watch.js";
import {cliMain, STOPPED_EXIT} from "./main.js";

export async function runEntry(command: string[]): Promise<void> {
  const watch = watchParent(() => {
    try {
      process.stderr.write("error: the launching process ended; stopping without writing output\n");
    } finally {
      process.exit(STOPPED_EXIT);
    }
  });
  const code = await cliMain([...command, ...process.argv.slice(2)], {stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), stopped: watch.orphaned});
  watch.stop();
  process.exitCode = code;
}
