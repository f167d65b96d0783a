import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndexMismatchError, IndexMissingError, readIndex, readManifest } from '../../src/index/store.js';
import { IndexCorruptError, versionDir } from '../../src/index/versions.js';
import { openDocent } from '../../src/service.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';

const files = { 'a.md': '# Stars\n\nAlpha centauri is a star system. It is close to the Sun.', 'b.txt': 'Bread is baked from flour, water and yeast.' };

describe('the index on disk', () => {
  it('round-trips: documents with their structure, chunks, offsets, vectors and manifest survive a reload', async () => {
    const config = await testConfig(await makeCorpus(files));
    const built = await openDocent(config, { embedder: hashEmbedder() });
    const loaded = await readIndex(config.indexDir, hashEmbedder().info);
    expect(loaded.version).toMatch(/^[0-9a-f]{32}$/);
    expect(loaded.version).toBe(built.index.version);
    expect(loaded.chunks).toEqual(built.index.chunks);
    expect([...loaded.sources.values()]).toEqual([...built.index.sources.values()]);
    expect(loaded.sources.get('a.md')).toMatchObject({ format: 'markdown', title: 'Stars', text: 'Stars\n\nAlpha centauri is a star system. It is close to the Sun.' });
    expect(loaded.vectors.size).toBe(built.index.chunks.length);
    for (const chunk of loaded.chunks) expect(chunk.text).toBe(loaded.documents.get(chunk.source)!.slice(chunk.start, chunk.end));
    const current = await readManifest(config.indexDir);
    expect(current!.manifest).toMatchObject({ embedding: hashEmbedder().info, chunkCount: loaded.chunks.length });
    expect(current!.manifest.documents.map((d) => d.source)).toEqual(['a.md', 'b.txt']);
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

  it('rebuilds instead of mixing when the model or the chunking changes, and says why', async () => {
    const corpusDir = await makeCorpus(files);
    const config = await testConfig(corpusDir);
    const reasons: string[] = [];
    const onReindex = (reason: string) => reasons.push(reason);
    await openDocent(config, { embedder: hashEmbedder(), onReindex });
    await openDocent(config, { embedder: hashEmbedder(), onReindex });
    const reopened = await openDocent(config, { embedder: hashEmbedder(64), onReindex });
    await openDocent({ ...config, chunkSize: 500 }, { embedder: hashEmbedder(64), onReindex });
    expect(reasons).toEqual(['no index yet', 'embedding model changed (test-hash@128 → test-hash@64)', 'chunking settings changed']);
    expect(reopened.index.vectors.dimensions).toBe(64);
  });

  it('says how to build an index when there is none', async () => {
    const config = await testConfig(await makeCorpus(files));
    await expect(openDocent(config, { embedder: hashEmbedder(), reindex: 'never' })).rejects.toThrow(IndexMissingError);
  });

  it('detects a damaged or edited file, names it, never serves it, and rebuilds', async () => {
    for (const name of ['documents.json', 'chunks.json', 'lexical.json', 'vectors.hnsw', 'manifest.json']) {
      const config = await testConfig(await makeCorpus(files));
      const { version } = (await openDocent(config, { embedder: hashEmbedder() })).index;
      const file = path.join(versionDir(config.indexDir, version), name);
      const bytes = await fs.readFile(file);
      // An edit that keeps the file well-formed: one byte changed in the middle.
      bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x01;
      await fs.writeFile(file, bytes);
      await expect(readIndex(config.indexDir, hashEmbedder().info)).rejects.toThrow(IndexCorruptError);
      await expect(openDocent(config, { embedder: hashEmbedder(), reindex: 'never' })).rejects.toThrow(name);
      const reasons: string[] = [];
      const rebuilt = await openDocent(config, { embedder: hashEmbedder(), onReindex: (reason) => reasons.push(reason) });
      expect(reasons[0]).toMatch(new RegExp(`cannot be used .*${name.replace('.', '\\.')}`));
      expect(rebuilt.index.chunks.length).toBeGreaterThan(0);
    }
  });
});
