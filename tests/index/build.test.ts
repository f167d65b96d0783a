import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.js';
import type { Progress } from '../../src/progress.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';

describe('buildIndex', () => {
  it('reports progress, and re-embeds only chunks it has not embedded before', async () => {
    const corpusDir = await makeCorpus({ 'a.md': 'First document. It has two sentences.', 'b.md': 'Second document.' });
    const config = await testConfig(corpusDir);
    const progress: Progress[] = [];
    const options = { corpusDir, indexDir: config.indexDir, chunkSize: 800, chunkOverlap: 100, batchSize: 1, onProgress: (p: Progress) => progress.push(p) };

    const first = await buildIndex(hashEmbedder(), options);
    expect(first).toMatchObject({ documents: 2, chunks: 2, embedded: 2 });
    expect(progress.filter((p) => p.phase === 'Embedding chunks').at(-1)).toEqual({ phase: 'Embedding chunks', done: 2, total: 2 });

    expect(await buildIndex(hashEmbedder(), options)).toMatchObject({ chunks: 2, embedded: 0 });

    await fs.writeFile(path.join(corpusDir, 'c.md'), 'A third, new document.');
    expect(await buildIndex(hashEmbedder(), options)).toMatchObject({ documents: 3, chunks: 3, embedded: 1 });

    // Another model never reuses these vectors.
    expect(await buildIndex(hashEmbedder(64), options)).toMatchObject({ chunks: 3, embedded: 3 });
  });
});
