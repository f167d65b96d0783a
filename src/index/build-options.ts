import type { Config } from '../config.js';
import type { BuildOptions } from './build.js';

/** The build options the configuration gives (a module of its own: the cluster's primary needs them without the service). */
export function buildOptions(config: Config, extra: Partial<BuildOptions> = {}): BuildOptions {
  return {
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    chunkSize: config.chunkSize,
    chunkOverlap: config.chunkOverlap,
    batchSize: config.embedding.batchSize,
    keepVersions: config.index.keepVersions,
    hnsw: config.hnsw,
    ...extra,
  };
}
