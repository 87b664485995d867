import {GOLD_STANDARD_SIZE10_3_TSV, INSILICO_SIZE10_3_XML} from "./data/network3.js";
import type {GnwModel} from "./model.js";
import {parseGnwSbml} from "./sbml.js";

/**
 * DREAM4 in-silico size-10 network 3, GeneNetWeaver's model (MIT licence; see data/LICENSE and
 * data/README.txt for the licence and the citations), read from the embedded SBML text, so this
 * works the same in Node and in the browser.
 */
let cached: GnwModel | undefined;

export function dream4Network3(): GnwModel {
  cached ??= parseGnwSbml(INSILICO_SIZE10_3_XML, "insilico_size10_3.xml");
  return cached;
}

/** The gold-standard edges (regulator, target) marked 1, in file order. */
export function dream4Network3GoldStandard(): [string, string][] {
  return parseGoldStandard(GOLD_STANDARD_SIZE10_3_TSV, "DREAM4_GoldStandard_InSilico_Size10_3.tsv");
}

/** Edges of a DREAM4 gold-standard TSV (`regulator target 1/0`, no header). */
export function parseGoldStandard(text: string, label = "gold standard"): [string, string][] {
  const edges: [string, string][] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const cells = line.split("\t");
    if (cells.length !== 3 || (cells[2] !== "0" && cells[2] !== "1")) throw new Error(`${label}, line ${i + 1}: expected "regulator<TAB>target<TAB>0|1", got ${JSON.stringify(line)}`);
    if (cells[2] === "1") edges.push([cells[0], cells[1]]);
  });
  return edges;
}
