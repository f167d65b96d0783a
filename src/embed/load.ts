import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import { readModelManifest } from '../../tools/build-model/manifest.js';
import type { ProgressListener } from '../progress.js';
import { generatedModelSpec, generatedModelVersion, type GeneratedModelSpec } from './generated-models.js';
import { documentVectors, plainVector, wordVectorsOf, type DeferredEmbedder, type Embedder, type EmbeddingModelInfo } from './types.js';

export interface LoadEmbedderOptions {
  /** A generated model name, a Hugging Face id (looked up under modelsDir), or a local folder path. */
  model: string;
  modelsDir: string;
  queryPrefix?: string;
  documentPrefix?: string;
  batchSize?: number;
  allowRemoteModels?: boolean;
  onProgress?: ProgressListener;
}

/** What transformers.js needs to run a folder as a feature-extraction model with our file layout. */
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'onnx/model.onnx'];

export class ModelNotFoundError extends Error {
  override name = 'ModelNotFoundError';
}

const hasModelFiles = (dir: string) => REQUIRED_FILES.every((file) => fs.existsSync(path.join(dir, file)));

function candidateFolders(model: string, modelsDir: string): string[] {
  const looksLikePath = path.isAbsolute(model) || model.startsWith('.') || fs.existsSync(model);
  const candidates = [path.join(modelsDir, model)];
  if (looksLikePath) candidates.unshift(path.resolve(model));
  return [...new Set(candidates)];
}

function notFound(model: string, tried: string[]): ModelNotFoundError {
  return new ModelNotFoundError(
    [
      `Embedding model "${model}" could not be loaded. Tried: ${tried.map((dir) => `${dir} (needs ${REQUIRED_FILES.join(', ')})`).join('; ')}.`,
      'Remote model download is disabled (ALLOW_REMOTE_MODELS=false).',
      `Fix: download the model folder into ${tried.at(-1)} so that it contains onnx/model.onnx, config.json and tokenizer.json;` +
        ' or set ALLOW_REMOTE_MODELS=true to let transformers.js download it;' +
        ' or use the default generated model (EMBEDDING_MODEL=docent-wordnet-v1, built offline by `npm run build:model`).',
    ].join(' '),
  );
}

/** Identifies a pretrained folder by the bytes that shape its vectors, so replacing the files is noticed. */
function folderVersion(model: string, folder: string): string {
  const hash = createHash('sha256');
  for (const file of ['onnx/model.onnx', 'tokenizer.json']) hash.update(fs.readFileSync(path.join(folder, file)));
  return `${model}@${hash.digest('hex').slice(0, 12)}`;
}

/** Prefixes change every vector, so they are part of the version the index manifest compares. */
function withPrefixes(version: string, queryPrefix: string, documentPrefix: string): string {
  if (queryPrefix === '' && documentPrefix === '') return version;
  const hash = createHash('sha256').update(JSON.stringify([queryPrefix, documentPrefix])).digest('hex');
  return `${version}+prefixes@${hash.slice(0, 8)}`;
}

/** The model to hand to transformers.js: a folder (or, with remote models allowed, a Hugging Face id) and its identity. */
interface ModelIdentity {
  source: string;
  /** Docent's generated model, built into `source` when missing or stale. */
  spec?: GeneratedModelSpec;
  info: Omit<EmbeddingModelInfo, 'dimensions'>;
}

/** Identifies the model without loading it (a pretrained folder is hashed; a generated one is named by its parameters). */
function identify(options: LoadEmbedderOptions): ModelIdentity {
  const spec = generatedModelSpec(options.model);
  if (spec) return { source: path.join(options.modelsDir, spec.name), spec, info: { model: options.model, version: generatedModelVersion(spec), pretrained: false } };
  const tried = candidateFolders(options.model, options.modelsDir);
  const folder = tried.find(hasModelFiles);
  if (!folder && !options.allowRemoteModels) throw notFound(options.model, tried);
  const version = folder ? folderVersion(options.model, folder) : options.model;
  return { source: folder ?? options.model, info: { model: options.model, version, pretrained: true } };
}

/** The version `loadEmbedder(options)` gives its model, without loading it. */
const versionOf = (modelVersion: string, options: LoadEmbedderOptions) => withPrefixes(modelVersion, options.queryPrefix ?? '', options.documentPrefix ?? '');

/**
 * The model by its version, loaded on the first `load()`: an indexer that finds the index up to date
 * never loads transformers.js, the ONNX runtime or the model (a cluster's primary at start-up).
 */
export function deferEmbedder(options: LoadEmbedderOptions): DeferredEmbedder {
  const identity = identify(options);
  let loaded: Promise<Embedder> | undefined;
  return {
    version: versionOf(identity.info.version, options),
    load: () => (loaded ??= loadIdentified(identity, options)),
  };
}

/** An embedder that may not have loaded its model yet; `load()` loads it (once) and resolves when it is ready. */
export interface LoadingEmbedder extends Embedder {
  load(): Promise<Embedder>;
}

/**
 * A generated model whose folder is current, as an embedder that loads it on its first use or `load()`:
 * its identity (version, dimensions) comes from the folder's manifest, so a server reads its index and
 * reports ready without first paying for transformers.js, the tokenizer and the ONNX session (about
 * 1.2 s of CPU per process). Undefined for a model that must be built first (that takes minutes, so it
 * happens before ready) or a pretrained one (its dimensions are known only once loaded).
 */
export function generatedEmbedderOnFirstUse(options: LoadEmbedderOptions): LoadingEmbedder | undefined {
  const identity = identify(options);
  const manifest = identity.spec && readModelManifest(identity.source);
  if (!manifest || manifest.version !== identity.info.version) return undefined;
  const info: EmbeddingModelInfo = Object.freeze({ ...identity.info, version: versionOf(identity.info.version, options), dimensions: manifest.dimensions });
  let loaded: Promise<Embedder> | undefined;
  // The folder was current a moment ago: unless it changed since, the builder (onnx-proto, the WordNet
  // readers: ≈ 0.4 s of CPU and their memory) need not load just to find it current again.
  const stillCurrent = () => readModelManifest(identity.source)?.version === identity.info.version;
  const load = () =>
    (loaded ??= loadIdentified(identity, options, { buildIfStale: !stillCurrent() }).then((embedder) => {
      // The folder changed between reading its manifest and loading it: vectors would not match the index.
      if (embedder.info.version !== info.version || embedder.info.dimensions !== info.dimensions) {
        throw new Error(`Embedding model ${info.model} changed while starting: expected ${info.version} (${info.dimensions} dimensions), loaded ${embedder.info.version} (${embedder.info.dimensions})`);
      }
      return embedder;
    }));
  return {
    info,
    load,
    embedDocuments: async (texts) => (await load()).embedDocuments(texts),
    embedDocumentVectors: async (texts) => documentVectors(await load(), texts),
    embedQuery: async (text) => (await load()).embedQuery(text),
    embedWordVectors: async (words) => wordVectorsOf(await load(), words),
  };
}

/** Vectors of a pretrained encoder: transformers.js pools its per-token output (mean, L2-normalised). */
async function embedPretrained(extractor: FeatureExtractionPipeline, texts: readonly string[], batchSize: number): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    const output = await extractor(texts.slice(start, start + batchSize), { pooling: 'mean', normalize: true });
    const [rows = 0, dimensions = 0] = output.dims;
    const data = output.data as Float32Array;
    for (let row = 0; row < rows; row++) vectors.push(data.subarray(row * dimensions, (row + 1) * dimensions));
  }
  return vectors;
}

/**
 * Loads an embedding model through transformers.js (mean pooling, L2-normalised), building Docent's
 * generated models first when their folder is missing or stale. Never falls back to another model.
 */
export async function loadEmbedder(options: LoadEmbedderOptions): Promise<Embedder> {
  return loadIdentified(identify(options), options);
}

async function loadIdentified(identity: ModelIdentity, options: LoadEmbedderOptions, { buildIfStale = true } = {}): Promise<Embedder> {
  const { source, spec, info } = identity;
  if (spec && buildIfStale) {
    // Imported here: the builder (WordNet's reader…) is needed only when the model folder is missing or stale.
    const { buildGeneratedModels } = await import('../../tools/build-model/build.js');
    buildGeneratedModels([spec], { modelsDir: options.modelsDir, onProgress: options.onProgress });
  }
  const queryPrefix = options.queryPrefix ?? '';
  const documentPrefix = options.documentPrefix ?? '';
  const version = versionOf(info.version, options);
  // A generated model embeds queries and soft matching's words without transformers.js (static-query.ts): a server
  // then never loads it, nor ONNX Runtime. Documents (indexing) still go through it, loaded on the first batch.
  const queryModel = info.pretrained ? undefined : (await import('./static-query.js')).openStaticQueryModel(source);
  let transformersVectors: Promise<VectorsOf> | undefined;
  const vectorsOf: VectorsOf = async (texts) => (await (transformersVectors ??= loadTransformers(identity, options)))(texts);
  const dimensions = queryModel?.dimensions ?? (await vectorsOf(['dimension probe']))[0]!.length;
  const modelInfo: EmbeddingModelInfo = Object.freeze({ ...info, version, dimensions });
  const embedDocumentVectors = (texts: readonly string[]) => vectorsOf(texts.map((text) => documentPrefix + text));
  return {
    info: modelInfo,
    embedDocumentVectors,
    embedDocuments: async (texts) => (await embedDocumentVectors(texts)).map(plainVector),
    embedQuery: singleFlight(async (text) => plainVector(queryModel ? queryModel.embed(queryPrefix + text) : (await vectorsOf([queryPrefix + text]))[0]!)),
    embedWordVectors: queryModel ? async (words) => words.map((word) => queryModel.embed(documentPrefix + word)) : embedDocumentVectors,
  };
}

type VectorsOf = (texts: readonly string[]) => Promise<Float32Array[]>;

/** The model's vectors through transformers.js. */
async function loadTransformers({ source, info }: ModelIdentity, options: LoadEmbedderOptions): Promise<VectorsOf> {
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowRemoteModels = options.allowRemoteModels ?? false;
  env.allowLocalModels = true;
  env.localModelPath = options.modelsDir;
  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', source, { dtype: 'fp32' });
  } catch (error) {
    if (info.pretrained && !options.allowRemoteModels) {
      throw new ModelNotFoundError(`${notFound(options.model, candidateFolders(options.model, options.modelsDir)).message} Cause: ${String(error)}`);
    }
    throw error;
  }
  const batchSize = options.batchSize ?? 32;
  // Docent's generated models pool inside their graph; a pretrained encoder is pooled by transformers.js.
  const runner = info.pretrained ? undefined : new (await import('./static-model.js')).StaticModelRunner(extractor.tokenizer, extractor.model);
  return (texts) => (runner ? runner.embed(texts) : embedPretrained(extractor, texts, batchSize));
}

/**
 * `embed` with identical calls in flight at once sharing one computation (and one vector, which
 * callers only read): the same question asked on many connections at once is embedded once.
 * Nothing is kept once a call returns, so a later ask of it embeds it again.
 */
function singleFlight(embed: (text: string) => Promise<number[]>): (text: string) => Promise<number[]> {
  const inFlight = new Map<string, Promise<number[]>>();
  return (text) => {
    let vector = inFlight.get(text);
    if (!vector) {
      vector = embed(text).finally(() => inFlight.delete(text));
      inFlight.set(text, vector);
    }
    return vector;
  };
}
