import { AsyncLocalStorage } from 'node:async_hooks';
import type { CorpusIndex } from './store.js';

/** Asked for the index before the first version was loaded (the server answers 503 meanwhile). */
export class IndexNotReadyError extends Error {
  override name = 'IndexNotReadyError';
  constructor() {
    super('The index is still loading: try again shortly');
  }
}

/**
 * The version being served, and what answers from it (`E`: retriever, answerer… built once per
 * version). `swap` replaces it for requests that start afterwards; `pin` runs a request with the
 * version current when it started, through every await, so one request never mixes two versions
 * even when a new one is swapped in half-way (its quotes always match the texts it serves).
 */
export class ServedVersions<E extends { index: CorpusIndex }> {
  #current: E | undefined;
  readonly #pinned = new AsyncLocalStorage<E>();

  constructor(private readonly prepare: (index: CorpusIndex) => E) {}

  /** Whether a version has been loaded. */
  get ready(): boolean {
    return this.#current !== undefined;
  }

  /** The version of the running request, or the current one outside a request. */
  get current(): E {
    const engine = this.#pinned.getStore() ?? this.#current;
    if (!engine) throw new IndexNotReadyError();
    return engine;
  }

  /** The id of the version new requests get ('' before the first one). */
  get version(): string {
    return this.#current?.index.version ?? '';
  }

  swap(index: CorpusIndex): void {
    this.#current = this.prepare(index);
  }

  /** Runs `work` (a whole request) on the version current now; a request already pinned keeps its own. */
  pin<T>(work: () => T): T {
    if (this.#pinned.getStore()) return work();
    return this.#pinned.run(this.current, work);
  }
}

/**
 * Runs `run` once at a time: calls during a run share one more run after it (changes seen during a
 * run may have been missed by it), so any number of triggers cost at most two runs.
 */
export function coalesced<T>(run: () => Promise<T>): { (): Promise<T>; readonly running: boolean } {
  let running: Promise<T> | undefined;
  let again: Promise<T> | undefined;
  const trigger = (): Promise<T> => {
    if (!running) {
      running = run().finally(() => (running = undefined));
      return running;
    }
    again ??= running
      .catch(() => undefined)
      .then(() => {
        again = undefined;
        return trigger();
      });
    return again;
  };
  return Object.defineProperty(trigger, 'running', { get: () => running !== undefined }) as ReturnType<typeof coalesced<T>>;
}
