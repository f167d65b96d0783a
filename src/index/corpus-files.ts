import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isSafeSource, resolveSourcePath } from '../ingest/corpus.js';

/** Longest file name most file systems accept, in bytes. */
const MAX_NAME_BYTES = 255;

/**
 * A safe corpus file name for an uploaded file's name, or undefined when nothing usable is left.
 * Only the last path segment is kept (a name cannot choose a folder, let alone leave the corpus);
 * control characters and characters that are not portable in file names are dropped; leading dots
 * (hidden files, `..`) and trailing dots and spaces are stripped; long names are shortened keeping
 * the extension. The result is always a plain name directly inside the corpus folder.
 */
export function sanitizeFileName(raw: string): string | undefined {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = base
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const extension = path.extname(name);
  while (Buffer.byteLength(name) > MAX_NAME_BYTES) {
    const stem = name.slice(0, name.length - extension.length);
    name = Array.from(stem).slice(0, -1).join('') + extension;
  }
  return name !== '' && isSafeSource(name) ? name : undefined;
}

export class FileExistsError extends Error {
  override name = 'FileExistsError';
}

/**
 * Writes an upload into the corpus folder as `name` (a sanitised name): through a hidden temporary
 * file (which neither the indexer nor the watcher reads), then a link or rename, so a half-written
 * file is never indexed. Without `replace`, an existing file is kept and FileExistsError thrown.
 */
export async function writeCorpusFile(corpusDir: string, name: string, bytes: Uint8Array, replace: boolean): Promise<void> {
  const target = resolveSourcePath(corpusDir, name);
  const temporary = path.join(path.dirname(target), `.upload-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(temporary, bytes, { flag: 'wx' });
  try {
    if (replace) await fs.rename(temporary, target);
    else await fs.link(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(`${name} already exists`);
    throw error;
  } finally {
    await fs.rm(temporary, { force: true });
  }
}

/** Whether the corpus folder holds a file named `source` now. */
export async function corpusFileExists(corpusDir: string, source: string): Promise<boolean> {
  return (await fs.lstat(resolveSourcePath(corpusDir, source)).catch(() => undefined)) !== undefined;
}

/** Removes the file `source` from the corpus folder; false when there is no such file (a folder is not a document). */
export async function removeCorpusFile(corpusDir: string, source: string): Promise<boolean> {
  try {
    await fs.unlink(resolveSourcePath(corpusDir, source));
    return true;
  } catch (error) {
    if (['ENOENT', 'EISDIR', 'EPERM', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
}
