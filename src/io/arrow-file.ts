import {tableFromIPC, type Table} from "apache-arrow";
import {fail} from "../validate.js";

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"

function hasMagic(bytes: Uint8Array, at: number): boolean {
  return MAGIC.every((b, i) => bytes[at + i] === b);
}

/**
 * Parses the bytes of an Arrow IPC file written by this project, or throws one line naming the
 * file (`label`) and what was expected (`expected`): empty, truncated (no closing magic),
 * foreign (no opening magic) or unreadable files, and files without the required columns.
 */
export function readArrowFile(input: Uint8Array | ArrayBuffer, label: string, expected: string, required: readonly string[] = []): Table {
  if (!(input instanceof Uint8Array) && !(input instanceof ArrayBuffer)) fail(`${label}: expected the bytes of an Arrow IPC file (Uint8Array or ArrayBuffer), found ${input === null ? "null" : typeof input}`);
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  if (bytes.length === 0) fail(`${label}: not an Arrow IPC file (0 bytes); expected ${expected}`);
  if (!hasMagic(bytes, 0)) fail(`${label}: not an Arrow IPC file (${bytes.length} bytes, no "ARROW1" signature at the start); expected ${expected}`);
  if (bytes.length < 12 || !hasMagic(bytes, bytes.length - 6)) fail(`${label}: truncated Arrow IPC file (${bytes.length} bytes, no closing "ARROW1" signature); expected ${expected}`);
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (e) {
    fail(`${label}: unreadable Arrow IPC file (${e instanceof Error ? e.message : String(e)}); expected ${expected}`);
  }
  const names = table.schema.fields.map((f) => f.name);
  for (const name of required)
    if (!table.getChild(name)) fail(`${label}: column ${JSON.stringify(name)} missing (found ${names.length ? names.join(", ") : "no columns"}); expected ${expected}`);
  return table;
}
