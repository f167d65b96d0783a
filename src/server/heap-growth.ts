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
