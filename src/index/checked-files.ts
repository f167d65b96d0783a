import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * Which files of a version were hashed (as they were written, or when last read) and checked against
 * its manifest, by size and modification time: a worker started again on an unchanged version reads its files without hashing them (and
 * without reading the HNSW file twice, once to hash it), as corpus files are taken as unchanged by
 * size and time. A file whose size or time changed is hashed again; INDEX_FULL_CHECK hashes every
 * file at every start. Recorded by the writer of a version (it hashed each file as it wrote it) and by
 * each read that hashed some, best effort: in a read-only index folder every start checks in full.
 */
const RECORD_FILE = 'checked.json';

const recordSchema = z.record(z.string(), z.object({ size: z.number(), mtimeMs: z.number(), sha256: z.string() }));
type CheckedRecord = z.infer<typeof recordSchema>;

/** Size and modification time, the time to the millisecond (what every file system and `utimes` keep alike). */
const stamp = async (file: string) => fs.stat(file).then(({ size, mtimeMs }) => ({ size, mtimeMs: Math.floor(mtimeMs) }), () => undefined);

/** The files of `dir` checked before and not changed since: name → the sha256 they had then. */
export async function checkedEarlier(dir: string): Promise<ReadonlyMap<string, string>> {
  const text = await fs.readFile(path.join(dir, RECORD_FILE), 'utf8').catch(() => undefined);
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    // A damaged record only means the files are hashed again.
  }
  const record = recordSchema.safeParse(parsed);
  const unchanged = new Map<string, string>();
  if (!record.success) return unchanged;
  for (const [name, entry] of Object.entries(record.data)) {
    const now = await stamp(path.join(dir, name));
    if (now && now.size === entry.size && now.mtimeMs === entry.mtimeMs) unchanged.set(name, entry.sha256);
  }
  return unchanged;
}

/** Records that `files` (name → sha256) of `dir` were just checked; a folder that cannot be written is left as it is. */
export async function recordChecked(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  const record: CheckedRecord = {};
  for (const [name, sha256] of Object.entries(files)) {
    const now = await stamp(path.join(dir, name));
    if (now) record[name] = { ...now, sha256 };
  }
  // Written whole and renamed: workers starting together never read half a record.
  const temporary = path.join(dir, `${RECORD_FILE}.${process.pid}.tmp`);
  await fs
    .writeFile(temporary, JSON.stringify(record))
    .then(() => fs.rename(temporary, path.join(dir, RECORD_FILE)))
    .catch(() => fs.rm(temporary, { force: true }));
}
