import type fc from 'fast-check';

/**
 * Settings for the property-based (fuzz) tests. `npm test` runs a fixed seed with a small budget;
 * `FUZZ_RUNS=5000 npm run test:fuzz` runs more, `FUZZ_SEED=…` replays a failure (fast-check prints
 * the seed and the shrunk counterexample of every failing property).
 */
export const fuzzRuns = Math.max(1, Number(process.env.FUZZ_RUNS ?? 150));
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20261129);

/** fast-check parameters for one property: the shared seed and budget (scaled by `weight`). */
export function fuzzParams(weight = 1): fc.Parameters<unknown> {
  return {
    seed: fuzzSeed,
    numRuns: Math.max(1, Math.round(fuzzRuns * weight)),
    endOnFailure: true,
  };
}

/** A readable message: words, not `[object Object]`, `undefined` or a stack trace. */
export function isReadableMessage(message: unknown): boolean {
  return (
    typeof message === 'string' &&
    message.trim().length > 0 &&
    message.length <= 4000 &&
    !message.includes('[object Object]') &&
    !/^\s*undefined\s*$/.test(message) &&
    !/\n\s+at .+:\d+:\d+/.test(message)
  );
}
