// Sharded runs on a real batch engine (issue 16, part 2): starts Debian's Slurm (slurm-wlm) and
// munge as a single-node cluster on 127.0.0.1 in a temporary directory (munge key, munged,
// slurmctld, slurmd, a minimal slurm.conf), submits scripts/slurm/submit.sh (a 4-task job array
// of a small experiment and the merge job with --dependency=afterok), waits, compares the merged
// file with the unsharded run byte for byte, and tears the cluster down. Where Slurm or munge
// is not installed the test is reported as skipped, saying so. The same shards through GNU
// parallel (the README's one-liner) are tested when `parallel` is installed.
import assert from "node:assert/strict";
import {spawn, spawnSync, type ChildProcess} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync} from "node:fs";
import {createServer} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";
import test from "node:test";

const root = join(import.meta.dirname, "..", "..");
const JEL = join(root, "bin", "jel.mjs");
/** A small experiment with 8 tasks of unequal size (two sweep points). */
const COMMAND = ["main", "--k", "2", "--n", "2000,8000", "--runs", "4", "--methods", "intervention-generalization,joint-topline", "--kernel", "typescript"];

function which(name: string): string | null {
  for (const dir of ["/usr/sbin", "/usr/bin", "/sbin", "/bin", ...(process.env.PATH ?? "").split(":")]) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as {port: number}).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(condition: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
}

/** The unsharded run's file: what merged shards must equal. */
function wholeRun(dir: string): Buffer {
  const out = join(dir, "whole.arrow");
  const r = spawnSync(process.execPath, [JEL, ...COMMAND, "--quiet", "--out", out], {cwd: root, encoding: "utf8"});
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(out);
}

test("Slurm: a 4-task job array and an afterok merge job give the unsharded run's file byte for byte", {timeout: 180_000}, async (t) => {
  const missing = ["slurmctld", "slurmd", "sbatch", "squeue", "scontrol", "munged", "mungekey"].filter((b) => !which(b));
  if (missing.length) {
    t.skip(`Slurm is not installed here (missing ${missing.join(", ")}; Debian: apt-get install slurm-wlm munge): this test did not run`);
    return;
  }
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), "jel-slurm-"));
  chmodSync(dir, 0o755);
  const daemons: ChildProcess[] = [];
  const env = {...process.env, SLURM_CONF: join(dir, "slurm.conf")};
  const logs = () => ["munged.log", "slurmctld.log", "slurmd.log"].map((f) => (existsSync(join(dir, f)) ? `--- ${f}\n${readFileSync(join(dir, f), "utf8").split("\n").slice(-15).join("\n")}` : "")).join("\n");
  try {
    // munge: a fresh key, its own socket
    for (const d of ["munge", "state", "spool"]) mkdirSync(join(dir, d), {mode: 0o700});
    const key = join(dir, "munge", "munge.key");
    assert.equal(spawnSync("mungekey", ["--create", "--keyfile", key, "--force"]).status, 0, "mungekey failed");
    chmodSync(key, 0o400);
    const socket = join(dir, "munge", "munge.socket");
    const munged = spawnSync("munged", ["--force", "--key-file", key, "--socket", socket, "--pid-file", join(dir, "munge", "munged.pid"), "--log-file", join(dir, "munged.log"), "--seed-file", join(dir, "munge", "munged.seed")], {encoding: "utf8"});
    assert.equal(munged.status, 0, `munged failed: ${munged.stderr}`);
    const [ctldPort, dPort] = [await freePort(), await freePort()];
    const host = spawnSync("hostname", ["-s"], {encoding: "utf8"}).stdout.trim() || "localhost";
    writeFileSync(
      join(dir, "slurm.conf"),
      [
        "ClusterName=jeltest",
        `SlurmctldHost=${host}(127.0.0.1)`,
        `SlurmctldPort=${ctldPort}`,
        `SlurmdPort=${dPort}`,
        "SlurmUser=root",
        "SlurmdUser=root",
        "AuthType=auth/munge",
        "CredType=cred/munge",
        `AuthInfo=socket=${socket}`,
        `StateSaveLocation=${join(dir, "state")}`,
        `SlurmdSpoolDir=${join(dir, "spool")}`,
        `SlurmctldPidFile=${join(dir, "slurmctld.pid")}`,
        `SlurmdPidFile=${join(dir, "slurmd.pid")}`,
        `SlurmctldLogFile=${join(dir, "slurmctld.log")}`,
        `SlurmdLogFile=${join(dir, "slurmd.log")}`,
        "ProctrackType=proctrack/linuxproc",
        "TaskPlugin=task/none",
        "JobAcctGatherType=jobacct_gather/none",
        "AccountingStorageType=accounting_storage/none",
        "JobCompType=jobcomp/none",
        "SchedulerType=sched/builtin",
        "SelectType=select/cons_tres",
        "SelectTypeParameters=CR_Core",
        "ReturnToService=2",
        "MpiDefault=none",
        "MinJobAge=600",
        `NodeName=jelnode NodeHostname=${host} NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN`,
        "PartitionName=jel Nodes=jelnode Default=YES MaxTime=INFINITE State=UP",
      ].join("\n") + "\n",
    );
    daemons.push(spawn("slurmctld", ["-D", "-i", "-f", join(dir, "slurm.conf")], {env, stdio: "ignore"}));
    daemons.push(spawn("slurmd", ["-D", "-N", "jelnode", "-f", join(dir, "slurm.conf")], {env, stdio: "ignore"}));
    await waitFor(() => /State=IDLE/.test(spawnSync("scontrol", ["show", "node", "jelnode"], {env, encoding: "utf8"}).stdout ?? ""), 60_000, `the node to come up\n${logs()}`);

    const whole = wholeRun(dir);
    const out = join(dir, "merged.arrow");
    const submit = spawnSync(join(root, "scripts", "slurm", "submit.sh"), ["-n", "4", "-c", "1", "-o", out, "--", ...COMMAND], {cwd: root, env, encoding: "utf8"});
    assert.equal(submit.status, 0, `submit.sh failed: ${submit.stderr}\n${logs()}`);
    assert.match(submit.stdout, /^1\/4\s+\d+/m, "the plan of the 4 shards is printed first");
    const ids = /array job (\d+) .* merge job (\d+)/.exec(submit.stdout);
    assert.ok(ids, submit.stdout);
    const state = (id: string) => /JobState=(\w+)/.exec(spawnSync("scontrol", ["show", "job", id], {env, encoding: "utf8"}).stdout ?? "")?.[1] ?? "UNKNOWN";
    await waitFor(() => ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT"].includes(state(ids[2])) || /DependencyNeverSatisfied/.test(spawnSync("scontrol", ["show", "job", ids[2]], {env, encoding: "utf8"}).stdout), 150_000, `the merge job ${ids[2]}\n${logs()}`);
    const shardLogs = [1, 2, 3, 4].map((i) => join(dir, "merged.shards", `shard-${i}.log`)).map((f) => (existsSync(f) ? readFileSync(f, "utf8") : "(no log)")).join("\n");
    assert.equal(state(ids[2]), "COMPLETED", `merge job: ${state(ids[2])}\n${shardLogs}\n${existsSync(join(dir, "merged.shards", "merge.log")) ? readFileSync(join(dir, "merged.shards", "merge.log"), "utf8") : ""}`);
    for (const i of [1, 2, 3, 4]) assert.ok(existsSync(join(dir, "merged.shards", `shard-${i}-of-4.arrow`)), `shard ${i} missing`);
    assert.ok(readFileSync(out).equals(whole), "the merged file differs from the unsharded run");
    t.diagnostic(`Slurm ${spawnSync("sbatch", ["--version"], {env, encoding: "utf8"}).stdout.trim()}: cluster up, 4 shards + merge, compared in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    for (const d of daemons) d.kill("SIGTERM");
    const pidFile = join(dir, "munge", "munged.pid");
    if (existsSync(pidFile)) {
      try {
        process.kill(Number(readFileSync(pidFile, "utf8").trim()), "SIGTERM");
      } catch {
        // already gone
      }
    }
    await Promise.all(daemons.map((d) => (d.exitCode !== null || d.signalCode !== null ? Promise.resolve() : new Promise((r) => d.once("exit", r)))));
    rmSync(dir, {recursive: true, force: true});
  }
});

test("GNU parallel: the README's one-liner runs the same shards, and merge gives the unsharded file", {timeout: 120_000}, async (t) => {
  if (!which("parallel")) {
    t.skip("GNU parallel is not installed here (Debian: apt-get install parallel): this test did not run");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "jel-parallel-"));
  try {
    const whole = wholeRun(dir);
    const flags = COMMAND.join(" ");
    // the README's line, with this test's directory
    const line = `parallel -j 2 node bin/jel.mjs ${flags} --quiet --shard {}/4 --out ${dir}/shard-{}.arrow ::: 1 2 3 4 && node bin/jel.mjs merge ${dir}/merged.arrow ${dir}/shard-*.arrow`;
    const r = spawnSync("bash", ["-c", line], {cwd: root, encoding: "utf8"});
    assert.equal(r.status, 0, r.stderr);
    assert.ok(readFileSync(join(dir, "merged.arrow")).equals(whole));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
