// Start-up and whole-process cost of the command line (issue 16, part 4):
//   npm run bench:startup            medians of 7 starts; then the scikit-learn comparison
//   npm run bench:startup -- --quick start-up only
// Measures `npm run experiment -- --help` (what a user types), `node bin/jel.mjs --help` (the
// command's own start: launcher, freshness check and the compiled build), the same through tsx
// from source (what `npm run experiment` did before), and npm's own overhead (`npm run -s noop`);
// then, one core each, `jel main --k 5 --n 1e5 --runs 2` with four methods against
// bench/sklearn_pipeline.py on the same work, as whole processes.
import {spawnSync} from "node:child_process";
import {join} from "node:path";

const root = join(import.meta.dirname, "..");
const quick = process.argv.includes("--quick");

function wall(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, {cwd: root, stdio: ["ignore", "ignore", "pipe"], env: {...process.env, ...env}});
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const repeat = (n: number, f: () => number) => {
  f(); // warm the file cache
  return median(Array.from({length: n}, f));
};

const rows: [string, number][] = [
  ["npm run experiment -- --help", repeat(7, () => wall("npm", ["run", "-s", "experiment", "--", "--help"]))],
  ["node bin/jel.mjs --help (the command's own start)", repeat(7, () => wall(process.execPath, ["bin/jel.mjs", "--help"]))],
  ["npm run -s noop (npm's own start; a script running `true`)", repeat(7, () => wall("npm", ["run", "-s", "noop"]))],
  ["node --import tsx src/cli/experiment.ts --help (from source, as before)", repeat(3, () => wall(process.execPath, ["--import", "tsx", "src/cli/experiment.ts", "--help"]))],
  ["npm run build:wasm (the unchanged-input check the old script ran first)", repeat(3, () => wall("npm", ["run", "-s", "build:wasm"]))],
];
for (const [what, ms] of rows) console.log(`${what.padEnd(75)} ${(ms / 1000).toFixed(3)} s`);
if (quick) process.exit(0);

const python = process.env.JEL_PYTHON ?? "/usr/bin/python3";
const hasSklearn = spawnSync(python, ["-c", "import sklearn"], {stdio: "ignore"}).status === 0;
const one = {OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1"};
const jel = wall("npm", ["run", "-s", "experiment", "--", "main", "--k", "5", "--n", "1e5", "--runs", "2", "--workers", "1", "--quiet", "--methods", "intervention-generalization,joint-topline,pooled,observational"]);
console.log(`${"jel main --k 5 --n 1e5 --runs 2, 4 methods, 1 worker (whole npm command)".padEnd(75)} ${(jel / 1000).toFixed(2)} s`);
if (!hasSklearn) {
  console.log(`scikit-learn: not importable by ${python}; ratio not measured (apt-get install python3-sklearn)`);
  process.exit(0);
}
const sk = wall("taskset", ["-c", "0", python, "bench/sklearn_pipeline.py", "1e5", "2"], one);
console.log(`${"scikit-learn pipeline, same work, one core (whole python process)".padEnd(75)} ${(sk / 1000).toFixed(2)} s`);
console.log(`${"whole-process ratio".padEnd(75)} ${(sk / jel).toFixed(1)}x`);
