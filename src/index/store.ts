import { z } from 'zod';
import type { EmbeddingModelInfo } from '../embed/types.js';
import type { ChunkSpan } from '../ingest/chunk.js';
import { BLOCK_KINDS, DOCUMENT_FORMATS, type ParsedDocument } from '../ingest/types.js';
import type { LexicalIndex } from './lexical-index.js';
import type { VectorStore } from './vector-store.js';
import { IndexChunk } from './chunk-records.js';
import { documentTable, type DocumentTable } from './document-table.js';
import { IndexCorruptError } from './versions.js';

/** Bumped whenever the files of a version (folder-files.ts) change shape, so an old index is rebuilt instead of misread. */
export const INDEX_FORMAT = 6;

const documentEntrySchema = z.object({
  source: z.string(),
  format: z.enum(DOCUMENT_FORMATS),
  title: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  mtimeMs: z.number(),
  chars: z.number().int(),
  chunks: z.number().int(),
  pages: z.number().int().optional(),
  indexedAt: z.string(),
});

const failureEntrySchema = z.object({ source: z.string(), reason: z.string(), bytes: z.number().int(), mtimeMs: z.number() });

export const manifestSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  builtAt: z.string(),
  embedding: z.object({ model: z.string(), version: z.string(), dimensions: z.number().int().positive(), pretrained: z.boolean() }),
  chunking: z.object({ chunkSize: z.number().int(), chunkOverlap: z.number().int() }),
  /** Changes when the parsers would read the same file differently: every document is parsed again. */
  parsing: z.number().int(),
  documents: z.array(documentEntrySchema),
  /** Files that could not be indexed; kept so an unchanged bad file is not read again at every start. */
  failures: z.array(failureEntrySchema),
  chunkCount: z.number().int(),
  /** The next unused vector label (labels are never reused within a lineage of versions). */
  nextLabel: z.number().int(),
  /** Labels removed from the vector index but still taking space (until compaction). */
  deletedLabels: z.number().int(),
  /** sha256 of every other file of the version. */
  checksums: z.record(z.string(), z.string()),
});

export type IndexManifest = z.infer<typeof manifestSchema>;
export type DocumentEntry = z.infer<typeof documentEntrySchema>;
export type FailureEntry = z.infer<typeof failureEntrySchema>;

const blockSchema = z.object({
  kind: z.enum(BLOCK_KINDS),
  start: z.number().int(),
  end: z.number().int(),
  level: z.number().int().optional(),
  section: z.array(z.string()),
  page: z.number().int().optional(),
});

export const storedDocumentSchema = z.object({
  source: z.string(),
  format: z.enum(DOCUMENT_FORMATS),
  title: z.string(),
  text: z.string(),
  blocks: z.array(blockSchema),
  pages: z.array(z.object({ page: z.number().int(), start: z.number().int(), end: z.number().int() })).optional(),
  marks: z.array(z.object({ kind: z.enum(['code', 'emphasis', 'strong', 'link']), start: z.number().int(), end: z.number().int(), href: z.string().optional() })).optional(),
});

/** A document as the index holds it: its citable text and structure. */
export type IndexedDocument = ParsedDocument & { source: string };

export interface ChunkRecord extends ChunkSpan {
  /** The chunk's vector label. */
  label: number;
  /** Always `documents.get(source).slice(start, end)`. */
  text: string;
}

/** Everything retrieval and answering need, loaded in memory: one immutable version of the index. */
export interface CorpusIndex {
  /** The version id (empty for an index that was never written). */
  version: string;
  manifest: IndexManifest;
  /** The citable text of every indexed source, exactly as indexed: citations are offsets into these strings. */
  documents: ReadonlyMap<string, string>;
  /** Each source's citable text with its structure (format, title, blocks, pages, marks). */
  sources: ReadonlyMap<string, IndexedDocument>;
  /** Live chunks in document order. */
  chunks: readonly ChunkRecord[];
  chunkById: ReadonlyMap<string, ChunkRecord>;
  chunkByLabel: ReadonlyMap<number, ChunkRecord>;
  vectors: VectorStore;
  lexical: LexicalIndex;
}

export class IndexMismatchError extends Error {
  override name = 'IndexMismatchError';
}

export class IndexMissingError extends Error {
  override name = 'IndexMissingError';
}

/** A version from its parts; `documents` either in memory or a table that decodes each on first use. */
export function assembleIndex<V extends VectorStore>(
  version: string,
  manifest: IndexManifest,
  documents: readonly IndexedDocument[] | DocumentTable,
  chunkSpans: ReadonlyArray<Omit<ChunkRecord, 'text' | 'id'>>,
  vectors: V,
  lexical: LexicalIndex,
): Omit<CorpusIndex, 'vectors'> & { vectors: V } {
  const table = 'texts' in documents ? documents : documentTable(documents);
  const chunks = chunkSpans.map((span) => {
    const length = table.length(span.source);
    if (length === undefined || span.end > length) throw new IndexCorruptError(`Chunk ${span.source}#${span.start}-${span.end} refers to text the index does not hold`);
    return new IndexChunk(span, table.texts);
  });
  return {
    version,
    manifest,
    documents: table.texts,
    sources: table.sources,
    chunks,
    chunkById: new Map(chunks.map((chunk) => [chunk.id, chunk])),
    chunkByLabel: new Map(chunks.map((chunk) => [chunk.label, chunk])),
    vectors,
    lexical,
  };
}

/** Refuses to pair an index with a model other than the one that built it: vectors of two models never mix. */
export function assertSameModel(manifest: IndexManifest, embedding: EmbeddingModelInfo): void {
  const built = manifest.embedding;
  if (built.version !== embedding.version || built.dimensions !== embedding.dimensions) {
    throw new IndexMismatchError(
      `The index was built with embedding model ${built.model} (${built.version}, ${built.dimensions} dimensions), ` +
        `but EMBEDDING_MODEL is ${embedding.model} (${embedding.version}, ${embedding.dimensions} dimensions). ` +
        'Re-index with `npm run index` (or `npm start`, which re-indexes when stale).',
    );
  }
}

