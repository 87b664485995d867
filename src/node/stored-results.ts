import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {readArrowFile} from "../io/arrow-file.js";
import type {AnyConfig, AnyRow} from "../experiments/task-list.js";
import {canonicalJson, decodeResults} from "./results-file.js";

/**
 * Committed results (results/*.arrow): merged files of runs too long for a build (paper
 * scale), which loaders use instead of computing when one holds exactly the config they would
 * run. Each file says in its metadata which config and which code version produced it; the
 * prebuild step warns when that version is not the current one, and pages print it.
 */
export function resultsDir(): string {
  return process.env.JEL_RESULTS_DIR ?? join(import.meta.dirname, "..", "..", "results");
}

export interface StoredResults {
  /** the file's path relative to the results folder's parent, e.g. results/main-paper.arrow */
  path: string;
  rows: AnyRow[];
  metadata: Record<string, string>;
}

interface Header {
  file: string;
  metadata: Record<string, string>;
}

function headers(dir: string): Header[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".arrow"))
    .sort()
    .map((f) => ({file: join(dir, f), metadata: Object.fromEntries(readArrowFile(readFileSync(join(dir, f)), join(dir, f), "a merged results file").schema.metadata)}));
}

/** The committed results file whose config is exactly `config` (any engine, any code version), if there is one. */
export function findStoredResults(config: AnyConfig, dir = resultsDir()): StoredResults | undefined {
  const wanted = canonicalJson(config);
  const hit = headers(dir).find((h) => h.metadata.config !== undefined && h.metadata.shard === undefined && sameConfig(h.metadata.config, wanted));
  if (!hit) return undefined;
  const {rows, metadata} = decodeResults(config, new Uint8Array(readFileSync(hit.file)), hit.file);
  return {path: `results/${hit.file.slice(dir.length + 1)}`, rows, metadata};
}

function sameConfig(recorded: string, wanted: string): boolean {
  try {
    return canonicalJson(JSON.parse(recorded)) === wanted;
  } catch {
    return false;
  }
}

/** One warning line per committed file made by another code version than `current` (or lacking one). */
export function staleStoredResults(current: string, dir = resultsDir()): string[] {
  return headers(dir).flatMap(({file, metadata}) => {
    const v = metadata.code_version;
    if (v === current) return [];
    return [`${file} (${metadata.experiment ?? "?"}) was made by code version ${v ?? "unknown"}, the code is now ${current}: pages built from it show results of that version (rerun it and merge, see README "On a cluster")`];
  });
}
