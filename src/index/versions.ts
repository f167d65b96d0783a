import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The index folder holds immutable versions and a pointer to the one being served:
 *
 *   INDEX_DIR/CURRENT              the id of the current version (replaced atomically)
 *   INDEX_DIR/versions/<id>/       one version: its files and a manifest with their sha256
 *   INDEX_DIR/versions/.tmp-*      a version being written (never pointed at; removed when stale)
 *
 * A version is written in a temporary folder, synced, renamed into place, and only then does CURRENT
 * switch: a crash at any moment leaves the previous version served, and readers of a shared folder
 * (replicas on NFS or a mounted bucket) only ever see complete versions.
 */

export const POINTER_FILE = 'CURRENT';
const VERSIONS_DIR = 'versions';
const TEMPORARY_PREFIX = '.tmp-';
const VERSION_ID = /^[0-9a-f]{32}$/;
export const MANIFEST_FILE = 'manifest.json';

export class IndexCorruptError extends Error {
  override name = 'IndexCorruptError';
}

export const versionsDir = (indexDir: string) => path.join(indexDir, VERSIONS_DIR);
export const versionDir = (indexDir: string, id: string) => path.join(versionsDir(indexDir), id);

export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The id in CURRENT, or undefined when there is no pointer yet. A pointer that is not an id is corruption. */
export async function readPointer(indexDir: string): Promise<string | undefined> {
  const raw = await fs.readFile(path.join(indexDir, POINTER_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (raw === undefined) return undefined;
  const id = raw.trim();
  if (!VERSION_ID.test(id)) throw new IndexCorruptError(`${path.join(indexDir, POINTER_FILE)} does not name an index version`);
  return id;
}

async function syncPath(target: string) {
  const handle = await fs.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `text` to `file` through a synced temporary file and a rename: readers see the old or the new content, never half. */
export async function writeFileAtomically(file: string, text: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(temporary, text);
  await syncPath(temporary);
  await fs.rename(temporary, file);
}

/** Points CURRENT at version `id`. */
export async function switchPointer(indexDir: string, id: string): Promise<void> {
  await writeFileAtomically(path.join(indexDir, POINTER_FILE), `${id}\n`);
  await syncPath(indexDir).catch(() => undefined);
}

/** A folder to write a new version into; `commit` gives it its content-addressed id. */
export interface VersionWriter {
  readonly dir: string;
  /**
   * Syncs every file, names the version by the hash of its manifest (which records every other
   * file's checksum, so the id covers them all), renames it into place and returns its id.
   */
  commit(): Promise<string>;
  /** Removes the unfinished folder. */
  discard(): Promise<void>;
}

export async function startVersion(indexDir: string): Promise<VersionWriter> {
  await fs.mkdir(versionsDir(indexDir), { recursive: true });
  const dir = path.join(versionsDir(indexDir), `${TEMPORARY_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  await fs.mkdir(dir);
  return {
    dir,
    async commit() {
      for (const name of await fs.readdir(dir)) await syncPath(path.join(dir, name));
      const id = versionIdOf(await fileSha256(path.join(dir, MANIFEST_FILE)));
      const target = versionDir(indexDir, id);
      if (await fs.stat(target).catch(() => undefined)) await fs.rm(dir, { recursive: true, force: true });
      else await fs.rename(dir, target);
      await syncPath(versionsDir(indexDir)).catch(() => undefined);
      return id;
    },
    discard: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

/** A version's id: the start of its manifest's sha256. */
export const versionIdOf = (manifestSha256: string) => manifestSha256.slice(0, 32);

/** Checks every file of a version against the checksums its manifest recorded; throws naming the first that differs. */
export async function verifyChecksums(dir: string, checksums: Record<string, string>): Promise<void> {
  for (const [name, expected] of Object.entries(checksums)) {
    const file = path.join(dir, name);
    const actual = await fileSha256(file).catch(() => undefined);
    if (actual === undefined) throw new IndexCorruptError(`${file} is missing`);
    if (actual !== expected) throw damagedFile(file);
  }
}

/** The error for a version's file whose bytes are not the ones its manifest recorded. */
export const damagedFile = (file: string) => new IndexCorruptError(`${file} is damaged or was edited (its checksum does not match the manifest)`);

/**
 * Removes versions that are neither current nor among the `keep` newest, and temporary folders left
 * by interrupted builds. Call it only while holding the index lock.
 */
export async function collectGarbage(indexDir: string, keep: number): Promise<string[]> {
  const current = await readPointer(indexDir).catch(() => undefined);
  const entries = await fs.readdir(versionsDir(indexDir), { withFileTypes: true }).catch(() => []);
  const versions: Array<{ name: string; mtimeMs: number }> = [];
  const removed: string[] = [];
  for (const entry of entries) {
    const full = path.join(versionsDir(indexDir), entry.name);
    if (entry.name.startsWith(TEMPORARY_PREFIX)) {
      await fs.rm(full, { recursive: true, force: true });
      removed.push(entry.name);
    } else if (entry.isDirectory() && VERSION_ID.test(entry.name)) {
      versions.push({ name: entry.name, mtimeMs: (await fs.stat(full)).mtimeMs });
    }
  }
  versions.sort((a, b) => b.mtimeMs - a.mtimeMs);
  const kept = new Set([current, ...versions.slice(0, keep).map((version) => version.name)]);
  for (const version of versions) {
    if (kept.has(version.name)) continue;
    await fs.rm(path.join(versionsDir(indexDir), version.name), { recursive: true, force: true });
    removed.push(version.name);
  }
  return removed;
}
