/**
 * A DAG over actions A1..AK drawn as a row of nodes with arcs above (edges j -> k, j < k); each
 * edge may carry a label (a p-value) and a style (solid: detected and true; dashed: true but
 * missed; red: detected but not true).
 */
import {svgCanvas} from "./svg-canvas.js";

export interface DagEdge {
  from: number;
  to: number;
  style: "both" | "missed" | "false";
  label?: string;
}

export function dagDiagram(K: number, edges: DagEdge[], {width, title}: {width: number; title: string}): SVGSVGElement {
  const w = Math.min(width, 120 + 90 * K);
  const step = (w - 60) / Math.max(1, K - 1);
  const x = (k: number) => 30 + k * step;
  const maxSpan = Math.max(1, ...edges.map((e) => e.to - e.from));
  const h = 70 + 22 * maxSpan;
  const y = h - 24;
  const {svg, add} = svgCanvas(w, h, title);
  for (const e of edges) {
    const x1 = x(e.from), x2 = x(e.to), lift = 18 + 22 * (e.to - e.from);
    const color = e.style === "false" ? "#e15759" : "currentColor";
    add("path", {d: `M${x1},${y - 14} C${x1},${y - lift} ${x2},${y - lift} ${x2 - 4},${y - 15}`, fill: "none", stroke: color, "stroke-width": 1.5, "stroke-dasharray": e.style === "missed" ? "4 3" : "none", opacity: 0.85});
    add("circle", {cx: x2 - 4, cy: y - 15, r: 2.5, fill: color});
    if (e.label) add("text", {x: (x1 + x2) / 2, y: y - lift * 0.75 - 3, "text-anchor": "middle", "font-size": 10, fill: color}, e.label);
  }
  for (let k = 0; k < K; k++) {
    add("circle", {cx: x(k), cy: y, r: 13, fill: "var(--theme-background, white)", stroke: "currentColor", "stroke-width": 1.4});
    add("text", {x: x(k), y: y + 4, "text-anchor": "middle", "font-size": 12, fill: "currentColor"}, `A${k + 1}`);
  }
  return svg;
}
