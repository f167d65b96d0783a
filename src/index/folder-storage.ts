import path from 'node:path';
import { withIndexLock } from './lock.js';
import type { IndexStorage } from './storage.js';
import type { FileBytes } from './document-texts.js';
import { FILES, readIndex, readManifest, writeIndexFiles } from './folder-files.js';
import { DEFAULT_HNSW, VectorIndex, type HnswParameters } from './vector-index.js';
import { VectorIndexBuilder } from './vector-index-builder.js';
import { collectGarbage, readPointer, startVersion, switchPointer, versionDir } from './versions.js';
import { watchPointer } from './watch.js';

/** Room for this many vectors before the first resize of a new index. */
const INITIAL_CAPACITY = 1024;

/**
 * The embedded store: immutable versions in `indexDir/versions/<id>/` (HNSW file, BM25, texts) and a
 * `CURRENT` pointer. With `fullCheck`, every file is hashed at every read, not only those changed since they were last checked.
 */
export function folderStorage(indexDir: string, hnsw: HnswParameters = DEFAULT_HNSW, { fullCheck = false } = {}): IndexStorage<VectorIndex> {
  // The texts files of the versions read (each closed when its version is collected, the rest at `close`).
  const textFiles = new Set<WeakRef<FileBytes>>();
  const rememberTexts = (texts: FileBytes) => {
    for (const earlier of textFiles) if (!earlier.deref()) textFiles.delete(earlier);
    textFiles.add(new WeakRef(texts));
  };
  return {
    location: indexDir,
    exclusive: (work) => withIndexLock(indexDir, work),
    current: () => readManifest(indexDir),
    pointer: () => readPointer(indexDir),
    watch: (onChange, intervalMs) => watchPointer(indexDir, { intervalMs, onChange }),
    async read(embedding) {
      const index = await readIndex(indexDir, embedding, { fullCheck, onTextsOpened: rememberTexts });
      // A serving setting: the graph was built with the M and efConstruction of its time.
      index.vectors.setSearchBreadth(hnsw);
      return index;
    },
    createVectors: (dimensions) => VectorIndex.create(dimensions, INITIAL_CAPACITY, hnsw),
    // The lock is held, so no other build uses this scratch file.
    buildVectors: (dimensions, capacity) => new VectorIndexBuilder(dimensions, capacity, hnsw, path.join(indexDir, 'vectors-build.hnsw.tmp')),
    compact(vectors, labels) {
      const fresh = VectorIndex.create(vectors.dimensions, Math.max(1, labels.length), hnsw);
      for (const label of labels) fresh.add(label, vectors.vector(label));
      return fresh;
    },
    async write(draft, manifest, keepVersions) {
      const writer = await startVersion(indexDir);
      let version: string;
      let written;
      try {
        written = await writeIndexFiles(writer.dir, draft, manifest);
        version = await writer.commit();
      } catch (error) {
        await writer.discard();
        throw error;
      }
      // A graph the build left on disk was moved into the version's folder, which the commit renamed.
      draft.vectors.relocate(path.join(versionDir(indexDir, version), FILES.vectors));
      await switchPointer(indexDir, version);
      await collectGarbage(indexDir, keepVersions);
      return { version, manifest: written };
    },
    async close() {
      for (const texts of textFiles) texts.deref()?.close();
      textFiles.clear();
    },
  };
}
