import fs from 'node:fs';
import { POINTER_FILE } from './versions.js';

export interface Watcher {
  close(): void;
}

/** Calls `fire` once `quietMs` have passed without another `poke`. */
function debounced(fire: () => void, quietMs: number) {
  let timer: NodeJS.Timeout | undefined;
  return {
    poke() {
      clearTimeout(timer);
      timer = setTimeout(fire, quietMs);
    },
    cancel: () => clearTimeout(timer),
  };
}

/** Hidden names (editors' swap files, uploads being written) never trigger a re-index: the indexer skips them too. */
const isHidden = (name: string) => name.split(/[\\/]/).some((part) => part.startsWith('.'));

/**
 * Watches the corpus folder (recursively; Node's own `fs.watch`, which covers sub-folders created
 * later on Linux, macOS and Windows) and calls `onChange` once the folder has been quiet for
 * `debounceMs`, so copying a hundred files costs one re-index, not a hundred. A folder that cannot
 * be watched (inotify limits, network file systems) is reported to `onError`; `intervalMs` adds a
 * periodic check that catches what events miss (0: events only).
 */
export function watchCorpus(corpusDir: string, options: { debounceMs: number; intervalMs?: number; onChange: () => void; onError?: (error: Error) => void }): Watcher {
  const change = debounced(options.onChange, options.debounceMs);
  let watcher: fs.FSWatcher | undefined;
  try {
    watcher = fs.watch(corpusDir, { recursive: true, persistent: false }, (_event, name) => {
      if (name === null || !isHidden(name.toString())) change.poke();
    });
    watcher.on('error', (error) => options.onError?.(error));
  } catch (error) {
    options.onError?.(error as Error);
  }
  const poll = options.intervalMs ? setInterval(() => change.poke(), options.intervalMs).unref() : undefined;
  return {
    close() {
      watcher?.close();
      clearInterval(poll);
      change.cancel();
    },
  };
}

/**
 * Watches `INDEX_DIR/CURRENT` for a new version: checked every `intervalMs` (which works on shared
 * storage such as NFS, where file events do not cross machines), and at once on a local file event.
 */
export function watchPointer(indexDir: string, options: { intervalMs: number; onChange: () => void }): Watcher {
  const check = debounced(options.onChange, 50);
  const poll = setInterval(() => check.poke(), options.intervalMs).unref();
  let watcher: fs.FSWatcher | undefined;
  try {
    watcher = fs.watch(indexDir, { persistent: false }, (_event, name) => {
      if (name === null || name.toString() === POINTER_FILE) check.poke();
    });
    // The folder may not exist yet, or events may be unsupported: polling covers both.
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = undefined;
  }
  return {
    close() {
      clearInterval(poll);
      watcher?.close();
      check.cancel();
    },
  };
}

