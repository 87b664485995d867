import {readFileSync, statSync} from "node:fs";
import {parseArgs} from "node:util";
import {Float64, Schema, Table, Utf8, vectorFromArray, type Field, type Vector, tableToIPC} from "apache-arrow";
import {csvFormatRows} from "d3-dsv";
import {LIBRARY_VERSION} from "../io/experiment-metadata.js";
import {checkOutputPath, OutputPathError, writeOrRecover, type OutputTarget} from "../node/output-file.js";
import {FIT_DEFAULTS, fitJointEffects, OWN_DATA_METHOD_IDS, type Diagnostics, type OwnDataMethod, type Query} from "../own-data/joint-effects.js";
import {exampleDataset, EXAMPLES} from "../own-data/example-data.js";
import {exampleArrow, exampleCsv} from "../own-data/example-files.js";
import {regimeData} from "../own-data/regime-data.js";
import {MAX_CSV_BYTES, readCsv, readTable} from "../own-data/tidy-table.js";
import {rejectRepeatedFlags, UsageError} from "./args.js";
import type {CliIo} from "./main.js";

export const ESTIMATE_USAGE = `usage: npm run estimate -- DATA.csv|DATA.arrow --actions A,B,... --outcome Y [options]

Estimates the joint effect E[Y | do(a_1..a_K)] (or, with --intervened, the mixed effect of
Prop. 1) from observational rows plus one experiment per action (Kekić et al., ICML 2025).

The table has one row per unit: a numeric column per action, a numeric outcome column, and a
regime column: "observational" (or empty) for observational rows, an action's column name for
rows where that action was set by the experimenter, names joined by "+" (email+social) for rows
where several were set (used only to check the estimate).

options:
  --actions LIST      the action columns (required)
  --outcome NAME      the outcome column (required)
  --regime NAME       the regime column (default "regime")
  --method NAME       ${OWN_DATA_METHOD_IDS.join(", ")} (default ${FIT_DEFAULTS.method})
  --at "A=1,B=0.5"    a query; repeat for more (default: each action at the median of its experiment)
  --grid FILE.csv     queries, one column per action (any order, extra columns ignored)
  --intervened LIST   the actions set by the query (default: all); the others are observed at the query's values
  --degree D          polynomial degree (default ${FIT_DEFAULTS.degree})
  --bootstrap B       resamples for the intervals (default ${FIT_DEFAULTS.bootstrap}; 0: no intervals)
  --level L           interval level (default 0.95)
  --seed S            seed of the row order and the resamples (default ${FIT_DEFAULTS.seed})
  --drop-incomplete   drop rows with an empty or non-numeric cell (default: fail naming the first)
  --json              print one JSON document {predictions, diagnostics} on stdout
  --out FILE          write the predictions to FILE (.csv or .arrow), atomically
  --quiet             no diagnostics on stderr

Output: one row per query with the estimate, the interval and the actions whose query value lies
outside the range seen in a regime the answer relies on (extrapolation: not supported by the data).
Bad input exits with status 2 and one line naming the file, row and column; nothing is written.
`;

const OPTIONS = {
  actions: {type: "string"},
  outcome: {type: "string"},
  regime: {type: "string"},
  method: {type: "string"},
  at: {type: "string", multiple: true},
  grid: {type: "string"},
  intervened: {type: "string"},
  degree: {type: "string"},
  bootstrap: {type: "string"},
  level: {type: "string"},
  seed: {type: "string"},
  "drop-incomplete": {type: "boolean"},
  json: {type: "boolean"},
  out: {type: "string"},
  quiet: {type: "boolean"},
  help: {type: "boolean", short: "h"},
} as const;

interface PredictionRow {
  query: Query;
  estimate: number;
  lower: number | null;
  upper: number | null;
  extrapolation: string[];
}

export async function runEstimate(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true});
  } catch (e) {
    throw new UsageError((e as Error).message.split(/\.( |$)|\n/)[0]);
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout(ESTIMATE_USAGE);
    return 0;
  }
  rejectRepeatedFlags(parsed.tokens, ["at"]);
  if (parsed.positionals.length === 0) throw new UsageError("missing the data file (a .csv or .arrow table)");
  if (parsed.positionals.length > 1) throw new UsageError(`one data file expected, got ${parsed.positionals.length}: ${parsed.positionals.join(", ")}`);
  const file = parsed.positionals[0];
  const list = (name: string, raw: string | undefined) => {
    if (raw === undefined) return undefined;
    const items = raw.split(",").map((s) => s.trim());
    if (items.some((s) => s === "")) throw new UsageError(`--${name}: an empty name in "${raw}"`);
    const dup = items.find((s, i) => items.indexOf(s) !== i);
    if (dup) throw new UsageError(`--${name} lists "${dup}" twice`);
    return items;
  };
  const actions = list("actions", v.actions) ?? usage("--actions is required (the action columns, comma-separated)");
  const outcome = v.outcome ?? usage("--outcome is required (the outcome column)");
  const regime = v.regime ?? "regime";
  const method = (v.method ?? FIT_DEFAULTS.method) as OwnDataMethod;
  if (!OWN_DATA_METHOD_IDS.includes(method)) throw new UsageError(`--method: unknown method "${method}" (known: ${OWN_DATA_METHOD_IDS.join(", ")})`);
  const int = (name: "degree" | "bootstrap" | "seed", fallback: number, min: number, max: number) => {
    const raw = v[name];
    if (raw === undefined) return fallback;
    const x = Number(raw);
    if (raw.trim() === "" || !Number.isSafeInteger(x) || x < min || x > max) throw new UsageError(`--${name} expects an integer in [${min}, ${max}], got "${raw}"`);
    return x;
  };
  const degree = int("degree", FIT_DEFAULTS.degree, 1, 6);
  const bootstrap = int("bootstrap", FIT_DEFAULTS.bootstrap, 0, 100_000);
  const seed = int("seed", FIT_DEFAULTS.seed, 0, Number.MAX_SAFE_INTEGER);
  const level = v.level === undefined ? 0.95 : Number(v.level);
  if (!(level > 0 && level < 1)) throw new UsageError(`--level expects a number in (0, 1), got "${v.level}"`);
  if (v.level !== undefined && bootstrap === 0) throw new UsageError("--level needs intervals: --bootstrap 0 computes none");
  if (bootstrap > 0 && bootstrap < Math.ceil(2 / (1 - level))) throw new UsageError(`--bootstrap ${bootstrap} is too few for a ${level * 100}% percentile interval (need at least ${Math.ceil(2 / (1 - level))}: each tail must hold a resample)`);
  const intervened = list("intervened", v.intervened);
  let out: OutputTarget | undefined;
  if (v.out !== undefined)
    try {
      out = checkOutputPath(v.out);
    } catch (e) {
      if (e instanceof OutputPathError) throw new UsageError(e.message);
      throw e;
    }

  // everything below that fails on the user's data is an input error: exit 2, nothing written
  const input = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError((e as Error).message);
    }
  };
  const data = input(() => regimeData(readTable(readBytes(file), file), {actions, outcome, regime, dropIncomplete: v["drop-incomplete"]}));
  const model = input(() => fitJointEffects(data, {method, degree, bootstrap, seed}));
  const queries: Query[] = input(() => {
    const qs: Query[] = [];
    for (const at of v.at ?? []) qs.push(parseAt(at, actions));
    if (v.grid !== undefined) qs.push(...gridQueries(v.grid, actions));
    if (qs.length === 0) qs.push(Object.fromEntries(actions.map((a, k) => [a, median(data.x[k], data.single[k]?.rows ?? data.observational.rows)])));
    return qs;
  });
  if (io.stopped()) throw new UsageError("stopped");
  const estimates = input(() => model.predict(queries, intervened));
  const intervals = bootstrap > 0 ? input(() => model.interval(queries, {level, intervened})) : undefined;
  const flags = input(() => model.extrapolation(queries, intervened));
  const rows: PredictionRow[] = queries.map((query, i) => ({query, estimate: estimates[i], lower: intervals ? intervals.lower[i] : null, upper: intervals ? intervals.upper[i] : null, extrapolation: flags[i]}));

  if (!v.quiet) io.stderr(formatDiagnostics(model.diagnostics, data.source));
  if (v.json) io.stdout(JSON.stringify({predictions: rows.map((r) => ({...r.query, estimate: r.estimate, lower: r.lower, upper: r.upper, extrapolation: r.extrapolation})), diagnostics: model.diagnostics}) + "\n");
  else io.stdout(formatPredictions(rows, actions, level, intervened));
  if (out) {
    if (io.stopped()) throw new UsageError("stopped");
    const bytes = out.kind === "arrow" ? predictionsArrow(rows, actions, {source: file, method, degree: String(degree), bootstrap: String(bootstrap), level: String(level), seed: String(seed), intervened: (intervened ?? actions).join(","), generator: LIBRARY_VERSION}) : predictionsCsv(rows, actions);
    const r = writeOrRecover(out, bytes);
    if ("recovered" in r) {
      io.stderr(`error: could not write ${out.path} (${r.reason}); the predictions are saved in ${r.recovered}\n`);
      return 1;
    }
    if (!v.quiet) io.stderr(`wrote ${r.written}\n`);
  }
  return 0;
}

function usage(message: string): never {
  throw new UsageError(message);
}

function readBytes(file: string): Uint8Array {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UsageError(`${file}: is a directory; expected a .csv or .arrow file`);
    size = st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (file.toLowerCase().endsWith(".csv") && size > MAX_CSV_BYTES) throw new UsageError(`${file}: ${(size / 1e6).toFixed(0)} MB of CSV is more than this reader takes (${MAX_CSV_BYTES / 1e6} MB); convert it to Arrow IPC, or sample the rows`);
  return readFileSync(file);
}

function parseAt(at: string, actions: string[]): Query {
  const q: Query = {};
  for (const part of at.split(",")) {
    const m = part.match(/^\s*([^=]+?)\s*=\s*(.+?)\s*$/);
    if (!m) throw new UsageError(`--at "${at}": expected name=value pairs separated by commas`);
    const [, name, value] = m;
    if (!actions.includes(name)) throw new UsageError(`--at "${at}": "${name}" is not an action (actions: ${actions.join(", ")})`);
    if (name in q) throw new UsageError(`--at "${at}": "${name}" given twice`);
    const x = Number(value);
    if (!Number.isFinite(x)) throw new UsageError(`--at "${at}": ${name} = "${value}" is not a finite number`);
    q[name] = x;
  }
  const missing = actions.filter((a) => !(a in q));
  if (missing.length) throw new UsageError(`--at "${at}": no value for ${missing.join(", ")} (give every action)`);
  return q;
}

function gridQueries(file: string, actions: string[]): Query[] {
  const raw = readCsv(new TextDecoder().decode(readBytes(file)), file);
  const cols = actions.map((a) => raw.column(a));
  return Array.from({length: raw.rows}, (_, i) =>
    Object.fromEntries(
      actions.map((a, k) => {
        const cell = cols[k][i];
        const x = Number(cell);
        if (cell === null || !Number.isFinite(x)) throw new UsageError(`${file}, ${raw.where(i)}, column "${a}": ${cell === null ? "an empty cell" : `"${cell}"`}; expected a finite number`);
        return [a, x];
      }),
    ),
  );
}

function median(x: Float64Array, rows: Int32Array): number {
  const v = Float64Array.from(rows, (i) => x[i]).sort();
  const m = v.length >> 1;
  return Number((v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2).toPrecision(6));
}

const num = (x: number) => (Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(4) : x.toFixed(4));

function formatPredictions(rows: PredictionRow[], actions: string[], level: number, intervened?: string[]): string {
  const what = intervened ? `E[Y | do(${intervened.join(", ")}), ${actions.filter((a) => !intervened.includes(a)).join(", ") || "-"}]` : `E[Y | do(${actions.join(", ")})]`;
  const head = [...actions, "estimate", ...(rows[0]?.lower !== null ? [`${Math.round(level * 100)}% lower`, `${Math.round(level * 100)}% upper`] : []), "extrapolation"];
  const body = rows.map((r) => [...actions.map((a) => String(r.query[a])), num(r.estimate), ...(r.lower !== null ? [num(r.lower), num(r.upper!)] : []), r.extrapolation.length ? `outside data: ${r.extrapolation.join(", ")}` : "-"]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padStart(widths[i]))).join("  ") + "\n";
  return `${what}\n` + line(head) + line(widths.map((w) => "-".repeat(w))) + body.map(line).join("");
}

function formatDiagnostics(d: Diagnostics, source: string): string {
  const lines = [`${source}: ${Object.entries(d.rowsPerRegime).map(([r, n]) => `${r} ${n}`).join(", ")} rows${d.droppedRows ? `; dropped ${d.droppedRows} incomplete rows` : ""}`];
  lines.push(`method ${d.method}, degree ${d.chosenDegrees ? `${Object.entries(d.chosenDegrees).map(([g, v]) => `${g} ${v}`).join(", ")} (chosen by CV)` : d.degree}, ${d.folds}-fold CV, alpha ${d.alphas.map((a) => a.toExponential(0)).join(", ")}; ${d.bootstrap} resamples of ${d.chunks} row groups per regime, seed ${d.seed}`);
  const edges = d.ancestors.filter((a) => a.detected);
  if (d.method === "structure-aware" || d.method === "structure-aware-adaptive") lines.push(`ancestor graph (do(A_k) tests, Holm 5%): ${edges.length ? edges.map((e) => `${e.ancestor} -> ${e.of} (p ${e.p.toExponential(1)})`).join(", ") : "no edges"}`);
  if (d.separability)
    lines.push(`separability check (no joint data; experiments on ${d.separability.perSink.map((x) => `${x.action}, p ${x.p.toExponential(1)}`).join("; ")}): p ${d.separability.p.toExponential(1)}${d.separability.p < 0.05 ? "  WARNING: possible non-additivity in an action that has no descendants (an interaction the additive methods miss, or a confounder shared with another action). The p-value is nominal and also falls below 0.05 on many additive models (/assumptions measures how often), so confirm with a small joint pilot before trusting any estimate" : ""}`);
  for (const c of d.mixedChecks)
    lines.push(`check on ${c.rows} "${c.regime}" rows: observed mean ${num(c.observedMean)}, predicted ${num(c.predictedMean)}, difference ${num(c.difference)} ± ${num(c.standardError)} (p ${c.p.toFixed(3)})${c.p < 0.05 ? "  WARNING: the estimate disagrees with these rows" : ""}`);
  return lines.join("\n") + "\n";
}

function predictionsCsv(rows: PredictionRow[], actions: string[]): string {
  return csvFormatRows([[...actions, "estimate", "lower", "upper", "extrapolation"], ...rows.map((r) => [...actions.map((a) => String(r.query[a])), String(r.estimate), r.lower === null ? "" : String(r.lower), r.upper === null ? "" : String(r.upper), r.extrapolation.join("+")])]) + "\n";
}

function predictionsArrow(rows: PredictionRow[], actions: string[], metadata: Record<string, string>): Uint8Array {
  const columns: Record<string, Vector> = {};
  for (const a of actions) columns[a] = vectorFromArray(rows.map((r) => r.query[a]), new Float64());
  columns.estimate = vectorFromArray(rows.map((r) => r.estimate), new Float64());
  columns.lower = vectorFromArray(rows.map((r) => r.lower ?? NaN), new Float64());
  columns.upper = vectorFromArray(rows.map((r) => r.upper ?? NaN), new Float64());
  columns.extrapolation = vectorFromArray(rows.map((r) => r.extrapolation.join("+")), new Utf8());
  const plain = new Table(columns);
  return tableToIPC(new Table(new Schema(plain.schema.fields as Field[], new Map(Object.entries(metadata))), plain.batches), "file");
}

export const EXAMPLE_USAGE = `usage: npm run experiment -- example NAME --out FILE.csv|FILE.arrow

Writes a bundled example dataset in the estimate command's format (observational rows, one
experiment per action, a small joint regime for checking), drawn from a seeded SCM whose exact
joint effect is known (Arrow files carry it in their schema metadata). NAME: ${EXAMPLES.map((e) => e.id).join(", ")}.
`;

/** `experiment example NAME --out FILE`: a bundled dataset, written atomically. */
export async function runExample(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({args: argv, options: {out: {type: "string"}, quiet: {type: "boolean"}, help: {type: "boolean", short: "h"}}, allowPositionals: true, strict: true, tokens: true});
  } catch (e) {
    throw new UsageError((e as Error).message.split(/\.( |$)|\n/)[0]);
  }
  if (parsed.values.help) {
    io.stdout(EXAMPLE_USAGE);
    return 0;
  }
  rejectRepeatedFlags(parsed.tokens);
  if (parsed.positionals.length !== 1) throw new UsageError(`example takes one name (${EXAMPLES.map((e) => e.id).join(", ")}), got ${parsed.positionals.length}`);
  const spec = EXAMPLES.find((e) => e.id === parsed.positionals[0]) ?? usage(`unknown example "${parsed.positionals[0]}" (known: ${EXAMPLES.map((e) => e.id).join(", ")})`);
  if (parsed.values.out === undefined) throw new UsageError("example needs --out FILE (.csv or .arrow)");
  let out: OutputTarget;
  try {
    out = checkOutputPath(parsed.values.out);
  } catch (e) {
    if (e instanceof OutputPathError) throw new UsageError(e.message);
    throw e;
  }
  const ds = exampleDataset(spec);
  const r = writeOrRecover(out, out.kind === "arrow" ? exampleArrow(ds) : exampleCsv(ds));
  if ("recovered" in r) {
    io.stderr(`error: could not write ${out.path} (${r.reason}); the data are saved in ${r.recovered}\n`);
    return 1;
  }
  if (!parsed.values.quiet) io.stderr(`wrote ${r.written}: ${spec.title}; ${ds.regime.length} rows; try: npm run estimate -- ${parsed.values.out} --actions ${spec.actions.join(",")} --outcome ${spec.outcome}\n`);
  return 0;
}
