import {METHODS} from "../lib/estimators/methods.js";
import {ANM_METHODS, CROSS_ONLY_LABELS} from "../lib/experiments/anm/anm-methods.js";
import {VIOLATION_ONLY_METHODS} from "../lib/violations/violation-run.js";

/** One colour per method across the whole site. */
export const METHOD_COLORS: Record<string, string> = {
  "intervention-generalization": "#4e79a7",
  "intervention-generalization-indicators": "#76b7b2",
  "joint-topline": "#59a14f",
  pooled: "#f28e2b",
  observational: "#e15759",
  "ig-projected": "#9c755f",
  "ig-shared-alpha": "#ff9da7",
  "structure-aware": "#b07aa1",
  "structure-aware-adaptive": "#6a3d9a",
  "ig-adaptive": "#1f3b73",
  // Saengkyongam & Silva
  anm: "#1b9e77",
  "anm-paper": "#7fcdbb",
  "anm-quadratic": "#0b5d4a",
  reg: "#e7298a",
  "reg-ind": "#c9a0dc",
  oracle: "#555555",
  // the additive "sum of single effects" baseline (the violation lab; on /dream4 the DREAM4
  // organisers' x_A + x_B - x_wt) and the block remedy of Corollary 1
  "sum-of-singles": "#edc948",
  "block-ig": "#17becf",
};

export const METHOD_LABELS: Record<string, string> = Object.fromEntries([...METHODS, ...ANM_METHODS, ...CROSS_ONLY_LABELS, ...VIOLATION_ONLY_METHODS].map((m) => [m.id, m.label]));

/** Plot color-scale options mapping method labels to their colours, in METHODS order. */
export function methodColorScale(ids: string[] = METHODS.map((m) => m.id)) {
  return {domain: ids.map((id) => METHOD_LABELS[id] ?? id), range: ids.map((id) => METHOD_COLORS[id] ?? "#999"), legend: false};
}

/** A coloured dot followed by the method's name, for use inside prose. */
export function methodKey(id: string): HTMLElement {
  const span = document.createElement("span");
  const dot = document.createElement("span");
  dot.className = "jel-key";
  dot.style.background = METHOD_COLORS[id] ?? "#999";
  span.append(dot, METHOD_LABELS[id] ?? id);
  return span;
}
