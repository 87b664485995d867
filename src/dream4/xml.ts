/**
 * A small, strict XML reader for the subset GeneNetWeaver writes (isomorphic: no DOM, no Node
 * APIs): an optional XML declaration, comments, elements with quoted attributes, self-closing
 * tags, character data (kept only as a flag, never interpreted), the five predefined entities and
 * numeric character references. DOCTYPE, CDATA and processing instructions other than the
 * declaration are refused. Every error is one line naming the element (or construct) and line.
 */
export interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  children: XmlElement[];
  /** 1-based line of the start tag */
  line: number;
}

export class XmlError extends Error {}

const NAME = /[A-Za-z_:][-A-Za-z0-9_.:]*/y;
const SPACE = /[ \t\r\n]*/y;
const ENTITIES: Record<string, string> = {lt: "<", gt: ">", amp: "&", quot: '"', apos: "'"};

export function parseXml(text: string, label = "XML"): XmlElement {
  let pos = 0;
  const lineAt = (p: number) => {
    let line = 1;
    for (let i = 0; i < p && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    return line;
  };
  const fail = (message: string, at = pos): never => {
    throw new XmlError(`${label}, line ${lineAt(at)}: ${message}`);
  };
  const skipSpace = () => {
    SPACE.lastIndex = pos;
    SPACE.exec(text);
    pos = SPACE.lastIndex;
  };
  const readName = (what: string): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(text);
    if (!m) return fail(`expected ${what}, found ${JSON.stringify(text.slice(pos, pos + 10))}`);
    pos = NAME.lastIndex;
    return m[0];
  };
  const decode = (raw: string, where: string, at: number): string =>
    raw.replace(/&([^;&<]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(";")) return fail(`${where}: unterminated entity "${whole}"`, at);
      if (ref in ENTITIES) return ENTITIES[ref];
      const code = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
      if (!Number.isFinite(code) || code > 0x10ffff) return fail(`${where}: unknown entity "&${ref};"`, at);
      return String.fromCodePoint(code);
    });
  /** Skips comments and whitespace. */
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (text.startsWith("<!--", pos)) {
        const end = text.indexOf("-->", pos + 4);
        if (end < 0) fail("unterminated comment");
        pos = end + 3;
      } else if (text.startsWith("<?", pos)) fail("processing instructions are not supported");
      else if (text.startsWith("<!", pos)) fail("DOCTYPE and CDATA are not supported");
      else return;
    }
  };
  const readElement = (): XmlElement => {
    const start = pos;
    if (text[pos] !== "<") fail(`expected an element, found ${JSON.stringify(text.slice(pos, pos + 10))}`);
    pos++;
    const name = readName("an element name");
    const element: XmlElement = {name, attributes: new Map(), children: [], line: lineAt(start)};
    for (;;) {
      const before = pos;
      skipSpace();
      if (text.startsWith("/>", pos)) {
        pos += 2;
        return element;
      }
      if (text[pos] === ">") {
        pos++;
        break;
      }
      if (pos === before) fail(`<${name}>: expected whitespace, "/>" or ">" after the ${element.attributes.size ? "attribute" : "name"}`);
      const attr = readName(`an attribute name in <${name}>`);
      skipSpace();
      if (text[pos] !== "=") fail(`<${name}>: attribute ${attr} has no value`);
      pos++;
      skipSpace();
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") fail(`<${name}>: the value of ${attr} is not quoted`);
      const end = text.indexOf(quote, pos + 1);
      if (end < 0) fail(`<${name}>: the value of ${attr} is not terminated`);
      const raw = text.slice(pos + 1, end);
      if (raw.includes("<")) fail(`<${name}>: the value of ${attr} contains "<"`);
      if (element.attributes.has(attr)) fail(`<${name}>: attribute ${attr} given twice`);
      element.attributes.set(attr, decode(raw, `<${name}> attribute ${attr}`, pos));
      pos = end + 1;
    }
    for (;;) {
      const lt = text.indexOf("<", pos);
      if (lt < 0) fail(`<${name}> (line ${element.line}) is not closed`, text.length);
      decode(text.slice(pos, lt), `text in <${name}>`, pos);
      pos = lt;
      if (text.startsWith("</", pos)) {
        pos += 2;
        const closing = readName(`the closing tag of <${name}>`);
        if (closing !== name) fail(`</${closing}> closes <${name}> (line ${element.line})`);
        skipSpace();
        if (text[pos] !== ">") fail(`</${name}>: expected ">"`);
        pos++;
        return element;
      }
      if (text.startsWith("<!--", pos) || text.startsWith("<?", pos) || text.startsWith("<!", pos)) {
        skipMisc();
        continue;
      }
      element.children.push(readElement());
    }
  };
  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  if (text.startsWith("<?xml", pos)) {
    const end = text.indexOf("?>", pos);
    if (end < 0) fail("unterminated XML declaration");
    pos = end + 2;
  }
  skipMisc();
  if (pos >= text.length) fail("empty document (no root element)");
  const root = readElement();
  skipMisc();
  if (pos < text.length) fail(`content after the root element <${root.name}>`);
  return root;
}

/** The children of `element` named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}
