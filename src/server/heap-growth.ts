import v8 from 'node:v8';

/**
 * How far a serving process's heap may grow past what its last full garbage collection kept before
 * the next one: V8 chooses a factor of up to 4 on its own, and under load the objects requests leave
 * behind (everything a request still held when two young-generation collections passed, with 32 in
 * flight) filled workers to 350–470 MiB on a 12-chunk corpus whose live heap is about 40 MiB, and
 * to 1.3–1.4 GiB at 100k chunks. V8 reads the flag at every collection, so setting it once the
 * process serves takes effect from the next one, and an index build before that keeps V8's factor.
 * `percent` 0 leaves V8's own factor.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * The node options a cluster worker starts with: its young generation capped at two semi-spaces of
 * `semiSpaceMib` (0 keeps V8's 16 MiB). Under load a worker's young generation grows to its cap and
 * stays committed, 32 MiB by default, a tenth of a worker on the default corpus; 8 measured 16 MiB less
 * per worker, for CPU per request within the spread (BENCHMARKS.md, "Memory under load (issue 10,
 * mem10x)"). V8 sizes the young generation when the process starts, so it is a flag of the fork, not
 * of a running process: a single process (WORKERS=1) keeps V8's unless NODE_OPTIONS sets it.
 */
export function workerNodeOptions(semiSpaceMib: number): string[] {
  return [...process.execArgv, ...(semiSpaceMib > 0 ? [`--max-semi-space-size=${semiSpaceMib}`] : [])];
}
