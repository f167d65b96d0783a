import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parserFor } from './parsers/index.js';
import { UnreadableDocumentError, type ParsedDocument, type Parser } from './types.js';

export class SourcePathError extends Error {
  override name = 'SourcePathError';
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Whether `source` is a name Docent can cite and serve: relative, `/`-separated, no `.`/`..`, backslash or NUL. */
export function isSafeSource(source: string): boolean {
  const segments = source.split('/');
  return !(
    source.length === 0 ||
    source.includes('\0') ||
    source.includes('\\') ||
    path.isAbsolute(source) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  );
}

/** Resolves a citation `source` to a file inside `corpusDir`, rejecting anything that could escape it. */
export function resolveSourcePath(corpusDir: string, source: string): string {
  if (!isSafeSource(source)) throw new SourcePathError(`Invalid source path: ${JSON.stringify(source)}`);
  const root = path.resolve(corpusDir);
  const resolved = path.resolve(root, ...source.split('/'));
  if (!resolved.startsWith(root + path.sep)) throw new SourcePathError(`Invalid source path: ${JSON.stringify(source)}`);
  return resolved;
}

/** A file of the corpus folder that a parser reads. */
export interface CorpusFile {
  /** Path relative to the corpus folder, with `/` separators: the citation's `source`. */
  source: string;
  path: string;
  size: number;
  mtimeMs: number;
  parser: Parser;
}

/** A file that was not indexed, and why (shown to the user by name). */
export interface FileFailure {
  source: string;
  reason: string;
}

export interface CorpusListing {
  files: CorpusFile[];
  skipped: FileFailure[];
}

/**
 * Lists the corpus folder recursively, sorted by source so indexing is deterministic. Hidden files
 * and folders are ignored. Files of unsupported types, names a citation cannot carry, and symbolic
 * links that lead outside the folder (or to folders, which could loop) are reported and skipped.
 */
export async function listCorpus(corpusDir: string): Promise<CorpusListing> {
  const root = path.resolve(corpusDir);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new Error(`Corpus folder not found: ${root} (set CORPUS_DIR)`);
  const realRoot = await fs.realpath(root);
  const files: CorpusFile[] = [];
  const skipped: FileFailure[] = [];
  const visit = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      const source = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        await visit(full);
        continue;
      }
      const skip = (reason: string) => skipped.push({ source, reason });
      if (!isSafeSource(source)) {
        skip('the file name cannot be cited (it contains a backslash or a control character); rename it');
        continue;
      }
      const fileStat = await fs.stat(full).catch(() => undefined);
      if (entry.isSymbolicLink()) {
        const target = await fs.realpath(full).catch(() => undefined);
        const problem = !target || !fileStat ? 'a broken symbolic link' : !target.startsWith(realRoot + path.sep) ? 'a symbolic link that points outside the corpus folder' : !fileStat.isFile() ? 'a symbolic link to a folder' : undefined;
        if (problem) {
          skip(problem);
          continue;
        }
      }
      if (!fileStat?.isFile()) continue;
      const parser = parserFor(entry.name);
      if (!parser) {
        skip(`unsupported file type ${path.extname(entry.name) || '(no extension)'}`);
        continue;
      }
      files.push({ source, path: full, size: fileStat.size, mtimeMs: fileStat.mtimeMs, parser });
    }
  };
  await visit(root);
  const bySource = (a: { source: string }, b: { source: string }) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);
  return { files: files.sort(bySource), skipped: skipped.sort(bySource) };
}

/** A parsed corpus file, with what identifies its content. */
export interface LoadedDocument extends ParsedDocument {
  source: string;
  /** sha256 of the file's bytes. */
  sha256: string;
  bytes: number;
  mtimeMs: number;
}

/** Reads and parses one file; throws UnreadableDocumentError (with a reason for the user) for a file it cannot read. */
export async function loadDocument(file: CorpusFile): Promise<LoadedDocument> {
  const bytes = await fs.readFile(file.path);
  let parsed: ParsedDocument;
  try {
    parsed = await file.parser.parse(bytes, { source: file.source });
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw error;
    // A parser library choking on a corrupt file: the user needs the file's name and the library's words.
    throw new UnreadableDocumentError(`the ${file.parser.format} parser could not read it (${error instanceof Error ? error.message : String(error)})`);
  }
  if (parsed.text.trim() === '') throw new UnreadableDocumentError('no text could be extracted from it');
  return { ...parsed, source: file.source, sha256: sha256(bytes), bytes: bytes.length, mtimeMs: file.mtimeMs };
}

/** The message of a per-file failure, for reports. */
export function failureReason(error: unknown): string {
  return error instanceof UnreadableDocumentError ? error.message : `could not be read (${error instanceof Error ? error.message : String(error)})`;
}
