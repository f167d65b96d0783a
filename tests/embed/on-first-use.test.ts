import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedEmbedderOnFirstUse, loadEmbedder } from '../../src/embed/load.js';

const options = { model: 'docent-wordnet-v1', modelsDir: path.resolve('models'), queryPrefix: 'query: ', documentPrefix: 'passage: ' };
const texts = ['The Treaty of Westphalia was signed in 1648.', 'Photosynthesis turns light into chemical energy.', ''];

describe('a generated model loaded on first use', () => {
  it('has the loaded model’s identity before loading, and gives the same vectors once loaded', async () => {
    const onFirstUse = generatedEmbedderOnFirstUse(options)!;
    const loaded = await loadEmbedder(options);
    expect(onFirstUse.info).toEqual(loaded.info);
    // Two first uses at once load the model once.
    const [query, documents] = await Promise.all([onFirstUse.embedQuery(texts[0]!), onFirstUse.embedDocuments(texts)]);
    expect(query).toEqual(await loaded.embedQuery(texts[0]!));
    expect(documents).toEqual(await loaded.embedDocuments(texts));
    expect(await onFirstUse.embedDocumentVectors!(texts)).toEqual(await loaded.embedDocumentVectors!(texts));
    expect(await onFirstUse.load()).toBe(await onFirstUse.load());
  }, 120_000);

  it('is not offered for a model that must be built first or is pretrained', () => {
    const emptyModels = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-models-'));
    try {
      expect(generatedEmbedderOnFirstUse({ ...options, modelsDir: emptyModels })).toBeUndefined();
      fs.mkdirSync(path.join(emptyModels, 'docent-wordnet-v1'));
      fs.writeFileSync(path.join(emptyModels, 'docent-wordnet-v1', 'docent-model.json'), JSON.stringify({ version: 'docent-wordnet-v1@stale', dimensions: 768 }));
      expect(generatedEmbedderOnFirstUse({ ...options, modelsDir: emptyModels })).toBeUndefined();
    } finally {
      fs.rmSync(emptyModels, { recursive: true, force: true });
    }
    expect(generatedEmbedderOnFirstUse({ ...options, model: 'Xenova/all-MiniLM-L6-v2', allowRemoteModels: true })).toBeUndefined();
  });
});
