import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { encodeHeader, encodeRecord, KEY_BYTES, readCacheFile, recordBytes } from './cache-file.js';
import { documentVectors, plainVector, type Embedder } from './types.js';

export interface CachedEmbedder extends Embedder {
  readonly hits: number;
  readonly misses: number;
  embedDocumentVectors(texts: readonly string[]): Promise<Float32Array[]>;
  /**
   * Persists vectors computed since loading (appended; the file is rewritten only when it was damaged,
   * or with `dropUnused` when more than a quarter of it holds vectors nothing asked for since loading).
   * With `release`, the vectors just written leave memory (asked for again, they are read back from the
   * file): a build saves after every batch, so its new vectors are never all held at once.
   */
  save(options?: { dropUnused?: boolean; release?: boolean }): Promise<void>;
}

export interface EmbeddingCacheOptions {
  /** Told when the cache file was unusable or damaged and what was kept (default: console.warn). */
  onWarning?: (message: string) => void;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const keyOf = (kind: 'document' | 'query', text: string) => createHash('sha256').update(kind).update('\0').update(text).digest().subarray(0, KEY_BYTES);

/** One file per model version, so vectors of different models (or prefixes) can never mix. */
export function embeddingCacheFile(cacheDir: string, version: string): string {
  return path.join(cacheDir, `${version.replace(/[^\w.@-]+/g, '_')}-${sha256(version).slice(0, 8)}.vectors`);
}

/** Records per write: a few MiB at a time, never a second copy of every vector (300 MiB at 100k × 768). */
const RECORDS_PER_WRITE = 1024;

async function writeRecords(handle: fs.promises.FileHandle, records: Iterable<[string, Float32Array]>): Promise<number> {
  let bytes = 0;
  let pending: Buffer[] = [];
  const flush = async () => {
    const chunk = Buffer.concat(pending.splice(0));
    await handle.write(chunk);
    bytes += chunk.length;
  };
  for (const [key, vector] of records) {
    pending.push(encodeRecord(Buffer.from(key, 'hex'), vector));
    if (pending.length === RECORDS_PER_WRITE) await flush();
  }
  if (pending.length > 0) await flush();
  return bytes;
}

async function writeWhole(file: string, header: Buffer, records: Iterable<[string, Float32Array]>): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await fs.promises.open(temporary, 'w');
  try {
    await handle.write(header);
    await writeRecords(handle, records);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.promises.rename(temporary, file);
}

/**
 * Wraps an embedder so texts it has embedded before (keyed by model version, kind and sha256 of the text)
 * are served from a binary file under `cacheDir`, making a re-index of an unchanged corpus embed nothing.
 * A damaged or truncated file never blocks: its valid records are kept, with a warning.
 */
export function withEmbeddingCache(embedder: Embedder, cacheDir: string, options: EmbeddingCacheOptions = {}): CachedEmbedder {
  const { version, dimensions } = embedder.info;
  const file = embeddingCacheFile(cacheDir, version);
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const stored = readCacheFile(file, version, dimensions);
  if (stored.unusable) warn(`Embedding cache ${file} ignored: ${stored.unusable}; it will be rewritten.`);
  if (stored.damaged > 0) warn(`Embedding cache ${file}: ${stored.damaged} damaged or torn record(s) skipped, ${stored.vectors.size} kept.`);
  const vectors = stored.vectors;
  const added = new Map<string, Float32Array>();
  /** Vectors saved and released: where their record starts in the file. */
  const released = new Map<string, number>();
  const used = new Set<string>();
  let rewrite = stored.unusable !== undefined || stored.damaged > 0;
  let hits = 0;
  let misses = 0;

  const lookup = async (kind: 'document' | 'query', texts: readonly string[]): Promise<Float32Array[]> => {
    const keys = texts.map((text) => keyOf(kind, text).toString('hex'));
    const missing = new Map<string, string>();
    keys.forEach((key, i) => {
      if (!vectors.has(key) && !released.has(key)) missing.set(key, texts[i]!);
      used.add(key);
    });
    hits += texts.length - missing.size;
    misses += missing.size;
    if (missing.size > 0) {
      const computed = kind === 'query' ? [Float32Array.from(await embedder.embedQuery([...missing.values()][0]!))] : await documentVectors(embedder, [...missing.values()]);
      [...missing.keys()].forEach((key, i) => {
        vectors.set(key, computed[i]!);
        added.set(key, computed[i]!);
      });
    }
    return keys.map((key) => vectors.get(key) ?? readReleased(released.get(key)!));
  };

  const readReleased = (recordStart: number): Float32Array => {
    const vector = new Float32Array(dimensions);
    const handle = fs.openSync(file, 'r');
    try {
      fs.readSync(handle, new Uint8Array(vector.buffer), 0, vector.byteLength, recordStart + KEY_BYTES);
    } finally {
      fs.closeSync(handle);
    }
    return vector;
  };

  /** Forgets the vectors of `added` (written as the records of `records`, from byte `start` on), keeping where they are. */
  const release = (records: Iterable<[string, Float32Array]>, start: number) => {
    let at = start;
    for (const [key] of records) {
      if (added.has(key)) {
        released.set(key, at);
        vectors.delete(key);
      }
      at += recordBytes(dimensions);
    }
  };

  return {
    info: embedder.info,
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    embedDocumentVectors: (texts) => lookup('document', texts),
    embedDocuments: async (texts) => (await lookup('document', texts)).map(plainVector),
    embedQuery: async (text) => plainVector((await lookup('query', [text]))[0]!),
    async save({ dropUnused = false, release: releaseSaved = false } = {}) {
      const unused = vectors.size - used.size;
      const compact = dropUnused && unused > vectors.size / 4;
      if (!rewrite && !compact && added.size === 0) return;
      await fs.promises.mkdir(cacheDir, { recursive: true });
      const header = encodeHeader(version, dimensions);
      if (rewrite || compact || stored.validBytes === 0) {
        const records = compact ? [...vectors].filter(([key]) => used.has(key)) : [...vectors];
        await writeWhole(file, header, records);
        stored.validBytes = (await fs.promises.stat(file)).size;
        if (releaseSaved) release(records, header.length);
      } else {
        // Cut a torn tail first so appended records stay aligned, then append.
        await fs.promises.truncate(file, stored.validBytes);
        const handle = await fs.promises.open(file, 'a');
        const start = stored.validBytes;
        try {
          stored.validBytes += await writeRecords(handle, added);
        } finally {
          await handle.close();
        }
        if (releaseSaved) release(added, start);
      }
      added.clear();
      rewrite = false;
    },
  };
}
