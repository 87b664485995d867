import {Float64, Int32, Schema, Table, Utf8, type Field, vectorFromArray, tableToIPC, type DataType} from "apache-arrow";
import type {ResultRow} from "../experiments/experiments.js";
import {fail} from "../validate.js";
import {readArrowFile} from "./arrow-file.js";

/** Column name in files, field of ResultRow, Arrow type. Float64/Int32/Utf8 only, so pages need no Int64 handling. */
const COLUMNS: [string, keyof ResultRow, DataType][] = [
  ["K", "K", new Int32()],
  ["n_total", "nTotal", new Float64()],
  ["ratio", "ratio", new Float64()],
  ["n_obs", "nObs", new Float64()],
  ["n_single", "nSingle", new Float64()],
  ["n_joint", "nJoint", new Float64()],
  ["run", "run", new Int32()],
  ["seed", "seed", new Float64()],
  ["method", "method", new Utf8()],
  ["rmse", "rmse", new Float64()],
  ["rmse_truth", "rmseTruth", new Float64()],
  ["alphas", "alphas", new Utf8()],
  ["effect_sd", "effectSd", new Float64()],
];

/** Per-run results as an Arrow IPC file whose schema metadata records what produced them. */
export function resultsToArrow(results: ResultRow[], metadata: Record<string, string>): Uint8Array {
  const columns = Object.fromEntries(COLUMNS.map(([name, key, type]) => [name, vectorFromArray(results.map((r) => r[key]), type)]));
  const plain = new Table(columns);
  const schema = new Schema(plain.schema.fields as Field[], new Map(Object.entries(metadata)));
  return tableToIPC(new Table(schema, plain.batches), "file");
}

const EXPECTED = `a Joint Effects Lab results file with columns ${COLUMNS.map(([name]) => name).join(", ")}`;

/** Rows of a results file back in the library's shape; `label` (e.g. the file name) names the file in errors. */
export function resultsFromArrow(bytes: Uint8Array | ArrayBuffer, label = "results file"): {rows: ResultRow[]; metadata: Record<string, string>} {
  const table = readArrowFile(bytes, label, EXPECTED, COLUMNS.map(([name]) => name));
  for (const [name, , type] of COLUMNS) {
    const found = table.getChild(name)!.type;
    if (String(found) !== String(type)) fail(`${label}: column ${JSON.stringify(name)} has type ${found}, expected ${type}; expected ${EXPECTED}`);
  }
  const cols = COLUMNS.map(([name, key]) => [key, table.getChild(name)!.toArray()] as const);
  const rows = Array.from({length: table.numRows}, (_, i) => Object.fromEntries(cols.map(([key, values]) => [key, values[i]])) as unknown as ResultRow);
  return {rows, metadata: Object.fromEntries(table.schema.metadata)};
}

/** Schema metadata of a results file (experiment, config, seed, ...); `label` names the file in errors. */
export function metadataOf(bytes: Uint8Array | ArrayBuffer, label = "results file"): Record<string, string> {
  const metadata = readArrowFile(bytes, label, EXPECTED).schema.metadata;
  if (!metadata.has("experiment")) fail(`${label}: no "experiment" entry in the schema metadata; expected ${EXPECTED} and its metadata (experiment, config, seed, ...)`);
  return Object.fromEntries(metadata);
}

export function resultsToCsv(results: ResultRow[]): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [COLUMNS.map(([name]) => name).join(",")];
  for (const r of results) lines.push(COLUMNS.map(([, key]) => (typeof r[key] === "string" ? quote(r[key] as string) : String(r[key]))).join(","));
  return lines.join("\n") + "\n";
}
