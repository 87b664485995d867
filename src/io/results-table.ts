import {Float64, Int32, Schema, Table, Utf8, type Field, vectorFromArray, tableFromIPC, tableToIPC} from "apache-arrow";
import type {RunResult} from "../experiments/main-experiment.js";

/**
 * Per-run results as an Arrow table whose schema metadata records what produced them
 * (experiment, configuration, seed, library version). Float64/Int32/Utf8 columns only, so
 * pages read them without Int64 or Date handling.
 */
export function resultsToArrow(results: RunResult[], metadata: Record<string, string>): Uint8Array {
  const columns = {
    run: vectorFromArray(results.map((r) => r.run), new Int32()),
    seed: vectorFromArray(results.map((r) => r.seed), new Float64()),
    method: vectorFromArray(results.map((r) => r.method), new Utf8()),
    rmse: vectorFromArray(results.map((r) => r.rmse), new Float64()),
    rmse_truth: vectorFromArray(results.map((r) => r.rmseTruth), new Float64()),
    alphas: vectorFromArray(results.map((r) => r.alphas), new Utf8()),
  };
  const plain = new Table(columns);
  const schema = new Schema(plain.schema.fields as Field[], new Map(Object.entries(metadata)));
  return tableToIPC(new Table(schema, plain.batches.map((b) => b)), "file");
}

export function metadataOf(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(tableFromIPC(bytes).schema.metadata);
}

const CSV_COLUMNS = ["run", "seed", "method", "rmse", "rmse_truth", "alphas"] as const;

export function resultsToCsv(results: RunResult[]): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of results) lines.push([r.run, r.seed, r.method, r.rmse, r.rmseTruth, quote(r.alphas)].join(","));
  return lines.join("\n") + "\n";
}

