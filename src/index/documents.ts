import { listCorpus } from '../ingest/corpus.js';
import { parserFor } from '../ingest/parsers/index.js';
import type { CorpusIndex, DocumentEntry } from './store.js';

/** A corpus file as the documents API lists it. */
export interface DocumentStatus {
  source: string;
  /** The parser's format; for a file no parser reads, its extension (or `unknown`). */
  format: string;
  title: string;
  bytes: number;
  chunks: number;
  pages?: number;
  /** When this content was indexed; absent for a file never indexed. */
  indexedAt?: string;
  /** indexed: served as listed; pending: added, changed or removed since, waiting for the re-index; failed: could not be read (`error` says why). */
  status: 'indexed' | 'pending' | 'failed';
  error?: string;
}

const formatOf = (source: string) => parserFor(source)?.format ?? (/\.([^./]+)$/.exec(source)?.[1]?.toLowerCase() || 'unknown');

const fileName = (source: string) => source.slice(source.lastIndexOf('/') + 1);

/** A file not indexed yet (an upload waiting for the re-index). */
export const pendingDocument = (source: string, bytes: number): DocumentStatus => ({ source, format: formatOf(source), title: fileName(source), bytes, chunks: 0, status: 'pending' });

function indexedDocument(entry: DocumentEntry): DocumentStatus {
  const { source, format, title, bytes, chunks, pages, indexedAt } = entry;
  return { source, format, title, bytes, chunks, ...(pages ? { pages } : {}), indexedAt, status: 'indexed' };
}

/**
 * Every document of the served version with its status, from the version's manifest (indexed files
 * and the files that failed, with the reason). Given the corpus folder, files added, changed or
 * removed since the version was built are marked `pending`.
 */
export async function listDocuments(index: CorpusIndex, corpusDir?: string): Promise<DocumentStatus[]> {
  const { manifest } = index;
  const documents = new Map<string, DocumentStatus>();
  const recorded = new Map<string, { bytes: number; mtimeMs: number }>();
  for (const entry of manifest.documents) {
    documents.set(entry.source, indexedDocument(entry));
    recorded.set(entry.source, entry);
  }
  for (const failure of manifest.failures) {
    documents.set(failure.source, { ...pendingDocument(failure.source, failure.bytes), indexedAt: manifest.builtAt, status: 'failed', error: failure.reason });
    recorded.set(failure.source, failure);
  }
  const listing = corpusDir === undefined ? undefined : await listCorpus(corpusDir).catch(() => undefined);
  if (listing) {
    const present = new Set<string>();
    for (const file of listing.files) {
      present.add(file.source);
      const known = recorded.get(file.source);
      if (known && known.bytes === file.size && known.mtimeMs === file.mtimeMs) continue;
      documents.set(file.source, { ...(documents.get(file.source) ?? pendingDocument(file.source, file.size)), bytes: file.size, status: 'pending' });
    }
    for (const skipped of listing.skipped) {
      present.add(skipped.source);
      if (!recorded.has(skipped.source)) documents.set(skipped.source, pendingDocument(skipped.source, 0));
    }
    for (const [source, document] of documents) if (!present.has(source)) documents.set(source, { ...document, status: 'pending' });
  }
  return [...documents.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}
