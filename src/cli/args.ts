import {parseArgs} from "node:util";

/** A one-line, user-facing error: the CLI prints its message and exits with status 2. */
export class UsageError extends Error {}

export type FlagValues = Record<string, string | boolean | undefined>;

export interface ParsedArgs {
  experiment: string;
  values: FlagValues;
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
  network: {type: "string"},
  // violation (src/cli/violation-command.ts)
  kind: {type: "string"},
  lambda: {type: "string"},
  // dream4 (src/cli/dream4-command.ts)
  knockouts: {type: "string"},
  knockdowns: {type: "string"},
  multifactorial: {type: "string"},
  "wild-type": {type: "boolean"},
  sigma: {type: "string"},
  noise: {type: "string"},
  solver: {type: "string"},
  scale: {type: "string"},
  json: {type: "boolean"},
  out: {type: "string"},
  quiet: {type: "boolean"},
  force: {type: "boolean"},
  shard: {type: "string"},
  "dry-run": {type: "boolean"},
  help: {type: "boolean", short: "h"},
} as const;

/**
 * Parses argv strictly: unknown flags, a flag given twice, and a value that looks like a flag
 * (`--k -1`) are one-line usage errors.
 */
export function parseCli(argv: string[]): ParsedArgs {
  for (let i = 0; i < argv.length - 1; i++) {
    const name = argv[i].startsWith("--") ? argv[i].slice(2) : "";
    if ((OPTIONS as Record<string, {type: string}>)[name]?.type === "string" && argv[i + 1].startsWith("-"))
      throw new UsageError(`--${name} expects a value, got "${argv[i + 1]}" (write --${name}=${argv[i + 1]} if that is the value)`);
  }
  let parsed;
  try {
    parsed = parseArgs({args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true});
  } catch (e) {
    throw new UsageError((e as Error).message.split(/\.( |$)|\n/)[0]);
  }
  rejectRepeatedFlags(parsed.tokens);
  const [experiment, ...rest] = parsed.positionals;
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  return {experiment: experiment ?? "", values: parsed.values as FlagValues};
}

/** A flag given twice is an error (the last value would silently win), except the `repeatable` ones. */
export function rejectRepeatedFlags(tokens: {kind: string; name?: string}[] | undefined, repeatable: string[] = []): void {
  const seen = new Set<string>();
  for (const token of tokens ?? []) {
    if (token.kind !== "option" || !token.name || repeatable.includes(token.name)) continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} given twice (give each flag once${repeatable.length ? `; only ${repeatable.map((r) => `--${r}`).join(", ")} repeat${repeatable.length > 1 ? "" : "s"}` : ""})`);
    seen.add(token.name);
  }
}

/** `merge OUT.arrow SHARD...`: the output, the shard files, and --quiet / --json; flags once each. */
export function parseMergeArgs(argv: string[]): {out: string; shards: string[]; quiet: boolean; json: boolean; help: boolean} {
  let parsed;
  try {
    parsed = parseArgs({args: argv, options: {quiet: {type: "boolean"}, json: {type: "boolean"}, help: {type: "boolean", short: "h"}}, allowPositionals: true, strict: true, tokens: true});
  } catch (e) {
    throw new UsageError(`merge: ${(e as Error).message.split(/\.( |$)|\n/)[0]}`);
  }
  rejectRepeatedFlags(parsed.tokens);
  const [out, ...shards] = parsed.positionals;
  const v = parsed.values as Record<string, boolean | undefined>;
  return {out: out ?? "", shards, quiet: !!v.quiet, json: !!v.json, help: !!v.help};
}

/** An integer flag with a lower bound; accepts 1e4-style notation. */
export function intFlag(values: FlagValues, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (typeof raw !== "string" || raw.trim() === "" || !Number.isSafeInteger(v)) throw new UsageError(`--${name} expects an integer, got "${raw}"`);
  if (v < min) throw new UsageError(`--${name} must be >= ${min}, got ${v}`);
  if (v > max) throw new UsageError(`--${name} must be <= ${max}, got ${v}`);
  return v;
}

export interface ListBounds {
  integer: boolean;
  /** smallest allowed value */
  min: number;
  /** min itself is not allowed (e.g. "> 0") */
  exclusive?: boolean;
  max?: number;
}

/** A comma-separated list of numbers (1e4 notation accepted); integers if `integer`; no duplicates. */
export function listFlag(values: FlagValues, name: string, fallback: number[], {integer, min, exclusive = false, max}: ListBounds): number[] {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== "string" || raw.trim() === "") throw new UsageError(`--${name} expects a comma-separated list of numbers`);
  const list = raw.split(",").map((part) => {
    const v = Number(part.trim());
    if (part.trim() === "" || !Number.isFinite(v) || (integer && !Number.isSafeInteger(v))) throw new UsageError(`--${name} expects ${integer ? "integers" : "numbers"}, got "${part.trim()}"`);
    if (exclusive ? v <= min : v < min) throw new UsageError(`--${name} values must be ${exclusive ? ">" : ">="} ${min}, got ${v}`);
    if (max !== undefined && v > max) throw new UsageError(`--${name} values must be <= ${max}, got ${v}`);
    return v;
  });
  rejectDuplicates(name, list);
  return list;
}

/** A comma-separated list of names, each one of `known`; no duplicates. */
export function nameListFlag<T extends string>(values: FlagValues, name: string, fallback: readonly T[], known: readonly T[]): T[] {
  const raw = values[name];
  if (raw === undefined) return [...fallback];
  if (typeof raw !== "string" || raw.trim() === "") throw new UsageError(`--${name} expects a comma-separated list of: ${known.join(", ")}`);
  const list = raw.split(",").map((s) => s.trim());
  for (const v of list) if (!known.includes(v as T)) throw new UsageError(`--${name}: unknown value "${v}" (known: ${known.join(", ")})`);
  rejectDuplicates(name, list);
  return list as T[];
}

function rejectDuplicates(name: string, list: (string | number)[]): void {
  const seen = new Set<string | number>();
  for (const v of list) {
    if (seen.has(v)) throw new UsageError(`--${name} lists ${v} twice (each value once: a repeated value would pool its runs)`);
    seen.add(v);
  }
}
