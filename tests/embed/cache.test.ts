import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEmbeddingCache } from '../../src/embed/cache.js';
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
