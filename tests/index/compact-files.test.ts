import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunksFileText, readChunks, readDocuments, writeDocumentsFile, type StoredChunk } from '../../src/index/compact-files.js';
import { INDEX_FORMAT, type IndexedDocument } from '../../src/index/store.js';
import { IndexCorruptError, MANIFEST_FILE, POINTER_FILE, versionDir, versionIdOf } from '../../src/index/versions.js';
import { openDocent } from '../../src/service.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';

const manual: IndexedDocument = {
  source: 'manual.pdf',
  format: 'pdf',
  title: 'Manual',
  text: 'Manual\nInstall\nRun npm install.\nConfigure\nSet PORT.',
  blocks: [
    { kind: 'heading', start: 0, end: 6, level: 1, section: [], page: 1 },
    { kind: 'heading', start: 7, end: 14, level: 2, section: ['Manual'], page: 1 },
    { kind: 'paragraph', start: 15, end: 31, section: ['Manual', 'Install'], page: 1 },
    { kind: 'heading', start: 32, end: 41, level: 2, section: ['Manual'], page: 2 },
    { kind: 'code', start: 42, end: 51, section: ['Manual', 'Configure'], page: 2 },
  ],
  pages: [
    { page: 1, start: 0, end: 31 },
    { page: 2, start: 32, end: 51 },
  ],
  marks: [{ kind: 'link', start: 46, end: 50, href: 'https://example.com/port' }],
};
const note: IndexedDocument = { source: 'note.txt', format: 'text', title: 'note', text: 'Plain.', blocks: [{ kind: 'paragraph', start: 0, end: 6, section: [] }] };

const readBack = async (documents: IndexedDocument[]) => {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'docent-compact-')), 'documents.json');
  await writeDocumentsFile(file, documents);
  return { file, value: JSON.parse(await fs.readFile(file, 'utf8')) as unknown[] };
};

describe('the compact documents and chunks files', () => {
  it('round-trips documents with levels, pages and marks, storing each heading path once', async () => {
    const { file, value } = await readBack([manual, note]);
    expect(readDocuments(value, file)).toEqual([manual, note]);
    expect((value[0] as { sections: string[][] }).sections).toEqual([[], ['Manual'], ['Manual', 'Install'], ['Manual', 'Configure']]);
    const [decoded] = readDocuments(value, file);
    // Blocks under the same headings share one array.
    expect(decoded!.blocks[1]!.section).toBe(decoded!.blocks[3]!.section);
    expect(readDocuments((await readBack([])).value, file)).toEqual([]);
  });

  it('round-trips chunks', () => {
    const chunks: StoredChunk[] = [
      { label: 0, source: 'manual.pdf', start: 0, end: 31, section: [], page: 1 },
      { label: 4, source: 'manual.pdf', start: 32, end: 51, section: ['Manual'], page: 2 },
      { label: 2, source: 'note.txt', start: 0, end: 6, section: [] },
    ];
    expect(readChunks(JSON.parse(chunksFileText(chunks)), 'chunks.json')).toEqual(chunks);
  });

  it('refuses rows that do not decode, naming the file', async () => {
    const { file, value } = await readBack([manual]);
    const damaged = (change: (document: { blocks: number[]; sections: string[][] }) => void) => {
      const copy = structuredClone(value) as Array<{ blocks: number[]; sections: string[][] }>;
      change(copy[0]!);
      return () => readDocuments(copy, file);
    };
    expect(damaged((d) => (d.blocks[0] = 99))).toThrow(IndexCorruptError);
    expect(damaged((d) => (d.blocks[4] = 17))).toThrow(/heading path 17/);
    expect(damaged((d) => d.blocks.pop())).toThrow(/rows of 6 integers/);
    expect(damaged((d) => (d.blocks[1] = 0.5))).toThrow(IndexCorruptError);
    expect(() => readDocuments({}, file)).toThrow(/does not list documents/);
    const chunks = JSON.parse(chunksFileText([{ label: 0, source: 'a', start: 0, end: 1, section: [] }])) as { rows: number[] };
    chunks.rows[0] = 3;
    expect(() => readChunks(chunks, 'chunks.json')).toThrow(/unknown document/);
  });

  it('rebuilds an index written in an older format instead of misreading it', async () => {
    const config = await testConfig(await makeCorpus({ 'a.md': '# Stars\n\nAlpha centauri is a star system.' }));
    const built = await openDocent(config, { embedder: hashEmbedder() });
    // The same version, relabelled as format 2 under the id its edited manifest hashes to.
    const oldDir = versionDir(config.indexDir, built.index.version);
    const manifest = JSON.parse(await fs.readFile(path.join(oldDir, MANIFEST_FILE), 'utf8')) as { format: number };
    const text = JSON.stringify({ ...manifest, format: 2 }, null, 2) + '\n';
    const id = versionIdOf(createHash('sha256').update(text).digest('hex'));
    await fs.cp(oldDir, versionDir(config.indexDir, id), { recursive: true });
    await fs.writeFile(path.join(versionDir(config.indexDir, id), MANIFEST_FILE), text);
    await fs.writeFile(path.join(config.indexDir, POINTER_FILE), `${id}\n`);

    const reasons: string[] = [];
    const reopened = await openDocent(config, { embedder: hashEmbedder(), onReindex: (reason) => reasons.push(reason) });
    expect(reasons).toEqual([expect.stringMatching(/cannot be used.*format/)]);
    expect(reopened.index.manifest.format).toBe(INDEX_FORMAT);
    expect(reopened.index.chunks.map((chunk) => chunk.text)).toEqual(built.index.chunks.map((chunk) => chunk.text));
  });
});
