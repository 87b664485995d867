// Every graph the site draws, laid out by docs/components/graph-layout.ts at the widths a reader
// sees (phone to desktop), must show every edge: no edge or arc passes within a node's radius of a
// node other than its endpoints, no edge runs on top of another edge or under an arc, nothing leaves the
// viewBox and nothing is drawn over the title. The curves are evaluated here from their control
// points (Bernstein form), independently of the layout's own routing code.
import assert from "node:assert/strict";
import {test} from "node:test";
import {layeredLayout, rowLayout, textWidth, type Curve, type GraphLayout, type LayeredSpec, type Point, type RowEdge} from "../docs/components/graph-layout.js";
import {dream4Dag, dream4StandIn, DREAM4_NET3_FEEDBACK_ARCS} from "../src/anm/dream4-network.js";
import {syntheticAnm} from "../src/anm/synthetic-anm.js";
import {NETWORK_DEFAULTS} from "../src/experiments/anm/network-runs.js";

/** Page widths: a 320-390 px phone (main column 288-358 px) up to a 1280 px desktop without sidebar. */
const WIDTHS = [288, 358, 480, 640, 960, 1200];
const SAMPLES = 240;

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/** Points along a Bézier curve, evaluated from its Bernstein form. */
function sample({points}: Curve, n = SAMPLES): Point[] {
  const d = points.length - 1;
  return Array.from({length: n + 1}, (_, i) => {
    const t = i / n;
    let x = 0, y = 0;
    points.forEach((p, k) => {
      const b = binomial(d, k) * t ** k * (1 - t) ** (d - k);
      x += b * p.x;
      y += b * p.y;
    });
    return {x, y};
  });
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

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

/** Every way the drawing hides or cuts something, as messages naming it. */
function problems(g: GraphLayout, what: string): string[] {
  const out: string[] = [];
  const name = (i: number) => g.nodes[i].label;
  const STROKE = 1.5;
  const inside = (p: Point, pad: number) => p.x - pad >= 0 && p.x + pad <= g.width && p.y - pad >= g.titleBottom && p.y + pad <= g.height;
  for (const t of g.title) {
    const w = textWidth(t.text, t.fontSize, t.bold);
    if (t.x < 0 || t.x + w > g.width || t.y > g.titleBottom || t.y - t.fontSize < 0) out.push(`title line "${t.text}" (~${w.toFixed(0)} px) does not fit in ${g.width} x ${g.titleBottom} px`);
  }
  g.nodes.forEach((n, i) => {
    if (!inside(n, n.r + STROKE)) out.push(`node ${n.label} at (${n.x.toFixed(0)}, ${n.y.toFixed(0)}) is outside the viewBox 0 0 ${g.width} ${g.height} or over the title (bottom ${g.titleBottom})`);
    g.nodes.slice(0, i).forEach((m) => {
      if (dist(n, m) < n.r + m.r + 6) out.push(`nodes ${m.label} and ${n.label} overlap`);
    });
  });
  const drawn = g.edges.map((e) => ({e, pts: sample(e.curve), tag: `${e.kind} ${name(e.from)}${e.kind === "edge" ? "→" : "~"}${name(e.to)}`}));
  for (const {e, pts, tag} of drawn) {
    const outside = pts.find((p) => !inside(p, STROKE));
    if (outside) out.push(`${tag} leaves the viewBox 0 0 ${g.width} ${g.height} or crosses the title (bottom ${g.titleBottom}) at (${outside.x.toFixed(0)}, ${outside.y.toFixed(0)})`);
    g.nodes.forEach((n, i) => {
      if (i === e.from || i === e.to) return;
      const d = Math.min(...pts.map((p) => dist(p, n)));
      if (d < n.r + STROKE) out.push(`${tag} passes through node ${n.label} (${d.toFixed(1)} px from its centre, radius ${n.r})`);
    });
    const [a, b] = [g.nodes[e.from], g.nodes[e.to]];
    const [s, t] = [pts[0], pts[pts.length - 1]];
    if (Math.abs(dist(s, a) - a.r) > 3) out.push(`${tag} does not start at the rim of ${a.label} (${(dist(s, a) - a.r).toFixed(1)} px off)`);
    if (Math.abs(dist(t, b) - b.r) > 5) out.push(`${tag} does not end at the rim of ${b.label} (${(dist(t, b) - b.r).toFixed(1)} px off)`);
    if (e.label) {
      const w = textWidth(e.label.text, e.label.fontSize), x0 = e.label.anchor === "middle" ? e.label.x - w / 2 : e.label.x;
      if (x0 < 0 || x0 + w > g.width || e.label.y - e.label.fontSize < g.titleBottom || e.label.y > g.height) out.push(`${tag}: label "${e.label.text}" is outside the viewBox or over the title`);
    }
  }
  // an edge hidden under another edge or an arc: a stretch (over 24 px: longer than a crossing at 12 degrees) of one within 2.5 px of the other, away
  // from shared nodes (dashed arcs may cross one another; they only hide correlations)
  drawn.forEach((A, i) =>
    drawn.slice(0, i).forEach((B) => {
      if (A.e.kind === "arc" && B.e.kind === "arc") return;
      const shared = [A.e.from, A.e.to].filter((v) => v === B.e.from || v === B.e.to).map((v) => g.nodes[v]);
      const [x0, x1, y0, y1] = [Math.min(...B.pts.map((p) => p.x)) - 3, Math.max(...B.pts.map((p) => p.x)) + 3, Math.min(...B.pts.map((p) => p.y)) - 3, Math.max(...B.pts.map((p) => p.y)) + 3];
      const along = A.pts.filter((p) => p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1 && shared.every((n) => dist(p, n) > n.r + 14) && distToPolyline(p, B.pts) < 2.5);
      const length = (along.length / SAMPLES) * A.pts.slice(1).reduce((s, p, k) => s + dist(p, A.pts[k]), 0);
      if (length > 24) out.push(`${A.tag} runs on top of ${B.tag} for ~${length.toFixed(0)} px`);
    }),
  );
  return out.map((m) => `${what}: ${m}`);
}

function assertDrawable(cases: [string, GraphLayout][]): void {
  const found = cases.flatMap(([what, g]) => problems(g, what));
  assert.equal(found.length, 0, `${found.length} drawing problem(s):\n${found.slice(0, 40).join("\n")}`);
}

const allPairs = (n: number): [number, number, number][] =>
  Array.from({length: n}, (_, i) => Array.from({length: i}, (_, j): [number, number, number] => [j, i, (i + j) % 2 ? 0.5 : -0.5])).flat();

test("/anm-model: the complete K = 3 synthetic DAG and its correlated-noise arcs", () => {
  const m = syntheticAnm("nonlinear");
  const corr = m.names.flatMap((_, i) => m.names.slice(0, i).map((_, j): [number, number, number] => [j, i, m.sigma[i][j] / Math.sqrt(m.sigma[i][i] * m.sigma[j][j])])).filter(([, , r]) => Math.abs(r) > 0.05);
  assert.equal(corr.length, 6, "every pair of the synthetic SCM is confounded");
  const spec: LayeredSpec = {names: m.names, parents: m.parents, confounded: corr, title: "Section 6.2: the K = 3 synthetic SCM (dashed: correlated noise; blue +, red −)"};
  assertDrawable(WIDTHS.map((w) => [`synthetic SCM at width ${w}`, layeredLayout(spec, w)]));
});

test("/anm-model: the DREAM4 network (every one of its 14 edges, G3→G4 included)", () => {
  const dag = dream4Dag();
  assert.equal(dag.parents.flat().length, 14);
  const title = `DREAM4 size-10 network 3 without ${DREAM4_NET3_FEEDBACK_ARCS.map(([a, b]) => `${a} → ${b}`).join(", ")}: Y = G4, K = 9`;
  assertDrawable(WIDTHS.map((w) => [`DREAM4 at width ${w}`, layeredLayout({...dag, title}, w)]));
});

test("/anm-network: the DREAM4 stand-in's strongest noise correlations, and every pair as a worst case", () => {
  const cMax = Math.max(...NETWORK_DEFAULTS.c);
  const m = dream4StandIn(NETWORK_DEFAULTS.seed, cMax);
  const strong = m.names.flatMap((_, i) => m.names.slice(0, i).map((_, j): [number, number, number] => [j, i, m.sigma[i][j]])).filter(([, , r]) => Math.abs(r) > 0.4 * cMax);
  const title = `noise correlations above ${(0.4 * cMax).toFixed(2)} at c = ${cMax}`;
  assertDrawable(WIDTHS.flatMap((w): [string, GraphLayout][] => [
    [`DREAM4 stand-in (${strong.length} arcs) at width ${w}`, layeredLayout({names: m.names, parents: m.parents, confounded: strong, title}, w)],
  ]));
  // any correlation pattern the page could show must stay inside the drawing and off the title
  const every = WIDTHS.flatMap((w) => {
    const g = layeredLayout({names: m.names, parents: m.parents, confounded: allPairs(m.names.length), title}, w);
    return problems(g, `DREAM4 with all 45 arcs at width ${w}`).filter((p) => /viewBox|title|rim/.test(p));
  });
  assert.equal(every.length, 0, every.slice(0, 20).join("\n"));
});

test("/beyond-the-paper: the K-action DAGs (true graph; detected, missed and false ancestors in either direction)", () => {
  const cases: [string, GraphLayout][] = [];
  for (let K = 2; K <= 6; K++) {
    const forward: RowEdge[] = [];
    const labelled: RowEdge[] = [];
    for (let k = 0; k < K; k++)
      for (let j = 0; j < K; j++) {
        if (k < j) forward.push({from: k, to: j});
        if (k !== j) labelled.push({from: k, to: j, label: k % 2 ? "p=1e-100" : "p=0.049"});
      }
    // the page draws them at 360 and 420 px; a phone shows them scaled down, never wider
    cases.push([`true action graph, K = ${K}`, rowLayout(K, forward, 360, "the true action graph")]);
    cases.push([`ancestor tests, K = ${K}`, rowLayout(K, labelled, 420, "ancestors: detected (solid), missed (dashed), false (red)")]);
  }
  assertDrawable(cases);
});
