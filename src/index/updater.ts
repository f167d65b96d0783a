import type { Embedder, EmbeddingModelInfo } from '../embed/types.js';
import type { BuildOptions, BuildReport } from './build.js';
import type { IndexStorage } from './storage.js';
import type { CorpusIndex } from './store.js';

/** What one update brought: a new version to serve (when there is one) and, for the indexer, its build report. */
export interface UpdateResult {
  index?: CorpusIndex;
  build?: BuildReport;
}

/** Brings the served version up to date; `served` is the id of the version served now ('' for none). */
export type IndexUpdater = (served: string) => Promise<UpdateResult>;

/**
 * The indexer's update: an incremental build of the corpus folder into a new version (under the
 * index lock). With `mode: 'always'`
 * the first update re-reads every file; later ones are incremental.
 */
export function indexerUpdater(embedder: Embedder, options: BuildOptions): IndexUpdater {
  let mode = options.mode;
  return async (served) => {
    // Loaded on the first build: readers (cluster workers) never load the parsers and the chunker.
    const { buildIndex, storageOf } = await import('./build.js');
    // Nothing served yet: the current version is read (and checked) even when nothing changed, so a damaged one is rebuilt.
    const build = await buildIndex(embedder, { ...options, mode, readUnchanged: served === '' });
    mode = 'incremental';
    if (build.version === served) return { build };
    // Another indexer published this version meanwhile (a folder shared by two indexers).
    const index = build.index ?? (await storageOf(options).read(embedder.info));
    // Read now, off the event loop, what the build left on disk: not by the first question.
    await index.vectors.load?.();
    return { build, index };
  };
}

/**
 * A reader's update (READ_ONLY servers, cluster workers, `reindex: 'never'`, database replicas): loads
 * the current version when it is not the one served, checking every file's checksum first. Never writes:
 * no lock, no garbage collection, no rebuild. A version that is damaged, missing files or built with
 * another model is refused with an error naming the file or the model; it is remembered, so polling
 * a pointer that still names it costs no re-reading, and the version served before stays served.
 */
export function readerUpdater(storage: IndexStorage, embedding: EmbeddingModelInfo): IndexUpdater {
  let refused: { version: string; error: unknown } | undefined;
  return async (served) => {
    const version = await storage.pointer();
    if (version === undefined && served === '') return {};
    if (version === served) return {};
    if (version !== undefined && refused?.version === version) throw refused.error;
    try {
      return { index: await storage.read(embedding) };
    } catch (error) {
      if (version !== undefined) refused = { version, error };
      throw error;
    }
  };
}
