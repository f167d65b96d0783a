import path from 'node:path';
import { deferred, type DeferredEmbedder, type Embedder, type EmbeddingModelInfo } from '../embed/types.js';
import { chunkDocument, type ChunkOptions } from '../ingest/chunk.js';
import { columnsAt } from '../ingest/tables.js';
import { listCorpus, type FileFailure } from '../ingest/corpus.js';
import type { ProgressListener } from '../progress.js';
import { LexicalIndex, type LexicalEntry } from './lexical-index.js';
import { folderStorage } from './folder-storage.js';
import type { IndexStorage, ManifestDraft, StoredIndex } from './storage.js';
import { assembleIndex, INDEX_FORMAT, type ChunkRecord, type CorpusIndex, type DocumentEntry, type IndexedDocument, type IndexManifest } from './store.js';
import type { VectorStore } from './vector-store.js';
import { embedChunks } from './embed-chunks.js';
import { explainWriteError } from './write-errors.js';
import { PARSING_VERSION, readChanges, startingPoint, unusableReason } from './build-plan.js';
import { reportIndexBuild } from '../telemetry.js';
import type { HnswParameters } from './vector-index.js';


/** Rebuild the vector index from its live points when this share of its labels is deleted. */
const COMPACTION_SHARE = 0.25;

export interface BuildOptions extends ChunkOptions {
  corpusDir: string;
  indexDir: string;
  /** Where versions are read and written: the folder of versions in `indexDir` unless given (PostgreSQL). */
  storage?: IndexStorage;
  batchSize: number;
  /** HNSW settings (DEFAULT_HNSW when absent). */
  hnsw?: HnswParameters;
  /** Versions kept besides the current one, for readers still on them. */
  keepVersions?: number;
  /** `always` re-reads, re-chunks and re-embeds everything (vectors still come from the embedding cache). */
  mode?: 'incremental' | 'always';
  onProgress?: ProgressListener;
  /** Told why the index is rebuilt from scratch (no index yet, another model, damaged…). */
  onRebuild?: (reason: string) => void;
  /**
   * Read the current version (checking every file's checksum) even when nothing changed, to return
   * it as `index`: a damaged one is then rebuilt. Without it an up-to-date index costs the listing of
   * the corpus folder and the manifest; its readers check the files.
   */
  readUnchanged?: boolean;
}

export interface BuildReport {
  /** The current version after the build. */
  version: string;
  /** That version in memory: always after a change, when nothing changed only with `readUnchanged`. */
  index?: CorpusIndex;
  /** The model that version was built with. */
  embedding: EmbeddingModelInfo;
  /** False when nothing changed and the current version was kept. */
  changed: boolean;
  documents: number;
  chunks: number;
  added: string[];
  updated: string[];
  removed: string[];
  failures: FileFailure[];
  /** Chunks embedded by the model in this build; the others came from the embedding cache or the previous version. */
  embedded: number;
  embedMs: number;
  totalMs: number;
}

/** Where vectors are kept between builds, so re-indexing an unchanged text embeds nothing. */
export const embeddingCacheDir = (indexDir: string) => path.join(indexDir, 'embedding-cache');

/**
 * The context a chunk is found by besides its words: its document's title, its section headings and, for a
 * chunk cut inside a table, the table's column names ("real | 4 bytes | …" is found as a storage size).
 */
export function chunkContext(document: IndexedDocument, chunk: { start: number; section: readonly string[] }): string {
  const columns = columnsAt(document, chunk.start);
  return [...new Set([document.title, ...chunk.section, ...(columns ? [columns] : [])].filter((part) => part.trim() !== ''))].join(' — ');
}

/** Where a build with `options` reads and writes versions. */
export const storageOf = (options: BuildOptions): IndexStorage => options.storage ?? folderStorage(options.indexDir, options.hnsw);

/**
 * Brings the index up to date with the corpus folder and writes it as a new version: only added or
 * changed files are read, chunked and embedded; chunks of removed or changed files leave the vector
 * index (`markDelete`, compacted when deletions pile up) and BM25; unchanged files cost nothing.
 * Holds the index lock, so two indexers never write one folder. Returns the current version untouched
 * when nothing changed, decided from its manifest alone; a deferred embedder is loaded only when
 * something changed.
 */
export async function buildIndex(embedder: Embedder | DeferredEmbedder, options: BuildOptions): Promise<BuildReport> {
  const storage = storageOf(options);
  let report: BuildReport;
  try {
    report = await storage.exclusive(() => build(deferred(embedder), options, storage));
  } catch (error) {
    throw explainWriteError(error, storage.location);
  }
  reportIndexBuild({ durationMs: report.totalMs, changed: report.changed, documents: report.documents, chunks: report.chunks, failures: report.failures.length, embedded: report.embedded });
  return report;
}

async function build<V extends VectorStore>(model: DeferredEmbedder, options: BuildOptions, storage: IndexStorage<V>): Promise<BuildReport> {
  const startedAt = performance.now();
  const { onProgress } = options;
  const listing = await listCorpus(options.corpusDir);
  const { current, rebuildReason } = await startingPoint(model.version, options, storage);
  if (rebuildReason) options.onRebuild?.(rebuildReason);
  let changes = await readChanges(listing, current?.manifest, onProgress);
  const reportOf = (version: string, manifest: IndexManifest, index: CorpusIndex | undefined, changed = false, embedded = 0, embedMs = 0): BuildReport => ({
    version,
    ...(index ? { index } : {}),
    embedding: manifest.embedding,
    documents: manifest.documents.length,
    chunks: manifest.chunkCount,
    changed,
    added: changes.added,
    updated: changes.updated,
    removed: changes.removed,
    failures: changes.failures.map(({ source, reason }) => ({ source, reason })),
    embedded,
    embedMs,
    totalMs: performance.now() - startedAt,
  });
  if (current && changes.unchanged && !options.readUnchanged) return reportOf(current.version, current.manifest, undefined);
  let base: StoredIndex<V> | undefined;
  if (current) {
    try {
      // The manifest's model is this model (same version): the version is read as it was built.
      base = await storage.read(current.manifest.embedding);
    } catch (error) {
      options.onRebuild?.(unusableReason(error));
      changes = await readChanges(listing, undefined, onProgress);
    }
  }
  if (base && changes.unchanged) return reportOf(base.version, base.manifest, base);
  const { kept, loaded, removed, updated } = changes;
  const embedder = await model.load();

  // Start from the previous version's indexes (read from disk: the served copy is never mutated).
  const dropped = new Set([...removed, ...updated]);
  const lexical = base?.lexical ?? LexicalIndex.build([]);
  const sources = new Map<string, IndexedDocument>();
  for (const entry of kept) sources.set(entry.source, base!.sources.get(entry.source)!);
  const chunks: Array<Omit<ChunkRecord, 'text' | 'id'>> = (base?.chunks ?? []).filter((chunk) => !dropped.has(chunk.source));
  let deletedLabels = base?.manifest.deletedLabels ?? 0;
  const oldEntries: LexicalEntry[] = [];
  for (const chunk of base?.chunks ?? []) {
    if (!dropped.has(chunk.source)) continue;
    base!.vectors.remove(chunk.label);
    deletedLabels++;
    oldEntries.push({ id: chunk.id, text: chunk.text, context: chunkContext(base!.sources.get(chunk.source)!, chunk) });
  }
  lexical.remove(oldEntries);

  // Chunk and embed the new and changed documents.
  let nextLabel = base?.manifest.nextLabel ?? 0;
  const fresh: Array<{ record: Omit<ChunkRecord, 'text' | 'id'>; entry: LexicalEntry }> = [];
  const entries = new Map<string, DocumentEntry>(kept.map((entry) => [entry.source, entry]));
  const indexedAt = new Date().toISOString();
  for (const document of loaded) {
    const { source, sha256: hash, bytes, mtimeMs, ...parsed } = document;
    sources.set(source, { source, ...parsed });
    const spans = await chunkDocument(source, parsed, options);
    for (const span of spans) {
      const { id, ...rest } = span;
      fresh.push({ record: { ...rest, label: nextLabel++ }, entry: { id, text: parsed.text.slice(span.start, span.end), context: chunkContext({ source, ...parsed }, span) } });
    }
    entries.set(source, { source, format: parsed.format, title: parsed.title, sha256: hash, bytes, mtimeMs, chars: parsed.text.length, chunks: spans.length, ...(parsed.pages ? { pages: parsed.pages.length } : {}), indexedAt });
  }
  const embedStartedAt = performance.now();
  const { vectors, embedded } = await embedChunks(
    fresh.map(({ record, entry }) => ({ label: record.label, entry })),
    { embedder, storage, cacheDir: embeddingCacheDir(options.indexDir), batchSize: options.batchSize, baseVectors: base?.vectors, lexical, onProgress },
  );
  const embedMs = performance.now() - embedStartedAt;
  chunks.push(...fresh.map(({ record }) => record));

  // Document order, so chunk lists and answers do not depend on the order files changed in.
  const order = [...entries.keys()].sort();
  const rank = new Map(order.map((source, i) => [source, i]));
  chunks.sort((a, b) => rank.get(a.source)! - rank.get(b.source)! || a.start - b.start);
  const live = chunks.length;
  const compacted = deletedLabels > COMPACTION_SHARE * (live + deletedLabels) ? storage.compact(vectors, chunks.map((chunk) => chunk.label)) : undefined;
  if (compacted) deletedLabels = 0;

  const manifest: ManifestDraft = {
    format: INDEX_FORMAT,
    builtAt: indexedAt,
    embedding: embedder.info,
    chunking: { chunkSize: options.chunkSize, chunkOverlap: options.chunkOverlap },
    parsing: PARSING_VERSION,
    documents: order.map((source) => entries.get(source)!),
    failures: changes.failures.sort((a, b) => (a.source < b.source ? -1 : 1)),
    chunkCount: live,
    nextLabel,
    deletedLabels,
  };
  const orderedSources = order.map((source) => sources.get(source)!);
  const draft = assembleIndex('', { ...manifest, checksums: {} }, orderedSources, chunks, compacted ?? vectors, lexical);
  onProgress?.({ phase: 'Writing index', done: 0, total: 1 });
  const { version, manifest: written } = await storage.write(draft, manifest, options.keepVersions ?? 2);
  onProgress?.({ phase: 'Writing index', done: 1, total: 1 });
  const index = { ...draft, version, manifest: written };
  return reportOf(version, written, index, true, embedded, embedMs);
}
