// The bundled "marketing" example dataset (own-data format) as csv; see src/own-data/example-data.ts.
import {writeExample} from "./example-data.js";

writeExample("marketing", "csv");
