import {csvParseRows} from "d3-dsv";
import {tableFromIPC, type Table} from "apache-arrow";
import {fail} from "../validate.js";

/**
 * A user's table as read from a file, before any interpretation: named columns, each a list of
 * cells (numbers, strings, or null for a missing value; in CSV an empty or blank string). CSV (header row, RFC 4180 quoting) is
 * read with d3-dsv, Arrow IPC (file or stream format) with apache-arrow. Every problem is one
 * message naming the file, and where it applies the row (1-based data row; for CSV also the
 * line) and the column.
 */
export interface RawTable {
  source: string;
  names: string[];
  rows: number;
  /** cells of a column, by name */
  column(name: string): ArrayLike<number | string | null>;
  /** where data row i (0-based) sits in the file, for messages */
  where(i: number): string;
}

/** Files above this size are refused with a message rather than freezing a tab or exhausting memory. */
export const MAX_CSV_BYTES = 400e6;

export function readCsv(text: string, source: string): RawTable {
  if (text.length > MAX_CSV_BYTES) fail(`${source}: ${(text.length / 1e6).toFixed(0)} MB of CSV is more than this reader takes (${MAX_CSV_BYTES / 1e6} MB); convert it to Arrow IPC, or sample the rows`);
  if (text.trim() === "") fail(`${source}: the file is empty; expected a header row and data rows`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const all = csvParseRows(body);
  // a trailing newline gives no row; a blank line would be one empty cell: drop fully empty lines
  const lines: {r: string[]; line: number}[] = [];
  for (let line = 0; line < all.length; line++) {
    const r = all[line];
    if (!(r.length === 1 && r[0].trim() === "")) lines.push({r, line});
  }
  const header = lines[0].r.map((s) => s.trim());
  checkNames(source, header);
  const data = lines.slice(1);
  if (data.length === 0) fail(`${source}: only a header row (${header.join(", ")}); expected data rows below it`);
  for (let i = 0; i < data.length; i++)
    if (data[i].r.length !== header.length) fail(`${source}, row ${i + 1} (line ${data[i].line + 1}): ${data[i].r.length} cells, expected ${header.length} (one per column of the header)`);
  const index = new Map(header.map((h, c) => [h, c]));
  const cache = new Map<string, string[]>();
  return {
    source,
    names: header,
    rows: data.length,
    // raw cells; an empty (or blank) cell is interpreted as missing by the reader of the column
    column(name) {
      const c = index.get(name);
      if (c === undefined) fail(`${source}: no column "${name}" (columns: ${header.join(", ")})`);
      let col = cache.get(name);
      if (!col) {
        col = new Array<string>(data.length);
        for (let i = 0; i < data.length; i++) col[i] = data[i].r[c];
        cache.set(name, col);
      }
      return col;
    },
    where: (i) => `row ${i + 1} (line ${data[i].line + 1})`,
  };
}

export function readArrow(bytes: Uint8Array, source: string): RawTable {
  if (bytes.length === 0) fail(`${source}: the file is empty; expected an Arrow IPC file or stream`);
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (e) {
    fail(`${source}: not an Arrow IPC file or stream (${(e as Error).message})`);
  }
  const names = table.schema.fields.map((f) => f.name);
  if (names.length === 0) fail(`${source}: the Arrow table has no columns`);
  checkNames(source, names);
  if (table.numRows === 0) fail(`${source}: the Arrow table has columns (${names.join(", ")}) but no rows`);
  return {
    source,
    names,
    rows: table.numRows,
    column(name) {
      const v = table.getChild(name);
      if (!v) fail(`${source}: no column "${name}" (columns: ${names.join(", ")})`);
      const values = v.toArray() as ArrayLike<unknown>;
      if (v.nullCount === 0 && (values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array)) return values as ArrayLike<number>;
      return Array.from({length: table.numRows}, (_, i) => {
        const x = v.get(i);
        if (x === null || x === undefined) return null;
        if (typeof x === "bigint") return Number(x);
        return typeof x === "number" || typeof x === "string" ? x : String(x);
      });
    },
    where: (i) => `row ${i + 1}`,
  };
}

/** Reads a file by its extension: .csv (text) or .arrow / .arrows / .feather (IPC). */
export function readTable(bytes: Uint8Array, source: string): RawTable {
  const ext = source.toLowerCase().match(/\.[a-z]+$/)?.[0] ?? "";
  if (ext === ".csv") return readCsv(new TextDecoder("utf-8").decode(bytes), source);
  if (ext === ".arrow" || ext === ".arrows" || ext === ".feather" || ext === ".ipc") return readArrow(bytes, source);
  fail(`${source}: unknown file type "${ext || "(no extension)"}"; expected .csv or .arrow`);
}

function checkNames(source: string, names: string[]): void {
  const seen = new Map<string, number>();
  names.forEach((n, c) => {
    if (n === "") fail(`${source}: column ${c + 1} of the header has no name`);
    if (seen.has(n)) fail(`${source}: column name "${n}" appears twice (columns ${seen.get(n)! + 1} and ${c + 1})`);
    seen.set(n, c);
  });
}
