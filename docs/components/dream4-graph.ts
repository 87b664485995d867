/**
 * DREAM4 network 3 with every regulatory edge visible: the DAG edges laid out in layers
 * (graph-layout.ts), the feedback edges routed clear of nodes and edges (as the layout routes
 * arcs) and drawn dashed, activation and repression in two colours, and the genes of a chosen
 * pair filled.
 */
import {curvePath, layeredLayout} from "./graph-layout.js";
import {svgCanvas} from "./svg-canvas.js";

export interface Dream4GraphSpec {
  names: string[];
  /** the DAG without the feedback edges: parents[j] indices into names, all < j */
  parents: number[][];
  /** edges removed to make the DAG, [from, to] indices */
  feedback: [number, number][];
  /** sign of every edge "from->to" (names), "+" activation, "-" repression */
  signs: Map<string, "+" | "-">;
  /** genes drawn filled (the knocked-out pair) */
  highlight: number[];
  title: string;
}

let markers = 0;
const COLORS = {"+": "#4e79a7", "-": "#e15759"} as const;

export function dream4Graph(spec: Dream4GraphSpec, {width}: {width: number}): SVGSVGElement {
  const g = layeredLayout({names: spec.names, parents: spec.parents, confounded: spec.feedback.map(([a, b]) => [a, b, 1] as [number, number, number]), title: spec.title}, width);
  const {svg, add} = svgCanvas(g.width, g.height, spec.title, g.title);
  const defs = add("defs", {});
  const ids = {"+": `jel-d4-act-${++markers}`, "-": `jel-d4-rep-${markers}`};
  for (const s of ["+", "-"] as const) {
    const m = add("marker", {id: ids[s], viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse"}, undefined, defs);
    add("path", {d: s === "+" ? "M0,0 L10,5 L0,10 z" : "M7,0 L10,0 L10,10 L7,10 z", fill: COLORS[s]}, undefined, m);
  }
  for (const e of g.edges) {
    const from = spec.names[e.from], to = spec.names[e.to];
    const sign = spec.signs.get(`${from}->${to}`);
    if (sign !== "+" && sign !== "-") throw new Error(`dream4Graph: edge ${from} -> ${to} has no sign in the kinetic model (found ${String(sign)})`);
    const feedback = e.kind === "arc";
    const path = add("path", {d: curvePath(e.curve), fill: "none", stroke: COLORS[sign], "stroke-width": 1.5, "stroke-dasharray": feedback ? "5 3" : "none", "marker-end": `url(#${ids[sign]})`, opacity: 0.9});
    add("title", {}, `${from} ${sign === "+" ? "activates" : "represses"} ${to}${feedback ? " (feedback edge, removed for the ANM's DAG)" : ""}`, path);
  }
  g.nodes.forEach((n, j) => {
    const on = spec.highlight.includes(j);
    add("circle", {cx: n.x, cy: n.y, r: n.r, fill: on ? "#f2e8cf" : "var(--theme-background, white)", stroke: "currentColor", "stroke-width": on ? 2.6 : 1.4});
    add("text", {x: n.x, y: n.y + 4, "text-anchor": "middle", "font-size": n.r < 14 ? 11 : 12, "font-weight": on ? 700 : 400, fill: "currentColor"}, n.label);
  });
  return svg;
}
