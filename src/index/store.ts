import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { EmbeddingModelInfo } from '../embed/types.js';
import { LexicalIndex } from './lexical-index.js';
import { VectorIndex } from './vector-index.js';

/** Bumped whenever the files below change shape, so an old index is rebuilt instead of misread. */
export const INDEX_FORMAT = 1;

const FILES = { manifest: 'manifest.json', chunks: 'chunks.json', vectors: 'vectors.hnsw' } as const;

const manifestSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  builtAt: z.string(),
  embedding: z.object({ model: z.string(), version: z.string(), dimensions: z.number().int().positive(), pretrained: z.boolean() }),
  chunking: z.object({ chunkSize: z.number().int(), chunkOverlap: z.number().int() }),
  documents: z.array(z.object({ source: z.string(), sha256: z.string(), chars: z.number().int() })),
  chunkCount: z.number().int(),
});

export type IndexManifest = z.infer<typeof manifestSchema>;

const storedChunksSchema = z.object({
  documents: z.array(z.object({ source: z.string(), text: z.string() })),
  chunks: z.array(z.object({ id: z.string(), source: z.string(), start: z.number().int(), end: z.number().int() })),
});

export interface ChunkRecord {
  id: string;
  source: string;
  start: number;
  end: number;
  /** Always `documents.get(source).slice(start, end)`. */
  text: string;
}

/** Everything retrieval and answering need, loaded in memory. */
export interface CorpusIndex {
  manifest: IndexManifest;
  /** The text of every indexed source, exactly as indexed: citations are offsets into these strings. */
  documents: ReadonlyMap<string, string>;
  /** In HNSW label order. */
  chunks: readonly ChunkRecord[];
  chunkById: ReadonlyMap<string, ChunkRecord>;
  vectors: VectorIndex;
  lexical: LexicalIndex;
}

export class IndexMismatchError extends Error {
  override name = 'IndexMismatchError';
}

export class IndexMissingError extends Error {
  override name = 'IndexMissingError';
}

export function assembleIndex(
  manifest: IndexManifest,
  documents: ReadonlyMap<string, string>,
  chunkSpans: ReadonlyArray<Omit<ChunkRecord, 'text'>>,
  vectors: VectorIndex,
): CorpusIndex {
  const chunks = chunkSpans.map((span) => {
    const text = documents.get(span.source)?.slice(span.start, span.end);
    if (text === undefined) throw new IndexMismatchError(`Chunk ${span.id} refers to a source the index does not hold`);
    return { ...span, text };
  });
  return {
    manifest,
    documents,
    chunks,
    chunkById: new Map(chunks.map((chunk) => [chunk.id, chunk])),
    vectors,
    lexical: new LexicalIndex(chunks),
  };
}

/** Writes each file under a temporary name and renames it, manifest last, so readers never see half an index. */
export async function writeIndex(indexDir: string, index: CorpusIndex): Promise<void> {
  await fs.mkdir(indexDir, { recursive: true });
  const replace = async (name: string, write: (file: string) => Promise<void>) => {
    const temporary = path.join(indexDir, `.${name}.${process.pid}.tmp`);
    await write(temporary);
    await fs.rename(temporary, path.join(indexDir, name));
  };
  const stored: z.infer<typeof storedChunksSchema> = {
    documents: [...index.documents].map(([source, text]) => ({ source, text })),
    chunks: index.chunks.map(({ id, source, start, end }) => ({ id, source, start, end })),
  };
  await replace(FILES.vectors, (file) => index.vectors.write(file));
  await replace(FILES.chunks, (file) => fs.writeFile(file, JSON.stringify(stored)));
  await replace(FILES.manifest, (file) => fs.writeFile(file, JSON.stringify(index.manifest, null, 2) + '\n'));
}

export async function readManifest(indexDir: string): Promise<IndexManifest | undefined> {
  const raw = await fs.readFile(path.join(indexDir, FILES.manifest), 'utf8').catch(() => undefined);
  if (raw === undefined) return undefined;
  const parsed = manifestSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : undefined;
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

export async function readIndex(indexDir: string, embedding: EmbeddingModelInfo): Promise<CorpusIndex> {
  const manifest = await readManifest(indexDir);
  if (!manifest) throw new IndexMissingError(`No index in ${indexDir}: run \`npm run index\` first.`);
  assertSameModel(manifest, embedding);
  const stored = storedChunksSchema.parse(JSON.parse(await fs.readFile(path.join(indexDir, FILES.chunks), 'utf8')));
  const vectors = await VectorIndex.read(path.join(indexDir, FILES.vectors), manifest.embedding.dimensions);
  const documents = new Map(stored.documents.map(({ source, text }) => [source, text]));
  return assembleIndex(manifest, documents, stored.chunks, vectors);
}
