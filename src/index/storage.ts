import type { EmbeddingModelInfo } from '../embed/types.js';
import type { CorpusIndex, IndexManifest } from './store.js';
import type { VectorBuild, VectorStore } from './vector-store.js';
import type { Watcher } from './watch.js';

/** A version of the index whose vectors live in store `V`. */
export type StoredIndex<V extends VectorStore = VectorStore> = Omit<CorpusIndex, 'vectors'> & { vectors: V };

/** A manifest before it is written (the storage adds the checksums). */
export type ManifestDraft = Omit<IndexManifest, 'checksums'>;

export interface CurrentVersion {
  version: string;
  manifest: IndexManifest;
}

/**
 * Where the versions of the index live and how a new one is published: a folder of immutable,
 * checksummed versions with an atomically switched pointer (`folderStorage`), or PostgreSQL with
 * pgvector (`PgStorage`). The build reads the current version, changes a copy, and writes it back
 * through this interface without knowing which one it talks to.
 */
export interface IndexStorage<V extends VectorStore = VectorStore> {
  /** The folder or the database, for messages. */
  readonly location: string;
  /** Runs `work` while no other indexer writes to this storage. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** The current version's id and manifest; undefined when nothing was indexed yet. */
  current(): Promise<CurrentVersion | undefined>;
  /** Loads the current version, refusing one built with another model; IndexMissingError when there is none. */
  read(embedding: EmbeddingModelInfo): Promise<StoredIndex<V>>;
  /** An empty vector store, for a build from scratch. */
  createVectors(dimensions: number): V;
  /**
   * A new vector store filled with `capacity` points off the main thread, when the storage can build
   * one that way (the embedded HNSW file); `createVectors` filled in place otherwise.
   */
  buildVectors?(dimensions: number, capacity: number): VectorBuild<V>;
  /** Vectors of `labels` only, the space of removed points reclaimed (the same store where the engine reclaims it itself). */
  compact(vectors: V, labels: readonly number[]): V;
  /** Publishes `draft` as the current version; `keepVersions` older ones stay for readers still on them. */
  write(draft: StoredIndex<V>, manifest: ManifestDraft, keepVersions: number): Promise<CurrentVersion>;
  /** The id of the current version, read cheaply (no checksums, no manifest); undefined when nothing was indexed yet. */
  pointer(): Promise<string | undefined>;
  /**
   * Calls `onChange` when another process may have published a version (at least every
   * `intervalMs`): readers then compare `pointer()` with the version they serve.
   */
  watch(onChange: () => void, intervalMs: number): Watcher;
  /** Releases connections and timers. */
  close(): Promise<void>;
}
