import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIndex } from '../../src/index/folder-files.js';
import { versionDir, IndexCorruptError } from '../../src/index/versions.js';
import { openDocent } from '../../src/service.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';

const model = hashEmbedder().info;

async function builtIndex() {
  const config = await testConfig(await makeCorpus({ 'a.md': '# Stars\n\nAlpha Centauri is a star system. It is close to the Sun.' }));
  const docent = await openDocent(config, { embedder: hashEmbedder() });
  const { version } = docent.index;
  await docent.close();
  return { indexDir: config.indexDir, dir: versionDir(config.indexDir, version) };
}

/** A modification time in whole seconds: what `utimes` sets exactly, so a test can give a file its time back. */
const SOME_TIME = 1_700_000_000;

/** Flips one byte of `file` in place, then gives it back its modification time SOME_TIME (a change size and time cannot see). */
async function flipByteKeepingTime(file: string) {
  const bytes = await fs.readFile(file);
  bytes.writeUInt8(bytes.readUInt8(bytes.length - 2) ^ 0xff, bytes.length - 2);
  await fs.writeFile(file, bytes);
  await fs.utimes(file, SOME_TIME, SOME_TIME);
}

describe('index files checked once per size and modification time', () => {
  it('records a version as checked when it is written: its files were hashed then, so its first read need not', async () => {
    const { dir } = await builtIndex();
    const record = JSON.parse(await fs.readFile(path.join(dir, 'checked.json'), 'utf8')) as Record<string, { size: number; mtimeMs: number; sha256: string }>;
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as { checksums: Record<string, string> };
    expect(Object.fromEntries(Object.entries(record).map(([name, entry]) => [name, entry.sha256]))).toEqual(manifest.checksums);
    for (const [name, entry] of Object.entries(record)) {
      const { size, mtimeMs } = await fs.stat(path.join(dir, name));
      expect({ name, size, mtimeMs: Math.floor(mtimeMs) }).toEqual({ name, size: entry.size, mtimeMs: entry.mtimeMs });
    }
  });

  it('records what a read checked; a restart trusts unchanged files, hashes changed ones, and INDEX_FULL_CHECK hashes all', async () => {
    const { indexDir, dir } = await builtIndex();
    await fs.utimes(path.join(dir, 'texts.bin'), SOME_TIME, SOME_TIME);
    await readIndex(indexDir, model);
    const record = JSON.parse(await fs.readFile(path.join(dir, 'checked.json'), 'utf8')) as Record<string, { size: number; sha256: string }>;
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as { checksums: Record<string, string> };
    expect(Object.fromEntries(Object.entries(record).map(([name, entry]) => [name, entry.sha256]))).toEqual(manifest.checksums);

    // Same size, same time: taken as checked — the trade the issue asks for; a full check still finds it.
    const texts = path.join(dir, 'texts.bin');
    await flipByteKeepingTime(texts);
    await expect(readIndex(indexDir, model)).resolves.toBeDefined();
    await expect(readIndex(indexDir, model, { fullCheck: true })).rejects.toThrow(IndexCorruptError);

    // A file written again (a new time) is hashed again, even with its record in place.
    const bytes = await fs.readFile(texts);
    await fs.writeFile(texts, bytes);
    await expect(readIndex(indexDir, model)).rejects.toThrow(/texts\.bin is damaged/);
  });

  it('reads a version in full when its record is missing or garbage, and records nothing after a failed read', async () => {
    const { indexDir, dir } = await builtIndex();
    await fs.utimes(path.join(dir, 'chunks.json'), SOME_TIME, SOME_TIME);
    await fs.writeFile(path.join(dir, 'checked.json'), '{"texts.bin": 5');
    await flipByteKeepingTime(path.join(dir, 'chunks.json'));
    await expect(readIndex(indexDir, model)).rejects.toThrow(/chunks\.json is damaged/);
    await fs.rm(path.join(dir, 'checked.json'));
    await expect(readIndex(indexDir, model)).rejects.toThrow(/chunks\.json is damaged/);
    // Not recorded: the damaged read wrote nothing.
    await expect(fs.stat(path.join(dir, 'checked.json'))).rejects.toThrow();
  });
});
