import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildIndex } from '../../src/index/build.js';
import { LOCK_FILE } from '../../src/index/lock.js';
import { readIndex } from '../../src/index/folder-files.js';
import { VectorIndex } from '../../src/index/vector-index.js';
import { readPointer, versionDir, versionsDir } from '../../src/index/versions.js';
import { openDocent } from '../../src/service.js';
import { makeCorpus, tempDir, testConfig } from '../helpers/fixtures.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';

const files = { 'a.md': '# Stars\n\nAlpha Centauri is a star system. It is close to the Sun.', 'b.txt': 'Bread is baked from flour, water and yeast.' };
const INDEX_FILES = ['documents.json', 'texts.bin', 'blocks.bin', 'chunks.json', 'chunks.bin', 'lexical.bin', 'vectors.hnsw', 'manifest.json'];

async function builtIndex(corpus: Record<string, string> = files) {
  const config = await testConfig(await makeCorpus(corpus));
  const { version } = (await openDocent(config, { embedder: hashEmbedder() })).index;
  return { config, version, dir: versionDir(config.indexDir, version) };
}

/** A corpus big enough that indexing it with a slowed embedder takes a few seconds. */
async function largeCorpus(count: number) {
  const corpus: Record<string, string> = {};
  for (let i = 0; i < count; i++) corpus[`doc-${i}.md`] = `# Document ${i}\n\n${`Sentence ${i} about lighthouses, keepers and ships on rocky coasts. `.repeat(40)}\n`;
  return makeCorpus(corpus);
}

function indexProcess(corpusDir: string, indexDir: string, delayMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/index-process.ts', corpusDir, indexDir, String(delayMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function expectValidIndex(indexDir: string, documents: number) {
  const index = await readIndex(indexDir, hashEmbedder().info);
  expect(index.documents.size).toBe(documents);
  expect((await fs.readdir(versionsDir(indexDir))).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
  await expect(fs.stat(path.join(indexDir, LOCK_FILE))).rejects.toThrow();
  return index;
}

afterEach(() => vi.restoreAllMocks());

describe('index faults', () => {
  it.each(INDEX_FILES)('%s deleted, truncated, garbage or copied from another index: named, never served, rebuilt', async (name) => {
    const other = await builtIndex({ 'c.md': 'Comets are icy bodies that orbit the Sun.' });
    const damage: Record<string, (file: string) => Promise<void>> = {
      deleted: (file) => fs.rm(file),
      truncated: async (file) => fs.truncate(file, Math.floor((await fs.stat(file)).size / 2)),
      garbage: async (file) => fs.writeFile(file, Buffer.alloc((await fs.stat(file)).size, 0x5a)),
      foreign: (file) => fs.copyFile(path.join(other.dir, name), file),
    };
    for (const [how, apply] of Object.entries(damage)) {
      const { config, dir } = await builtIndex();
      await apply(path.join(dir, name));
      await expect(readIndex(config.indexDir, hashEmbedder().info), how).rejects.toThrow(name);
      await expect(openDocent(config, { embedder: hashEmbedder(), reindex: 'never' }), how).rejects.toThrow(name);
      const rebuilt = await openDocent(config, { embedder: hashEmbedder() });
      expect(rebuilt.index.documents.size, how).toBe(2);
    }
  });

  it('CURRENT garbage or naming a missing version: named, refused by a reader, rebuilt by the indexer', async () => {
    for (const pointer of ['not a version\n', `${'0'.repeat(32)}\n`]) {
      const { config } = await builtIndex();
      await fs.writeFile(path.join(config.indexDir, 'CURRENT'), pointer);
      await expect(openDocent(config, { embedder: hashEmbedder(), reindex: 'never' })).rejects.toThrow(/CURRENT does not name|manifest\.json is missing/);
      expect((await openDocent(config, { embedder: hashEmbedder() })).index.documents.size).toBe(2);
    }
  });

  it('a reader refuses a damaged new version or one from another model, and keeps serving its own', async () => {
    const { config, version } = await builtIndex();
    const reader = await openDocent(config, { embedder: hashEmbedder(), reindex: 'never' });
    await fs.writeFile(path.join(config.corpusDir, 'c.md'), 'Comets are icy bodies.');
    const next = await buildIndex(hashEmbedder(), { corpusDir: config.corpusDir, indexDir: config.indexDir, chunkSize: 800, chunkOverlap: 120, batchSize: 8 });
    const damaged = path.join(versionDir(config.indexDir, next.version), 'vectors.hnsw');
    await fs.appendFile(damaged, 'x');
    await expect(reader.refresh()).rejects.toThrow(damaged);
    expect(reader.status).toEqual({ state: 'ready', version });
    await fs.rm(path.join(config.corpusDir, 'c.md'));
    await buildIndex(hashEmbedder(64), { corpusDir: config.corpusDir, indexDir: config.indexDir, chunkSize: 800, chunkOverlap: 120, batchSize: 8 });
    await expect(reader.refresh()).rejects.toThrow(/built with embedding model test-hash \(test-hash@64/);
    expect(reader.status.version).toBe(version);
    expect((await reader.ask('What is bread baked from?')).citations[0]?.source).toBe('b.txt');
  });

  it('kill -9 in the middle of indexing, then indexing again: recovers with no manual step', async () => {
    const corpusDir = await largeCorpus(60);
    const indexDir = await tempDir('docent-index-');
    const first = indexProcess(corpusDir, indexDir, 150);
    while (!/Embedding chunks/.test(first.output()) && first.child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20));
    first.child.kill('SIGKILL');
    await first.exited;
    // The lock of the dead process is still there: the next indexer takes it over.
    await expect(fs.stat(path.join(indexDir, LOCK_FILE))).resolves.toBeTruthy();
    const second = indexProcess(corpusDir, indexDir, 0);
    expect(await second.exited, second.output()).toBe(0);
    await expectValidIndex(indexDir, 60);
  }, 120_000);

  it('two indexers started at once on one folder leave one valid index', async () => {
    const corpusDir = await largeCorpus(20);
    const indexDir = await tempDir('docent-index-');
    const runs = [indexProcess(corpusDir, indexDir, 20), indexProcess(corpusDir, indexDir, 20)];
    const codes = await Promise.all(runs.map((run) => run.exited));
    expect(codes, runs.map((run) => run.output()).join('\n')).toEqual([0, 0]);
    const index = await expectValidIndex(indexDir, 20);
    // The second waited for the first and found nothing to change: both name the same version.
    expect(runs.map((run) => run.output().trim().split('\n').at(-1))).toEqual([index.version, index.version]);
  }, 120_000);

  it('a read-only index folder: the indexer says so clearly; a reader serves it', async () => {
    const { config, version } = await builtIndex();
    await fs.writeFile(path.join(config.corpusDir, 'c.md'), 'Comets are icy bodies.');
    const unmount = readOnlyFolder(config.indexDir);
    try {
      await expect(openDocent(config, { embedder: hashEmbedder() })).rejects.toThrow(/Cannot write the index \((EROFS|EACCES)\): .*READ_ONLY=1/);
      const reader = await openDocent({ ...config, readOnly: true }, { embedder: hashEmbedder() });
      expect(reader.status).toEqual({ state: 'ready', version });
      // A served version holds its texts file open: closed, the folder can be unmounted.
      await reader.close();
    } finally {
      unmount();
    }
  });

  it('a full disk (injected write error) leaves the previous version current and nothing half-written', async () => {
    const { config, version } = await builtIndex();
    await fs.writeFile(path.join(config.corpusDir, 'c.md'), 'Comets are icy bodies.');
    vi.spyOn(VectorIndex.prototype, 'write').mockRejectedValue(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    await expect(openDocent(config, { embedder: hashEmbedder() })).rejects.toThrow(/Cannot write the index \(ENOSPC\): the disk holding .* is full.*unchanged/);
    expect(await readPointer(config.indexDir)).toBe(version);
    await expectValidIndex(config.indexDir, 2);
  });

  it.runIf(canMount())('a full disk (a tiny tmpfs) leaves the previous version current and nothing half-written', async () => {
    const indexDir = await tempDir('docent-tmpfs-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', indexDir]);
    try {
      const corpusDir = await makeCorpus(files);
      const config = await testConfig(corpusDir, { INDEX_DIR: indexDir });
      const first = await openDocent(config, { embedder: hashEmbedder() });
      const { version } = first.index;
      await first.close();
      await fs.writeFile(path.join(corpusDir, 'big.txt'), 'Sentences about ships and harbours fill this file. '.repeat(8000));
      await expect(openDocent(config, { embedder: hashEmbedder() })).rejects.toThrow(/ENOSPC|full/);
      expect(await readPointer(indexDir)).toBe(version);
      await fs.rm(path.join(corpusDir, 'big.txt'));
      const reader = await openDocent(config, { embedder: hashEmbedder(), reindex: 'never' });
      expect(reader.index.version).toBe(version);
      // A served version holds its texts file open: closed, the file system can be unmounted.
      await reader.close();
    } finally {
      execFileSync('umount', [indexDir]);
    }
  });
});

function canMount(): boolean {
  try {
    const probe = execFileSync('mktemp', ['-d']).toString().trim();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  }
}

/** Makes `dir` read-only: a read-only bind mount when running as root (root ignores permissions), else chmod. */
function readOnlyFolder(dir: string): () => void {
  if (process.getuid?.() === 0 && canMount()) {
    execFileSync('mount', ['--bind', dir, dir]);
    execFileSync('mount', ['-o', 'remount,bind,ro', dir]);
    return () => execFileSync('umount', [dir]);
  }
  execFileSync('chmod', ['-R', 'a-w', dir]);
  return () => execFileSync('chmod', ['-R', 'u+w', dir]);
}
