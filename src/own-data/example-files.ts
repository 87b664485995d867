import {csvFormatRows} from "d3-dsv";
import {Float64, Schema, Table, Utf8, vectorFromArray, type Field, type Vector, tableToIPC} from "apache-arrow";
import {LIBRARY_VERSION} from "../io/experiment-metadata.js";
import type {ExampleDataset} from "./example-data.js";

/** An example dataset as CSV text (header: actions, outcome, regime). */
export function exampleCsv(ds: ExampleDataset): string {
  const {spec} = ds;
  const rows = ds.regime.map((label, i) => [...ds.actions.map((a) => String(a[i])), String(ds.outcome[i]), label]);
  return csvFormatRows([[...spec.actions, spec.outcome, "regime"], ...rows]) + "\n";
}

/** Schema metadata of an example file: how it was made and its exact joint effect. */
export function exampleMetadata(ds: ExampleDataset): Record<string, string> {
  const {spec} = ds;
  return {
    example: spec.id,
    title: spec.title,
    description: spec.description,
    seed: String(spec.seed),
    spec: JSON.stringify(spec),
    truth: JSON.stringify(ds.truth),
    format: "one row per unit; regime = observational, an action name, or names joined by +",
    generator: LIBRARY_VERSION,
  };
}

/** An example dataset as an Arrow IPC file, the exact effect and the SCM's description in its schema metadata. */
export function exampleArrow(ds: ExampleDataset): Uint8Array {
  const {spec} = ds;
  const columns: Record<string, Vector> = {};
  spec.actions.forEach((a, k) => (columns[a] = vectorFromArray(Array.from(ds.actions[k]), new Float64())));
  columns[spec.outcome] = vectorFromArray(Array.from(ds.outcome), new Float64());
  columns.regime = vectorFromArray(ds.regime, new Utf8());
  const plain = new Table(columns);
  const schema = new Schema(plain.schema.fields as Field[], new Map(Object.entries(exampleMetadata(ds))));
  return tableToIPC(new Table(schema, plain.batches), "file");
}
