import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from '@huggingface/transformers';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/embed/load.js';
import { openStaticQueryModel } from '../../src/embed/static-query.js';
import { StaticModelRunner } from '../../src/embed/static-model.js';
import { keyedRandom } from '../../tools/build-model/random.js';
import { writeTinyModel } from './tiny-model.js';

const folder = path.resolve('models', 'docent-wordnet-v1');
const corpus = fs.readdirSync('corpus').map((name) => fs.readFileSync(path.join('corpus', name), 'utf8'));

/** Queries of every kind a user sends: the corpus's own sentences, unicode, code, every short length (the sum's groups of four), very long. */
function queries(): string[] {
  const random = keyedRandom('static-query-test', 'texts');
  const sentences = corpus.flatMap((text) => text.split(/(?<=[.?!])\s+|\n+/)).filter((line) => line.trim() !== '');
  const words = sentences.join(' ').split(/\s+/);
  const pick = (count: number) => Array.from({ length: count }, () => words[Math.floor(random() * words.length)]).join(' ');
  return [
    ...sentences.slice(0, 200),
    ...Array.from({ length: 40 }, (_, count) => pick(count)),
    'What did the Ministry of National Defense say about the UN peacekeeping operations in 2015?',
    'Zhōngguó 中国 café\u00a0CAT\u200bdog (hello) [world]. naïve Ærø São Tomé Þórr ﬁnance ½ ² 😀 👩‍👩‍👧',
    "l\u2019\u00e9t\u00e9 d'\u0301accent \u00ab\u00a0citation\u00a0\u00bb \u2014 en\u2013dash \u2026 Привет мир Γειά σου κόσμε مرحبا שלום",
    'SELECT pg_stat_activity.pid, now()-query_start FROM x WHERE a<=b&&c!=d; -- "it\'s" `x` ~y|z $1 @2 #3 ^4',
    'def f(x: int) -> dict[str, list[int]]: return {"a": [x ** 2 for x in range(10)]}  # bisect_left(a, x, lo=0)',
    'e.g. U.S.A.\'s 3.14159,2,718;x:y/z\\w{1}[2](3)<4>+5=6?7!8*9% 0x1F 1e-12 192.168.0.1 2015-09-28T12:00:00Z',
    pick(3000),
    'peacekeeping '.repeat(9000),
    '',
    '   \n\t ',
    '?',
  ];
}

describe('queries embedded without transformers.js', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-static-query-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it.runIf(process.arch === 'x64')('gives the default model’s vectors to the bit, as ONNX Runtime does through transformers.js', async () => {
    const extractor = await pipeline('feature-extraction', folder, { dtype: 'fp32' });
    const runner = new StaticModelRunner(extractor.tokenizer, extractor.model);
    const model = openStaticQueryModel(folder)!;
    expect(model.dimensions).toBe(768);
    for (const text of queries()) {
      const [expected] = await runner.embed([text]);
      const vector = model.embed(text);
      // Bytes, so that -0 and 0 differ too.
      expect(Buffer.from(vector.buffer).equals(Buffer.from(expected!.buffer, expected!.byteOffset, expected!.byteLength)), text.slice(0, 80)).toBe(true);
    }
  }, 120_000);

  it.runIf(process.arch === 'x64')('gives the words soft matching compares the vectors indexing gives them, to the bit', async () => {
    const embedder = await loadEmbedder({ model: 'docent-wordnet-v1', modelsDir: path.resolve('models'), documentPrefix: 'passage: ' });
    const words = [...new Set(corpus.join(' ').split(/\s+/))].slice(0, 300).concat(['naïve', '中国', 'pg_stat_activity', '']);
    const [asWords, asDocuments] = await Promise.all([embedder.embedWordVectors!(words), embedder.embedDocumentVectors!(words)]);
    words.forEach((word, i) => expect(Buffer.from(asWords[i]!.buffer).equals(Buffer.from(asDocuments[i]!.buffer, asDocuments[i]!.byteOffset, asDocuments[i]!.byteLength)), word).toBe(true));
  }, 120_000);

  it.runIf(process.arch === 'x64' && process.platform === 'linux')('embeds queries and words without loading ONNX Runtime or libvips', () => {
    const script = [
      "import fs from 'node:fs';",
      "import { loadEmbedder } from './src/embed/load.ts';",
      "const embedder = await loadEmbedder({ model: 'docent-wordnet-v1', modelsDir: process.cwd() + '/models' });",
      "await embedder.embedQuery('Which summit did Xi Jinping attend?');",
      "await embedder.embedWordVectors(['summit', 'attend']);",
      "console.log(fs.readFileSync('/proc/self/maps', 'utf8').split('\\n').filter((line) => /onnxruntime|vips/.test(line)).length);",
    ].join('\n');
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(output.trim()).toBe('0');
  }, 60_000);

  it('is not offered where ONNX Runtime runs another kernel, nor for a graph that is not the pooled one', () => {
    expect(openStaticQueryModel(folder, 'arm64')).toBeUndefined();
    writeTinyModel(root, { dimensions: 8, tokenTypeIds: true, output: 'tokens' });
    expect(openStaticQueryModel(root, 'x64')).toBeUndefined();
  });
});
