import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deferEmbedder, loadEmbedder } from '../../src/embed/load.js';

const options = { model: 'docent-wordnet-v1', modelsDir: path.resolve('models'), queryPrefix: 'query: ', documentPrefix: 'passage: ' };

describe('a deferred embedder', () => {
  it('knows the version the loaded model will have before loading it, and loads it once', async () => {
    const deferred = deferEmbedder(options);
    const loaded = await loadEmbedder(options);
    expect(deferred.version).toBe(loaded.info.version);
    expect(deferred.version).not.toBe(deferEmbedder({ ...options, queryPrefix: '' }).version);
    const [first, second] = await Promise.all([deferred.load(), deferred.load()]);
    expect(first).toBe(second);
    expect(first.info).toEqual(loaded.info);
  }, 120_000);
});
