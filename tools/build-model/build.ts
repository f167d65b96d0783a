import fs from 'node:fs';
import path from 'node:path';
import type { ProgressListener } from '../../src/progress.js';
import { generatedModelVersion, type GeneratedModelSpec } from '../../src/embed/generated-models.js';
import { MODEL_MANIFEST, readModelManifest, type ModelManifest } from './manifest.js';
import { modelFolderFiles } from './model-files.js';
import { buildVocabulary, type VocabularyEntry } from './tokenizer-vocab.js';
import { tokenWeights } from './token-weights.js';
import { lexicalVectors, wordnetVectors } from './vectors.js';
import { readWordNet, type WordNet } from './wordnet-reader.js';

export interface BuiltModel {
  manifest: ModelManifest;
  dir: string;
  /** False when an up-to-date folder already existed. */
  built: boolean;
  bytes: number;
  milliseconds: number;
}

export interface BuildOptions {
  modelsDir: string;
  /** Rebuild even when the folder is current. */
  force?: boolean;
  onProgress?: ProgressListener;
}

function folderBytes(dir: string): number {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

/** Writes into a sibling temporary folder and renames it, so an interrupted build never leaves a half model. */
function writeFolder(dir: string, files: Map<string, Uint8Array | string>, manifest: ModelManifest): void {
  const staging = `${dir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  for (const [relative, content] of [...files, [MODEL_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`] as const]) {
    const file = path.join(staging, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(staging, dir);
}

/**
 * Builds Docent's generated embedding models into `<modelsDir>/<name>/`, skipping folders whose recorded
 * version is current. WordNet is read once for all models; the output is byte-identical on every run.
 */
export function buildGeneratedModels(specs: readonly GeneratedModelSpec[], options: BuildOptions): BuiltModel[] {
  const progress: ProgressListener = options.onProgress ?? (() => {});
  let wordnet: WordNet | undefined;
  const vocabularies = new Map<string, VocabularyEntry[]>();
  const results: BuiltModel[] = [];
  for (const spec of specs) {
    const started = Date.now();
    const dir = path.join(options.modelsDir, spec.name);
    const version = generatedModelVersion(spec);
    const existing = readModelManifest(dir);
    if (!options.force && existing?.version === version) {
      results.push({ manifest: existing, dir, built: false, bytes: folderBytes(dir), milliseconds: Date.now() - started });
      continue;
    }
    if (!wordnet) {
      progress({ phase: 'reading WordNet', done: 0, total: 1 });
      wordnet = readWordNet();
      progress({ phase: 'reading WordNet', done: 1, total: 1 });
    }
    const vocabularyKey = JSON.stringify(spec.vocabulary);
    const vocabulary = vocabularies.get(vocabularyKey) ?? buildVocabulary(wordnet, spec.vocabulary);
    vocabularies.set(vocabularyKey, vocabulary);
    const weights = tokenWeights(vocabulary, wordnet, spec.vectors);
    const phase = `${spec.name} vectors`;
    const onRows = (done: number, total: number) => progress({ phase, done, total });
    const embedding =
      spec.kind === 'wordnet' && spec.semantic
        ? wordnetVectors(vocabulary, wordnet, weights, spec.vectors, spec.semantic, onRows, spec.distributional)
        : lexicalVectors(vocabulary, weights, spec.vectors, onRows);
    progress({ phase: `${spec.name} writing`, done: 0, total: 1 });
    const files = modelFolderFiles({ vocab: vocabulary.map(({ token }) => token), embedding, tokenTypeIds: true, output: 'sentence', modelMaxLength: 8192 });
    const manifest: ModelManifest = { name: spec.name, version, dimensions: embedding.dimensions, vocabSize: embedding.vocabSize, parameters: spec };
    writeFolder(dir, files, manifest);
    progress({ phase: `${spec.name} writing`, done: 1, total: 1 });
    results.push({ manifest, dir, built: true, bytes: folderBytes(dir), milliseconds: Date.now() - started });
  }
  return results;
}
