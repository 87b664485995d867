import {dream4Network3} from "../dream4/network3.js";
import {DREAM4_SDE_COEFFICIENT, type MeasurementNoiseModel} from "../dream4/noise.js";
import {MULTIFACTORIAL_SIGMA_DREAM4} from "../dream4/perturbation.js";
import {
  knockdownExperiments,
  knockoutExperiments,
  multifactorialExperiments,
  parseGeneSets,
  scaled,
  SCALES,
  simulateExperiments,
  SOLVERS,
  wildTypeExperiment,
  type Dream4Experiment,
  type NoiseSettings,
  type Scale,
  type Solver,
} from "../dream4/simulate.js";
import {LIBRARY_VERSION} from "../io/experiment-metadata.js";
import {recordsToArrow, recordsToCsv, type FlatRecord} from "../io/record-table.js";
import {checkOutputPath, OutputPathError, writeOrRecover} from "../node/output-file.js";
import {intFlag, listFlag, UsageError, type FlagValues} from "./args.js";

/** The experiment name of this command. */
export const DREAM4_EXPERIMENT = "dream4";

/** The flags `dream4` takes (besides --json, --out, --quiet, --help). */
export const DREAM4_FLAGS = ["knockouts", "knockdowns", "multifactorial", "wild-type", "sigma", "seed", "noise", "solver", "scale"] as const;
/** The flags only `dream4` takes: every other command rejects them. */
export const DREAM4_OWN_FLAGS = DREAM4_FLAGS.filter((f) => f !== "seed");
const COMMON = ["json", "out", "quiet", "help"];

export const DREAM4_NOISE_CHOICES = ["none", "dream4", "sde", "normal", "lognormal", "microarray"] as const;
type NoiseChoice = (typeof DREAM4_NOISE_CHOICES)[number];

export const DREAM4_USAGE = `DREAM4 in-silico size-10 network 3, GeneNetWeaver's kinetic model (notes/dream4-gnw.md):
  dream4           steady states (mRNA, G1..G10) of knockouts, knockdowns, multifactorial
                   perturbations and the wild type, by GNW's stopping rule or the exact fixed point
options for dream4: --knockouts SETS (e.g. "G6+G10,G5"; all = every gene, pairs = all 45 pairs),
  --knockdowns SETS (m ← m/2), --multifactorial N (basal shifts ~ N(0, --sigma², default ${MULTIFACTORIAL_SIGMA_DREAM4})),
  --wild-type (include it; it is the default when nothing else is asked), --seed S (default 0),
  --noise ${DREAM4_NOISE_CHOICES.join("|")} (default none; dream4 = SDE c = ${DREAM4_SDE_COEFFICIENT} then microarray noise),
  --solver ${SOLVERS.join("|")} (default gnw: GNW's stopping rule, as published; newton: exact fixed point),
  --scale ${SCALES.join("|")} (default published: model value / 1.4129489, DREAM4's files),
  --json (one object: each experiment's label -> {G1..G10}), --out FILE (.arrow or .csv), --quiet
`;

export interface Dream4Io {
  stdout(s: string): void;
  stderr(s: string): void;
  stopped(): boolean;
}

function noiseSettings(choice: NoiseChoice): NoiseSettings {
  switch (choice) {
    case "none":
      return {sde: 0, measurement: "none"};
    case "dream4":
      return {sde: DREAM4_SDE_COEFFICIENT, measurement: "microarray"};
    case "sde":
      return {sde: DREAM4_SDE_COEFFICIENT, measurement: "none"};
    case "normal":
    case "lognormal":
    case "microarray":
      return {sde: 0, measurement: choice satisfies MeasurementNoiseModel};
    default:
      return unknownChoice(choice);
  }
}

function unknownChoice(choice: never): never {
  throw new UsageError(`--noise: unknown value "${choice as string}"`);
}

function oneOf<T extends string>(values: FlagValues, name: string, known: readonly T[], fallback: T): T {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== "string" || !known.includes(raw as T)) throw new UsageError(`--${name} expects ${known.join(", ")}; got "${raw}"`);
  return raw as T;
}

export interface Dream4Config {
  experiments: Dream4Experiment[];
  solver: Solver;
  scale: Scale;
  noise: NoiseChoice;
  seed: number;
  sigma: number;
}

/** Validates every flag before any work; usage errors are one line naming the flag. */
export function buildDream4Config(values: FlagValues): Dream4Config {
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && !COMMON.includes(k) && !(DREAM4_FLAGS as readonly string[]).includes(k)) throw new UsageError(`--${k} does not apply to dream4 (it takes ${DREAM4_FLAGS.map((f) => `--${f}`).join(", ")})`);
  const model = dream4Network3();
  const sets = (name: string) => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    try {
      return parseGeneSets(model, String(raw), `--${name}`);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  };
  const knockouts = sets("knockouts");
  const knockdowns = sets("knockdowns");
  const seed = intFlag(values, "seed", 0, 0);
  const sigmaList = listFlag(values, "sigma", [MULTIFACTORIAL_SIGMA_DREAM4], {integer: false, min: 0});
  if (sigmaList.length !== 1) throw new UsageError(`--sigma takes one value, got ${sigmaList.length}`);
  if (values.sigma !== undefined && values.multifactorial === undefined) throw new UsageError("--sigma applies to --multifactorial only");
  const multifactorial = values.multifactorial === undefined ? 0 : intFlag(values, "multifactorial", 0, 1, 100_000);
  const experiments: Dream4Experiment[] = [];
  if (values["wild-type"] || (!knockouts && !knockdowns && !multifactorial)) experiments.push(wildTypeExperiment());
  if (knockouts) experiments.push(...knockoutExperiments(model, knockouts));
  if (knockdowns) experiments.push(...knockdownExperiments(model, knockdowns));
  if (multifactorial) experiments.push(...multifactorialExperiments(model, multifactorial, seed, sigmaList[0]));
  return {
    experiments,
    solver: oneOf(values, "solver", SOLVERS, "gnw"),
    scale: oneOf(values, "scale", SCALES, "published"),
    noise: oneOf(values, "noise", DREAM4_NOISE_CHOICES, "none"),
    seed,
    sigma: sigmaList[0],
  };
}

/** The `dream4` command; returns the exit status (usage errors are thrown as UsageError). */
export async function runDream4(values: FlagValues, io: Dream4Io): Promise<number> {
  const config = buildDream4Config(values);
  let out;
  if (values.out !== undefined) {
    try {
      out = checkOutputPath(String(values.out));
    } catch (e) {
      if (e instanceof OutputPathError) throw new UsageError(e.message);
      throw e;
    }
  }
  const model = dream4Network3();
  const genes = model.genes.map((g) => g.name);
  const started = Date.now();
  const results = simulateExperiments(model, config.experiments, {solver: config.solver, noise: noiseSettings(config.noise), seed: config.seed});
  const values6 = scaled(results, config.scale);
  if (io.stopped()) {
    io.stderr("error: the launching process ended; stopped without writing output\n");
    return 129;
  }
  const table = formatTable(
    ["experiment", "stop t", ...genes, "|GNW - Newton|"],
    results.map((r, p) => [r.label, r.converged ? String(r.stopTime) : `${r.stopTime} (limit)`, ...Array.from(values6[p], (v) => v.toFixed(6)), r.solverDifference.toExponential(1)]),
  );
  if (values.json) {
    const doc = Object.fromEntries(results.map((r, p) => [r.label, Object.fromEntries(genes.map((g, i) => [g, values6[p][i]]))]));
    io.stdout(JSON.stringify(doc) + "\n");
    if (!values.quiet) io.stderr(table);
  } else io.stdout(table);
  const log = (s: string) => values.quiet || io.stderr(s);
  const worst = Math.max(...results.map((r) => r.solverDifference));
  log(`solver ${config.solver}, scale ${config.scale}, noise ${config.noise}; GNW's stopped states differ from the exact fixed points by up to ${worst.toExponential(2)} (model units)\n`);
  const unconverged = results.filter((r) => !r.converged).map((r) => r.label);
  if (unconverged.length) io.stderr(`note: GNW's rule hit its time limit (t = 2000) for ${unconverged.join(", ")}\n`);
  let status = 0;
  if (out) {
    const rows: FlatRecord[] = results.map((r, p) => ({
      experiment: r.label,
      kind: r.kind,
      solver: config.solver,
      scale: config.scale,
      noise: config.noise,
      stop_time: r.stopTime,
      gnw_newton_max_diff: r.solverDifference,
      ...Object.fromEntries(genes.map((g, i) => [g, values6[p][i]])),
    }));
    const metadata = {experiment: DREAM4_EXPERIMENT, config: JSON.stringify({...config, experiments: config.experiments.map((e) => e.label)}), seed: String(config.seed), reference: "GeneNetWeaver DREAM4 in-silico size-10 network 3 (MIT licence; Marbach et al. 2009, Schaffter et al. 2011)", generator: LIBRARY_VERSION};
    const r = writeOrRecover(out, out.kind === "arrow" ? recordsToArrow(rows, metadata) : recordsToCsv(rows));
    if ("written" in r) log(`wrote ${r.written}\n`);
    else {
      io.stderr(`error: could not write ${out.path} (${r.reason}); the results are saved in ${r.recovered}\n`);
      status = 1;
    }
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
  return status;
}

function formatTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ") + "\n";
  return line(head) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("");
}
