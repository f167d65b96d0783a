import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { DeferredEmbedder } from '../../src/embed/types.js';
import { buildIndex } from '../../src/index/build.js';
import { folderStorage } from '../../src/index/folder-storage.js';
import { readIndex } from '../../src/index/folder-files.js';
import { versionDir } from '../../src/index/versions.js';
import type { Progress } from '../../src/progress.js';
import { buildOptions } from '../../src/service.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';

describe('buildIndex', () => {
  it('reads, chunks and embeds only added or changed files; removed files leave the index', async () => {
    const corpusDir = await makeCorpus({ 'a.md': 'First document. It has two sentences.', 'b.md': 'Second document.' });
    const config = await testConfig(corpusDir);
    const progress: Progress[] = [];
    const options = buildOptions(config, { batchSize: 1, onProgress: (p: Progress) => progress.push(p) });

    const first = await buildIndex(hashEmbedder(), options);
    expect(first).toMatchObject({ changed: true, documents: 2, chunks: 2, embedded: 2, added: ['a.md', 'b.md'] });
    expect(progress.filter((p) => p.phase === 'Embedding chunks').at(-1)).toEqual({ phase: 'Embedding chunks', done: 2, total: 2 });

    const unchanged = await buildIndex(hashEmbedder(), options);
    expect(unchanged).toMatchObject({ changed: false, chunks: 2, embedded: 0 });
    expect(unchanged.version).toBe(first.version);

    await fs.writeFile(path.join(corpusDir, 'c.md'), 'A third, new document.');
    await fs.writeFile(path.join(corpusDir, 'b.md'), 'Second document, rewritten about lighthouses.');
    await fs.rm(path.join(corpusDir, 'a.md'));
    const next = await buildIndex(hashEmbedder(), options);
    expect(next).toMatchObject({ changed: true, documents: 2, chunks: 2, embedded: 2, added: ['c.md'], updated: ['b.md'], removed: ['a.md'] });
    expect(next.version).not.toBe(first.version);
    const reloaded = await readIndex(config.indexDir, hashEmbedder().info);
    expect(reloaded.chunks.map((chunk) => chunk.text)).toEqual(['Second document, rewritten about lighthouses.', 'A third, new document.']);
    expect(reloaded.vectors.size).toBe(2);
    // The removed document is gone from both retrievers.
    expect(reloaded.lexical.search('First sentences', 5)).toEqual([]);
    expect(reloaded.vectors.search(await hashEmbedder().embedQuery('First document. It has two sentences.'), 5).map((hit) => reloaded.chunkByLabel.get(hit.label)?.source)).not.toContain('a.md');

    // Another model never reuses these vectors.
    expect(await buildIndex(hashEmbedder(64), options)).toMatchObject({ chunks: 2, embedded: 2 });
  });

  it('takes an unchanged corpus as up to date from the manifest alone: no model loaded, no file of the version read', async () => {
    const corpusDir = await makeCorpus({ 'a.md': 'Some text about tides.', 'b.md': 'Some text about harbours.' });
    const config = await testConfig(corpusDir);
    const first = await buildIndex(hashEmbedder(), buildOptions(config));
    let loads = 0;
    const model: DeferredEmbedder = { version: hashEmbedder().info.version, load: async () => (loads++, hashEmbedder()) };
    const storage = folderStorage(config.indexDir);
    const read = vi.spyOn(storage, 'read');
    // Damaged behind the manifest's back: only a build that reads the version's files notices.
    await fs.appendFile(path.join(versionDir(config.indexDir, first.version), 'vectors.hnsw'), 'x');

    const unchanged = await buildIndex(model, buildOptions(config, { storage }));
    expect(unchanged).toMatchObject({ changed: false, version: first.version, documents: 2, chunks: 2, embedding: hashEmbedder().info });
    expect(unchanged.index).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
    expect(loads).toBe(0);

    // A caller that needs the index in memory reads it, checks it and rebuilds it, loading the model for that.
    const reasons: string[] = [];
    const checked = await buildIndex(model, buildOptions(config, { storage, readUnchanged: true, onRebuild: (reason) => reasons.push(reason) }));
    expect(reasons).toEqual([expect.stringMatching(/vectors\.hnsw is damaged/)]);
    expect(checked).toMatchObject({ changed: true, documents: 2, embedded: 0 });
    expect(checked.version).not.toBe(first.version);
    expect(loads).toBe(1);
    expect((await readIndex(config.indexDir, hashEmbedder().info)).documents.size).toBe(2);
  });

  it('takes a touched but unchanged file as unchanged, without re-embedding it', async () => {
    const corpusDir = await makeCorpus({ 'a.md': 'Some text about tides.' });
    const options = buildOptions(await testConfig(corpusDir));
    await buildIndex(hashEmbedder(), options);
    const later = new Date(Date.now() + 5000);
    await fs.utimes(path.join(corpusDir, 'a.md'), later, later);
    const touched = await buildIndex(hashEmbedder(), options);
    expect(touched).toMatchObject({ embedded: 0, added: [], updated: [] });
    expect(await buildIndex(hashEmbedder(), options)).toMatchObject({ changed: false });
  });

  it('reports a bad file by name and indexes the others', async () => {
    const corpusDir = await makeCorpus({ 'good.md': 'Good text.', 'empty.md': '', 'photo.jpg': 'x' });
    const report = await buildIndex(hashEmbedder(), buildOptions(await testConfig(corpusDir)));
    expect(report.documents).toBe(1);
    expect(report.failures).toEqual([
      { source: 'empty.md', reason: 'the file is empty' },
      { source: 'photo.jpg', reason: 'unsupported file type .jpg' },
    ]);
  });

  it('compacts the vector index when deletions pile up', async () => {
    const corpusDir = await makeCorpus(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`d${i}.md`, `Document number ${i} about topic ${i}.`])));
    const config = await testConfig(corpusDir);
    const options = buildOptions(config);
    await buildIndex(hashEmbedder(), options);
    for (let i = 0; i < 4; i++) await fs.rm(path.join(corpusDir, `d${i}.md`));
    const report = await buildIndex(hashEmbedder(), options);
    expect(report.index!.manifest.deletedLabels).toBe(0);
    expect(report.index!.vectors.size).toBe(4);
    expect((await readIndex(config.indexDir, hashEmbedder().info)).vectors.size).toBe(4);
  });
});
