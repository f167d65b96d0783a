import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndexLockedError, LOCK_FILE, withIndexLock } from '../../src/index/lock.js';
import { tempDir } from '../helpers/fixtures.js';

/** A lock file as another host's indexer writes it (a pod on a shared volume), last touched `ageMs` ago. */
async function foreignLock(indexDir: string, ageMs: number) {
  const file = path.join(indexDir, LOCK_FILE);
  await fs.writeFile(file, JSON.stringify({ pid: 1, host: 'another-pod-7f9c', startedAt: new Date(Date.now() - ageMs).toISOString() }));
  const touched = new Date(Date.now() - ageMs);
  await fs.utimes(file, touched, touched);
}

describe('index lock across hosts', () => {
  it('takes over a lock another host stopped touching (its indexer was killed)', async () => {
    const indexDir = await tempDir('docent-index-');
    await foreignLock(indexDir, 120_000);
    const startedAt = Date.now();
    expect(await withIndexLock(indexDir, async () => 'built', { waitMs: 10_000, staleMs: 30_000 })).toBe('built');
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    await expect(fs.stat(path.join(indexDir, LOCK_FILE))).rejects.toThrow();
  });

  it('waits for a lock another host keeps touching, then names it', async () => {
    const indexDir = await tempDir('docent-index-');
    await foreignLock(indexDir, 0);
    const refused = await withIndexLock(indexDir, async () => 'built', { waitMs: 300, pollMs: 50, staleMs: 30_000 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(IndexLockedError);
    expect((refused as Error).message).toMatch(/another-pod-7f9c/);
  });

  it('keeps its own lock fresh while the work runs, so other hosts do not take it over', async () => {
    const indexDir = await tempDir('docent-index-');
    const file = path.join(indexDir, LOCK_FILE);
    await withIndexLock(
      indexDir,
      async () => {
        const old = new Date(Date.now() - 60_000);
        await fs.utimes(file, old, old);
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(Date.now() - (await fs.stat(file)).mtimeMs).toBeLessThan(30_000);
      },
      { staleMs: 300 },
    );
  });

  it('never takes over a lock file its holder is still writing, only one left unreadable for a while', async () => {
    const indexDir = await tempDir('docent-index-');
    const file = path.join(indexDir, LOCK_FILE);
    // Created, its owner not yet written: what a second indexer started at the same moment may read.
    await fs.writeFile(file, '');
    const refused = await withIndexLock(indexDir, async () => 'built', { waitMs: 300, pollMs: 50 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(IndexLockedError);
    const old = new Date(Date.now() - 10_000);
    await fs.utimes(file, old, old);
    expect(await withIndexLock(indexDir, async () => 'built', { waitMs: 10_000 })).toBe('built');
  });
});
