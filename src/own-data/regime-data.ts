import {fail} from "../validate.js";
import type {RawTable} from "./tidy-table.js";

/**
 * A user's table interpreted in the format of the own-data estimator: one row per unit, a
 * numeric column per action, a numeric outcome column, and a regime column whose value is
 * `observational` (or empty) for observational rows, an action's column name for rows where the
 * experimenter set that action, and names joined by `+` (`email+social`) where several were set
 * (mixed or joint regimes: used for checking, never required).
 */
export interface ColumnRoles {
  actions: string[];
  outcome: string;
  regime: string;
  /** drop rows with an empty or non-numeric action/outcome cell instead of failing (default false) */
  dropIncomplete?: boolean;
}

export interface RegimeGroup {
  /** as written in the file: "observational", "email", "email+social" */
  label: string;
  /** indices of the intervened actions, ascending */
  intervened: number[];
  /** rows (indices into the columns below) */
  rows: Int32Array;
}

export interface RegimeData {
  source: string;
  actions: string[];
  outcome: string;
  /** one column per action, all kept rows */
  x: Float64Array[];
  y: Float64Array;
  observational: RegimeGroup;
  /** single[k]: rows where exactly action k was set; null when the file has none */
  single: (RegimeGroup | null)[];
  /** mixed and joint regimes (two or more actions set), in order of first appearance */
  mixed: RegimeGroup[];
  /** rows dropped because a cell was empty or non-numeric (dropIncomplete only) */
  dropped: number;
}

export const OBSERVATIONAL_LABEL = "observational";

export function regimeData(raw: RawTable, roles: ColumnRoles): RegimeData {
  const {source} = raw;
  const {actions, outcome, regime} = roles;
  if (!Array.isArray(actions) || actions.length === 0) fail(`${source}: no action columns given; expected at least one (columns: ${raw.names.join(", ")})`);
  const seen = new Set<string>();
  for (const a of actions) {
    if (seen.has(a)) fail(`${source}: action column "${a}" given twice`);
    seen.add(a);
  }
  for (const [role, name] of [...actions.map((a) => ["action", a]), ["outcome", outcome], ["regime", regime]] as const)
    if (!raw.names.includes(name)) fail(`${source}: no ${role} column "${name}" (columns: ${raw.names.join(", ")})`);
  if (actions.includes(outcome)) fail(`${source}: column "${outcome}" is both an action and the outcome`);
  if (actions.includes(regime) || regime === outcome) fail(`${source}: column "${regime}" cannot be the regime column and an action or the outcome`);
  for (const a of actions) if (a.includes("+")) fail(`${source}: action column "${a}" contains "+", which joins action names in the regime column; rename the column`);

  const K = actions.length;
  const index = new Map(actions.map((a, k) => [a, k]));
  const regimeCells = raw.column(regime);
  const groups = new Map<string, {intervened: number[]; rows: number[]}>();
  const keyOf = (i: number): string => {
    const cell = regimeCells[i];
    const text = cell === null ? "" : String(cell).trim();
    if (text === "" || text === OBSERVATIONAL_LABEL) return "";
    const names = text.split("+").map((s) => s.trim());
    const ks: number[] = [];
    for (const n of names) {
      const k = index.get(n);
      if (k === undefined) fail(`${source}, ${raw.where(i)}, column "${regime}": unknown regime "${text}"; expected "${OBSERVATIONAL_LABEL}" (or empty), an action name (${actions.join(", ")}), or action names joined by "+"`);
      if (ks.includes(k)) fail(`${source}, ${raw.where(i)}, column "${regime}": regime "${text}" names "${n}" twice`);
      ks.push(k);
    }
    return ks.sort((a, b) => a - b).join("+");
  };

  // one pass per column: numbers into a full-length buffer, non-numbers marked (NaN) for the check below
  const columns = [...actions, outcome].map((name) => {
    const cells = raw.column(name);
    const values = new Float64Array(raw.rows);
    for (let i = 0; i < raw.rows; i++) {
      const v = cells[i];
      values[i] = typeof v === "number" ? v : v === null ? NaN : blank(v) ? NaN : +v;
    }
    return {name, cells, values};
  });
  const keep = new Uint8Array(raw.rows).fill(1);
  let dropped = 0;
  for (const {name, cells, values} of columns)
    for (let i = 0; i < raw.rows; i++) {
      if (!keep[i] || values[i] - values[i] === 0) continue;
      if (!roles.dropIncomplete) {
        const v = cells[i];
        const found = v === null || (typeof v === "string" && blank(v)) ? "an empty cell" : typeof v === "number" ? String(v) : `"${v.length > 24 ? v.slice(0, 24) + "…" : v}"`;
        fail(`${source}, ${raw.where(i)}, column "${name}": ${found}; expected a finite number (or drop incomplete rows)`);
      }
      keep[i] = 0;
      dropped++;
    }
  const n = raw.rows - dropped;
  if (n === 0) fail(`${source}: every row has an empty or non-numeric cell in ${[...actions, outcome].join(", ")}; nothing left to fit`);
  const x = actions.map(() => new Float64Array(n));
  const y = new Float64Array(n);
  const keys = new Map<unknown, string>();
  let r = 0;
  for (let i = 0; i < raw.rows; i++) {
    if (!keep[i]) continue;
    const cell = regimeCells[i];
    let key = keys.get(cell);
    if (key === undefined) keys.set(cell, (key = keyOf(i)));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = {intervened: key === "" ? [] : key.split("+").map(Number), rows: []}));
    g.rows.push(r);
    r++;
  }
  columns.forEach(({values}, c) => {
    const target = c < K ? x[c] : y;
    let j = 0;
    for (let i = 0; i < raw.rows; i++) if (keep[i]) target[j++] = values[i];
  });

  const group = (key: string, label: string): RegimeGroup | null => {
    const g = groups.get(key);
    return g ? {label, intervened: g.intervened, rows: Int32Array.from(g.rows)} : null;
  };
  const observational = group("", OBSERVATIONAL_LABEL);
  if (!observational) fail(`${source}: no observational rows (regime "${OBSERVATIONAL_LABEL}" or empty); the estimator needs them`);
  const single = actions.map((a, k) => group(String(k), a));
  const mixed = [...groups.keys()].filter((key) => key.includes("+")).map((key) => group(key, key.split("+").map((k) => actions[Number(k)]).join("+"))!);
  return {source, actions, outcome, x, y, observational, single, mixed, dropped};
}

/** An empty or whitespace-only cell (Number("") would read it as 0). */
function blank(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
