/**
 * Run r of every experiment is seeded by seed + r, so two invocations whose ranges
 * [seed, seed + runs - 1] overlap share those SCMs: seed 7 and seed 8 with 100 runs have 99 in
 * common. Results files record the range, and the CLI's --help says so.
 */
export function checkRunSeeds(seed: number, runs: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`seed must be a non-negative integer, got ${seed}`);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${runs}`);
  if (seed > Number.MAX_SAFE_INTEGER - (runs - 1)) throw new Error(`seed ${seed} + ${runs - 1} (run r uses seed + r) exceeds the largest safe integer ${Number.MAX_SAFE_INTEGER}`);
}

/** The metadata entry that says which seeds a file's runs used. */
export function runSeedsNote(seed: number, runs: number): string {
  return `${seed}..${seed + runs - 1} (run r uses seed + r; files whose ranges overlap share those runs' SCMs)`;
}
