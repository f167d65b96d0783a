import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { EmbeddingModelInfo } from '../embed/types.js';
import type { ChunkSpan } from '../ingest/chunk.js';
import { BLOCK_KINDS, DOCUMENT_FORMATS, type ParsedDocument } from '../ingest/types.js';
import { LexicalIndex, type StoredLexicalIndex } from './lexical-index.js';
import { VectorIndex } from './vector-index.js';
import type { VectorStore } from './vector-store.js';
import { fileSha256, IndexCorruptError, MANIFEST_FILE, parseJson, readJson, readPointer, verifyChecksums, versionDir, versionIdOf } from './versions.js';
import { chunksFileText, readChunks, readDocuments, writeDocumentsFile } from './compact-files.js';

/** Bumped whenever the files below change shape, so an old index is rebuilt instead of misread. */
export const INDEX_FORMAT = 3;

export const FILES = { documents: 'documents.json', chunks: 'chunks.json', lexical: 'lexical.json', vectors: 'vectors.hnsw' } as const;

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

export function assembleIndex<V extends VectorStore>(
  version: string,
  manifest: IndexManifest,
  sources: readonly IndexedDocument[],
  chunkSpans: ReadonlyArray<Omit<ChunkRecord, 'text' | 'id'>>,
  vectors: V,
  lexical: LexicalIndex,
): Omit<CorpusIndex, 'vectors'> & { vectors: V } {
  const documents = new Map(sources.map((source) => [source.source, source.text]));
  const chunks = chunkSpans.map((span) => {
    const text = documents.get(span.source)?.slice(span.start, span.end);
    if (text === undefined || span.end > (documents.get(span.source)?.length ?? 0)) {
      throw new IndexCorruptError(`Chunk ${span.source}#${span.start}-${span.end} refers to text the index does not hold`);
    }
    return { ...span, id: `${span.source}#${span.start}-${span.end}`, text };
  });
  return {
    version,
    manifest,
    documents,
    sources: new Map(sources.map((source) => [source.source, source])),
    chunks,
    chunkById: new Map(chunks.map((chunk) => [chunk.id, chunk])),
    chunkByLabel: new Map(chunks.map((chunk) => [chunk.label, chunk])),
    vectors,
    lexical,
  };
}

/** Writes the files of a version into `dir` (a fresh folder) and returns the manifest with their checksums. */
export async function writeIndexFiles(dir: string, index: Omit<CorpusIndex, 'version' | 'manifest'> & { vectors: VectorIndex }, manifest: Omit<IndexManifest, 'checksums'>): Promise<IndexManifest> {
  await writeDocumentsFile(path.join(dir, FILES.documents), index.sources.values());
  await fs.writeFile(path.join(dir, FILES.chunks), chunksFileText(index.chunks));
  await fs.writeFile(path.join(dir, FILES.lexical), JSON.stringify(index.lexical.toJSON()));
  await index.vectors.write(path.join(dir, FILES.vectors));
  const checksums: Record<string, string> = {};
  for (const name of Object.values(FILES)) checksums[name] = await fileSha256(path.join(dir, name));
  const full: IndexManifest = { ...manifest, checksums };
  await fs.writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(full, null, 2) + '\n');
  return full;
}

/**
 * The manifest of the current version, checked against the version's id (the manifest's own hash);
 * undefined when there is no index yet. Throws IndexCorruptError naming the file that is wrong.
 */
export async function readManifest(indexDir: string): Promise<{ version: string; manifest: IndexManifest } | undefined> {
  const version = await readPointer(indexDir);
  if (!version) return undefined;
  const file = path.join(versionDir(indexDir, version), MANIFEST_FILE);
  const actual = await fileSha256(file).catch(() => undefined);
  if (actual === undefined) throw new IndexCorruptError(`${file} is missing`);
  if (versionIdOf(actual) !== version) throw new IndexCorruptError(`${file} is damaged or was edited (it does not match its version id)`);
  return { version, manifest: await parseJson(file, manifestSchema) };
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

/**
 * Loads the current version. Every file is checked against the manifest's checksums before it is
 * parsed — the native HNSW loader never sees bytes that fail theirs — and every chunk against its text.
 */
export async function readIndex(indexDir: string, embedding: EmbeddingModelInfo): Promise<Omit<CorpusIndex, 'vectors'> & { vectors: VectorIndex }> {
  const current = await readManifest(indexDir);
  if (!current) throw new IndexMissingError(`No index in ${indexDir}: run \`npm run index\` first.`);
  const { version, manifest } = current;
  assertSameModel(manifest, embedding);
  const dir = versionDir(indexDir, version);
  await verifyChecksums(dir, manifest.checksums);
  const file = (name: string) => path.join(dir, name);
  const sources = readDocuments(await readJson(file(FILES.documents)), file(FILES.documents));
  const chunks = readChunks(await readJson(file(FILES.chunks)), file(FILES.chunks));
  const lexical = LexicalIndex.load((await readJson(file(FILES.lexical))) as StoredLexicalIndex);
  const vectors = await VectorIndex.read(path.join(dir, FILES.vectors), manifest.embedding.dimensions, manifest.deletedLabels);
  if (vectors.size !== chunks.length) throw new IndexCorruptError(`${path.join(dir, FILES.vectors)} holds ${vectors.size} vectors for ${chunks.length} chunks`);
  return assembleIndex(version, manifest, sources, chunks, vectors, lexical);
}
