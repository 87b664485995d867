/**
 * An SVG element of the given size with an accessible label and a title (one line, or the lines
 * a layout wrapped it into), plus a helper that appends elements to it. It scales down to its
 * container's width (viewBox, max-width: 100%), never overflowing a phone screen.
 */
import type {LaidText} from "./graph-layout.js";

const NS = "http://www.w3.org/2000/svg";

export type AddElement = (name: string, attrs: Record<string, string | number>, text?: string, parent?: Element) => SVGElement;

export function svgCanvas(width: number, height: number, title: string, lines?: LaidText[]): {svg: SVGSVGElement; add: AddElement} {
  const svg = document.createElementNS(NS, "svg") as SVGSVGElement;
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("style", "max-width: 100%; height: auto;");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", title);
  const add: AddElement = (name, attrs, text, parent = svg) => {
    const e = document.createElementNS(NS, name) as SVGElement;
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    parent.append(e);
    return e;
  };
  for (const t of lines ?? [{x: 4, y: 14, text: title, fontSize: 13, anchor: "start", bold: true}])
    add("text", {x: t.x, y: t.y, "font-size": t.fontSize, "font-weight": t.bold ? 600 : 400, "text-anchor": t.anchor, fill: "currentColor"}, t.text);
  return {svg, add};
}
