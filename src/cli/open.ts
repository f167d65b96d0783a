import path from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { deferEmbedder, generatedEmbedderOnFirstUse, loadEmbedder, type LoadingEmbedder } from '../embed/load.js';
import type { DeferredEmbedder, Embedder } from '../embed/types.js';
import type { ProgressListener } from '../progress.js';
import type { RetrieverMode } from '../retrieve/types.js';
import type { Docent } from '../service.js';
import { progressBar } from './progress.js';

export interface OpenFromCliOptions {
  /** Human output (progress bars, re-index notices) on stderr; off for `--json`. */
  verbose: boolean;
  reindex?: 'if-stale' | 'always' | 'never';
  retriever?: RetrieverMode;
  /** Another corpus folder; its index goes to a folder of its own under INDEX_DIR unless INDEX_DIR is set. */
  corpus?: string;
}

/**
 * The configuration, with another corpus folder (its index in a folder, or a PostgreSQL schema, of
 * its own) or index folder (`--publish <dir>`) when given.
 */
export function cliConfig(corpus?: string, indexDir?: string): Config {
  if (!corpus && !indexDir) return loadConfig();
  const corpusDir = corpus ? path.resolve(corpus) : loadConfig().corpusDir;
  const slug = corpusDir.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const ownIndexDir = () => process.env.INDEX_DIR ?? path.join(loadConfig().indexDir, 'corpora', slug);
  const env: NodeJS.ProcessEnv = { ...process.env, CORPUS_DIR: corpusDir, INDEX_DIR: indexDir ? path.resolve(indexDir) : ownIndexDir() };
  if (corpus) env.DATABASE_SCHEMA = process.env.DATABASE_SCHEMA ?? `docent_${slug.toLowerCase().replace(/-/g, '_')}`.slice(0, 63);
  return loadConfig(env);
}

export function loadCliEmbedder(config: Config, onProgress: ProgressListener): Promise<Embedder> {
  return loadEmbedder({ ...config.embedding, modelsDir: config.modelsDir, onProgress });
}

/**
 * A server's model: a current generated one loads once the index is served (`load()` right after ready,
 * or the first question, whichever comes first); any other loads now, before the index is read.
 */
export async function serverEmbedder(config: Config, onProgress: ProgressListener): Promise<LoadingEmbedder> {
  const options = { ...config.embedding, modelsDir: config.modelsDir, onProgress };
  const onFirstUse = generatedEmbedderOnFirstUse(options);
  if (onFirstUse) return onFirstUse;
  const embedder = await loadEmbedder(options);
  return { ...embedder, load: async () => embedder };
}

/** The configured model, loaded only when an index build has something to embed. */
export function deferCliEmbedder(config: Config, onProgress: ProgressListener): DeferredEmbedder {
  return deferEmbedder({ ...config.embedding, modelsDir: config.modelsDir, onProgress });
}

/** Loads the model and the index (re-indexing when stale) the way every command does, showing progress. */
export async function openFromCli(options: OpenFromCliOptions): Promise<Docent> {
  const config = cliConfig(options.corpus);
  const progress = progressBar(options.verbose);
  try {
    // Imported here: every command defined in main.ts imports this module, and only some answer questions.
    const [embedder, { openDocent }] = await Promise.all([loadCliEmbedder(config, progress), import('../service.js')]);
    const docent = await openDocent(config, {
      embedder,
      reindex: options.reindex ?? 'if-stale',
      retriever: options.retriever,
      onProgress: progress,
      onReindex: (reason) => options.verbose && console.error(`Indexing ${config.corpusDir} (${reason})…`),
    });
    if (options.verbose) for (const failure of docent.index.manifest.failures) console.error(`docent: skipped ${failure.source}: ${failure.reason}`);
    return docent;
  } finally {
    progress.stop();
  }
}
