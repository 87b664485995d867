/**
 * A run belongs to the process that launched it. If that process dies (SIGKILL or SIGHUP to
 * `npm`, `npx` or the shell), the run must stop without writing anything: a caller that saw
 * its command end must never find an output file appear later. Node has no parent-death signal,
 * so the launching process id is polled (cheap: one getppid per interval) and `orphaned()`
 * is checked once more right before any output is written.
 */
export interface ParentWatch {
  /** true once the launching process has gone */
  orphaned(): boolean;
  stop(): void;
}

export function watchParent(onOrphaned: () => void, intervalMs = 250): ParentWatch {
  // A launcher that names itself (the npm script passes the shell's $PPID) is watched even if it
  // died while this process was still starting; otherwise the parent at start is.
  const named = Number(process.env.JEL_LAUNCHER_PID);
  const parent = Number.isSafeInteger(named) && named > 0 ? named : process.ppid;
  // Started directly by init (pid 1), there is no launcher to outlive.
  const orphaned = () => parent !== 1 && process.ppid !== parent;
  const timer = setInterval(() => {
    if (orphaned()) {
      clearInterval(timer);
      onOrphaned();
    }
  }, intervalMs);
  timer.unref();
  return {orphaned, stop: () => clearInterval(timer)};
}
