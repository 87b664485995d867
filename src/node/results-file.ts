import {createHash} from "node:crypto";
import {anmMetadata} from "../io/anm-metadata.js";
import {experimentMetadata} from "../io/experiment-metadata.js";
import {recordsFromArrow, recordsToArrow, recordsToCsv, type FlatRecord} from "../io/record-table.js";
import {resultsFromArrow, resultsToArrow, resultsToCsv} from "../io/results-table.js";
import type {ResultRow} from "../experiments/experiments.js";
import {isKekic, type AnyConfig, type AnyRow} from "../experiments/task-list.js";
import type {MomentKernel} from "../regression/moment-kernel.js";
import {codeVersion} from "./code-version.js";

/**
 * The results file of any experiment command, shared by the CLI (--out), merge, the loaders
 * and the Slurm scripts: Arrow (metadata in the schema) or CSV. Its metadata holds the config,
 * its hash and the code version, so a file says what produced it and shards of different
 * configs or code can be told apart.
 */

/** The moment engine a config's numbers depend on: the kernel for Kekić et al.'s experiments and anm-cross (IG), else none ("typescript"). */
export function engineOf(config: AnyConfig, kernel: MomentKernel): string {
  switch (config.experiment) {
    case "main":
    case "ratio":
    case "convergence":
    case "anm-cross":
      return kernel.name;
    case "anm-consistency":
    case "anm-parameters":
    case "anm-network":
    case "anm-uncertainty":
      return "typescript";
    default:
      throw new Error(`unknown experiment "${(config as {experiment: string}).experiment}"`);
  }
}

/** JSON with object keys sorted (array order kept: it is meaningful), so equal configs compare equal however they were built. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

/** First 16 hex digits of SHA-256 over the canonical config and the engine: equal hashes, same numbers from the same code. */
export function configHash(config: AnyConfig, engine: string): string {
  return createHash("sha256").update(canonicalJson(config)).update("\0").update(engine).digest("hex").slice(0, 16);
}

/** Schema metadata of a whole run's results file. */
export function resultsMetadata(config: AnyConfig, engine: string, version = codeVersion()): Record<string, string> {
  const base = isKekic(config) ? experimentMetadata(config, engine) : anmMetadata(config, engine);
  return {...base, code_version: version, config_hash: configHash(config, engine)};
}

export function encodeResults(kind: "arrow" | "csv", config: AnyConfig, rows: AnyRow[], metadata: Record<string, string>): Uint8Array | string {
  if (isKekic(config)) return kind === "arrow" ? resultsToArrow(rows as ResultRow[], metadata) : resultsToCsv(rows as ResultRow[]);
  return kind === "arrow" ? recordsToArrow(rows as FlatRecord[], metadata) : recordsToCsv(rows as FlatRecord[]);
}

/** Rows and metadata of an Arrow results file of `config`'s command; `label` names the file in errors. */
export function decodeResults(config: AnyConfig, bytes: Uint8Array, label: string): {rows: AnyRow[]; metadata: Record<string, string>} {
  return isKekic(config) ? resultsFromArrow(bytes, label) : recordsFromArrow(bytes, label);
}
