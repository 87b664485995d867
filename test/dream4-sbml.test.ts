// The SBML reader and its hostile-input corpus: each row damages GNW's network-3 file in one
// way and expects one line naming the element. Also: the embedded copy equals the files beside it.
import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import test from "node:test";
import {GOLD_STANDARD_SIZE10_3_TSV, INSILICO_SIZE10_3_XML} from "../src/dream4/data/network3.js";
import {dream4Network3, parseGoldStandard} from "../src/dream4/network3.js";
import {geneIndex, perturbedParameters} from "../src/dream4/perturbation.js";
import {parseGnwSbml} from "../src/dream4/sbml.js";
import {parseGeneSets} from "../src/dream4/simulate.js";
import {parseXml} from "../src/dream4/xml.js";

const XML = INSILICO_SIZE10_3_XML;
const DATA = join(import.meta.dirname, "..", "src", "dream4", "data");
const sha256 = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");

test("data: the embedded SBML and gold standard are byte-identical to GNW's files, whose licence and citations sit beside them", () => {
  assert.equal(INSILICO_SIZE10_3_XML, readFileSync(join(DATA, "insilico_size10_3.xml"), "utf8"));
  assert.equal(GOLD_STANDARD_SIZE10_3_TSV, readFileSync(join(DATA, "DREAM4_GoldStandard_InSilico_Size10_3.tsv"), "utf8"));
  assert.equal(sha256(INSILICO_SIZE10_3_XML), "eb022e62001b504c4a9d69a1a3feb711e47dcafc4ef637e4fe038912a57bbf1a");
  assert.equal(sha256(GOLD_STANDARD_SIZE10_3_TSV), "0f4c113f5f1d229a70fc5bb9d116cec651c1bdd98b511fc324d392ad58fdb2e2");
  assert.match(readFileSync(join(DATA, "LICENSE"), "utf8"), /Copyright \(c\) 2008-2012 Thomas Schaffter & Daniel Marbach[\s\S]*MIT license/);
  assert.match(readFileSync(join(DATA, "README.txt"), "utf8"), /Bioinformatics\* 27\(16\):2263-2270/);
  assert.equal(parseGoldStandard(GOLD_STANDARD_SIZE10_3_TSV).length, 15);
  assert.equal(GOLD_STANDARD_SIZE10_3_TSV.trim().split("\n").length, 90);
});

test("reader: GNW's parameters land where the note says (G2: complex, activator G1, deactivator G3; k, n, α)", () => {
  const g2 = dream4Network3().genes[1];
  assert.equal(g2.max, 0.025814402852999536);
  assert.equal(g2.delta, 0.025814402852999536);
  assert.equal(g2.translation, 0.015421248136797442);
  assert.deepEqual(g2.modules, [{complex: true, activators: 1, deactivators: 1, inputs: [0, 2], k: [0.14544781843200327, 0.5852060690149665], n: [1.8434330891218051, 3.291875606838075]}]);
  assert.deepEqual(g2.alpha, [0.09213295322806898, 1]);
  const g9 = dream4Network3().genes[8];
  assert.deepEqual([g9.modules, g9.alpha, g9.inputs], [[], [1], []]);
});

/** Replaces exactly one occurrence (so a row cannot silently damage nothing). */
function edit(find: string | RegExp, replace: string): string {
  const count = typeof find === "string" ? XML.split(find).length - 1 : (XML.match(new RegExp(find.source, "g")) ?? []).length;
  assert.equal(count, 1, `corpus edit must match once: ${find}`);
  return XML.replace(find, replace);
}
const G2_SYN = /(<reaction id="G2_synthesis"[\s\S]*?)<parameter id="k_2"[^>]*\/>/;

const CORPUS: [string, string, string][] = [
  ["empty file", "", "empty document"],
  ["not XML", "hello", 'expected an element, found "hello"'],
  ["unclosed element", XML.replace("</sbml>", ""), "<sbml> (line 2) is not closed"],
  ["mismatched closing tag", edit("</listOfSpecies>", "</listOfSpecie>"), "</listOfSpecie> closes <listOfSpecies>"],
  ["unquoted attribute", edit('<species id="G4" name="G4"', "<species id=G4 name=\"G4\""), "<species>: the value of id is not quoted"],
  ["duplicated attribute", edit('<species id="G4" name="G4"', '<species id="G4" id="G4"'), "<species>: attribute id given twice"],
  ["DOCTYPE", XML.replace("<sbml", '<!DOCTYPE sbml><sbml'), "DOCTYPE and CDATA are not supported"],
  ["unknown entity", edit('name="G1_synthesis: ~(1)"', 'name="G1 &bogus;"'), 'unknown entity "&bogus;"'],
  ["wrong root", XML.replace(/<sbml([^>]*)>/, "<html$1>").replace("</sbml>", "</html>"), "the root element must be <sbml>"],
  ["missing model", XML.replace(/<model[\s\S]*<\/model>/, ""), "<sbml>: <model> is missing"],
  ["missing species list", XML.replace(/<listOfSpecies>[\s\S]*<\/listOfSpecies>/, ""), "<model>: <listOfSpecies> is missing"],
  ["missing species", edit(/<species id="G5"[^>]*\/>/, ""), '<reaction id="G5_synthesis">: gene "G5" is not a species of the model'],
  ["species twice", edit(/(<species id="G5"[^>]*\/>)/, "$1$1"), '<species id="G5">: given twice'],
  ["unknown modifier species", edit(/(<reaction id="G8_synthesis"[\s\S]*?)<modifierSpeciesReference species="G7" \/>/, '$1<modifierSpeciesReference species="G11" />'), '<reaction id="G8_synthesis"> <modifierSpeciesReference> (line 352): species "G11" is not a gene of the model'],
  ["missing degradation reaction", edit(/<reaction id="G3_degradation"[\s\S]*?<\/reaction>/, ""), 'gene G3: reaction "G3_degradation" is missing'],
  ["reaction of another kind", edit('id="G3_degradation"', 'id="G3_decay"'), '<reaction id="G3_decay">: the id must be <gene>_synthesis or <gene>_degradation'],
  ["missing parameter k_2", edit(G2_SYN, "$1"), '<reaction id="G2_synthesis">: parameter "k_2" is missing'],
  ["missing delta", edit(/(<reaction id="G6_degradation"[\s\S]*?)<parameter id="delta"[^>]*\/>/, "$1"), '<reaction id="G6_degradation">: parameter "delta" is missing'],
  ["missing max", edit(/(<reaction id="G6_synthesis"[\s\S]*?)<parameter id="max"[^>]*\/>/, "$1"), '<reaction id="G6_synthesis">: parameter "max" is missing'],
  ["parameter twice", edit(/(<reaction id="G2_synthesis"[\s\S]*?)(<parameter id="k_2"[^>]*\/>)/, "$1$2$2"), '<reaction id="G2_synthesis"> parameter "k_2": given twice'],
  ["non-numeric value", edit(/(<reaction id="G3_synthesis"[\s\S]*?<parameter id="max" name="max" value=")[^"]*/, "$1fast"), '<reaction id="G3_synthesis"> parameter "max": value "fast" is not a finite number'],
  ["empty value", edit(/(<reaction id="G3_synthesis"[\s\S]*?<parameter id="n_1" name="n_1" value=")[^"]*/, "$1"), '<reaction id="G3_synthesis"> parameter "n_1": value "" is not a finite number'],
  ["infinite value", edit(/(<reaction id="G3_synthesis"[\s\S]*?<parameter id="k_1" name="k_1" value=")[^"]*/, "$1Infinity"), '<reaction id="G3_synthesis"> parameter "k_1": value "Infinity" is not a finite number'],
  ["negative k", edit(/(<reaction id="G3_synthesis"[\s\S]*?<parameter id="k_1" name="k_1" value=")[^"]*/, "$1-0.2"), '<reaction id="G3_synthesis"> parameter "k_1": must be > 0, got -0.2'],
  ["no value attribute", edit(/(<reaction id="G3_synthesis"[\s\S]*?<parameter id="k_1" name="k_1") value="[^"]*"/, "$1"), '<reaction id="G3_synthesis"> parameter "k_1": has no value attribute'],
  ["activator count exceeds modifiers", edit(/(<reaction id="G2_synthesis"[\s\S]*?<parameter id="numActivators_1" name="numActivators_1" value=")[^"]*/, "$12.0"), '<reaction id="G2_synthesis"> module 1: needs inputs 1..3 but the reaction has 2 modifiers'],
  ["modules take fewer inputs than modifiers", edit(/(<reaction id="G2_synthesis"[\s\S]*?<parameter id="numDeactivators_1" name="numDeactivators_1" value=")[^"]*/, "$10.0"), '<reaction id="G2_synthesis"> <listOfModifiers>: 2 modifiers but the modules take 1 inputs'],
  ["fractional count", edit(/(<reaction id="G2_synthesis"[\s\S]*?<parameter id="numDeactivators_1" name="numDeactivators_1" value=")[^"]*/, "$10.5"), '<reaction id="G2_synthesis"> parameter "numDeactivators_1": must be a non-negative integer, got 0.5'],
  ["bindsAsComplex not 0/1", edit(/(<reaction id="G5_synthesis"[\s\S]*?<parameter id="bindsAsComplex_1" name="bindsAsComplex_1" value=")[^"]*/, "$10.5"), '<reaction id="G5_synthesis"> parameter "bindsAsComplex_1": must be 0 or 1, got 0.5'],
  ["extra α", edit(/(<reaction id="G1_synthesis"[\s\S]*?)(<parameter id="a_1")/, '$1<parameter id="a_2" name="a_2" value="0.5" />$2'), '<reaction id="G1_synthesis"> parameter "a_2": unexpected (the gene has 1 modules, so 2 values a_0..a_1)'],
  ["missing α", edit(/(<reaction id="G1_synthesis"[\s\S]*?)<parameter id="a_1"[^>]*\/>/, "$1"), '<reaction id="G1_synthesis">: parameter "a_1" is missing'],
  ["α above 1", edit(/(<reaction id="G1_synthesis"[\s\S]*?<parameter id="a_0" name="a_0" value=")[^"]*/, "$11.5"), '<reaction id="G1_synthesis"> parameter "a_0": must be in [0, 1], got 1.5'],
  ["extra k", edit(/(<reaction id="G1_synthesis"[\s\S]*?)(<parameter id="k_1")/, '$1<parameter id="k_2" name="k_2" value="0.5" />$2'), '<reaction id="G1_synthesis"> parameter "k_2": unexpected (the gene has 1 inputs)'],
  ["stray parameter on degradation", edit(/(<reaction id="G1_degradation"[\s\S]*?)(<parameter id="delta")/, '$1<parameter id="max" name="max" value="0.5" />$2'), '<reaction id="G1_degradation"> parameter "max": unexpected (the degradation reaction has only delta)'],
  ["module without activators", edit(/(<reaction id="G5_synthesis"[\s\S]*?<parameter id="numActivators_1" name="numActivators_1" value=")[^"]*/, "$10.0"), '<reaction id="G5_synthesis"> parameter "numActivators_1": a module without activators is outside the specification'],
];

test("SBML corpus: every malformed file is one line naming the element", () => {
  for (const [what, text, fragment] of CORPUS) {
    assert.throws(
      () => parseGnwSbml(text, "net.xml"),
      (e: Error) => {
        assert.ok(e.message.includes(fragment), `${what}: expected "${fragment}" in: ${e.message}`);
        assert.ok(e.message.startsWith("net.xml"), `${what}: ${e.message}`);
        assert.ok(!e.message.includes("\n"), `${what}: more than one line: ${e.message}`);
        return true;
      },
      what,
    );
  }
});

test("unknown or repeated genes in perturbations are one-line errors naming the gene", () => {
  const model = dream4Network3();
  const rows: [() => unknown, string][] = [
    [() => parseGeneSets(model, "G6+G11", "--knockouts"), '--knockouts: unknown gene "G11" (genes: G1, G2'],
    [() => parseGeneSets(model, "G1+G1", "--knockouts"), '--knockouts: "G1+G1" lists a gene twice'],
    [() => parseGeneSets(model, "G6+G10,G10+G6", "--knockouts"), '--knockouts: the set "G10+G6" is given twice'],
    [() => parseGeneSets(model, "G6,,G5", "--knockouts"), "--knockouts: empty gene set or gene name"],
    [() => parseGeneSets(model, "G6+", "--knockouts"), '--knockouts: empty gene set or gene name in "G6+"'],
    [() => parseGeneSets(model, " ", "--knockouts"), "--knockouts: empty"],
    [() => perturbedParameters(model, {knockout: [10]}), "knockout: gene index 10 is not one of 0..9"],
    [() => perturbedParameters(model, {knockout: [2], knockdown: [2]}), "G3 is both knocked out and knocked down"],
    [() => perturbedParameters(model, {basalShift: [0, 1]}), "basal shift: 2 values for 10 genes"],
    [() => perturbedParameters(model, {basalShift: [0, 0, NaN, 0, 0, 0, 0, 0, 0, 0]}), "basal shift of G3: NaN is not a finite number"],
    [() => geneIndex(model, "g7"), 'unknown gene "g7"'],
  ];
  for (const [run, fragment] of rows)
    assert.throws(run, (e: Error) => {
      assert.ok(e.message.includes(fragment) && !e.message.includes("\n"), `expected "${fragment}" in: ${e.message}`);
      return true;
    });
  assert.deepEqual(parseGeneSets(model, "pairs").length, 45);
  assert.deepEqual(parseGeneSets(model, "G6+G10, G5"), [[5, 9], [4]]);
});

test("XML reader: entities, comments, self-closing tags and attribute quoting", () => {
  const root = parseXml(`<?xml version="1.0"?>\n<!-- c --><a x='1 &amp; 2' y="&#60;&#x3e;"><b/><!-- d --><c>text &lt;</c></a>`);
  assert.equal(root.name, "a");
  assert.equal(root.attributes.get("x"), "1 & 2");
  assert.equal(root.attributes.get("y"), "<>");
  assert.deepEqual(root.children.map((c) => c.name), ["b", "c"]);
  assert.throws(() => parseXml("<a></a><b/>", "f"), /f, line 1: content after the root element <a>/);
  assert.throws(() => parseXml("<a>x & y</a>", "f"), /unterminated entity/);
});
