import { describe, expect, it } from 'vitest';
import { compactChunks, compactStructure, expandDocument, readChunks, readDocumentLayouts, type StoredChunk } from '../../src/index/compact-files.js';
import type { IndexedDocument } from '../../src/index/store.js';
import { IndexCorruptError } from '../../src/index/versions.js';

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

const file = 'documents.json';

/** documents.json's value as written (through JSON), with a made-up place in texts.bin. */
const written = (documents: IndexedDocument[]) => JSON.parse(JSON.stringify(documents.map((document) => ({ ...compactStructure(document), encoding: 'utf8', bytes: 0 })))) as unknown[];

/** What reading gives back: each layout decoded, with its text attached as texts.bin would. */
const readBack = (value: unknown, texts: string[]) => readDocumentLayouts(value, file).map(({ encoding: _encoding, bytes: _bytes, ...structure }, i) => expandDocument({ ...structure, text: texts[i]! }));

describe('the compact documents and chunks files', () => {
  it('round-trips documents with levels, pages and marks, storing each heading path once', () => {
    const value = written([manual, note]);
    expect(readBack(value, [manual.text, note.text])).toEqual([manual, note]);
    expect((value[0] as { sections: string[][] }).sections).toEqual([[], ['Manual'], ['Manual', 'Install'], ['Manual', 'Configure']]);
    const [decoded] = readBack(value, [manual.text, note.text]);
    // Blocks under the same headings share one array.
    expect(decoded!.blocks[1]!.section).toBe(decoded!.blocks[3]!.section);
    expect(readBack(written([]), [])).toEqual([]);
  });

  it('round-trips chunks', () => {
    const chunks: StoredChunk[] = [
      { label: 0, source: 'manual.pdf', start: 0, end: 31, section: [], page: 1 },
      { label: 4, source: 'manual.pdf', start: 32, end: 51, section: ['Manual'], page: 2 },
      { label: 2, source: 'note.txt', start: 0, end: 6, section: [] },
    ];
    expect(readChunks(JSON.parse(JSON.stringify(compactChunks(chunks))), 'chunks.json')).toEqual(chunks);
  });

  it('refuses rows that do not decode, naming the file', () => {
    const value = written([manual]);
    const damaged = (change: (document: { blocks: number[]; sections: string[][] }) => void) => {
      const copy = structuredClone(value) as Array<{ blocks: number[]; sections: string[][] }>;
      change(copy[0]!);
      return () => readBack(copy, [manual.text]);
    };
    expect(damaged((d) => (d.blocks[0] = 99))).toThrow(IndexCorruptError);
    expect(damaged((d) => (d.blocks[4] = 17))).toThrow(/heading path 17/);
    expect(damaged((d) => d.blocks.pop())).toThrow(/rows of 6 integers/);
    expect(damaged((d) => (d.blocks[1] = 0.5))).toThrow(IndexCorruptError);
    expect(() => readDocumentLayouts({}, file)).toThrow(/does not list documents/);
    const chunks = JSON.parse(JSON.stringify(compactChunks([{ label: 0, source: 'a', start: 0, end: 1, section: [] }]))) as { rows: number[] };
    chunks.rows[0] = 3;
    expect(() => readChunks(chunks, 'chunks.json')).toThrow(/unknown document/);
  });
});
