import type { BuildReport } from '../index/build.js';
import type { IndexStorage } from '../index/storage.js';
import { watchCorpus, type Watcher } from '../index/watch.js';
import type { Config } from '../config.js';
import type { RefreshResult } from '../service.js';

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One line about a build, e.g. `2 added, 1 changed: 40 documents, 310 chunks in 1.20 s` (or `up to date: …`). */
export function describeBuild(report: BuildReport): string {
  const count = (list: string[], verb: string) => (list.length ? `${list.length} ${verb}` : undefined);
  const changes = [count(report.added, 'added'), count(report.updated, 'changed'), count(report.removed, 'removed')].filter(Boolean).join(', ');
  const outcome = report.changed ? changes || 'rebuilt' : 'up to date';
  return `${outcome}: ${report.documents} documents, ${report.chunks} chunks in ${(report.totalMs / 1000).toFixed(2)} s`;
}

/**
 * Refreshes the served version and says what happened on stdout/stderr: a new version, files that
 * could not be read, or why a version was refused (each distinct reason once, not at every poll).
 */
export function loggedRefresh(refresh: () => Promise<RefreshResult>, served: () => string, { quiet = false } = {}): () => Promise<RefreshResult | undefined> {
  let lastError: string | undefined;
  return async () => {
    try {
      const result = await refresh();
      lastError = undefined;
      if (result.changed && !quiet) {
        console.log(`docent: serving index version ${result.version}${result.build ? ` (${describeBuild(result.build)})` : ''}`);
        for (const failure of result.build?.failures ?? []) console.error(`docent: skipped ${failure.source}: ${failure.reason}`);
      }
      return result;
    } catch (error) {
      const message = errorMessage(error);
      if (message !== lastError) {
        const version = served();
        console.error(`docent: ${version ? `still serving version ${version}` : 'no index version served yet'}: ${message}`);
      }
      lastError = message;
      return undefined;
    }
  };
}

/**
 * Keeps a running server's index current: the indexer re-indexes when the corpus folder changes
 * (WATCH); a reader (given the storage it reads) loads each version an indexer publishes there
 * (INDEX_DIR/CURRENT, or the database). New versions are swapped in between requests.
 */
export function keepIndexCurrent(config: Config, readerOf: IndexStorage | undefined, refresh: () => Promise<unknown>): Watcher | undefined {
  if (readerOf) return readerOf.watch(() => void refresh(), config.index.pollMs);
  if (!config.index.watch) return undefined;
  return watchCorpus(config.corpusDir, {
    debounceMs: config.index.watchDebounceMs,
    onChange: () => void refresh(),
    onError: (error) => console.error(`docent: cannot watch ${config.corpusDir} for changes (${error.message}); changes are picked up at the next start or upload`),
  });
}
