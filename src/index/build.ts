import path from 'node:path';
import type { Config } from '../config.js';
import { withEmbeddingCache } from '../embed/cache.js';
import { chunkDocument, type ChunkOptions } from '../ingest/chunk.js';
import { loadCorpus, type SourceDocument } from '../ingest/corpus.js';
import { documentVectors, type Embedder } from '../embed/types.js';
import type { ProgressListener } from '../progress.js';
import { assembleIndex, INDEX_FORMAT, readManifest, writeIndex, type CorpusIndex, type IndexManifest } from './store.js';
import { VectorIndex, type HnswParameters } from './vector-index.js';

export interface BuildOptions extends ChunkOptions {
  corpusDir: string;
  indexDir: string;
  batchSize: number;
  /** HNSW settings (DEFAULT_HNSW when absent). */
  hnsw?: HnswParameters;
  onProgress?: ProgressListener;
  /** The corpus, when the caller has already read it (e.g. to check staleness); read from `corpusDir` otherwise. */
  sources?: SourceDocument[];
}

export interface BuildReport {
  index: CorpusIndex;
  documents: number;
  chunks: number;
  /** Chunks embedded by the model in this build; the others came from the embedding cache. */
  embedded: number;
  embedMs: number;
  totalMs: number;
}

/** The build settings a configuration implies. */
export function buildOptionsFor(config: Config): Omit<BuildOptions, 'onProgress' | 'sources'> {
  const { corpusDir, indexDir, chunkSize, chunkOverlap, hnsw } = config;
  return { corpusDir, indexDir, chunkSize, chunkOverlap, batchSize: config.embedding.batchSize, hnsw };
}

/** Where vectors are kept between builds, so re-indexing an unchanged corpus embeds nothing. */
export const embeddingCacheDir = (indexDir: string) => path.join(indexDir, 'embedding-cache');

/**
 * Texts per embedder call at least: the embedder batches for the model itself (EMBEDDING_BATCH_SIZE texts
 * per encoder run, or by tokens for the generated static models, which pack texts of similar length).
 */
const MIN_EMBED_STEP = 1024;

async function embedInBatches(embedder: Embedder, texts: string[], batchSize: number, onProgress?: ProgressListener): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  const step = Math.max(batchSize, MIN_EMBED_STEP);
  onProgress?.({ phase: 'Embedding chunks', done: 0, total: texts.length });
  for (let from = 0; from < texts.length; from += step) {
    vectors.push(...(await documentVectors(embedder, texts.slice(from, from + step))));
    onProgress?.({ phase: 'Embedding chunks', done: vectors.length, total: texts.length });
  }
  return vectors;
}

/** Reads, chunks, embeds and indexes the corpus, then writes the index to `indexDir`. */
export async function buildIndex(embedder: Embedder, options: BuildOptions): Promise<BuildReport> {
  const startedAt = performance.now();
  const { onProgress } = options;
  const sources = options.sources ?? (await loadCorpus(options.corpusDir));
  const chunks = [];
  for (const [i, source] of sources.entries()) {
    chunks.push(...(await chunkDocument(source, options)));
    onProgress?.({ phase: 'Chunking', done: i + 1, total: sources.length });
  }
  const embedStartedAt = performance.now();
  const cached = withEmbeddingCache(embedder, embeddingCacheDir(options.indexDir));
  const vectors = await embedInBatches(cached, chunks.map((chunk) => chunk.pageContent), options.batchSize, onProgress);
  await cached.save({ dropUnused: true });
  const embedMs = performance.now() - embedStartedAt;
  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    builtAt: new Date().toISOString(),
    embedding: embedder.info,
    chunking: { chunkSize: options.chunkSize, chunkOverlap: options.chunkOverlap },
    documents: sources.map((source) => ({ source: source.metadata.source, sha256: source.metadata.sha256, chars: source.pageContent.length })),
    chunkCount: chunks.length,
  };
  const documents = new Map(sources.map((source) => [source.metadata.source, source.pageContent]));
  const spans = chunks.map((chunk) => ({ id: chunk.id, ...chunk.metadata }));
  const index = assembleIndex(manifest, documents, spans, VectorIndex.build(embedder.info.dimensions, vectors, options.hnsw));
  await writeIndex(options.indexDir, index);
  return { index, documents: sources.length, chunks: chunks.length, embedded: cached.misses, embedMs, totalMs: performance.now() - startedAt };
}

/** Why the index in `indexDir` cannot serve this corpus and model as it is, or undefined when it can. */
export async function staleReason(
  embedder: Embedder,
  options: Pick<BuildOptions, 'corpusDir' | 'indexDir' | 'chunkSize' | 'chunkOverlap'>,
  sources?: SourceDocument[],
): Promise<string | undefined> {
  const manifest = await readManifest(options.indexDir);
  if (!manifest) return 'no index yet';
  if (manifest.embedding.version !== embedder.info.version) return `embedding model changed (${manifest.embedding.version} → ${embedder.info.version})`;
  if (manifest.chunking.chunkSize !== options.chunkSize || manifest.chunking.chunkOverlap !== options.chunkOverlap) return 'chunking settings changed';
  const current = (sources ?? (await loadCorpus(options.corpusDir))).map((source) => `${source.metadata.source}\0${source.metadata.sha256}`);
  const indexed = manifest.documents.map((document) => `${document.source}\0${document.sha256}`);
  if (current.join('\n') !== indexed.join('\n')) return 'corpus files changed';
  return undefined;
}
