import {Float64, Schema, Table, Utf8, type Field, vectorFromArray, tableToIPC} from "apache-arrow";
import {fail} from "../validate.js";
import {readArrowFile} from "./arrow-file.js";

/** A flat record: every field a number or a string. */
export type FlatRecord = Record<string, number | string>;

/**
 * Flat records as an Arrow IPC file: numbers as Float64, strings as Utf8 (so pages need no
 * Int64 handling), the columns in the first record's key order, and metadata in the schema.
 */
export function recordsToArrow(rows: FlatRecord[], metadata: Record<string, string>): Uint8Array {
  if (rows.length === 0) throw new Error("no rows to write");
  const keys = Object.keys(rows[0]);
  const columns = Object.fromEntries(
    keys.map((k) => {
      const isText = typeof rows[0][k] === "string";
      return [k, vectorFromArray(rows.map((r) => r[k]), isText ? new Utf8() : new Float64())];
    }),
  );
  const plain = new Table(columns);
  const schema = new Schema(plain.schema.fields as Field[], new Map(Object.entries(metadata)));
  return tableToIPC(new Table(schema, plain.batches), "file");
}

/**
 * Flat records back from a file written by recordsToArrow; `label` (e.g. the file name) names
 * the file in errors, `required` lists columns the caller needs.
 */
export function recordsFromArrow<T extends FlatRecord>(bytes: Uint8Array | ArrayBuffer, label = "records file", required: readonly string[] = []): {rows: T[]; metadata: Record<string, string>} {
  const expected = `a Joint Effects Lab records file (Float64 and Utf8 columns${required.length ? `, including ${required.join(", ")}` : ""})`;
  const table = readArrowFile(bytes, label, expected, required);
  if (table.schema.fields.length === 0) fail(`${label}: no columns; expected ${expected}`);
  const cols = table.schema.fields.map((f) => [f.name, table.getChild(f.name)!.toArray()] as const);
  const rows = Array.from({length: table.numRows}, (_, i) => Object.fromEntries(cols.map(([k, v]) => [k, v[i]])) as T);
  return {rows, metadata: Object.fromEntries(table.schema.metadata)};
}

export function recordsToCsv(rows: FlatRecord[]): string {
  if (rows.length === 0) return "";
  const keys = Object.keys(rows[0]);
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [keys.join(","), ...rows.map((r) => keys.map((k) => (typeof r[k] === "string" ? quote(r[k] as string) : String(r[k]))).join(","))].join("\n") + "\n";
}
