import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticModelRunner } from '../../src/embed/static-model.js';
import { writeTinyModel } from './tiny-model.js';

let root: string;
let pooledInGraph: FeatureExtractionPipeline;
let perToken: FeatureExtractionPipeline;

// The same table written twice: once pooling inside the graph, once returning per-token vectors.
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-static-'));
  writeTinyModel(path.join(root, 'pooled'), { dimensions: 8, tokenTypeIds: true, output: 'sentence' });
  writeTinyModel(path.join(root, 'tokens'), { dimensions: 8, tokenTypeIds: true, output: 'tokens' });
  pooledInGraph = await pipeline('feature-extraction', path.join(root, 'pooled'), { dtype: 'fp32' });
  perToken = await pipeline('feature-extraction', path.join(root, 'tokens'), { dtype: 'fp32' });
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const texts = [
  'hello world',
  'Hello,   world!\n\ncat\tdog',
  'cat dog cat dog cat dog hello world passage query',
  'Zhōngguó 中国 café\u00a0CAT\u200bdog (hello) [world].',
  // Punctuation inside a white-space piece, as in code-heavy manuals: each mark is a word of its own.
  'SELECT pg_stat_activity.pid, now()-query_start FROM x WHERE a<=b&&c!=d; -- "it\'s" `x` ~y|z $1 @2 #3 ^4',
  'e.g. U.S.A.\'s 3.14159,2,718;x:y/z\\w{1}[2](3)<4>+5=6?7!8*9%',
  "l\u2019\u00e9t\u00e9 d'\u0301accent \u00ab\u00a0citation\u00a0\u00bb \u2014 en\u2013dash \u2026",
  '',
  '   ',
];

describe('StaticModelRunner', () => {
  it('tokenizes piece by piece exactly as the tokenizer does the whole text', () => {
    const runner = new StaticModelRunner(pooledInGraph.tokenizer, pooledInGraph.model);
    for (const text of texts) expect(runner.tokenIds(text)).toEqual(pooledInGraph.tokenizer.encode(text));
  });

  it('returns what mean pooling and normalising per-token vectors gives, in input order', async () => {
    const runner = new StaticModelRunner(pooledInGraph.tokenizer, pooledInGraph.model);
    const nonEmpty = texts.slice(0, 4);
    const vectors = await runner.embed(nonEmpty);
    const expected = (await perToken(nonEmpty, { pooling: 'mean', normalize: true })).tolist() as number[][];
    expect(vectors).toHaveLength(nonEmpty.length);
    vectors.forEach((vector, i) => expected[i]!.forEach((value, d) => expect(vector[d]).toBeCloseTo(value, 5)));
  });

  it('keeps input order across many runs of different lengths', async () => {
    const runner = new StaticModelRunner(pooledInGraph.tokenizer, pooledInGraph.model);
    const words = ['hello', 'world', 'cat', 'dog', 'query', 'passage'];
    const many = Array.from({ length: 1200 }, (_, i) => Array.from({ length: 1 + ((i * 7919) % 40) }, (_, j) => words[(i + j * j) % words.length]).join(' '));
    const vectors = await runner.embed(many);
    for (const i of [0, 1, 511, 512, 513, 1199]) expect(vectors[i]).toEqual((await runner.embed([many[i]!]))[0]);
  });

  it('gives a zero vector, not NaN, for a text with no content tokens', async () => {
    const runner = new StaticModelRunner(pooledInGraph.tokenizer, pooledInGraph.model);
    const [empty] = await runner.embed(['']);
    expect([...empty!].every((value) => value === 0)).toBe(true);
  });
});
