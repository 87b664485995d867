/**
 * A DAG over actions A1..AK drawn as a row of nodes: an edge j -> k arcs above the row when
 * j < k and below it when j > k (a false detection may point backwards); each edge may carry a
 * label (a p-value) and a style (solid: detected and true; dashed: true but missed; red: detected
 * but not true). The geometry comes from graph-layout.ts.
 */
import {curvePath, rowLayout} from "./graph-layout.js";
import {svgCanvas} from "./svg-canvas.js";

export interface DagEdge {
  from: number;
  to: number;
  style: "both" | "missed" | "false";
  label?: string;
}

let markers = 0;

export function dagDiagram(K: number, edges: DagEdge[], {width, title}: {width: number; title: string}): SVGSVGElement {
  const g = rowLayout(K, edges, width, title);
  const {svg, add} = svgCanvas(g.width, g.height, title, g.title);
  const defs = add("defs", {});
  const id = `jel-dag-${++markers}`;
  for (const [name, color] of [["plain", "currentColor"], ["false", "#e15759"]]) {
    const marker = add("marker", {id: `${id}-${name}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto"}, undefined, defs);
    add("path", {d: "M0,0 L10,5 L0,10 z", fill: color}, undefined, marker);
  }
  const style = new Map(edges.map((e) => [`${e.from}-${e.to}`, e.style]));
  for (const e of g.edges) {
    const s = style.get(`${e.from}-${e.to}`) ?? "both";
    const color = s === "false" ? "#e15759" : "currentColor";
    add("path", {d: curvePath(e.curve), fill: "none", stroke: color, "stroke-width": 1.5, "stroke-dasharray": s === "missed" ? "4 3" : "none", "marker-end": `url(#${id}-${s === "false" ? "false" : "plain"})`, opacity: 0.85});
    if (e.label) add("text", {x: e.label.x, y: e.label.y, "text-anchor": e.label.anchor, "font-size": e.label.fontSize, fill: color}, e.label.text);
  }
  for (const n of g.nodes) {
    add("circle", {cx: n.x, cy: n.y, r: n.r, fill: "var(--theme-background, white)", stroke: "currentColor", "stroke-width": 1.4});
    add("text", {x: n.x, y: n.y + 4, "text-anchor": "middle", "font-size": 12, fill: "currentColor"}, n.label);
  }
  return svg;
}
