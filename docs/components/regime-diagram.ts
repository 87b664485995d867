/**
 * Fig. 1 of Kekić et al.: the causal graph of one regime for K = 2 actions. Hidden confounders
 * C_k are dashed; an intervened action is boxed and loses its incoming edges.
 */
const NS = "http://www.w3.org/2000/svg";
const LABELS: Record<string, string> = {C1: "C₁", C2: "C₂", A1: "A₁", A2: "A₂", Y: "Y"};

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export function regimeDiagram(intervened: boolean[], {width, title}: {width: number; title: string}): SVGSVGElement {
  const w = Math.max(110, Math.min(width, 240));
  const h = 190;
  const svg = el("svg", {width: w, height: (h * w) / 240, viewBox: `0 0 240 190`, role: "img", "aria-label": title}) as SVGSVGElement;
  const defs = el("defs", {});
  const marker = el("marker", {id: `arrow-${title.replace(/\W/g, "")}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto"});
  marker.append(el("path", {d: "M0,0L10,5L0,10z", fill: "currentColor"}));
  defs.append(marker);
  svg.append(defs);
  const markerUrl = `url(#${marker.getAttribute("id")})`;
  const pos: Record<string, [number, number]> = {C1: [40, 40], C2: [200, 40], A1: [70, 110], A2: [170, 110], Y: [120, 170]};
  const r = 16;
  const edge = (from: string, to: string, bend = 0) => {
    const [x1, y1] = pos[from];
    const [x2, y2] = pos[to];
    const len = Math.hypot(x2 - x1, y2 - y1);
    const ux = (x2 - x1) / len;
    const uy = (y2 - y1) / len;
    const sx = x1 + ux * r, sy = y1 + uy * r, ex = x2 - ux * (r + 2), ey = y2 - uy * (r + 2);
    const mx = (sx + ex) / 2 - uy * bend, my = (sy + ey) / 2 + ux * bend;
    svg.append(el("path", {d: `M${sx},${sy}Q${mx},${my} ${ex},${ey}`, fill: "none", stroke: "currentColor", "stroke-width": 1.4, "marker-end": markerUrl, opacity: 0.8}));
  };
  const [i1, i2] = intervened;
  if (!i1) edge("C1", "A1");
  if (!i2) edge("C2", "A2");
  if (!i2) edge("A1", "A2");
  edge("C1", "Y", -30);
  edge("C2", "Y", 30);
  edge("A1", "Y");
  edge("A2", "Y");
  for (const [name, [x, y]] of Object.entries(pos)) {
    const hidden = name.startsWith("C");
    const boxed = (name === "A1" && i1) || (name === "A2" && i2);
    if (boxed) svg.append(el("rect", {x: x - r - 3, y: y - r - 3, width: 2 * r + 6, height: 2 * r + 6, fill: "none", stroke: "#4e79a7", "stroke-width": 2}));
    svg.append(el("circle", {cx: x, cy: y, r, fill: "var(--theme-background, white)", stroke: "currentColor", "stroke-width": 1.4, "stroke-dasharray": hidden ? "3 3" : "none"}));
    svg.append(el("text", {x, y: y + 5, "text-anchor": "middle", "font-size": 13, "font-style": "italic", fill: "currentColor"}, LABELS[name]));
  }
  svg.append(el("text", {x: 120, y: 14, "text-anchor": "middle", "font-size": 13, "font-weight": 600, fill: "currentColor"}, title));
  return svg;
}
