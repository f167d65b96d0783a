import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Embedder } from './types.js';

export interface CachedEmbedder extends Embedder {
  readonly hits: number;
  readonly misses: number;
  /** Persists vectors computed since loading; a no-op when nothing changed. */
  save(): Promise<void>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** One file per model version, so vectors of different models (or prefixes) can never mix. */
export function embeddingCacheFile(cacheDir: string, version: string): string {
  return path.join(cacheDir, `${version.replace(/[^\w.@-]+/g, '_')}-${sha256(version).slice(0, 8)}.json`);
}

interface CacheFile {
  version: string;
  dimensions: number;
  /** sha256(kind + NUL + text) → base64 of the float32 vector. */
  vectors: Record<string, string>;
}

function readCacheFile(file: string, version: string): Map<string, Float32Array> {
  if (!fs.existsSync(file)) return new Map();
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
  if (data.version !== version) return new Map();
  return new Map(
    Object.entries(data.vectors).map(([key, base64]) => {
      const bytes = Buffer.from(base64, 'base64');
      return [key, new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)];
    }),
  );
}

/**
 * Wraps an embedder so texts it has embedded before (keyed by model version and sha256 of the text)
 * are served from `<cacheDir>/`, making a re-index of an unchanged corpus embed nothing.
 */
export function withEmbeddingCache(embedder: Embedder, cacheDir: string): CachedEmbedder {
  const file = embeddingCacheFile(cacheDir, embedder.info.version);
  const vectors = readCacheFile(file, embedder.info.version);
  let hits = 0;
  let misses = 0;
  let dirty = false;

  const embed = async (kind: 'document' | 'query', texts: string[]): Promise<number[][]> => {
    const keys = texts.map((text) => sha256(`${kind}\0${text}`));
    const missing = [...new Set(keys.filter((key) => !vectors.has(key)))];
    const missingTexts = missing.map((key) => texts[keys.indexOf(key)]!);
    hits += texts.length - missingTexts.length;
    misses += missingTexts.length;
    if (missingTexts.length > 0) {
      const computed = kind === 'query' ? [await embedder.embedQuery(missingTexts[0]!)] : await embedder.embedDocuments(missingTexts);
      missing.forEach((key, i) => vectors.set(key, Float32Array.from(computed[i]!)));
      dirty = true;
    }
    return keys.map((key) => Array.from(vectors.get(key)!));
  };

  return {
    info: embedder.info,
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    embedDocuments: (texts) => embed('document', texts),
    embedQuery: async (text) => (await embed('query', [text]))[0]!,
    async save() {
      if (!dirty) return;
      const data: CacheFile = {
        version: embedder.info.version,
        dimensions: embedder.info.dimensions,
        vectors: Object.fromEntries(
          [...vectors].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, vector]) => [key, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64')]),
        ),
      };
      await fs.promises.mkdir(cacheDir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await fs.promises.writeFile(temporary, JSON.stringify(data));
      await fs.promises.rename(temporary, file);
      dirty = false;
    },
  };
}
