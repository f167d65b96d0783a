import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIndex, readManifest } from '../../src/index/folder-files.js';
import { INDEX_FORMAT, IndexMismatchError, IndexMissingError } from '../../src/index/store.js';
import { IndexCorruptError, POINTER_FILE, versionDir, versionIdOf } from '../../src/index/versions.js';
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

  it('keeps texts exact whatever their characters: accents, CJK and emoji (texts.bin; lone surrogates: folder-files.test.ts)', async () => {
    const odd = { 'c.txt': 'Café and naïve résumé 😀 — and more.', 'd.md': '# 東京\n\nTokyo is 東京 in Japanese.' };
    const config = await testConfig(await makeCorpus({ ...files, ...odd }));
    const built = await openDocent(config, { embedder: hashEmbedder() });
    const loaded = await readIndex(config.indexDir, hashEmbedder().info);
    expect([...loaded.documents]).toEqual([...built.index.documents]);
    expect(loaded.documents.get('d.md')).toContain('東京');
    for (const chunk of loaded.chunks) expect(chunk.text).toBe(loaded.documents.get(chunk.source)!.slice(chunk.start, chunk.end));
  });

  it('rebuilds a version written in an older index format instead of reading it, and says why', async () => {
    const config = await testConfig(await makeCorpus(files));
    const { version } = (await openDocent(config, { embedder: hashEmbedder() })).index;
    // The version as an older Docent would have published it: same files, manifest of format 2, its own id.
    const manifestText = (await fs.readFile(path.join(versionDir(config.indexDir, version), 'manifest.json'), 'utf8')).replace(/"format": \d+/, '"format": 2');
    const oldId = versionIdOf(createHash('sha256').update(manifestText).digest('hex'));
    await fs.rename(versionDir(config.indexDir, version), versionDir(config.indexDir, oldId));
    await fs.writeFile(path.join(versionDir(config.indexDir, oldId), 'manifest.json'), manifestText);
    await fs.writeFile(path.join(config.indexDir, POINTER_FILE), `${oldId}\n`);
    await expect(readIndex(config.indexDir, hashEmbedder().info)).rejects.toThrow(/index format 2, written by another version of Docent/);
    const reasons: string[] = [];
    const rebuilt = await openDocent(config, { embedder: hashEmbedder(), onReindex: (reason) => reasons.push(reason) });
    expect(reasons).toEqual([expect.stringMatching(/cannot be used .*index format 2/)]);
    expect(rebuilt.index.version).not.toBe(oldId);
    expect((await readManifest(config.indexDir))!.manifest.format).toBe(INDEX_FORMAT);
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
    for (const name of ['documents.json', 'texts.bin', 'chunks.json', 'lexical.bin', 'vectors.hnsw', 'manifest.json']) {
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
