import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { InsertWorkerReply, InsertWorkerRequest, InsertWorkerSetup } from './hnsw-insert-protocol.js';
import { VectorIndex, type HnswParameters } from './vector-index.js';
import type { VectorBuild } from './vector-store.js';

/**
 * Batches sent but not yet inserted before `add` waits. Embedding a batch and inserting one take
 * turns at being the slower (chunk lengths vary by document, insertion slows as the graph grows):
 * with 2 in flight the threads waited for each other (the worker idle 30 of 120 s in a 100k build's
 * profile), with 8 the worker was idle 7 s (BENCHMARKS.md, "Session build10u"). A batch of 1,024
 * 768-d vectors is 3 MiB, so the queue holds at most ≈ 25 MiB.
 */
const MAX_BATCHES_IN_FLIGHT = 8;

/**
 * The worker's code: the bundle (`npm start`, .cache/server/) ships it as JavaScript beside the CLI.
 * From the sources (tsx, vitest) it is TypeScript, required through tsx's CommonJS hook, which works
 * in a worker of Node 20 (ESM loader hooks given in `execArgv` do not reach workers there).
 */
function workerEntry(): { code: string | URL; eval: boolean } {
  // In the bundle this code sits in main.js or in a shared chunk under chunks/, beside or below the worker.
  const compiled = ['./hnsw-insert-worker.js', '../hnsw-insert-worker.js'].map((name) => new URL(name, import.meta.url)).find((url) => fs.existsSync(url));
  if (compiled) return { code: compiled, eval: false };
  const tsxHook = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const source = fileURLToPath(new URL('./hnsw-insert-worker.ts', import.meta.url));
  return { code: `require(${JSON.stringify(tsxHook)}).register(); require(${JSON.stringify(source)});`, eval: true };
}

/**
 * Builds a new HNSW graph in a worker thread, so that insertion (single-threaded native code) runs on
 * the second core while the main thread embeds the next batch. Points are inserted in the order they
 * are added, exactly as `VectorIndex.add` would on the main thread, so the graph is the same.
 */
export class VectorIndexBuilder implements VectorBuild<VectorIndex> {
  readonly #worker: Worker;
  readonly #dimensions: number;
  #inFlight = 0;
  /** Points sent to the worker. */
  #points = 0;
  #failure: Error | undefined;
  #waiters: Array<() => void> = [];
  #written: { resolve: () => void; reject: (error: Error) => void } | undefined;

  /** `scratchFile`: where the worker writes the graph (the finished index owns it). */
  constructor(
    dimensions: number,
    capacity: number,
    private readonly parameters: HnswParameters,
    private readonly scratchFile: string,
  ) {
    const setup: InsertWorkerSetup = { dimensions, capacity: Math.max(1, capacity), parameters: { ...parameters } };
    const entry = workerEntry();
    this.#dimensions = dimensions;
    this.#worker = new Worker(entry.code, { workerData: setup, eval: entry.eval });
    this.#worker.on('message', (reply: InsertWorkerReply) => this.#onReply(reply));
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`The HNSW insertion worker exited (code ${code})`)));
  }

  /** Queues `vectors[i]` under `labels[i]`; waits only while the worker is more than a few batches behind. */
  async add(labels: readonly number[], vectors: ReadonlyArray<ArrayLike<number>>): Promise<void> {
    this.#throwIfFailed();
    const packed = new Float32Array(labels.length * this.#dimensions);
    vectors.forEach((vector, i) => packed.set(vector, i * this.#dimensions));
    this.#post({ kind: 'add', labels: Int32Array.from(labels), vectors: packed }, [packed.buffer]);
    this.#inFlight++;
    this.#points += labels.length;
    while (this.#inFlight > MAX_BATCHES_IN_FLIGHT && !this.#failure) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    this.#throwIfFailed();
  }

  /**
   * Waits for every queued point and has the worker write the graph to the scratch file, which the
   * returned index owns: it is read only when the graph is used, and a build that only writes the
   * version moves the file into it. The worker is stopped first, so its copy is released.
   */
  async finish(): Promise<VectorIndex> {
    this.#throwIfFailed();
    try {
      await new Promise<void>((resolve, reject) => {
        this.#written = { resolve, reject };
        this.#post({ kind: 'write', file: this.scratchFile });
      });
    } catch (error) {
      // Whatever the worker wrote of it is of no use; the write's error is the one to report.
      await fs.promises.rm(this.scratchFile, { force: true }).catch(() => undefined);
      throw error;
    }
    await this.close();
    return VectorIndex.onDisk(this.scratchFile, this.#dimensions, this.#points, this.parameters);
  }

  /** Stops the worker (after `finish`, or when the build fails). */
  async close(): Promise<void> {
    this.#worker.removeAllListeners('exit');
    await this.#worker.terminate();
  }

  #post(request: InsertWorkerRequest, transfer: ArrayBuffer[] = []): void {
    this.#worker.postMessage(request, transfer);
  }

  #onReply(reply: InsertWorkerReply): void {
    if (reply.kind === 'added') {
      this.#inFlight--;
      this.#waiters.shift()?.();
    } else if (reply.kind === 'written') {
      this.#written?.resolve();
    } else {
      this.#fail(new Error(`The HNSW insertion worker failed: ${reply.message}`));
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const wake of this.#waiters.splice(0)) wake();
    this.#written?.reject(this.#failure);
  }

  #throwIfFailed(): void {
    if (this.#failure) throw this.#failure;
  }
}
