/** An SVG element of the given size with an accessible label and a title line, plus a helper that appends elements to it. */
const NS = "http://www.w3.org/2000/svg";

export type AddElement = (name: string, attrs: Record<string, string | number>, text?: string, parent?: Element) => SVGElement;

export function svgCanvas(width: number, height: number, title: string): {svg: SVGSVGElement; add: AddElement} {
  const svg = document.createElementNS(NS, "svg") as SVGSVGElement;
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", title);
  const add: AddElement = (name, attrs, text, parent = svg) => {
    const e = document.createElementNS(NS, name) as SVGElement;
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    parent.append(e);
    return e;
  };
  add("text", {x: 4, y: 14, "font-size": 13, "font-weight": 600, fill: "currentColor"}, title);
  return {svg, add};
}
