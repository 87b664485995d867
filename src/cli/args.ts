import {parseArgs} from "node:util";

/** A one-line, user-facing error: the CLI prints its message and exits with status 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  experiment: string;
  values: Record<string, string | boolean | undefined>;
}

export const OPTIONS = {
  k: {type: "string"},
  n: {type: "string"},
  "n-total": {type: "string"},
  ratios: {type: "string"},
  workers: {type: "string"},
  kernel: {type: "string"},
  runs: {type: "string"},
  seed: {type: "string"},
  degree: {type: "string"},
  folds: {type: "string"},
  alphas: {type: "string"},
  methods: {type: "string"},
  mechanism: {type: "string"},
  c: {type: "string"},
  bootstrap: {type: "string"},
  "test-points": {type: "string"},
  points: {type: "string"},
  dgps: {type: "string"},
  json: {type: "boolean"},
  out: {type: "string"},
  quiet: {type: "boolean"},
  help: {type: "boolean", short: "h"},
} as const;

export function parseCli(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({args: argv, options: OPTIONS, allowPositionals: true, strict: true});
  } catch (e) {
    throw new UsageError((e as Error).message.split(/\.( |$)/)[0]);
  }
  const [experiment, ...rest] = parsed.positionals;
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  return {experiment: experiment ?? "", values: parsed.values};
}

/** An integer flag with a lower bound; accepts 1e4-style notation. */
export function intFlag(values: ParsedArgs["values"], name: string, fallback: number, min: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (typeof raw !== "string" || raw.trim() === "" || !Number.isSafeInteger(v)) throw new UsageError(`--${name} expects an integer, got "${raw}"`);
  if (v < min) throw new UsageError(`--${name} must be >= ${min}, got ${v}`);
  return v;
}

/** A comma-separated list of numbers (1e4 notation accepted); integers if `integer`. */
export function listFlag(values: ParsedArgs["values"], name: string, fallback: number[], {integer, min}: {integer: boolean; min: number}): number[] {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== "string" || raw.trim() === "") throw new UsageError(`--${name} expects a comma-separated list of numbers`);
  return raw.split(",").map((part) => {
    const v = Number(part.trim());
    if (part.trim() === "" || !Number.isFinite(v) || (integer && !Number.isSafeInteger(v))) throw new UsageError(`--${name} expects ${integer ? "integers" : "numbers"}, got "${part.trim()}"`);
    if (v < min) throw new UsageError(`--${name} values must be >= ${min}, got ${v}`);
    return v;
  });
}
