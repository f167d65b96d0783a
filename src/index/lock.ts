import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'index.lock';

export class IndexLockedError extends Error {
  override name = 'IndexLockedError';
}

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock left by a process that is gone (killed with -9, crashed) on this host, or unreadable. */
async function isStale(file: string): Promise<boolean> {
  const raw = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (raw === undefined) return false;
  let owner: LockOwner;
  try {
    owner = JSON.parse(raw) as LockOwner;
  } catch {
    // Written half by a process killed mid-write.
    return true;
  }
  return owner.host === os.hostname() && !isAlive(owner.pid);
}

export interface LockOptions {
  /** How long to wait for another indexer to finish before giving up. */
  waitMs?: number;
  pollMs?: number;
}

/**
 * Runs `work` holding the index folder's lock, so two indexers never write one folder at once. The
 * lock file is created exclusively and names its owner; a lock whose owner died on this host is
 * taken over. Another live indexer is waited for up to `waitMs`, then IndexLockedError names it.
 */
export async function withIndexLock<T>(indexDir: string, work: () => Promise<T>, { waitMs = 60_000, pollMs = 100 }: LockOptions = {}): Promise<T> {
  await fs.mkdir(indexDir, { recursive: true });
  const file = path.join(indexDir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await fs.writeFile(file, JSON.stringify(owner), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(file)) {
        await fs.rm(file, { force: true });
        continue;
      }
      if (Date.now() >= deadline) {
        const holder = await fs.readFile(file, 'utf8').catch(() => '?');
        throw new IndexLockedError(`Another indexer is writing ${indexDir} (${holder}); try again when it has finished`);
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(file, { force: true });
  }
}
