import type {GnwGene, GnwModel, GnwModule} from "./model.js";
import {childrenNamed, parseXml, XmlError, type XmlElement} from "./xml.js";

/**
 * Reads GeneNetWeaver's SBML layout (notes/dream4-gnw.md §1; no MathML) into a GnwModel.
 * Genes are the species in document order except `_void_`; gene i has reactions `Gi_synthesis`
 * (modifiers = inputs in order; parameters max, deltaProtein, maxTranslation, bindsAsComplex_j,
 * numActivators_j, numDeactivators_j, a_s, k_l, n_l) and `Gi_degradation` (delta). Anything else
 * (a missing or extra parameter, a count that does not add up, a non-numeric value) is an Error
 * whose one-line message names the element.
 */
export class SbmlError extends Error {}

const VOID = "_void_";
const SYNTHESIS_FIXED = ["max", "deltaProtein", "maxTranslation"];

export function parseGnwSbml(text: string, label = "SBML"): GnwModel {
  let root: XmlElement;
  try {
    root = parseXml(text, label);
  } catch (e) {
    if (e instanceof XmlError) throw new SbmlError(e.message);
    throw e;
  }
  const fail = (where: string, message: string): never => {
    throw new SbmlError(`${label}: ${where}: ${message}`);
  };
  if (root.name !== "sbml") fail(`<${root.name}> (line ${root.line})`, "the root element must be <sbml>");
  const model = only(root, "model", "<sbml>", fail);
  const speciesList = only(model, "listOfSpecies", "<model>", fail);
  const species = childrenNamed(speciesList, "species");
  const names: string[] = [];
  for (const s of species) {
    const id = s.attributes.get("id");
    if (!id) fail(`<species> (line ${s.line})`, "has no id");
    if (id === VOID) continue;
    if (names.includes(id!)) fail(`<species id="${id}">`, "given twice");
    names.push(id!);
  }
  if (names.length === 0) fail("<listOfSpecies>", "no gene species");
  const index = new Map(names.map((n, i) => [n, i]));

  const reactions = childrenNamed(only(model, "listOfReactions", "<model>", fail), "reaction");
  const synthesis = new Map<string, XmlElement>();
  const degradation = new Map<string, XmlElement>();
  for (const r of reactions) {
    const id = r.attributes.get("id");
    if (!id) fail(`<reaction> (line ${r.line})`, "has no id");
    const cut = id!.lastIndexOf("_");
    const gene = id!.slice(0, cut);
    const kind = id!.slice(cut + 1);
    const where = `<reaction id="${id}">`;
    if (cut < 0 || (kind !== "synthesis" && kind !== "degradation")) fail(where, "the id must be <gene>_synthesis or <gene>_degradation");
    if (!index.has(gene)) fail(where, `gene "${gene}" is not a species of the model`);
    const map = kind === "synthesis" ? synthesis : degradation;
    if (map.has(gene)) fail(where, "given twice");
    map.set(gene, r);
  }

  const genes: GnwGene[] = names.map((name) => {
    const syn = synthesis.get(name) ?? fail(`gene ${name}`, `reaction "${name}_synthesis" is missing`);
    const deg = degradation.get(name) ?? fail(`gene ${name}`, `reaction "${name}_degradation" is missing`);
    const synWhere = `<reaction id="${name}_synthesis">`;
    const degWhere = `<reaction id="${name}_degradation">`;
    const synParams = parameters(syn, synWhere, fail);
    const degParams = parameters(deg, degWhere, fail);
    const take = (params: Map<string, string>, where: string, id: string): number => {
      const raw = params.get(id);
      if (raw === undefined) fail(where, `parameter "${id}" is missing`);
      params.delete(id);
      const v = Number(raw);
      if (raw!.trim() === "" || !Number.isFinite(v)) fail(`${where} parameter "${id}"`, `value "${raw}" is not a finite number`);
      return v;
    };
    const positive = (v: number, where: string, id: string) => {
      if (!(v > 0)) fail(`${where} parameter "${id}"`, `must be > 0, got ${v}`);
      return v;
    };
    const count = (v: number, where: string, id: string) => {
      if (!Number.isInteger(v) || v < 0) fail(`${where} parameter "${id}"`, `must be a non-negative integer, got ${v}`);
      return v;
    };

    const modifiers = childrenNamed(syn, "listOfModifiers").flatMap((l) => childrenNamed(l, "modifierSpeciesReference"));
    const inputs = modifiers.map((m) => {
      const s = m.attributes.get("species");
      if (s === undefined || !index.has(s)) fail(`${synWhere} <modifierSpeciesReference> (line ${m.line})`, s === undefined ? "has no species" : `species "${s}" is not a gene of the model`);
      return index.get(s!)!;
    });
    if (new Set(inputs).size !== inputs.length) fail(`${synWhere} <listOfModifiers>`, "lists an input twice");

    const max = take(synParams, synWhere, "max");
    if (!(max >= 0)) fail(`${synWhere} parameter "max"`, `must be >= 0, got ${max}`);
    const proteinDelta = positive(take(synParams, synWhere, "deltaProtein"), synWhere, "deltaProtein");
    const translation = take(synParams, synWhere, "maxTranslation");
    if (!(translation >= 0)) fail(`${synWhere} parameter "maxTranslation"`, `must be >= 0, got ${translation}`);
    const delta = positive(take(degParams, degWhere, "delta"), degWhere, "delta");
    if (degParams.size) fail(`${degWhere} parameter "${[...degParams.keys()][0]}"`, "unexpected (the degradation reaction has only delta)");

    let M = 0;
    while (synParams.has(`bindsAsComplex_${M + 1}`)) M++;
    if (M > 16) fail(synWhere, `${M} modules; at most 16 are supported`);
    const modules: GnwModule[] = [];
    let next = 0;
    for (let j = 1; j <= M; j++) {
      const binds = take(synParams, synWhere, `bindsAsComplex_${j}`);
      if (binds !== 0 && binds !== 1) fail(`${synWhere} parameter "bindsAsComplex_${j}"`, `must be 0 or 1, got ${binds}`);
      const A = count(take(synParams, synWhere, `numActivators_${j}`), synWhere, `numActivators_${j}`);
      const D = count(take(synParams, synWhere, `numDeactivators_${j}`), synWhere, `numDeactivators_${j}`);
      if (A === 0) fail(`${synWhere} parameter "numActivators_${j}"`, "a module without activators is outside the specification (notes/dream4-gnw.md §2.1)");
      if (next + A + D > inputs.length) fail(`${synWhere} module ${j}`, `needs inputs ${next + 1}..${next + A + D} but the reaction has ${inputs.length} modifiers`);
      modules.push({complex: binds === 1, activators: A, deactivators: D, inputs: inputs.slice(next, next + A + D), k: [], n: []});
      next += A + D;
    }
    if (next !== inputs.length) fail(`${synWhere} <listOfModifiers>`, `${inputs.length} modifiers but the modules take ${next} inputs`);
    let l = 0;
    for (const module of modules)
      for (let q = 0; q < module.inputs.length; q++) {
        l++;
        module.k.push(positive(take(synParams, synWhere, `k_${l}`), synWhere, `k_${l}`));
        module.n.push(positive(take(synParams, synWhere, `n_${l}`), synWhere, `n_${l}`));
      }
    const alpha: number[] = [];
    for (let s = 0; s < 1 << M; s++) {
      const a = take(synParams, synWhere, `a_${s}`);
      if (a < 0 || a > 1) fail(`${synWhere} parameter "a_${s}"`, `must be in [0, 1], got ${a}`);
      alpha.push(a);
    }
    for (const id of SYNTHESIS_FIXED) synParams.delete(id);
    if (synParams.size) {
      const extra = [...synParams.keys()][0];
      const hint = /^(k|n)_\d+$/.test(extra) ? ` (the gene has ${inputs.length} inputs)` : /^a_\d+$/.test(extra) ? ` (the gene has ${M} modules, so ${1 << M} values a_0..a_${(1 << M) - 1})` : /^(numActivators|numDeactivators)_\d+$/.test(extra) ? ` (no matching bindsAsComplex)` : "";
      fail(`${synWhere} parameter "${extra}"`, `unexpected${hint}`);
    }
    return {name, max, delta, translation, proteinDelta, inputs, modules, alpha};
  });
  return {id: model.attributes.get("id") ?? model.attributes.get("name") ?? "model", genes};
}

function only(parent: XmlElement, name: string, where: string, fail: (where: string, message: string) => never): XmlElement {
  const found = childrenNamed(parent, name);
  if (found.length !== 1) fail(where, found.length ? `has ${found.length} <${name}> elements, expected one` : `<${name}> is missing`);
  return found[0];
}

/** The parameters of a reaction's kinetic law as id -> raw value, refusing duplicates and missing values. */
function parameters(reaction: XmlElement, where: string, fail: (where: string, message: string) => never): Map<string, string> {
  const laws = childrenNamed(reaction, "kineticLaw");
  if (laws.length !== 1) fail(where, laws.length ? "has more than one <kineticLaw>" : "<kineticLaw> is missing");
  const lists = childrenNamed(laws[0], "listOfParameters");
  if (lists.length !== 1) fail(`${where} <kineticLaw>`, lists.length ? "has more than one <listOfParameters>" : "<listOfParameters> is missing");
  const params = new Map<string, string>();
  for (const p of childrenNamed(lists[0], "parameter")) {
    const id = p.attributes.get("id");
    if (!id) fail(`${where} <parameter> (line ${p.line})`, "has no id");
    if (params.has(id!)) fail(`${where} parameter "${id}"`, "given twice");
    const value = p.attributes.get("value");
    if (value === undefined) fail(`${where} parameter "${id}"`, "has no value attribute");
    params.set(id!, value!);
  }
  return params;
}
