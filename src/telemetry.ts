/**
 * Events the pipeline reports for whoever watches (the metrics endpoint): plain callbacks, so the
 * indexer does not depend on any metrics library. Listeners must be cheap and must not throw.
 */

export interface IndexBuildEvent {
  /** Wall-clock time of the whole build, reading and embedding included. */
  durationMs: number;
  /** False when nothing had changed and the current version was kept. */
  changed: boolean;
  documents: number;
  chunks: number;
  failures: number;
  /** Chunks the model embedded (the others came from the cache or the previous version). */
  embedded: number;
}

type Listener<T> = (event: T) => void;

const indexBuildListeners = new Set<Listener<IndexBuildEvent>>();

export function reportIndexBuild(event: IndexBuildEvent): void {
  for (const listener of indexBuildListeners) listener(event);
}

/** Subscribes to index builds of this process; returns the unsubscribe function. */
export function onIndexBuild(listener: Listener<IndexBuildEvent>): () => void {
  indexBuildListeners.add(listener);
  return () => indexBuildListeners.delete(listener);
}
