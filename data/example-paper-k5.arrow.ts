// The bundled "paper-k5" example dataset (own-data format) as arrow; see src/own-data/example-data.ts.
import {writeExample} from "./example-data.js";

writeExample("paper-k5", "arrow");
