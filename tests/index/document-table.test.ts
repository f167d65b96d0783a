import { afterEach, describe, expect, it, vi } from 'vitest';
import { compactStructure } from '../../src/index/compact-files.js';
import { lazyDocumentTable } from '../../src/index/document-table.js';
import { TextBlob } from '../../src/index/document-texts.js';
import { readIndex } from '../../src/index/folder-files.js';
import { LazyMap } from '../../src/index/lazy-map.js';
import { assembleIndex, type IndexedDocument } from '../../src/index/store.js';
import { IndexCorruptError } from '../../src/index/versions.js';
import { openDocent } from '../../src/service.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';

const files = {
  'lighthouse.md': '# Lighthouses\n\nLighthouses guide ships along rocky coasts. Keepers lived in them until automation.\n\n## Lenses\n\nFresnel lenses focus the light into a beam.',
  'bread.txt': 'Bread is baked from flour, water and yeast. Café bakers start before dawn 😀.',
  'tokyo.md': '# 東京\n\nTokyo is 東京 in Japanese. It became the capital in 1868.',
};

afterEach(() => vi.restoreAllMocks());

describe('LazyMap', () => {
  it('makes a value on its first get only, once, and lists keys without making any', () => {
    const make = vi.fn((key: string) => key.toUpperCase());
    const map = new LazyMap(new Set(['b', 'a']), make);
    expect([map.size, map.has('a'), map.has('z'), [...map.keys()]]).toEqual([2, true, false, ['b', 'a']]);
    expect(make).not.toHaveBeenCalled();
    expect(map.get('a')).toBe('A');
    expect(map.get('a')).toBe('A');
    expect(map.get('z')).toBeUndefined();
    expect(make).toHaveBeenCalledTimes(1);
    expect([...map]).toEqual([['b', 'B'], ['a', 'A']]);
    expect(make).toHaveBeenCalledTimes(2);
  });
});

describe('a version read from its folder', () => {
  it('decodes no text before one is asked for (listing documents included), then only the document asked for', async () => {
    const config = await testConfig(await makeCorpus(files));
    await openDocent(config, { embedder: hashEmbedder() });
    const decode = vi.spyOn(TextBlob.prototype, 'text');
    const index = await readIndex(config.indexDir, hashEmbedder().info);
    // Listing every document, with its title and headings, decodes no text.
    expect([...index.sources.values()].map((document) => [document.title, document.blocks.filter((block) => block.kind === 'heading').length])).toEqual([
      ['bread', 0],
      ['Lighthouses', 2],
      ['東京', 1],
    ]);
    expect(decode).not.toHaveBeenCalled();
    const chunk = index.chunks.find((candidate) => candidate.source === 'bread.txt')!;
    expect(chunk.text).toBe(files['bread.txt'].slice(chunk.start, chunk.end));
    expect(index.sources.get('bread.txt')!.text).toBe(files['bread.txt']);
    expect(decode).toHaveBeenCalledTimes(1);
  });

  it('gives the same texts, structure and chunk texts as the version the build held in memory', async () => {
    const config = await testConfig(await makeCorpus(files));
    const built = (await openDocent(config, { embedder: hashEmbedder() })).index;
    const read = await readIndex(config.indexDir, hashEmbedder().info);
    expect([...read.sources.values()]).toEqual([...built.sources.values()]);
    expect([...read.documents]).toEqual([...built.documents]);
    expect(read.chunks.map((chunk) => [chunk.id, chunk.text])).toEqual(built.chunks.map((chunk) => [chunk.id, chunk.text]));
    for (const chunk of read.chunks) expect(chunk.text).toBe(read.documents.get(chunk.source)!.slice(chunk.start, chunk.end));
  });

  it('answers, searches and verifies with quotes that are exact slices of the lazily decoded texts', async () => {
    const config = await testConfig(await makeCorpus(files));
    await openDocent(config, { embedder: hashEmbedder() });
    const docent = await openDocent(config, { embedder: hashEmbedder(), reindex: 'never' });
    const texts = docent.index.documents;
    for (const passage of await docent.search('Who lived in lighthouses?', 5)) expect(passage.text).toBe(texts.get(passage.source)!.slice(passage.start, passage.end));
    for (const question of ['Who lived in lighthouses?', 'What is bread baked from?', 'When did Tokyo become the capital?']) {
      const result = await docent.ask(question);
      expect(result.citations.length).toBeGreaterThan(0);
      for (const citation of result.citations) expect(citation.quote).toBe(texts.get(citation.source)!.slice(citation.start, citation.end));
    }
    const verified = await docent.verify('Fresnel lenses focus the light into a beam.');
    expect(verified.evidence.length).toBeGreaterThan(0);
    for (const evidence of verified.evidence) expect(evidence.quote).toBe(texts.get(evidence.source)!.slice(evidence.start, evidence.end));
  });
});

describe('lazyDocumentTable', () => {
  const note: IndexedDocument = { source: 'note.txt', format: 'text', title: 'note', text: 'Plain words.', blocks: [{ kind: 'paragraph', start: 0, end: 12, section: [] }] };
  const { structure, rows } = compactStructure(note);
  const layouts = [{ ...structure, encoding: 'utf8' as const, bytes: 12 }];
  const blob = () => new TextBlob(Buffer.from(note.text), layouts, 'texts.bin');
  const blockRows = Int32Array.from(rows);

  it('refuses a text whose length is not the one the manifest recorded, when it is decoded', () => {
    const table = lazyDocumentTable(layouts, blob(), blockRows, new Map([['note.txt', 11]]), 'documents.json');
    expect(table.length('note.txt')).toBe(11);
    expect(() => table.texts.get('note.txt')).toThrow(IndexCorruptError);
  });

  it('refuses a document the manifest does not list, and chunks past the recorded length, when the version is read', () => {
    expect(() => lazyDocumentTable(layouts, blob(), blockRows, new Map(), 'documents.json')).toThrow(/which the manifest does not/);
    expect(() => lazyDocumentTable(layouts, blob(), blockRows.subarray(6), new Map([['note.txt', 12]]), 'documents.json')).toThrow(/counts 1 blocks, the blocks file holds 0/);
    const table = lazyDocumentTable(layouts, blob(), blockRows, new Map([['note.txt', 12]]), 'documents.json');
    const chunk = (end: number) => [{ label: 0, source: 'note.txt', start: 0, end, section: [] }];
    const assemble = (end: number) => assembleIndex('v', {} as never, table, chunk(end), {} as never, {} as never);
    expect(() => assemble(13)).toThrow(IndexCorruptError);
    expect(assemble(12).chunks[0]!.text).toBe('Plain words.');
    expect(table.sources.get('note.txt')).toEqual(note);
  });
});
