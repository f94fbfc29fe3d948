import fc from 'fast-check';

/**
 * How long a fuzz property runs. In `npm test` every property has a small fixed budget: a fixed seed and a fixed
 * number of runs, so the suite is fast and any failure reproduces. `npm run fuzz` (bench/fuzz.mjs) sets
 * PTLINT_FUZZ_SECONDS for a long run with a fresh seed — printed, and replayable with PTLINT_FUZZ_SEED.
 */
export interface FuzzBudget {
  seed: number;
  numRuns: number;
  plugins?: Array<fc.Plugin<unknown>>;
}

const longRunSeconds = Number(process.env.PTLINT_FUZZ_SECONDS ?? 0);
/**
 * how many properties share the long run's time: the five fuzz properties in fuzz.test.ts, one in
 * compose-bounded.test.ts, one in test/parse/compose-simple.test.ts, one in test/lsp/fuzz.test.ts
 */
const LONG_RUN_PROPERTIES = 8;

export const isLongRun = longRunSeconds > 0;

export function fuzzBudget(numRuns: number, seed: number): FuzzBudget {
  if (!isLongRun) return { seed, numRuns };
  const longSeed = process.env.PTLINT_FUZZ_SEED ? Number(process.env.PTLINT_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
  console.log(`fuzz seed ${longSeed} (replay with PTLINT_FUZZ_SEED=${longSeed})`);
  return { seed: longSeed, numRuns: Number.MAX_SAFE_INTEGER, plugins: [fc.interruptAfterTimeLimit((longRunSeconds * 1000) / LONG_RUN_PROPERTIES)] };
}

/** vitest's time limit for one fuzz property: generous in `npm test`, the whole share plus a minute in a long run. */
export const fuzzTimeout = isLongRun ? (longRunSeconds * 1000) / LONG_RUN_PROPERTIES + 60_000 : 60_000;
