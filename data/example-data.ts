// Shared by the example-dataset loaders: one bundled dataset in the own-data format, as Arrow
// (the exact joint effect, seed and SCM in the schema metadata) or CSV, written to stdout.
import {exampleDataset, exampleSpec} from "../src/own-data/example-data.js";
import {exampleArrow, exampleCsv} from "../src/own-data/example-files.js";

export function writeExample(id: string, format: "arrow" | "csv"): void {
  const ds = exampleDataset(exampleSpec(id));
  process.stdout.write(format === "arrow" ? exampleArrow(ds) : exampleCsv(ds));
  process.stderr.write(`example ${id}: ${ds.regime.length} rows (${format})\n`);
}
