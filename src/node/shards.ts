import {readArrowFile} from "../io/arrow-file.js";
import {taskCosts, taskCount, validateAny, type AnyConfig, type AnyRow} from "../experiments/task-list.js";
import {configHash, decodeResults} from "./results-file.js";

/**
 * Shards: `--shard i/n` runs the i-th of n parts of a command's task list and writes a partial
 * Arrow file; merge puts the parts back together into exactly the file an unsharded run writes.
 * Tasks are assigned by estimated cost (longest first, each to the least-loaded shard: the LPT
 * rule), deterministically, so every shard of a split computes the same assignment.
 */
export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

/** A problem with shards or their files: one line naming the files and tasks. */
export class ShardError extends Error {}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new ShardError(`--shard expects i/n (e.g. 2/8: the second of 8 shards), got "${text}"`);
  const index = Number(m[1]), count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1) throw new ShardError(`--shard ${text}: the number of shards must be >= 1`);
  if (!Number.isSafeInteger(index) || index < 1 || index > count) throw new ShardError(`--shard ${text}: i must be in 1..${count}`);
  return {index, count};
}

/** Task ids of each of `count` shards (each list ascending), balancing the estimated seconds. */
export function assignShards(costs: readonly number[], count: number): number[][] {
  if (count > costs.length) throw new ShardError(`${count} shards for ${costs.length} task${costs.length === 1 ? "" : "s"}: use at most ${costs.length} shard${costs.length === 1 ? "" : "s"}`);
  const order = costs.map((c, id) => ({c, id})).sort((a, b) => b.c - a.c || a.id - b.id);
  const load = new Array<number>(count).fill(0);
  const shards: number[][] = Array.from({length: count}, () => []);
  for (const {c, id} of order) {
    let best = 0;
    for (let s = 1; s < count; s++) if (load[s] < load[best] || (load[s] === load[best] && shards[s].length < shards[best].length)) best = s;
    load[best] += c;
    shards[best].push(id);
  }
  return shards.map((s) => s.sort((a, b) => a - b));
}

/** The task ids of one shard of a config. */
export function shardTasks(config: AnyConfig, shard: Shard): number[] {
  return assignShards(taskCosts(config).map((c) => c.cpuSeconds), shard.count)[shard.index - 1];
}

const SHARD_KEYS = ["shard", "shard_tasks", "shard_task_rows", "task_count"] as const;

/** A partial file's metadata: the whole run's, then which shard, its task ids and each task's number of rows. */
export function shardMetadata(full: Record<string, string>, shard: Shard, ids: readonly number[], rowsPerTask: readonly number[], total: number): Record<string, string> {
  return {...full, shard: `${shard.index}/${shard.count}`, shard_tasks: JSON.stringify(ids), shard_task_rows: JSON.stringify(rowsPerTask), task_count: String(total)};
}

interface ShardFile {
  label: string;
  metadata: Record<string, string>;
  config: AnyConfig;
  shard: Shard;
  ids: number[];
  rowsPerTask: number[];
  total: number;
}

const EXPECTED = "a shard file written by an experiment command with --shard i/n --out FILE.arrow";

function readShardHeader(label: string, bytes: Uint8Array): ShardFile {
  const table = readArrowFile(bytes, label, EXPECTED);
  const metadata = Object.fromEntries(table.schema.metadata);
  if (!metadata.shard) throw new ShardError(`${label} is not a shard file (no "shard" in its metadata${metadata.experiment ? `; it looks like a whole ${metadata.experiment} results file` : ""}); expected ${EXPECTED}`);
  for (const key of [...SHARD_KEYS, "config", "config_hash", "code_version", "engine", "experiment"]) if (metadata[key] === undefined) throw new ShardError(`${label}: shard metadata lacks "${key}"; expected ${EXPECTED}`);
  let config: AnyConfig, shard: Shard, ids: number[], rowsPerTask: number[];
  try {
    config = JSON.parse(metadata.config);
    shard = parseShard(metadata.shard);
    ids = JSON.parse(metadata.shard_tasks);
    rowsPerTask = JSON.parse(metadata.shard_task_rows);
  } catch (e) {
    throw new ShardError(`${label}: unreadable shard metadata (${(e as Error).message}); expected ${EXPECTED}`);
  }
  const total = Number(metadata.task_count);
  if (!Array.isArray(ids) || !Array.isArray(rowsPerTask) || ids.length !== rowsPerTask.length || !ids.every((id) => Number.isSafeInteger(id) && id >= 0 && id < total))
    throw new ShardError(`${label}: inconsistent shard metadata (task ids and row counts); expected ${EXPECTED}`);
  const sum = rowsPerTask.reduce((s, n) => s + n, 0);
  if (sum !== table.numRows) throw new ShardError(`${label}: holds ${table.numRows} rows but its metadata counts ${sum} (a damaged file?)`);
  if (configHash(config, metadata.engine) !== metadata.config_hash) throw new ShardError(`${label}: its config does not match its config hash ${metadata.config_hash} (an edited file?)`);
  return {label, metadata, config, shard, ids, rowsPerTask, total};
}

const list = (ids: number[], max = 8) => ids.slice(0, max).join(", ") + (ids.length > max ? ` and ${ids.length - max} more` : "");

export interface Merged {
  config: AnyConfig;
  metadata: Record<string, string>;
  rows: AnyRow[];
}

/**
 * Checks that the shard files share the experiment, config hash, code version and engine, and
 * that every task appears exactly once; returns the whole run's rows in task order and its
 * metadata (the shards' without the shard entries): what the unsharded run writes.
 */
export function mergeShards(files: readonly {label: string; bytes: Uint8Array}[]): Merged {
  if (files.length === 0) throw new ShardError("merge needs at least one shard file");
  const headers = files.map((f) => readShardHeader(f.label, f.bytes));
  const first = headers[0];
  for (const h of headers.slice(1)) {
    if (h.metadata.experiment !== first.metadata.experiment) throw new ShardError(`${h.label} is a shard of ${h.metadata.experiment}, ${first.label} of ${first.metadata.experiment}: shards of one run only`);
    if (h.metadata.code_version !== first.metadata.code_version) throw new ShardError(`${h.label} was made by code version ${h.metadata.code_version}, ${first.label} by ${first.metadata.code_version}: rerun the shards with one version`);
    if (h.metadata.engine !== first.metadata.engine) throw new ShardError(`${h.label} used the ${h.metadata.engine} kernel, ${first.label} the ${first.metadata.engine} kernel: rerun with one --kernel`);
    if (h.metadata.config_hash !== first.metadata.config_hash) throw new ShardError(`${h.label} is from another configuration than ${first.label} (config hash ${h.metadata.config_hash} vs ${first.metadata.config_hash})`);
  }
  const config = first.config;
  validateAny(config);
  if (first.total !== taskCount(config)) throw new ShardError(`${first.label}: task count ${first.total} does not match its config (${taskCount(config)} tasks)`);
  const owner = new Array<string | undefined>(first.total);
  const byTask: (AnyRow[] | undefined)[] = new Array(first.total);
  for (let f = 0; f < files.length; f++) {
    const h = headers[f];
    const {rows} = decodeResults(config, files[f].bytes, h.label);
    let at = 0;
    h.ids.forEach((id, i) => {
      if (owner[id] !== undefined) {
        const again = headers.filter((o) => o.ids.includes(id)).map((o) => `${o.label} (shard ${o.metadata.shard})`);
        throw new ShardError(`task ${id} appears in ${again.join(" and ")}: each task must be merged once (a shard given twice?)`);
      }
      owner[id] = h.label;
      byTask[id] = rows.slice(at, at + h.rowsPerTask[i]);
      at += h.rowsPerTask[i];
    });
  }
  const missing: number[] = [];
  for (let id = 0; id < first.total; id++) if (byTask[id] === undefined) missing.push(id);
  if (missing.length) {
    const counts = new Set(headers.map((h) => h.shard.count));
    let which = "";
    if (counts.size === 1) {
      const n = first.shard.count;
      const have = new Set(headers.map((h) => h.shard.index));
      const absent = Array.from({length: n}, (_, i) => i + 1).filter((i) => !have.has(i));
      if (absent.length) which = `: shard${absent.length > 1 ? "s" : ""} ${absent.map((i) => `${i}/${n}`).join(", ")} missing`;
    }
    throw new ShardError(`task${missing.length > 1 ? "s" : ""} ${list(missing)} (of ${first.total}) ${missing.length > 1 ? "are" : "is"} in none of ${headers.map((h) => h.label).join(", ")}${which}`);
  }
  const metadata = Object.fromEntries(Object.entries(first.metadata).filter(([k]) => !(SHARD_KEYS as readonly string[]).includes(k)));
  return {config, metadata, rows: byTask.flat() as AnyRow[]};
}
