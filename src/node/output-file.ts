import {closeSync, fsyncSync, lstatSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, dirname, extname, join, resolve} from "node:path";

/**
 * Output files of the command line: checked in full before any work, replaced atomically
 * (temporary file beside the target, fsync, rename, fsync of the directory), and never lost:
 * when the final write fails, the bytes go to a recovery file whose path is reported.
 *
 * Policy for an existing target, as `cp` users expect:
 * - a regular, writable file is replaced;
 * - a read-only file is refused (the user protected it);
 * - a symbolic link is written through: the file it points to is replaced, the link stays;
 * - a directory, a dangling link, or anything but a regular file is refused.
 */
export interface OutputTarget {
  /** the file that will be written (the link's target when `requested` is a symbolic link) */
  path: string;
  /** the path the user gave, resolved */
  requested: string;
  kind: "arrow" | "csv";
}

/** A problem with the output path: its message names the path and what is wrong. */
export class OutputPathError extends Error {}

export function checkOutputPath(given: string, flag = "--out"): OutputTarget {
  const ext = extname(given).toLowerCase();
  if (ext !== ".arrow" && ext !== ".csv") throw new OutputPathError(`${flag} must end in .arrow or .csv, got "${given}"`);
  const requested = resolve(given);
  let path = requested;
  const link = lstatOrNull(requested);
  if (link?.isSymbolicLink()) {
    try {
      path = realpathSync(requested);
    } catch {
      throw new OutputPathError(`${flag}: "${requested}" is a symbolic link to "${readlinkSync(requested)}", which does not exist`);
    }
    if (extname(path).toLowerCase() !== ext) throw new OutputPathError(`${flag}: "${requested}" links to "${path}", whose extension is not ${ext}`);
  }
  const existing = lstatOrNull(path);
  if (existing) {
    if (existing.isDirectory()) throw new OutputPathError(`${flag}: "${path}" is a directory; give a file name ending in ${ext}`);
    if (!existing.isFile()) throw new OutputPathError(`${flag}: "${path}" exists and is not a regular file`);
    if ((existing.mode & 0o222) === 0) throw new OutputPathError(`${flag}: "${path}" is read-only; refusing to replace it (make it writable or choose another path)`);
  }
  const dir = dirname(path);
  const d = lstatOrNull(dir) && statSync(dir);
  if (!d || !d.isDirectory()) throw new OutputPathError(`${flag}: directory "${dir}" does not exist`);
  // Proves the directory takes a new file now (permissions, read-only mounts, quotas), not after the run.
  const probe = tempPath(path);
  try {
    closeSync(openSync(probe, "wx"));
  } catch (e) {
    throw new OutputPathError(`${flag}: cannot create a file in "${dir}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  } finally {
    rmSync(probe, {force: true});
  }
  return {path, requested, kind: ext === ".arrow" ? "arrow" : "csv"};
}

/** Writes to `.NAME.PID.tmp` beside the target, fsyncs it, renames it over the target, fsyncs the directory. */
export function writeAtomically(path: string, data: string | Uint8Array): void {
  removeStaleTemps(path);
  const tmp = tempPath(path);
  try {
    const fd = openSync(tmp, "wx", 0o644);
    try {
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, {force: true});
    throw e;
  }
  try {
    const dirFd = openSync(dirname(path), "r");
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // some file systems cannot fsync a directory; the rename itself has happened
  }
}

/**
 * Writes the output; if that fails (the directory vanished, the disk filled), saves the same
 * bytes to a recovery file in the system's temporary directory and returns its path, so hours
 * of work are never lost to a late I/O error. Throws only if both fail.
 */
export function writeOrRecover(target: OutputTarget, data: string | Uint8Array): {written: string} | {recovered: string; reason: string} {
  try {
    writeAtomically(target.path, data);
    return {written: target.path};
  } catch (e) {
    const reason = `${(e as NodeJS.ErrnoException).code ?? ""} ${(e as Error).message}`.trim();
    const recovered = join(tmpdir(), `jel-recovered-${process.pid}-${Date.now()}-${basename(target.path)}`);
    writeAtomically(recovered, data);
    return {recovered, reason};
  }
}

function tempPath(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${pid}.tmp`);
}

/** Removes this tool's temporary files for `path` left by processes that no longer exist (a kill between write and rename). */
export function removeStaleTemps(path: string): string[] {
  const prefix = `.${basename(path)}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const pid = Number(name.slice(prefix.length, -".tmp".length));
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(dirname(path), name), {force: true});
    removed.push(name);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}
