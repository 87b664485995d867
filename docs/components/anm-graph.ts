/**
 * A DAG drawn in layers (a node's layer is its longest path from a root), edges as arrows, and
 * optionally the hidden confounding as dashed arcs between correlated noise terms. The geometry
 * comes from graph-layout.ts, which routes every edge clear of the other nodes.
 */
import {curvePath, layeredLayout} from "./graph-layout.js";
import {svgCanvas} from "./svg-canvas.js";

export interface GraphSpec {
  names: string[];
  parents: number[][];
  /** pairs of nodes whose noise terms are correlated, with the correlation */
  confounded?: [number, number, number][];
  /** node drawn as the outcome */
  outcome?: number;
  title: string;
}

let markers = 0;

export function anmGraph(spec: GraphSpec, {width}: {width: number}): SVGSVGElement {
  const g = layeredLayout(spec, width);
  const {svg, add} = svgCanvas(g.width, g.height, spec.title, g.title);
  const id = `jel-arrow-${++markers}`;
  const marker = add("marker", {id, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse"}, undefined, add("defs", {}));
  add("path", {d: "M0,0 L10,5 L0,10 z", fill: "currentColor"}, undefined, marker);
  const rho = new Map((spec.confounded ?? []).map(([a, b, r]) => [`${a}-${b}`, r]));
  for (const e of g.edges.filter((e) => e.kind === "arc")) {
    const r = rho.get(`${e.from}-${e.to}`) ?? 0;
    const arc = add("path", {d: curvePath(e.curve), fill: "none", stroke: r < 0 ? "#e15759" : "#4e79a7", "stroke-dasharray": "4 3", "stroke-width": 0.6 + 2.4 * Math.abs(r), opacity: 0.65});
    add("title", {}, `corr(U_${spec.names[e.from]}, U_${spec.names[e.to]}) = ${r.toFixed(2)}`, arc);
  }
  for (const e of g.edges.filter((e) => e.kind === "edge"))
    add("path", {d: curvePath(e.curve), fill: "none", stroke: "currentColor", "stroke-width": 1.3, "marker-end": `url(#${id})`, opacity: 0.8});
  g.nodes.forEach((n, j) => {
    add("circle", {cx: n.x, cy: n.y, r: n.r, fill: j === spec.outcome ? "#f2e8cf" : "var(--theme-background, white)", stroke: "currentColor", "stroke-width": 1.4});
    add("text", {x: n.x, y: n.y + 4, "text-anchor": "middle", "font-size": n.r < 14 ? 11 : 12, fill: "currentColor"}, n.label);
  });
  return svg;
}
