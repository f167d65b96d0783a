import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Document } from '@langchain/core/documents';

/** File types indexed as plain text; their offsets are JavaScript string offsets into the UTF-8 decoded file. */
export const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

export interface SourceMetadata extends Record<string, unknown> {
  /** Path relative to the corpus folder, with `/` separators: the citation's `source`. */
  source: string;
  sha256: string;
}

export type SourceDocument = Document<SourceMetadata>;

export class SourcePathError extends Error {
  override name = 'SourcePathError';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Resolves a citation `source` to a file inside `corpusDir`, rejecting anything that could
 * escape it (absolute paths, `..` segments, NUL bytes, backslashes).
 */
export function resolveSourcePath(corpusDir: string, source: string): string {
  const segments = source.split('/');
  const unsafe =
    source.length === 0 ||
    source.includes('\0') ||
    source.includes('\\') ||
    path.isAbsolute(source) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..');
  if (unsafe) throw new SourcePathError(`Invalid source path: ${JSON.stringify(source)}`);
  const root = path.resolve(corpusDir);
  const resolved = path.resolve(root, ...segments);
  if (!resolved.startsWith(root + path.sep)) throw new SourcePathError(`Invalid source path: ${JSON.stringify(source)}`);
  return resolved;
}

async function listTextFiles(root: string, dir: string = root): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith('.'))
      .map(async (entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return listTextFiles(root, full);
        return entry.isFile() && TEXT_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) ? [full] : [];
      }),
  );
  return nested.flat();
}

/** Reads every indexable file under `corpusDir`, sorted by source path so indexing is deterministic. */
export async function loadCorpus(corpusDir: string): Promise<SourceDocument[]> {
  const root = path.resolve(corpusDir);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new Error(`Corpus folder not found: ${root} (set CORPUS_DIR)`);
  const files = (await listTextFiles(root)).sort();
  return Promise.all(
    files.map(async (file) => {
      const text = await fs.readFile(file, 'utf8');
      const source = path.relative(root, file).split(path.sep).join('/');
      return new Document<SourceMetadata>({ pageContent: text, metadata: { source, sha256: sha256(text) }, id: source });
    }),
  );
}
