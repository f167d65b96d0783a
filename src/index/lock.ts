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

/** How often a holder touches its lock file, and how old an untouched lock of another host must be to count as abandoned. */
const HEARTBEAT_MS = 5_000;
const DEFAULT_STALE_MS = 30_000;
/** How long a lock file may stay unreadable before it counts as left half written: writing a few bytes takes far less. */
const PARTIAL_WRITE_MS = 2_000;

/**
 * A lock left by a process that is gone (killed with -9, crashed), or unreadable. On this host the
 * owner's pid says so; another host's process (a killed Kubernetes pod sharing the volume) cannot be
 * asked, so its lock is abandoned once its heartbeat stopped for `staleMs`.
 */
async function isStale(file: string, staleMs: number): Promise<boolean> {
  const raw = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (raw === undefined) return false;
  const untouchedFor = async (ms: number) => {
    const touched = await fs.stat(file).then((stat) => stat.mtimeMs, () => undefined);
    return touched !== undefined && Date.now() - touched > ms;
  };
  let owner: LockOwner;
  try {
    owner = JSON.parse(raw) as LockOwner;
  } catch {
    // Empty or half written: a holder that is writing its name right now (the file is created before its bytes are
    // written, and taking it over then let two indexers run at once), or one killed mid-write, whose lock stays so.
    return untouchedFor(PARTIAL_WRITE_MS);
  }
  if (owner.host === os.hostname()) return !isAlive(owner.pid);
  return untouchedFor(staleMs);
}

export interface LockOptions {
  /** How long to wait for another indexer to finish before giving up. */
  waitMs?: number;
  pollMs?: number;
  /** How long another host's lock may go untouched before it counts as abandoned (default 30 s; holders touch it every 5 s). */
  staleMs?: number;
}

/**
 * Runs `work` holding the index folder's lock, so two indexers never write one folder at once. The
 * lock file is created exclusively and names its owner, who touches it every few seconds; a lock
 * whose owner died on this host, or that another host stopped touching, is taken over. Another live indexer is waited for up to `waitMs`, then IndexLockedError names it.
 */
export async function withIndexLock<T>(indexDir: string, work: () => Promise<T>, { waitMs = 60_000, pollMs = 100, staleMs = DEFAULT_STALE_MS }: LockOptions = {}): Promise<T> {
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
      if (await isStale(file, staleMs)) {
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
  const now = () => new Date();
  const heartbeat = setInterval(() => void fs.utimes(file, now(), now()).catch(() => undefined), Math.min(HEARTBEAT_MS, staleMs / 3));
  heartbeat.unref();
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    await fs.rm(file, { force: true });
  }
}
