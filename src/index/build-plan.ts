import fs from 'node:fs/promises';
import { failureReason, loadDocument, sha256, type CorpusFile, type CorpusListing, type LoadedDocument } from '../ingest/corpus.js';
import type { ProgressListener } from '../progress.js';
import type { BuildOptions } from './build.js';
import type { CurrentVersion, IndexStorage } from './storage.js';
import type { DocumentEntry, FailureEntry, IndexManifest } from './store.js';

/**
 * Where a build starts, decided from the current version's manifest alone (sizes and modification
 * times of the files it indexed): the version's big files are read only when something changed, or
 * when the caller needs the index in memory.
 */

/** Bump when a parser or the chunker would turn the same file into different text or chunks, or index a chunk with another context (build.ts chunkContext), or the analyzer would give its text other terms (14: "long", "name", "type" became content words). */
export const PARSING_VERSION = 14;

/** The current version when it was built the same way (same model, chunking, parsers); otherwise why the index is rebuilt from scratch. */
export async function startingPoint(modelVersion: string, options: BuildOptions, storage: IndexStorage): Promise<{ current?: CurrentVersion; rebuildReason?: string }> {
  if (options.mode === 'always') return { rebuildReason: 're-index requested' };
  try {
    const current = await storage.current();
    if (!current) return { rebuildReason: 'no index yet' };
    const { manifest } = current;
    if (manifest.embedding.version !== modelVersion) return { rebuildReason: `embedding model changed (${manifest.embedding.version} → ${modelVersion})` };
    if (manifest.chunking.chunkSize !== options.chunkSize || manifest.chunking.chunkOverlap !== options.chunkOverlap) return { rebuildReason: 'chunking settings changed' };
    if (manifest.parsing !== PARSING_VERSION) return { rebuildReason: 'the document parsers changed' };
    return { current };
  } catch (error) {
    return { rebuildReason: unusableReason(error) };
  }
}

/** Damaged, edited, foreign or from an older Docent: never served, rebuilt. */
export const unusableReason = (error: unknown) => `the index cannot be used (${error instanceof Error ? error.message : String(error)})`;

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

/** What changed in the corpus folder since the version whose manifest is `base`, with the changed files read. */
export interface CorpusChanges {
  /** Entries of the previous version that stay as they are (a touched but identical file with its new time). */
  kept: DocumentEntry[];
  /** Added and changed files, parsed. */
  loaded: LoadedDocument[];
  failures: FailureEntry[];
  added: string[];
  updated: string[];
  removed: string[];
  /** Nothing to write: the previous version describes the folder exactly. */
  unchanged: boolean;
}

/** Reads the files `plan` could not take as unchanged; a file whose bytes did not change (same sha256) is kept with its new time. */
export async function readChanges(listing: CorpusListing, base: IndexManifest | undefined, onProgress?: ProgressListener): Promise<CorpusChanges> {
  const work = plan(listing.files, base);
  const loaded: LoadedDocument[] = [];
  const failures: FailureEntry[] = [...work.keptFailures, ...listing.skipped.map((skip) => ({ ...skip, bytes: 0, mtimeMs: 0 }))];
  const baseEntries = new Map(base?.documents.map((entry) => [entry.source, entry]));
  const added: string[] = [];
  const updated: string[] = [];
  for (const [i, file] of work.toRead.entries()) {
    onProgress?.({ phase: 'Reading files', done: i, total: work.toRead.length });
    try {
      const previous = baseEntries.get(file.source);
      // Touched but not changed (a copy, a checkout): keep the indexed version, with the new time.
      if (previous && previous.bytes === file.size && sha256(await fs.readFile(file.path)) === previous.sha256) {
        work.kept.push({ ...previous, mtimeMs: file.mtimeMs });
        continue;
      }
      loaded.push(await loadDocument(file));
      (baseEntries.has(file.source) ? updated : added).push(file.source);
    } catch (error) {
      failures.push({ source: file.source, reason: failureReason(error), bytes: file.size, mtimeMs: file.mtimeMs });
    }
  }
  onProgress?.({ phase: 'Reading files', done: work.toRead.length, total: work.toRead.length });
  // Gone from the folder, or no longer readable.
  const stillIndexed = new Set([...work.kept, ...loaded].map((entry) => entry.source));
  const removed = [...baseEntries.keys()].filter((source) => !stillIndexed.has(source));
  const failuresChanged = JSON.stringify(failures.map((f) => [f.source, f.reason])) !== JSON.stringify(base?.failures.map((f) => [f.source, f.reason]) ?? []);
  const unchanged = base !== undefined && loaded.length === 0 && removed.length === 0 && !failuresChanged && work.kept.every((entry) => entry.mtimeMs === baseEntries.get(entry.source)?.mtimeMs);
  return { kept: work.kept, loaded, failures, added, updated, removed, unchanged };
}
