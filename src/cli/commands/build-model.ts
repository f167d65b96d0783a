import { Command } from 'commander';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { GENERATED_MODELS, generatedModelSpec } from '../../embed/generated-models.js';
import { progressBar } from '../progress.js';

interface BuildModelCommandOptions {
  model?: string;
  modelsDir?: string;
  json?: boolean;
  force?: boolean;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `build-model`: writes Docent's generated offline embedding models into MODELS_DIR. */
export const buildModelCommand = new Command('build-model')
  .description(`build the generated offline embedding models (${GENERATED_MODELS.map((spec) => spec.name).join(', ')})`)
  .option('--model <name>', 'build only this generated model (default: all)')
  .option('--models-dir <dir>', 'where model folders go (default: MODELS_DIR)')
  .option('--json', 'print the result as JSON')
  .option('--force', 'rebuild even when the folder is up to date')
  .action(async (options: BuildModelCommandOptions) => {
    const config = loadConfig();
    const specs = options.model === undefined ? GENERATED_MODELS : [generatedModelSpec(options.model)];
    if (specs.some((spec) => spec === undefined)) {
      throw new Error(`Unknown generated model "${options.model}"; choose one of ${GENERATED_MODELS.map((spec) => spec.name).join(', ')}`);
    }
    // Imported here: the model builder (onnx-proto, WordNet readers) would otherwise load in every command, serve included.
    const { buildGeneratedModels } = await import('../../../tools/build-model/build.js');
    const bar = progressBar(!options.json);
    const results = buildGeneratedModels(specs.filter((spec) => spec !== undefined), {
      modelsDir: options.modelsDir ? path.resolve(options.modelsDir) : config.modelsDir,
      force: options.force,
      onProgress: bar,
    });
    bar.stop();
    if (options.json) {
      const summary = results.map(({ manifest, dir, built, bytes, milliseconds }) => ({
        name: manifest.name,
        version: manifest.version,
        dimensions: manifest.dimensions,
        vocabSize: manifest.vocabSize,
        dir,
        built,
        bytes,
        milliseconds,
      }));
      console.log(JSON.stringify(summary, null, 2));
      return;
    }
    for (const { manifest, dir, built, bytes, milliseconds } of results) {
      const what = built ? `built in ${(milliseconds / 1000).toFixed(1)} s` : 'already up to date';
      console.log(`${manifest.version}: ${what} → ${dir} (${manifest.vocabSize} tokens × ${manifest.dimensions} dims, ${megabytes(bytes)})`);
    }
  });
