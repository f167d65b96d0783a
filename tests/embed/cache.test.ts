import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddingCacheFile, withEmbeddingCache } from '../../src/embed/cache.js';
import type { Embedder } from '../../src/embed/types.js';

/** Deterministic stand-in embedder that counts how many texts it was asked to embed. */
function countingEmbedder(version: string) {
  let embedded = 0;
  const vector = (text: string) => [text.length / 100, Math.sin(text.length), text.charCodeAt(0) / 1000 || 0];
  const embedder: Embedder = {
    info: { model: 'fake', version, dimensions: 3, pretrained: false },
    embedDocuments: async (texts) => {
      embedded += texts.length;
      return texts.map(vector);
    },
    embedQuery: async (text) => {
      embedded += 1;
      return vector(`q:${text}`);
    },
  };
  return { embedder, embedded: () => embedded };
}

describe('embedding cache', () => {
  const corpus = ['alpha', 'beta', 'gamma', 'alpha'];

  it('after save({ release: true }) reads released vectors back from the file instead of embedding them again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-cache-'));
    const counting = countingEmbedder('fake@1');
    const cache = withEmbeddingCache(counting.embedder, dir);
    const first = await cache.embedDocumentVectors(['alpha', 'beta']);
    await cache.save({ release: true });
    // The second save appends; 'beta' was released by the first and is read back.
    const second = await cache.embedDocumentVectors(['gamma', 'beta']);
    await cache.save({ release: true });
    const third = await cache.embedDocumentVectors(['gamma', 'alpha', 'beta']);
    expect(counting.embedded()).toBe(3);
    expect([cache.misses, cache.hits]).toEqual([3, 4]);
    expect(second[1]).toEqual(first[1]);
    expect(third).toEqual([second[0], first[0], first[1]]);

    const reloaded = withEmbeddingCache(countingEmbedder('fake@1').embedder, dir);
    expect(await reloaded.embedDocumentVectors(['alpha', 'beta', 'gamma'])).toEqual([first[0], first[1], second[0]]);
    expect(reloaded.misses).toBe(0);
  });

  it('re-embeds nothing on a second pass over the same texts, across processes (save + reload)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-cache-'));
    const first = countingEmbedder('fake@1');
    const cold = withEmbeddingCache(first.embedder, dir);
    const vectors = await cold.embedDocuments(corpus);
    expect(cold.misses).toBe(3);
    expect(cold.hits).toBe(1);
    expect(first.embedded()).toBe(3);
    await cold.save();

    const second = countingEmbedder('fake@1');
    const warm = withEmbeddingCache(second.embedder, dir);
    const again = await warm.embedDocuments(corpus);
    expect(warm.misses).toBe(0);
    expect(warm.hits).toBe(4);
    expect(second.embedded()).toBe(0);
    expect(again).toEqual(vectors.map((v) => Array.from(Float32Array.from(v))));
  });

  it('keeps queries apart from documents and model versions apart from each other', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-cache-'));
    const v1 = withEmbeddingCache(countingEmbedder('fake@1').embedder, dir);
    await v1.embedDocuments(['alpha']);
    expect(await v1.embedQuery('alpha')).not.toEqual((await v1.embedDocuments(['alpha']))[0]);
    await v1.save();

    const v2 = withEmbeddingCache(countingEmbedder('fake@2').embedder, dir);
    await v2.embedDocuments(['alpha']);
    expect(v2.misses).toBe(1);
  });
});

describe('embedding cache file', () => {
  const texts = Array.from({ length: 6 }, (_, i) => `text number ${i}`);

  async function filledCache() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-cache-'));
    const cache = withEmbeddingCache(countingEmbedder('fake@1').embedder, dir, { onWarning: () => {} });
    const vectors = await cache.embedDocumentVectors(texts);
    await cache.save();
    return { dir, file: embeddingCacheFile(dir, 'fake@1'), vectors };
  }

  function reopen(dir: string) {
    const warnings: string[] = [];
    const counting = countingEmbedder('fake@1');
    const cache = withEmbeddingCache(counting.embedder, dir, { onWarning: (message) => warnings.push(message) });
    return { cache, warnings, embedded: counting.embedded };
  }

  it('is binary and append-only: a second session appends only its new vectors', async () => {
    const { dir, file } = await filledCache();
    const size = fs.statSync(file).size;
    expect(fs.readFileSync(file).subarray(0, 8).toString()).toBe('DOCENTEV');
    const { cache, embedded } = reopen(dir);
    await cache.embedDocumentVectors([...texts, 'one more']);
    await cache.save();
    expect(embedded()).toBe(1);
    expect(fs.statSync(file).size - size).toBe(16 + 3 * 4 + 4);
  });

  it('keeps the whole records of a truncated file, warns, and repairs it on save', async () => {
    const { dir, file, vectors } = await filledCache();
    fs.truncateSync(file, fs.statSync(file).size - 7);
    const { cache, warnings, embedded } = reopen(dir);
    expect(await cache.embedDocumentVectors(texts)).toEqual(vectors);
    expect(embedded()).toBe(1);
    expect(warnings.join()).toMatch(/1 damaged or torn record\(s\) skipped, 5 kept/);
    await cache.save();
    expect(reopen(dir).warnings).toEqual([]);
  });

  it('skips a record whose bytes were flipped, and ignores a foreign or garbled file', async () => {
    const { dir, file } = await filledCache();
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10]! ^= 0xff;
    fs.writeFileSync(file, bytes);
    const damaged = reopen(dir);
    await damaged.cache.embedDocumentVectors(texts);
    expect(damaged.embedded()).toBe(1);
    expect(damaged.warnings).toHaveLength(1);

    fs.writeFileSync(file, 'not a cache at all');
    const garbled = reopen(dir);
    await garbled.cache.embedDocumentVectors(texts);
    expect(garbled.embedded()).toBe(texts.length);
    expect(garbled.warnings.join()).toMatch(/ignored: not a Docent embedding cache/);
    await garbled.cache.save();
    expect(reopen(dir).warnings).toEqual([]);
  });

  it('drops vectors nothing asked for when asked to, once they are more than a quarter of the file', async () => {
    const { dir, file } = await filledCache();
    const size = fs.statSync(file).size;
    const { cache } = reopen(dir);
    await cache.embedDocumentVectors(texts.slice(0, 2));
    await cache.save({ dropUnused: true });
    expect(fs.statSync(file).size).toBeLessThan(size / 2);
    const after = reopen(dir);
    await after.cache.embedDocumentVectors(texts.slice(0, 2));
    expect(after.embedded()).toBe(0);
  });
});
