import type { VectorHit } from './vector-index.js';

export type { VectorHit };

export const VECTOR_STORES = ['hnsw', 'pgvector'] as const;
export type VectorStoreKind = (typeof VECTOR_STORES)[number];

/**
 * Nearest-neighbour search over chunk vectors, shaped like LangChain's `VectorStore` (add vectors
 * under ids, delete them, search by vector with scores) with chunk labels as ids. Implemented by the
 * embedded HNSW file (`VectorIndex`) and by PostgreSQL + pgvector (`PgVectorStore`).
 *
 * `add` and `remove` change a copy that is not served yet: the embedded index applies them at once,
 * PostgreSQL stages them until the version is written (one transaction). `search` answers from the
 * version the store was opened at.
 */
export interface VectorStore {
  readonly dimensions: number;
  /** Points that answer searches. */
  readonly size: number;
  /** Points removed but still taking space (until compaction). */
  readonly deleted: number;
  add(label: number, vector: ArrayLike<number>): void;
  remove(label: number): void;
  search(vector: number[], limit: number): VectorHit[] | Promise<VectorHit[]>;
  /** Reads what the store still keeps only on disk (a graph a build wrote), so that a search need not. */
  load?(): Promise<void>;
}

/**
 * Fills a vector store with the build's new points, batch by batch in label order, and hands it over
 * at the end: in place on the main thread (`inPlaceBuild`), or off it (`VectorIndexBuilder`).
 */
export interface VectorBuild<V extends VectorStore> {
  add(labels: readonly number[], vectors: ReadonlyArray<ArrayLike<number>>): Promise<void>;
  /** Waits for every point added and returns the store holding them. */
  finish(): Promise<V>;
  /** Releases what the build holds (a worker), finished or not. */
  close(): Promise<void>;
}

/** Adds to `store` itself, on the calling thread. */
export function inPlaceBuild<V extends VectorStore>(store: V): VectorBuild<V> {
  return {
    async add(labels, vectors) {
      labels.forEach((label, i) => store.add(label, vectors[i]!));
    },
    finish: async () => store,
    close: async () => undefined,
  };
}
