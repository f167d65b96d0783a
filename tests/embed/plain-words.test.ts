import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PlainWordPiece } from '../../src/embed/plain-words.js';
import { StaticModelRunner } from '../../src/embed/static-model.js';
import { keyedRandom } from '../../tools/build-model/random.js';
import { TINY_WORDS, writeTinyModel } from './tiny-model.js';

/** Words and word pieces that overlap, so WordPiece has to pick the longest at each position, or give up. */
const VOCABULARY = [...TINY_WORDS, 'un', '##aff', '##able', 'a', 'ab', 'abba', '##a', '##b', '##ba', 'b', 'x1', '##2', '##23', '9', 'é', '##é'];
const ALPHABET = 'abABunffle129xé';

let root: string;
let extractor: FeatureExtractionPipeline;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-plain-words-'));
  writeTinyModel(root, { dimensions: 8, tokenTypeIds: true, output: 'sentence', words: VOCABULARY });
  extractor = await pipeline('feature-extraction', root, { dtype: 'fp32' });
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function randomTexts(count: number): string[] {
  const random = keyedRandom('plain-words-test', 'texts');
  const word = () => Array.from({ length: 1 + Math.floor(random() * 9) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
  const separators = [' ', '\n', '-', '.', ', ', '\u00a0', '\t'];
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(random() * 12) }, word).reduce((text, next) => text + separators[Math.floor(random() * separators.length)] + next));
}

describe('plain words without the tokenizer', () => {
  it('gives the ids tokenizer.encode gives, for plain and other words alike', async () => {
    const runner = new StaticModelRunner(extractor.tokenizer, extractor.model);
    const texts = [...randomTexts(2000), 'a'.repeat(100), 'a'.repeat(101), 'ABBA abbA unaffable UNAFFABLE x123 9x', 'abé é9 caté'];
    // A batch as large as an index build's turns the fast path on.
    await runner.embed(texts.slice(0, 300));
    for (const text of texts) expect(runner.tokenIds(text), text).toEqual(extractor.tokenizer.encode(text));
  });

  it('leaves the tokenizer out for plain words once a large batch was embedded', async () => {
    const runner = new StaticModelRunner(extractor.tokenizer, extractor.model);
    const encode = vi.spyOn(extractor.tokenizer, 'encode');
    try {
      runner.tokenIds('hello world');
      const beforeBatch = encode.mock.calls.length;
      await runner.embed(randomTexts(300));
      encode.mockClear();
      expect(beforeBatch).toBeGreaterThan(0);
      expect(runner.tokenIds('unaffable Hello abba x123')).toEqual([2, ...['un', '##aff', '##able', 'hello', 'abba', 'x1', '##23'].map((token) => VOCABULARY.indexOf(token) + 5), 3]);
      expect(encode).not.toHaveBeenCalled();
    } finally {
      encode.mockRestore();
    }
  });

  it('is not used for a tokenizer it does not reproduce', () => {
    const json = extractor.tokenizer._tokenizerJSON as Record<string, unknown>;
    expect(PlainWordPiece.from(json)).toBeDefined();
    expect(PlainWordPiece.from({ ...json, normalizer: { type: 'Lowercase' } })).toBeUndefined();
    expect(PlainWordPiece.from({ ...json, added_tokens: [{ content: 'hello' }] })).toBeUndefined();
  });
});
