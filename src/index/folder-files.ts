import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { EmbeddingModelInfo } from '../embed/types.js';
import { BLOCK_FIELDS } from './block-rows.js';
import { CHUNK_FIELDS, compactChunks, compactStructure, readChunks, readDocumentLayouts } from './compact-files.js';
import { int32Bytes, readInt32Rows } from './int32-rows.js';
import { lazyDocumentTable } from './document-table.js';
import { FileBytes, TextBlob, writeText } from './document-texts.js';
import { LexicalIndex } from './lexical-index.js';
import { assembleIndex, assertSameModel, INDEX_FORMAT, IndexMissingError, manifestSchema, type CorpusIndex, type IndexManifest } from './store.js';
import { StreamedFile, writeJsonFile, writePieces } from './streamed-file.js';
import { VectorIndex } from './vector-index.js';
import { checkedEarlier, recordChecked } from './checked-files.js';
import { damagedFile, fileSha256, IndexCorruptError, MANIFEST_FILE, readPointer, verifyChecksums, versionDir, versionIdOf } from './versions.js';

/**
 * The files of a version in a folder (INDEX_FORMAT 6): the documents' texts in one binary file, their
 * structure and the chunk table as compact JSON with their rows in binary files (compact-files.ts), BM25's inverted index in a binary
 * file (lexical-compact.ts), the HNSW graph as hnswlib writes it.
 */
export const FILES = {
  documents: 'documents.json',
  texts: 'texts.bin',
  blocks: 'blocks.bin',
  chunks: 'chunks.json',
  chunkRows: 'chunks.bin',
  lexical: 'lexical.bin',
  vectors: 'vectors.hnsw',
} as const;

/**
 * Writes the files of a version into `dir` (a fresh folder) and returns the manifest with their
 * checksums. Each file is streamed and hashed as it is written: no file is ever one whole string.
 */
export async function writeIndexFiles(dir: string, index: Omit<CorpusIndex, 'version' | 'manifest'> & { vectors: VectorIndex }, manifest: Omit<IndexManifest, 'checksums'>): Promise<IndexManifest> {
  const checksums: Record<string, string> = {};
  const texts = new StreamedFile(path.join(dir, FILES.texts));
  const blocks = new StreamedFile(path.join(dir, FILES.blocks));
  const layouts = [];
  try {
    for (const document of index.sources.values()) {
      const { structure, rows } = compactStructure(document);
      await blocks.write(int32Bytes(rows));
      layouts.push({ ...structure, ...(await writeText(texts, document.text)) });
    }
    checksums[FILES.texts] = await texts.close();
    checksums[FILES.blocks] = await blocks.close();
  } catch (error) {
    texts.abort();
    blocks.abort();
    throw error;
  }
  checksums[FILES.documents] = await writeJsonFile(path.join(dir, FILES.documents), layouts, 1);
  const chunks = compactChunks(index.chunks);
  checksums[FILES.chunks] = await writeJsonFile(path.join(dir, FILES.chunks), chunks.table, 1);
  checksums[FILES.chunkRows] = await writePieces(path.join(dir, FILES.chunkRows), [int32Bytes(chunks.rows)]);
  checksums[FILES.lexical] = await writePieces(path.join(dir, FILES.lexical), index.lexical.encode());
  await index.vectors.write(path.join(dir, FILES.vectors));
  checksums[FILES.vectors] = await fileSha256(path.join(dir, FILES.vectors));
  const full: IndexManifest = { ...manifest, checksums };
  await fs.writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(full, null, 2) + '\n');
  // Hashed as written (the graph read back from disk): the first start on this version need not hash
  // them again (≈ 0.4 s of CPU per serving process at 100k chunks; INDEX_FULL_CHECK still does).
  await recordChecked(dir, checksums);
  return full;
}

/** A file of the version, read once and checked against the checksum its manifest recorded (unless it was, unchanged since). */
async function readVerified(dir: string, name: string, checksums: Record<string, string>, checked: boolean): Promise<Buffer> {
  const file = path.join(dir, name);
  const bytes = await fs.readFile(file).catch(() => undefined);
  if (bytes === undefined || checksums[name] === undefined) throw new IndexCorruptError(`${file} is missing`);
  if (!checked && createHash('sha256').update(bytes).digest('hex') !== checksums[name]) throw new IndexCorruptError(`${file} is damaged or was edited (its checksum does not match the manifest)`);
  return bytes;
}

function jsonOf(bytes: Buffer, file: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new IndexCorruptError(`${file} is not valid JSON`);
  }
}

function parseJson<T>(bytes: Buffer, file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(jsonOf(bytes, file));
  if (!parsed.success) throw new IndexCorruptError(`${file} does not have the expected shape (${parsed.error.issues[0]?.path.join('.') ?? ''})`);
  return parsed.data;
}

/** The format a manifest says it has, read before the manifest's shape is checked: an older one gets its own reason. */
const formatOnly = z.object({ format: z.unknown() });

/**
 * The manifest of the current version, checked against the version's id (the manifest's own hash);
 * undefined when there is no index yet. Throws IndexCorruptError naming the file that is wrong.
 */
export async function readManifest(indexDir: string): Promise<{ version: string; manifest: IndexManifest } | undefined> {
  const version = await readPointer(indexDir);
  if (!version) return undefined;
  const file = path.join(versionDir(indexDir, version), MANIFEST_FILE);
  const bytes = await fs.readFile(file).catch(() => undefined);
  if (bytes === undefined) throw new IndexCorruptError(`${file} is missing`);
  if (versionIdOf(createHash('sha256').update(bytes).digest('hex')) !== version) throw new IndexCorruptError(`${file} is damaged or was edited (it does not match its version id)`);
  const format = parseJson(bytes, file, formatOnly).format;
  if (format !== INDEX_FORMAT) throw new IndexCorruptError(`${file} is of index format ${String(format)}, written by another version of Docent (this one reads ${INDEX_FORMAT})`);
  return { version, manifest: parseJson(bytes, file, manifestSchema) };
}

export interface ReadOptions {
  fullCheck?: boolean;
  /** Told of the texts file the version reads from (to close it with the storage). */
  onTextsOpened?: (texts: FileBytes) => void;
}

/**
 * Loads the current version. Every file is checked against the manifest's checksums before it is
 * parsed — the native HNSW loader never sees bytes that fail theirs — and every chunk against its document's recorded length (each text is decoded on first use, see document-table.ts).
 * A file already checked and unchanged since by size and time is not hashed again (see checked-files.ts) unless `fullCheck`.
 */
export async function readIndex(indexDir: string, embedding: EmbeddingModelInfo, { fullCheck = false, onTextsOpened }: ReadOptions = {}): Promise<Omit<CorpusIndex, 'vectors'> & { vectors: VectorIndex }> {
  const current = await readManifest(indexDir);
  if (!current) throw new IndexMissingError(`No index in ${indexDir}: run \`npm run index\` first.`);
  const { version, manifest } = current;
  assertSameModel(manifest, embedding);
  const dir = versionDir(indexDir, version);
  const earlier = fullCheck ? new Map<string, string>() : await checkedEarlier(dir);
  const checked = (name: string) => manifest.checksums[name] !== undefined && earlier.get(name) === manifest.checksums[name];
  const verified = (name: string) => readVerified(dir, name, manifest.checksums, checked(name));
  const file = (name: string) => path.join(dir, name);
  // The graph is read by hnswlib on a libuv thread: it loads while this thread parses the other files.
  const vectorsFile = path.join(dir, FILES.vectors);
  const vectorsRead = (async () => {
    if (!checked(FILES.vectors)) await verifyChecksums(dir, { [FILES.vectors]: manifest.checksums[FILES.vectors] ?? 'none recorded' });
    return VectorIndex.read(vectorsFile, manifest.embedding.dimensions, manifest.deletedLabels);
  })();
  // Awaited below; when another file fails first, its error is the one reported.
  vectorsRead.catch(() => undefined);
  // texts.bin is not held: each text is read from it when first decoded. It is opened first and hashed
  // (unless checked earlier) through that same descriptor, so the bytes checked are the bytes served.
  const textsRead = (async () => {
    let texts: FileBytes;
    try {
      texts = FileBytes.open(file(FILES.texts));
    } catch {
      throw new IndexCorruptError(`${file(FILES.texts)} is missing`);
    }
    try {
      if (!checked(FILES.texts) && (await texts.sha256()) !== manifest.checksums[FILES.texts]) throw damagedFile(file(FILES.texts));
    } catch (error) {
      texts.close();
      throw error;
    }
    onTextsOpened?.(texts);
    return texts;
  })();
  textsRead.catch(() => undefined);
  const [documentsJson, blockBytes, chunkRowBytes, chunksJson, lexicalBytes] = await Promise.all([FILES.documents, FILES.blocks, FILES.chunkRows, FILES.chunks, FILES.lexical].map(verified));
  const layouts = readDocumentLayouts(jsonOf(documentsJson!, file(FILES.documents)), file(FILES.documents));
  const texts = new TextBlob(await textsRead, layouts, file(FILES.texts));
  const chars = new Map(manifest.documents.map((entry) => [entry.source, entry.chars]));
  const documents = lazyDocumentTable(layouts, texts, readInt32Rows(blockBytes!, BLOCK_FIELDS, file(FILES.blocks)), chars, file(FILES.documents));
  const chunks = readChunks(jsonOf(chunksJson!, file(FILES.chunks)), readInt32Rows(chunkRowBytes!, CHUNK_FIELDS, file(FILES.chunkRows)), file(FILES.chunks));
  const lexical = LexicalIndex.decode(lexicalBytes!, file(FILES.lexical));
  const vectors = await vectorsRead;
  if (vectors.size !== chunks.length) throw new IndexCorruptError(`${vectorsFile} holds ${vectors.size} vectors for ${chunks.length} chunks`);
  if (!Object.keys(manifest.checksums).every(checked)) await recordChecked(dir, manifest.checksums);
  return assembleIndex(version, manifest, documents, chunks, vectors, lexical);
}
