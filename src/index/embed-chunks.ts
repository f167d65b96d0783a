import { withEmbeddingCache } from '../embed/cache.js';
import type { Embedder } from '../embed/types.js';
import type { ProgressListener } from '../progress.js';
import type { LexicalEntry, LexicalIndex } from './lexical-index.js';
import type { IndexStorage } from './storage.js';
import { inPlaceBuild, type VectorStore } from './vector-store.js';

/**
 * Texts per embedder call at least: the embedder batches for the model itself (EMBEDDING_BATCH_SIZE texts
 * per encoder run, or by tokens for the generated static models, which pack texts of similar length).
 */
const MIN_EMBED_STEP = 1024;

/** Fewer new chunks than two embedding steps leave nothing to overlap, so a worker would only cost its start. */
const OFF_THREAD_MIN_CHUNKS = 2 * MIN_EMBED_STEP;

/** A chunk the build adds: its vector label and what BM25 indexes (also what is embedded). */
export interface FreshChunk {
  label: number;
  entry: LexicalEntry;
}

export interface EmbedChunksOptions<V extends VectorStore> {
  embedder: Embedder;
  storage: IndexStorage<V>;
  /** The embedding cache's folder. */
  cacheDir: string;
  batchSize: number;
  /** The previous version's vectors, changed in place; a new store is built when absent. */
  baseVectors: V | undefined;
  lexical: LexicalIndex;
  onProgress?: ProgressListener;
}

const embeddingText = (context: string, text: string) => (context ? `${context}\n\n${text}` : text);

/**
 * Embeds the new chunks batch by batch (through the embedding cache) into the vector store and BM25.
 * A new HNSW graph is built in a worker, so inserting one batch overlaps embedding the next; texts
 * to embed exist one batch at a time, and the cache's vectors are released on return.
 */
export async function embedChunks<V extends VectorStore>(fresh: readonly FreshChunk[], options: EmbedChunksOptions<V>): Promise<{ vectors: V; embedded: number }> {
  const { embedder, storage, baseVectors, lexical, onProgress } = options;
  const cached = withEmbeddingCache(embedder, options.cacheDir);
  const { dimensions } = embedder.info;
  const offThread = !baseVectors && fresh.length >= OFF_THREAD_MIN_CHUNKS ? storage.buildVectors?.(dimensions, fresh.length) : undefined;
  const vectorBuild = offThread ?? inPlaceBuild(baseVectors ?? storage.createVectors(dimensions));
  try {
    onProgress?.({ phase: 'Embedding chunks', done: 0, total: fresh.length });
    const step = Math.max(options.batchSize, MIN_EMBED_STEP);
    for (let from = 0; from < fresh.length; from += step) {
      const batch = fresh.slice(from, from + step);
      const vectors = await cached.embedDocumentVectors(batch.map(({ entry }) => embeddingText(entry.context, entry.text)));
      await vectorBuild.add(batch.map(({ label }) => label), vectors);
      lexical.add(batch.map(({ entry }) => entry));
      // Appended now, so the cache never holds every new vector (300 MiB at 100k × 768) and an
      // interrupted build keeps what it embedded.
      await cached.save({ release: true });
      onProgress?.({ phase: 'Embedding chunks', done: from + batch.length, total: fresh.length });
    }
    return { vectors: await vectorBuild.finish(), embedded: cached.misses };
  } finally {
    await vectorBuild.close();
  }
}
