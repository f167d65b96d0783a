import type { Embedder } from '../embed/types.js';
import type { CorpusFile } from '../ingest/corpus.js';
import type { BuildOptions } from './build.js';
import type { CurrentVersion, IndexStorage, StoredIndex } from './storage.js';
import type { DocumentEntry, FailureEntry, IndexManifest } from './store.js';
import type { VectorStore } from './vector-store.js';

/** Where a build starts: the previous version it may build upon, and which files it must read again. */

/** Bump when a parser or the chunker would turn the same file into different text or chunks. */
export const PARSING_VERSION = 5;

/** The previous version to build upon when it was built the same way; otherwise why the index is rebuilt from scratch. */
export async function previousVersion<V extends VectorStore>(embedder: Embedder, options: BuildOptions, storage: IndexStorage<V>): Promise<{ base?: StoredIndex<V>; rebuildReason?: string }> {
  if (options.mode === 'always') return { rebuildReason: 're-index requested' };
  let current: CurrentVersion | undefined;
  try {
    current = await storage.current();
    if (!current) return { rebuildReason: 'no index yet' };
    const { manifest } = current;
    if (manifest.embedding.version !== embedder.info.version) return { rebuildReason: `embedding model changed (${manifest.embedding.version} → ${embedder.info.version})` };
    if (manifest.chunking.chunkSize !== options.chunkSize || manifest.chunking.chunkOverlap !== options.chunkOverlap) return { rebuildReason: 'chunking settings changed' };
    if (manifest.parsing !== PARSING_VERSION) return { rebuildReason: 'the document parsers changed' };
    return { base: await storage.read(embedder.info) };
  } catch (error) {
    // Damaged, edited, foreign or from an older Docent: never served, rebuilt.
    return { rebuildReason: `the index cannot be used (${error instanceof Error ? error.message : String(error)})` };
  }
}

interface Plan {
  /** Sources kept as they are in the previous version. */
  kept: DocumentEntry[];
  keptFailures: FailureEntry[];
  /** Files to read; `known` when the previous version held a file of this name. */
  toRead: CorpusFile[];
}

/** Unchanged size and modification time: the file is taken as unchanged without reading it (a full hash is `--full`). */
export function plan(files: readonly CorpusFile[], base: IndexManifest | undefined): Plan {
  const documents = new Map(base?.documents.map((entry) => [entry.source, entry]));
  const failures = new Map(base?.failures.map((entry) => [entry.source, entry]));
  const result: Plan = { kept: [], keptFailures: [], toRead: [] };
  for (const file of files) {
    const known = documents.get(file.source) ?? failures.get(file.source);
    const same = known && known.bytes === file.size && known.mtimeMs === file.mtimeMs;
    if (same && documents.has(file.source)) result.kept.push(documents.get(file.source)!);
    else if (same) result.keptFailures.push(failures.get(file.source)!);
    else result.toRead.push(file);
  }
  return result;
}
