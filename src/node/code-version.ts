import {join} from "node:path";
import {codeVersionOf} from "../../scripts/source-hash.mjs";

/** Replaced by the compiled build (scripts/build-cli.ts) with the version of the sources it compiled. */
declare const __JEL_CODE_VERSION__: string | undefined;

let computed: string | undefined;

/**
 * The code version recorded in results files and compared by merge and the prebuild check:
 * package version + hash of src/ (see scripts/source-hash.mjs). Compiled, it is the version the
 * build was made from (the launcher rebuilds when src/ has changed since); run from source, it
 * is computed from src/ once per process.
 */
export function codeVersion(): string {
  if (typeof __JEL_CODE_VERSION__ === "string") return __JEL_CODE_VERSION__;
  computed ??= codeVersionOf(join(import.meta.dirname, "..", "..")) ?? "unknown";
  return computed;
}
