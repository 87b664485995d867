import {meanSem} from "../metrics.js";
import {fail, requireInteger} from "../validate.js";
import {calibratedThreshold, power} from "./detection.js";
import {checksFor, methodsFor, runViolation, type CheckId, type ViolationMethod} from "./violation-run.js";
import {requireViolation} from "./violated-scm.js";
import {isAnmKind, type AnyViolationKind} from "./violation-kinds.js";

/**
 * The violation experiment's sweep: one kind, lambdas x Ks, `runs` SCMs per point (run r uses
 * seed + r at every point, so each lambda sees the same SCMs and the lambda = 0 point calibrates
 * the checks on exactly the SCMs the others are tested on).
 */
export interface ViolationConfig {
  experiment: "violation";
  kind: AnyViolationKind;
  lambda: number[];
  K: number[];
  n: number;
  runs: number;
  seed: number;
}

export const VIOLATION_DEFAULTS: Omit<ViolationConfig, "kind"> = {experiment: "violation", lambda: [0, 0.25, 0.5, 1], K: [3, 5], n: 10_000, runs: 100, seed: 0};

export function validateViolationConfig(c: ViolationConfig): void {
  if (!c || c.experiment !== "violation") fail(`violation config: expected experiment "violation", found ${JSON.stringify(c?.experiment)}`);
  if (!Array.isArray(c.K) || c.K.length === 0) fail("violation config: no K given");
  if (!Array.isArray(c.lambda) || c.lambda.length === 0) fail("violation config: no lambda given");
  c.K.forEach((K) => requireInteger("violation config: K", K, 2, 12));
  if (isAnmKind(c.kind)) {
    if (c.K.some((K) => K !== 3)) fail(`violation config: the ANM violations use Saengkyongam & Silva's K = 3 model; --k must be 3, found ${c.K.join(", ")}`);
    c.lambda.forEach((l) => {
      if (!(l >= 0 && l <= 1)) fail(`violation config: lambda of ${c.kind} must be in [0, 1], found ${l}`);
    });
  } else c.lambda.forEach((l) => requireViolation("violation config", c.kind, l, Math.min(...c.K)));
  for (const [name, list] of [["K", c.K], ["lambda", c.lambda]] as const)
    if (new Set(list).size !== list.length) fail(`violation config: a ${name} value is listed twice (${list.join(", ")}); each once, or its runs would be pooled`);
  requireInteger("violation config: n", c.n, 200, 10_000_000);
  requireInteger("violation config: runs", c.runs, 1, 100_000);
  requireInteger("violation config: seed", c.seed, 0, 2 ** 31 - 1 - c.runs);
}

export interface ViolationTask {
  K: number;
  lambda: number;
  run: number;
}

export function violationTasks(c: ViolationConfig): ViolationTask[] {
  return c.K.flatMap((K) => c.lambda.flatMap((lambda) => Array.from({length: c.runs}, (_, run) => ({K, lambda, run}))));
}

/** One results row per (K, lambda, run, method); the run's check p-values repeat on each of its rows. */
export type ViolationRow = {
  kind: AnyViolationKind;
  K: number;
  lambda: number;
  run: number;
  seed: number;
  method: ViolationMethod;
  rmse_truth: number;
  rel_rmse: number;
  rel_bias: number;
  scale: number;
} & Partial<Record<`p_${CheckId}`, number>>;

export function runViolationTask(c: ViolationConfig, t: ViolationTask): ViolationRow[] {
  const seed = c.seed + t.run;
  const r = runViolation({kind: c.kind, K: t.K, lambda: t.lambda, n: c.n, seed});
  const checks = Object.fromEntries(checksFor(c.kind).map((id) => {
    const found = r.checks.find((x) => x.check === id);
    if (!found) fail(`runViolationTask: the run did not report check ${id}`);
    return [`p_${id}`, found.p];
  }));
  return r.scores.map((s) => ({kind: c.kind, K: t.K, lambda: t.lambda, run: t.run, seed, method: s.method, rmse_truth: s.rmseTruth, rel_rmse: s.relRmse, rel_bias: s.relBias, scale: r.scale, ...checks}));
}

/** Rough CPU seconds of one task (measured: about 0.2 s at K = 3, n = 1e4 on one core), for the estimate the CLI prints. */
export function taskSeconds(K: number, n: number): number {
  return 0.05 + 0.15 * (n / 1e4) * (K / 3) ** 2.5;
}

export interface ViolationPointSummary {
  kind: AnyViolationKind;
  K: number;
  lambda: number;
  runs: number;
  methods: {method: ViolationMethod; relRmse: {mean: number; sem: number}; relBias: {mean: number; sem: number}}[];
  /** calibrated: the threshold is the 5% quantile of the check's p-values at lambda = 0 (same K, same SCMs); else the nominal 0.05 */
  checks: {check: CheckId; power: number; se: number; threshold: number; calibrated: boolean}[];
}

export function summarizeViolation(rows: ViolationRow[], alpha = 0.05): ViolationPointSummary[] {
  if (rows.length === 0) fail("summarizeViolation: no rows");
  const kind = rows[0].kind;
  const Ks = [...new Set(rows.map((r) => r.K))];
  const out: ViolationPointSummary[] = [];
  for (const K of Ks) {
    const atK = rows.filter((r) => r.K === K);
    const runP = (lambda: number, check: CheckId) => {
      const firstPerRun = new Map<number, number>();
      for (const r of atK) if (r.lambda === lambda && !firstPerRun.has(r.run)) firstPerRun.set(r.run, r[`p_${check}`] ?? fail(`summarizeViolation: a row has no p-value of ${check}`));
      return [...firstPerRun.values()];
    };
    const calibrated = (check: CheckId) => atK.some((r) => r.lambda === 0) && runP(0, check).length >= 2;
    const thresholds = new Map(checksFor(kind).map((check) => [check, calibrated(check) ? calibratedThreshold(runP(0, check), alpha) : alpha]));
    for (const lambda of [...new Set(atK.map((r) => r.lambda))]) {
      const here = atK.filter((r) => r.lambda === lambda);
      const methods = methodsFor(kind).map((method) => {
        const m = here.filter((r) => r.method === method);
        const stat = (v: number[]) => {
          const s = meanSem(Float64Array.from(v));
          return {mean: s.mean, sem: Number.isFinite(s.sem) ? s.sem : 0};
        };
        return {method, relRmse: stat(m.map((r) => r.rel_rmse)), relBias: stat(m.map((r) => r.rel_bias))};
      });
      const checks = checksFor(kind).map((check) => {
        const threshold = thresholds.get(check)!;
        const pw = power(runP(lambda, check), threshold);
        return {check, power: pw.power, se: pw.se, threshold, calibrated: calibrated(check)};
      });
      out.push({kind, K, lambda, runs: new Set(here.map((r) => r.run)).size, methods, checks});
    }
  }
  return out;
}
