import {renameSync, rmSync, writeFileSync} from "node:fs";
import {basename, dirname, join} from "node:path";

/** Writes to a temporary file beside the target, then renames: never a half-written output. */
export function writeAtomically(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, {force: true});
    throw e;
  }
}
