/**
 * Pure, DOM-free geometry of the site's graph drawings (node positions, edge curves, labels and
 * the title block), shared by anm-graph.ts and dag-diagram.ts and checked by
 * test/graph-layout.test.ts.
 *
 * Nodes go on a grid (layers of a DAG, or one row of actions); every edge is first tried as a
 * straight segment and, when that passes a node other than its endpoints or lies on top of an
 * edge already drawn, as a quadratic curve bent to one side by the smallest offset that clears
 * every other node (checked on points sampled along the curve). The drawing is then shifted so
 * that everything (arcs and labels included) lies inside the viewBox, below the title, which is
 * wrapped to the width.
 */

export interface Point {
  x: number;
  y: number;
}

/** A Bézier curve by its control points: 2 = straight segment, 3 = quadratic, 4 = cubic. */
export interface Curve {
  points: Point[];
}

export interface LaidText {
  x: number;
  y: number;
  text: string;
  fontSize: number;
  anchor: "start" | "middle";
  bold?: boolean;
}

export interface LaidNode {
  x: number;
  y: number;
  r: number;
  label: string;
}

export interface LaidEdge {
  from: number;
  to: number;
  /** "edge": a directed edge with an arrowhead at its end; "arc": a dashed confounding arc */
  kind: "edge" | "arc";
  curve: Curve;
  label?: LaidText;
}

export interface GraphLayout {
  width: number;
  height: number;
  /** the title's lines; nothing else may be drawn above titleBottom */
  title: LaidText[];
  titleBottom: number;
  nodes: LaidNode[];
  edges: LaidEdge[];
}

export const TITLE_FONT = 13;

/** A conservative estimate of a text's width in px (no DOM to measure it). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return [...text].length * fontSize * (bold ? 0.58 : 0.55);
}

/** The SVG path data of a curve. */
export function curvePath({points: p}: Curve): string {
  const f = (q: Point) => `${+q.x.toFixed(2)},${+q.y.toFixed(2)}`;
  if (p.length === 2) return `M${f(p[0])}L${f(p[1])}`;
  if (p.length === 3) return `M${f(p[0])}Q${f(p[1])} ${f(p[2])}`;
  if (p.length === 4) return `M${f(p[0])}C${f(p[1])} ${f(p[2])} ${f(p[3])}`;
  throw new Error(`a curve needs 2 to 4 control points, got ${p.length}`);
}


const TITLE_LINE = 16;
/** Clearance, in px beyond a node's radius, that an edge keeps from nodes it does not join. */
const CLEARANCE = 5;
/** Gap between an arrow's tip and its target's rim. */
const ARROW_GAP = 2;
const PAD = 4;

/** The point at t of a Bézier curve (de Casteljau). */
export function curveAt({points}: Curve, t: number): Point {
  let p = points;
  while (p.length > 1) p = p.slice(1).map((q, i) => ({x: (1 - t) * p[i].x + t * q.x, y: (1 - t) * p[i].y + t * q.y}));
  return p[0];
}

function samples(c: Curve, n = 48): Point[] {
  return Array.from({length: n + 1}, (_, i) => curveAt(c, i / n));
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Splits a title into lines that fit the width (words longer than a line stay whole). */
export function wrapTitle(title: string, width: number): LaidText[] {
  const lines: string[] = [];
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const last = lines.length ? lines[lines.length - 1] : undefined;
    if (last !== undefined && textWidth(`${last} ${word}`, TITLE_FONT, true) <= width - 2 * PAD) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.map((text, i) => ({x: PAD, y: 14 + TITLE_LINE * i, text, fontSize: TITLE_FONT, anchor: "start", bold: true}));
}

/**
 * The curve from node a to node b bent by h px to the left of the direction a -> b (for a
 * left-to-right edge, upwards); h = 0 is a straight segment. It starts on a's rim and ends
 * `endGap` px outside b's rim.
 */
function bentCurve(a: LaidNode, b: LaidNode, h: number, endGap: number): Curve {
  const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy);
  const control = {x: (a.x + b.x) / 2 + (h * dy) / len, y: (a.y + b.y) / 2 - (h * dx) / len};
  const toward = (from: LaidNode, p: Point, r: number) => {
    const ux = p.x - from.x, uy = p.y - from.y, l = Math.hypot(ux, uy);
    return {x: from.x + (ux / l) * r, y: from.y + (uy / l) * r};
  };
  if (h === 0) return {points: [toward(a, b, a.r), toward(b, a, b.r + endGap)]};
  return {points: [toward(a, control, a.r), control, toward(b, control, b.r + endGap)]};
}

/** How close (beyond radius) a curve comes to any node other than its endpoints. */
function nodeClearance(pts: Point[], nodes: LaidNode[], from: number, to: number): number {
  let worst = Infinity;
  nodes.forEach((n, i) => {
    if (i === from || i === to) return;
    for (const p of pts) worst = Math.min(worst, dist(p, n) - n.r);
  });
  return worst;
}

function distToPolyline(p: Point, line: Point[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1], b = line[i];
    const dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
    best = Math.min(best, Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy));
  }
  return best;
}

function bounds(pts: Point[], pad: number): {x0: number; x1: number; y0: number; y1: number} {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of pts) [x0, x1, y0, y1] = [Math.min(x0, p.x), Math.max(x1, p.x), Math.min(y0, p.y), Math.max(y1, p.y)];
  return {x0: x0 - pad, x1: x1 + pad, y0: y0 - pad, y1: y1 + pad};
}

/** Length (px) of the longest stretch of `pts` lying within 4 px of one other drawn curve, away from shared nodes. */
function overlapLength(pts: Point[], from: number, to: number, drawn: {pts: Point[]; from: number; to: number}[], nodes: LaidNode[]): number {
  let worst = 0;
  for (const d of drawn) {
    const shared = [from, to].filter((v) => v === d.from || v === d.to).map((v) => nodes[v]);
    const box = bounds(d.pts, 4);
    let near = 0;
    for (let i = 1; i < pts.length; i++) {
      const p = pts[i];
      if (p.x < box.x0 || p.x > box.x1 || p.y < box.y0 || p.y > box.y1) continue;
      if (shared.some((n) => dist(p, n) <= n.r + 16)) continue;
      if (distToPolyline(p, d.pts) < 4) near += dist(p, pts[i - 1]);
    }
    worst = Math.max(worst, near);
  }
  return worst;
}

/**
 * Routes one edge: the first bend in `bends` that keeps CLEARANCE from every other node and does
 * not run along a curve already drawn; failing that, the one clearing the nodes that runs along
 * other curves the least; failing that, the bend with the most clearance (the unit test then
 * names the edge).
 */
function route(nodes: LaidNode[], from: number, to: number, bends: number[], endGap: number, drawn: {pts: Point[]; from: number; to: number}[]): Curve {
  let clear: {c: Curve; overlap: number} | undefined;
  let best: {c: Curve; clearance: number} | undefined;
  for (const h of bends) {
    const c = bentCurve(nodes[from], nodes[to], h, endGap);
    const pts = samples(c);
    const clearance = nodeClearance(pts, nodes, from, to);
    if (clearance >= CLEARANCE) {
      const overlap = overlapLength(pts, from, to, drawn, nodes);
      if (overlap <= 6) return c;
      if (!clear || overlap < clear.overlap) clear = {c, overlap};
    }
    if (!best || clearance > best.clearance) best = {c, clearance};
  }
  return clear?.c ?? best!.c;
}

/** Shifts a drawing so that all of it lies inside the viewBox, below the title. */
function fit(width: number, title: string, nodes: LaidNode[], edges: LaidEdge[]): GraphLayout {
  const xs: number[] = [], ys: number[] = [];
  for (const n of nodes) xs.push(n.x - n.r, n.x + n.r), ys.push(n.y - n.r, n.y + n.r);
  for (const e of edges) {
    for (const p of samples(e.curve, 64)) xs.push(p.x), ys.push(p.y);
    if (e.label) {
      const w = textWidth(e.label.text, e.label.fontSize);
      const x0 = e.label.anchor === "middle" ? e.label.x - w / 2 : e.label.x;
      xs.push(x0, x0 + w), ys.push(e.label.y - e.label.fontSize, e.label.y + 2);
    }
  }
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const w = Math.max(width, Math.ceil(maxX - minX + 2 * PAD));
  const lines = wrapTitle(title, w);
  const titleBottom = 14 + TITLE_LINE * (lines.length - 1) + 6;
  const dx = (w - (maxX - minX)) / 2 - minX, dy = titleBottom + PAD + 2 - minY;
  const move = (p: Point) => ({x: p.x + dx, y: p.y + dy});
  return {
    width: w,
    height: Math.ceil(maxY + dy + PAD + 2),
    title: lines,
    titleBottom,
    nodes: nodes.map((n) => ({...n, ...move(n)})),
    edges: edges.map((e) => ({...e, curve: {points: e.curve.points.map(move)}, label: e.label && {...e.label, ...move(e.label)}})),
  };
}

export interface LayeredSpec {
  names: string[];
  parents: number[][];
  /** pairs of nodes whose noise terms are correlated, with the correlation */
  confounded?: [number, number, number][];
  title: string;
}

/**
 * A DAG in layers (a node's layer is its longest path from a root), layers left to right, nodes
 * within a layer ordered by their parents' mean position and alternate layers offset up and down
 * (so that a chain is not a straight line); confounding arcs bulge away from the edges.
 */
export function layeredLayout(spec: LayeredSpec, width: number): GraphLayout {
  const {names, parents} = spec;
  const layer: number[] = [];
  const depth = (j: number, seen: number[] = []): number => {
    if (seen.includes(j)) throw new Error(`the graph has a cycle through ${names[j]}`);
    return (layer[j] ??= parents[j].length ? 1 + Math.max(...parents[j].map((p) => depth(p, [...seen, j]))) : 0);
  };
  names.forEach((_, j) => depth(j));
  const layers = Math.max(...layer) + 1;
  const w = Math.min(width, 140 + 120 * layers);
  const spacing = layers > 1 ? Math.min(150, (w - 2 * (16 + PAD)) / (layers - 1)) : 0;
  const r = Math.max(12, Math.min(16, spacing * 0.36));
  const VGAP = 64, ZIG = 20;
  const y: number[] = [];
  for (let l = 0; l < layers; l++) {
    const mean = (j: number) => (parents[j].length ? parents[j].reduce((s, p) => s + y[p], 0) / parents[j].length : 0);
    const row = names.map((_, j) => j).filter((j) => layer[j] === l).sort((a, b) => mean(a) - mean(b) || a - b);
    row.forEach((j, i) => (y[j] = (i - (row.length - 1) / 2) * VGAP + (l % 2 ? ZIG : -ZIG)));
  }
  const nodes: LaidNode[] = names.map((label, j) => ({x: layer[j] * spacing, y: y[j], r, label}));
  const edges: LaidEdge[] = [];
  const drawn: {pts: Point[]; from: number; to: number}[] = [];
  const add = (e: LaidEdge) => {
    edges.push(e);
    drawn.push({pts: samples(e.curve), from: e.from, to: e.to});
  };
  const edgeBends = [0, ...Array.from({length: 24}, (_, i) => 8 * (i + 1)).flatMap((m) => [m, -m])];
  const list = names.flatMap((_, j) => parents[j].map((p) => [p, j] as const));
  // short edges first: they stay straight, and the long ones bend around them
  list.sort(([a, b], [c, d]) => dist(nodes[a], nodes[b]) - dist(nodes[c], nodes[d]));
  for (const [p, j] of list) add({from: p, to: j, kind: "edge", curve: route(nodes, p, j, edgeBends, ARROW_GAP, drawn)});
  // arcs avoid the nodes and the edges; they may cross one another
  const edgesDrawn = drawn.slice();
  for (const [a, b] of spec.confounded ?? []) {
    const h0 = 0.3 * dist(nodes[a], nodes[b]) + 12;
    const bends = Array.from({length: 40}, (_, i) => h0 + 8 * (i % 2 ? -(i + 1) / 2 : i / 2)).filter((m) => m > 10).flatMap((m) => [m, -m]);
    edges.push({from: a, to: b, kind: "arc", curve: route(nodes, a, b, bends, 0, edgesDrawn)});
  }
  return fit(w, spec.title, nodes, edges);
}

export interface RowEdge {
  from: number;
  to: number;
  label?: string;
}

/**
 * K actions A1..AK in a row; an edge j -> k with j < k arcs above the row, one with j > k below
 * it, each bent just enough to clear the nodes between and not to run along another edge; its
 * label sits at the top (or bottom) of its arc.
 */
export function rowLayout(K: number, rowEdges: RowEdge[], width: number, title: string): GraphLayout {
  const w = Math.min(width, 120 + 90 * K);
  const r = 13;
  const step = K > 1 ? (w - 2 * (r + 2 * PAD)) / (K - 1) : 0;
  const nodes: LaidNode[] = Array.from({length: K}, (_, k) => ({x: k * step, y: 0, r, label: `A${k + 1}`}));
  const bends = Array.from({length: 40}, (_, i) => 18 + 6 * i);
  const drawn: {pts: Point[]; from: number; to: number}[] = [];
  const order = [...rowEdges].sort((a, b) => Math.abs(a.to - a.from) - Math.abs(b.to - b.from));
  const edges: LaidEdge[] = order.map((e) => {
    const curve = route(nodes, e.from, e.to, bends, ARROW_GAP, drawn);
    drawn.push({pts: samples(curve), from: e.from, to: e.to});
    const apex = curveAt(curve, 0.5), above = e.from < e.to;
    const label: LaidText | undefined = e.label ? {x: apex.x, y: above ? apex.y - 3 : apex.y + 11, text: e.label, fontSize: 10, anchor: "middle"} : undefined;
    return {from: e.from, to: e.to, kind: "edge", curve, label};
  });
  return fit(w, title, nodes, edges);
}
