// The bundled "marketing" example dataset (own-data format) as arrow; see src/own-data/example-data.ts.
import {writeExample} from "./example-data.js";

writeExample("marketing", "arrow");
