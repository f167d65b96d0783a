import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildGeneratedModels } from '../../tools/build-model/build.js';
import { generatedEmbedderOnFirstUse } from '../../src/embed/load.js';

// The builder is replaced by a spy: these tests are about whether it is asked, not about building.
vi.mock('../../tools/build-model/build.js', () => ({ buildGeneratedModels: vi.fn(() => []) }));

const MODEL = 'docent-wordnet-v1';
const MODELS = path.resolve('models');

/** A models folder whose model files link to the real ones and whose manifest is a copy (so a test can make it stale). */
function linkedModels(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-models-'));
  const folder = path.join(dir, MODEL);
  fs.mkdirSync(folder);
  for (const entry of fs.readdirSync(path.join(MODELS, MODEL))) {
    const real = path.join(MODELS, MODEL, entry);
    if (entry === 'docent-model.json') fs.copyFileSync(real, path.join(folder, entry));
    else fs.symlinkSync(real, path.join(folder, entry));
  }
  return dir;
}

describe('a generated model loaded on first use, and its builder', () => {
  let modelsDir: string | undefined;
  afterEach(() => {
    vi.mocked(buildGeneratedModels).mockClear();
    if (modelsDir) fs.rmSync(modelsDir, { recursive: true, force: true });
  });

  it('does not load the builder when the folder is still current', async () => {
    modelsDir = linkedModels();
    const embedder = generatedEmbedderOnFirstUse({ model: MODEL, modelsDir })!;
    expect((await embedder.embedQuery('peacekeeping')).length).toBe(embedder.info.dimensions);
    expect(buildGeneratedModels).not.toHaveBeenCalled();
  }, 120_000);

  it('has the builder bring the folder up to date when it went stale after the embedder was made', async () => {
    modelsDir = linkedModels();
    const embedder = generatedEmbedderOnFirstUse({ model: MODEL, modelsDir })!;
    const manifest = path.join(modelsDir, MODEL, 'docent-model.json');
    fs.writeFileSync(manifest, JSON.stringify({ ...JSON.parse(fs.readFileSync(manifest, 'utf8')), version: `${MODEL}@stale` }));
    await embedder.load();
    expect(buildGeneratedModels).toHaveBeenCalledTimes(1);
    expect(vi.mocked(buildGeneratedModels).mock.calls[0]![1].modelsDir).toBe(modelsDir);
  }, 120_000);
});
