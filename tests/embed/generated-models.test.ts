import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGeneratedModels } from '../../tools/build-model/build.js';
import { readModelManifest } from '../../tools/build-model/manifest.js';
import { generatedModelSpec, generatedModelVersion } from '../../src/embed/generated-models.js';
import { loadEmbedder } from '../../src/embed/load.js';
import type { Embedder } from '../../src/embed/types.js';
import type { Progress } from '../../src/progress.js';
import { dot } from './tiny-model.js';

let modelsDir: string;
let wordnet: Embedder;
let lexical: Embedder;
const progress: Progress[] = [];

// Loading from an empty folder exercises the automatic build (the real, full-size models): about a
// minute on an idle machine, so a busy one gets ten.
beforeAll(async () => {
  modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-models-'));
  wordnet = await loadEmbedder({ model: 'docent-wordnet-v1', modelsDir, onProgress: (p) => progress.push(p) });
  lexical = await loadEmbedder({ model: 'docent-lexical-v1', modelsDir });
  // Two full model builds: minutes on a loaded machine.
}, 600_000);

afterAll(() => fs.rmSync(modelsDir, { recursive: true, force: true }));

const similarity = async (embedder: Embedder, a: string, b: string) => dot(await embedder.embedQuery(a), await embedder.embedQuery(b));

describe('generated models', () => {
  it('builds transformers.js folders with a recorded version, reporting progress', () => {
    for (const name of ['docent-wordnet-v1', 'docent-lexical-v1']) {
      const dir = path.join(modelsDir, name);
      for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', 'onnx/model.onnx_data']) expect(fs.existsSync(path.join(dir, file))).toBe(true);
      expect(readModelManifest(dir)?.version).toBe(generatedModelVersion(generatedModelSpec(name)!));
    }
    expect(wordnet.info).toEqual({ model: 'docent-wordnet-v1', version: generatedModelVersion(generatedModelSpec('docent-wordnet-v1')!), dimensions: 768, pretrained: false });
    expect(progress.some((p) => p.phase === 'docent-wordnet-v1 vectors' && p.done === p.total && p.total > 100_000)).toBe(true);
  });

  it('skips an up-to-date folder and rebuilds byte-identical output', () => {
    const spec = generatedModelSpec('docent-lexical-v1')!;
    const [skipped] = buildGeneratedModels([spec], { modelsDir });
    expect(skipped!.built).toBe(false);
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-models-again-'));
    try {
      const [rebuilt] = buildGeneratedModels([spec], { modelsDir: otherDir });
      expect(rebuilt!.built).toBe(true);
      for (const file of ['onnx/model.onnx', 'onnx/model.onnx_data', 'tokenizer.json', 'config.json', 'docent-model.json']) {
        expect(fs.readFileSync(path.join(otherDir, spec.name, file)).equals(fs.readFileSync(path.join(modelsDir, spec.name, file)))).toBe(true);
      }
    } finally {
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  }, 600_000);

  it('wordnet model: variants and synonyms close, unrelated words far', async () => {
    expect(await similarity(wordnet, 'troop', 'troops')).toBeGreaterThan(0.6);
    expect(await similarity(wordnet, 'establish', 'established')).toBeGreaterThan(0.8);
    expect(await similarity(wordnet, 'visit', 'visited')).toBeGreaterThan(0.9);
    // GloVe sees "military" mostly as an adjective, so its share pulls the plural noun a little apart.
    expect(await similarity(wordnet, 'military', 'militaries')).toBeGreaterThan(0.7);
    expect(await similarity(wordnet, 'specialised', 'specialized')).toBeGreaterThan(0.6);
    expect(await similarity(wordnet, 'Britain', 'UK')).toBeGreaterThan(0.6);
    expect(await similarity(wordnet, 'nations', 'countries')).toBeGreaterThan(0.6);
    expect(await similarity(wordnet, 'Mongolian', 'Mongolia')).toBeGreaterThan(0.3);
    expect(await similarity(wordnet, 'held', 'hold')).toBeGreaterThan(0.8);
    expect(await similarity(wordnet, 'children', 'child')).toBeGreaterThan(0.8);
    // Polysemous words share one sense out of many, so they are only moderately close, yet above chance.
    const unrelated = await Promise.all([
      similarity(wordnet, 'troop', 'banana'),
      similarity(wordnet, 'drill', 'poetry'),
      similarity(wordnet, 'establish', 'purple'),
      similarity(wordnet, 'nations', 'spoon'),
    ]);
    for (const value of unrelated) expect(Math.abs(value)).toBeLessThan(0.2);
    expect(await similarity(wordnet, 'drill', 'exercise')).toBeGreaterThan(await similarity(wordnet, 'drill', 'poetry'));
    expect(await similarity(wordnet, 'school', 'institution')).toBeGreaterThan(await similarity(wordnet, 'school', 'banana'));
    expect(await similarity(wordnet, 'troop', 'troops')).toBeGreaterThan(await similarity(wordnet, 'troop', 'banana') + 0.5);
  });

  it('lexical model: a bag of words, with stop words nearly ignored', async () => {
    expect(await similarity(lexical, 'troops deployed', 'troops deployed')).toBeCloseTo(1, 5);
    expect(Math.abs(await similarity(lexical, 'troop', 'troops'))).toBeLessThan(0.3);
    expect(await similarity(lexical, 'the troops of the army', 'troops army')).toBeGreaterThan(0.95);
  });

  it('embeds years and unknown names distinctly, never as [UNK]', async () => {
    for (const embedder of [wordnet, lexical]) {
      expect(Math.abs(await similarity(embedder, '2009', '2015'))).toBeLessThan(0.3);
      expect(await similarity(embedder, 'ADMM meeting in 2009', 'the ADMM in 2009')).toBeGreaterThan(0.9);
      expect(Math.abs(await similarity(embedder, 'UNPKOs', 'PLA'))).toBeLessThan(0.4);
      const zhongguo = await embedder.embedQuery('Zhōngguó');
      expect(dot(zhongguo, zhongguo)).toBeCloseTo(1, 4);
    }
  });
});
