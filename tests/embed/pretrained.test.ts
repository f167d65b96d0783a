import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/embed/load.js';
import { IndexMismatchError } from '../../src/index/store.js';
import { openDocent } from '../../src/service.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';
import { dot, writeTinyModel } from './tiny-model.js';

let modelsDir: string;
let looseDir: string;

beforeAll(() => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-pretrained-'));
  modelsDir = path.join(root, 'models');
  looseDir = path.join(root, 'elsewhere', 'tiny-no-types');
  writeTinyModel(path.join(modelsDir, 'Acme', 'tiny-bert'), { dimensions: 12, tokenTypeIds: true });
  writeTinyModel(looseDir, { dimensions: 10, tokenTypeIds: false });
});

afterAll(() => fs.rmSync(path.dirname(modelsDir), { recursive: true, force: true }));

describe('loading pretrained-style model folders', () => {
  it('loads a Hugging Face id from under modelsDir (graph with token_type_ids)', async () => {
    const embedder = await loadEmbedder({ model: 'Acme/tiny-bert', modelsDir });
    expect(embedder.info).toMatchObject({ model: 'Acme/tiny-bert', dimensions: 12, pretrained: true });
    expect(embedder.info.version).toMatch(/^Acme\/tiny-bert@[0-9a-f]{12}$/);
    const [cat, dog, cat2] = await embedder.embedDocuments(['cat', 'dog', 'Cat']);
    expect(dot(cat!, cat!)).toBeCloseTo(1, 5);
    expect(cat2).toEqual(cat);
    expect(dot(cat!, dog!)).toBeLessThan(0.9);
  });

  it('loads a folder by path (graph without token_type_ids), in batches', async () => {
    const embedder = await loadEmbedder({ model: looseDir, modelsDir, batchSize: 2 });
    expect(embedder.info.dimensions).toBe(10);
    const texts = ['cat', 'dog', 'hello world', 'world', 'cat dog'];
    const batched = await embedder.embedDocuments(texts);
    expect(batched).toHaveLength(5);
    for (const [i, text] of texts.entries()) expect(batched[i]).toEqual(await embedder.embedQuery(text));
  });

  it('applies query and document prefixes', async () => {
    const plain = await loadEmbedder({ model: 'Acme/tiny-bert', modelsDir });
    const prefixed = await loadEmbedder({ model: 'Acme/tiny-bert', modelsDir, queryPrefix: 'query: ', documentPrefix: 'passage: ' });
    expect(await prefixed.embedQuery('cat')).toEqual(await plain.embedQuery('query: cat'));
    expect(await prefixed.embedDocuments(['dog'])).toEqual(await plain.embedDocuments(['passage: dog']));
    expect(await prefixed.embedQuery('cat')).not.toEqual(await plain.embedQuery('cat'));
    expect(prefixed.info.version).not.toBe(plain.info.version);
  });

  it('names every path it tried when a model is missing, and does not fall back', async () => {
    const attempt = loadEmbedder({ model: 'Xenova/all-MiniLM-L6-v2', modelsDir });
    await expect(attempt).rejects.toThrow(path.join(modelsDir, 'Xenova', 'all-MiniLM-L6-v2'));
    await expect(attempt).rejects.toThrow(/Remote model download is disabled/);
    await expect(attempt).rejects.toThrow(/ALLOW_REMOTE_MODELS=true/);
    await expect(attempt).rejects.toThrow(/onnx\/model\.onnx/);

    const missingFolder = path.join(path.dirname(looseDir), 'nothing-here');
    await expect(loadEmbedder({ model: missingFolder, modelsDir })).rejects.toThrow(missingFolder);
  });

  it('keeps indexes of two pretrained models apart: refuses to mix, re-indexes instead', async () => {
    const config = await testConfig(await makeCorpus({ 'pets.md': 'hello cat. hello dog. world.' }));
    const first = await loadEmbedder({ model: 'Acme/tiny-bert', modelsDir });
    const second = await loadEmbedder({ model: looseDir, modelsDir });
    expect((await openDocent(config, { embedder: first })).index.vectors.dimensions).toBe(12);
    await expect(openDocent(config, { embedder: second, reindex: 'never' })).rejects.toThrow(IndexMismatchError);
    await expect(openDocent(config, { embedder: second, reindex: 'never' })).rejects.toThrow(/built with embedding model Acme\/tiny-bert .*12 dimensions.*10 dimensions/);
    const reasons: string[] = [];
    const reindexed = await openDocent(config, { embedder: second, onReindex: (reason) => reasons.push(reason) });
    expect(reasons[0]).toMatch(/^embedding model changed/);
    expect(reindexed.index.vectors.dimensions).toBe(10);
    expect((await reindexed.search('cat', 1))[0]!.text).toBe('hello cat. hello dog. world.');
  });
});
