/**
 * A DAG drawn in layers (a node's layer is its longest path from a root), edges as arrows, and
 * optionally the hidden confounding as dashed arcs between correlated noise terms.
 */
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

export function anmGraph(spec: GraphSpec, {width}: {width: number}): SVGSVGElement {
  const {names, parents} = spec;
  const layer: number[] = [];
  names.forEach((_, j) => (layer[j] = parents[j].length ? 1 + Math.max(...parents[j].map((p) => layer[p])) : 0));
  const layers = Math.max(...layer) + 1;
  const rowsIn = Array.from({length: layers}, (_, l) => names.map((_, j) => j).filter((j) => layer[j] === l));
  const tallest = Math.max(...rowsIn.map((r) => r.length));
  const w = Math.min(width, 140 + 120 * layers);
  const h = 60 + 64 * tallest;
  const x = (j: number) => 40 + (layer[j] * (w - 80)) / Math.max(1, layers - 1);
  const y = (j: number) => {
    const row = rowsIn[layer[j]];
    return 34 + ((row.indexOf(j) + 0.5) * (h - 44)) / row.length;
  };
  const {svg, add} = svgCanvas(w, h, spec.title);
  const marker = add("marker", {id: "jel-arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse"}, undefined, add("defs", {}));
  add("path", {d: "M0,0 L10,5 L0,10 z", fill: "currentColor"}, undefined, marker);
  const R = 16;
  for (const [a, b, rho] of spec.confounded ?? []) {
    const [x1, y1, x2, y2] = [x(a), y(a), x(b), y(b)];
    const mx = (x1 + x2) / 2, my = (y1 + y2) / 2;
    const bend = 0.35 * Math.hypot(x2 - x1, y2 - y1) + 10;
    const arc = add("path", {d: `M${x1},${y1 - R} Q${mx},${my - bend} ${x2},${y2 - R}`, fill: "none", stroke: rho < 0 ? "#e15759" : "#4e79a7", "stroke-dasharray": "4 3", "stroke-width": 0.6 + 2.4 * Math.abs(rho), opacity: 0.65});
    add("title", {}, `corr(U_${names[a]}, U_${names[b]}) = ${rho.toFixed(2)}`, arc);
  }
  names.forEach((_, j) =>
    parents[j].forEach((p) => {
      const dx = x(j) - x(p), dy = y(j) - y(p), len = Math.hypot(dx, dy);
      add("line", {x1: x(p) + (dx / len) * R, y1: y(p) + (dy / len) * R, x2: x(j) - (dx / len) * (R + 2), y2: y(j) - (dy / len) * (R + 2), stroke: "currentColor", "stroke-width": 1.3, "marker-end": "url(#jel-arrow)", opacity: 0.8});
    }),
  );
  names.forEach((name, j) => {
    add("circle", {cx: x(j), cy: y(j), r: R, fill: j === spec.outcome ? "#f2e8cf" : "var(--theme-background, white)", stroke: "currentColor", "stroke-width": 1.4});
    add("text", {x: x(j), y: y(j) + 4, "text-anchor": "middle", "font-size": 12, fill: "currentColor"}, name);
  });
  return svg;
}
