import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleReason } from '../../src/index/build.js';
import { IndexMismatchError, IndexMissingError, readIndex, readManifest } from '../../src/index/store.js';
import { openDocent } from '../../src/service.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';

const files = { 'a.md': 'Alpha centauri is a star system. It is close to the Sun.', 'b.txt': 'Bread is baked from flour, water and yeast.' };

describe('the index on disk', () => {
  it('round-trips: chunks, offsets, vectors and manifest survive a reload', async () => {
    const config = await testConfig(await makeCorpus(files));
    const built = await openDocent(config, { embedder: hashEmbedder() });
    const loaded = await readIndex(config.indexDir, hashEmbedder().info);
    expect(loaded.chunks).toEqual(built.index.chunks);
    expect(loaded.vectors.size).toBe(built.index.chunks.length);
    for (const chunk of loaded.chunks) expect(chunk.text).toBe(loaded.documents.get(chunk.source)!.slice(chunk.start, chunk.end));
    const manifest = await readManifest(config.indexDir);
    expect(manifest).toMatchObject({ embedding: hashEmbedder().info, chunkCount: loaded.chunks.length });
    expect(manifest!.documents.map((d) => d.source)).toEqual(['a.md', 'b.txt']);
  });

  it('refuses, with a clear message, to serve an index built by another model', async () => {
    const config = await testConfig(await makeCorpus(files));
    await openDocent(config, { embedder: hashEmbedder(128) });
    const other = hashEmbedder(64);
    await expect(readIndex(config.indexDir, other.info)).rejects.toThrow(IndexMismatchError);
    await expect(openDocent(config, { embedder: other, reindex: 'never' })).rejects.toThrow(
      /built with embedding model test-hash \(test-hash@128, 128 dimensions\), but EMBEDDING_MODEL is test-hash \(test-hash@64, 64 dimensions\)\. Re-index/,
    );
  });

  it('re-indexes instead of mixing when the model, the chunking or the corpus changes', async () => {
    const corpusDir = await makeCorpus(files);
    const config = await testConfig(corpusDir);
    const options = { corpusDir, indexDir: config.indexDir, chunkSize: config.chunkSize, chunkOverlap: config.chunkOverlap };
    expect(await staleReason(hashEmbedder(), options)).toBe('no index yet');
    await openDocent(config, { embedder: hashEmbedder() });
    expect(await staleReason(hashEmbedder(), options)).toBeUndefined();
    expect(await staleReason(hashEmbedder(64), options)).toMatch(/embedding model changed/);
    expect(await staleReason(hashEmbedder(), { ...options, chunkSize: 500 })).toBe('chunking settings changed');
    await fs.writeFile(path.join(corpusDir, 'c.md'), 'A new file appears.');
    expect(await staleReason(hashEmbedder(), options)).toBe('corpus files changed');

    const reasons: string[] = [];
    const reopened = await openDocent(config, { embedder: hashEmbedder(64), onReindex: (reason) => reasons.push(reason) });
    expect(reasons).toEqual(['embedding model changed (test-hash@128 → test-hash@64)']);
    expect(reopened.index.documents.size).toBe(3);
    expect((await readManifest(config.indexDir))!.embedding.dimensions).toBe(64);
  });

  it('says how to build an index when there is none', async () => {
    const config = await testConfig(await makeCorpus(files));
    await expect(openDocent(config, { embedder: hashEmbedder(), reindex: 'never' })).rejects.toThrow(IndexMissingError);
  });
});
