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
  runs: {type: "string"},
  seed: {type: "string"},
  degree: {type: "string"},
  folds: {type: "string"},
  alphas: {type: "string"},
  methods: {type: "string"},
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
