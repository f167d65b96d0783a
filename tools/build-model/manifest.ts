/**
 * A generated model folder's manifest, apart from the builder: a server reads it at start-up to know the
 * model's identity without importing the builder (WordNet's reader…) or loading the model.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GeneratedModelSpec } from '../../src/embed/generated-models.js';

/** Written last into every generated model folder; its `version` tells whether the folder is current. */
export const MODEL_MANIFEST = 'docent-model.json';

export interface ModelManifest {
  name: string;
  version: string;
  dimensions: number;
  vocabSize: number;
  parameters: GeneratedModelSpec;
}

export function readModelManifest(dir: string): ModelManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MODEL_MANIFEST), 'utf8')) as ModelManifest;
  } catch {
    return undefined;
  }
}
