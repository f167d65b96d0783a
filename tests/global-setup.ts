import path from 'node:path';
import { buildGeneratedModels } from '../tools/build-model/build.js';
import { DEFAULT_EMBEDDING_MODEL } from '../src/config.js';
import { generatedModelSpec } from '../src/embed/generated-models.js';

/**
 * Builds the default generated model once, before any test file runs, as `npm start` does on first
 * start: test files that load it then read it instead of several building it at once on a fresh clone.
 */
export default function setup() {
  buildGeneratedModels([generatedModelSpec(DEFAULT_EMBEDDING_MODEL)!], { modelsDir: path.resolve('models') });
}
