/**
 * Input validation for the library's public entry points. Every check throws one Error whose
 * message is one line naming the argument, the position (regime, row, column) and what was
 * expected versus found. Checks are single O(n) passes with no per-element allocation.
 */

/** Throws an Error with a one-line message (line breaks in interpolated text are flattened). */
export function fail(message: string): never {
  throw new Error(message.replace(/\s*[\r\n]+\s*/g, " "));
}

/** A short description of a value that is not a finite number, for messages. */
export function describe(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value === undefined) return "undefined (missing)";
  if (value === null) return "null";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  return `a ${typeof value}`;
}

function isTypedFloat(values: unknown): values is Float64Array | Float32Array {
  return values instanceof Float64Array || values instanceof Float32Array;
}

/** `values` is an array-like of at least `end` finite numbers; rows [start, end) are checked. */
export function requireFiniteColumn(label: string, values: unknown, start = 0, end?: number): void {
  if (values === null || typeof values !== "object" || typeof (values as ArrayLike<number>).length !== "number")
    fail(`${label}: expected an array of numbers, found ${describe(values)}`);
  const column = values as ArrayLike<unknown>;
  const stop = end ?? column.length;
  if (column.length < stop) fail(`${label}: has ${column.length} rows, expected at least ${stop}`);
  if (isTypedFloat(column)) {
    for (let i = start; i < stop; i++) {
      const v = column[i];
      if (!(v - v === 0)) fail(`${label}, row ${i}: ${v}; expected a finite number`);
    }
    return;
  }
  for (let i = start; i < stop; i++) {
    const v = column[i];
    if (typeof v !== "number" || !(v - v === 0)) fail(`${label}, row ${i}: ${describe(v)}; expected a finite number`);
  }
}

/**
 * `columns` is an array of exactly `nColumns` columns (when given), each with at least `end`
 * rows (default: all of the first column; then all columns must have equal length), rows
 * [start, end) finite numbers. `name(c)` names column c in messages.
 */
export function requireFiniteColumns(label: string, columns: unknown, nColumns?: number, start = 0, end?: number, name: (c: number) => string = (c) => `column ${c}`): void {
  if (!Array.isArray(columns)) fail(`${label}: expected an array of columns, found ${describe(columns)}`);
  if (nColumns !== undefined && columns.length !== nColumns) fail(`${label}: ${columns.length} columns, expected ${nColumns}`);
  if (columns.length === 0) fail(`${label}: no columns`);
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c] as ArrayLike<number> | undefined;
    if (col === null || typeof col !== "object" || typeof col.length !== "number") fail(`${label}, ${name(c)}: expected an array of numbers, found ${describe(col)}`);
  }
  const rows = end ?? (columns[0] as ArrayLike<number>).length;
  for (let c = 0; c < columns.length; c++) {
    const length = (columns[c] as ArrayLike<number>).length;
    if (end === undefined && length !== rows) fail(`${label}: ${name(c)} has ${length} rows, ${name(0)} ${rows}; expected equal lengths`);
    if (end !== undefined && length < end) fail(`${label}: ${name(c)} has ${length} rows, expected at least ${end}`);
    requireFiniteColumn(`${label}, ${name(c)}`, columns[c], start, rows);
  }
}

/** A finite number. */
export function requireFinite(label: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(`${label}: ${describe(value)}; expected a finite number`);
}

/** An integer in [min, max]. */
export function requireInteger(label: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    fail(`${label}: ${describe(value)}; expected an integer ${max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`}`);
}

/** Distinct integer indices in [0, size). `name(i)` names index i in messages (e.g. a regime). */
export function requireIndexSet(label: string, indices: unknown, size: number, name: (i: number) => string = String): void {
  if (!Array.isArray(indices)) fail(`${label}: expected an array of indices, found ${describe(indices)}`);
  const seen = new Set<number>();
  for (const i of indices) {
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= size) fail(`${label}: index ${describe(i)} out of range; expected integers in [0, ${size - 1}]`);
    if (seen.has(i)) fail(`${label}: index ${i} (${name(i)}) appears twice; expected distinct indices`);
    seen.add(i);
  }
}
