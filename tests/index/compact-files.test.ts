import { describe, expect, it } from 'vitest';
import { checkedLayout, compactChunks, compactStructure, expandDocument, readChunks, readDocumentLayouts, type StoredChunk } from '../../src/index/compact-files.js';
import { int32Bytes, readInt32Rows } from '../../src/index/int32-rows.js';
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

/** documents.json's value as written (through JSON), with a made-up place in texts.bin, and each document's rows for blocks.bin. */
const written = (documents: IndexedDocument[]) => {
  const compact = documents.map(compactStructure);
  return { value: JSON.parse(JSON.stringify(compact.map(({ structure }) => ({ ...structure, encoding: 'utf8', bytes: 0 })))) as unknown[], rows: compact.map(({ rows }) => rows) };
};

/** What reading gives back: each layout decoded, with its text as texts.bin would give it and its rows as blocks.bin would (spread: every getter read). */
const readBack = ({ value, rows }: ReturnType<typeof written>, texts: string[]) =>
  readDocumentLayouts(value, file).map((layout, i) => ({ ...expandDocument(checkedLayout(layout, i, file), () => texts[i]!, Int32Array.from(rows[i]!)) }));
/** chunks.json's value (through JSON) and chunks.bin's rows, read back. */
const chunksReadBack = (chunks: StoredChunk[], change: (rows: number[]) => void = () => undefined) => {
  const { table, rows } = compactChunks(chunks);
  change(rows);
  return readChunks(JSON.parse(JSON.stringify(table)), Int32Array.from(rows), 'chunks.json');
};

describe('the compact documents and chunks files', () => {
  it('round-trips documents with levels, pages and marks, storing each heading path once', () => {
    const both = written([manual, note]);
    expect(readBack(both, [manual.text, note.text])).toEqual([manual, note]);
    expect((both.value[0] as { sections: string[][] }).sections).toEqual([[], ['Manual'], ['Manual', 'Install'], ['Manual', 'Configure']]);
    const [decoded] = readBack(both, [manual.text, note.text]);
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
    expect(chunksReadBack(chunks)).toEqual(chunks);
  });

  it('refuses rows that do not decode, naming the file', () => {
    const damaged = (change: (rows: number[]) => void) => {
      const copy = written([manual]);
      change(copy.rows[0]!);
      return () => readBack(copy, [manual.text]);
    };
    expect(damaged((rows) => (rows[0] = 99))).toThrow(IndexCorruptError);
    expect(damaged((rows) => (rows[4] = 17))).toThrow(/heading path 17/);
    expect(() => readDocumentLayouts({}, file)).toThrow(/does not list documents/);
    expect(() => readDocumentLayouts([{ ...written([note]).value[0]!, blocks: 0.5 }], file)).toThrow(IndexCorruptError);
    // The rest of an entry is checked when its document is first expanded, not when the version is read.
    const [badTitle] = readDocumentLayouts([{ ...written([note]).value[0]!, title: 7 }], file);
    expect(() => checkedLayout(badTitle!, 0, file)).toThrow(/document 0 does not have the expected shape \(title/);
    expect(() => chunksReadBack([{ label: 0, source: 'a', start: 0, end: 1, section: [] }], (rows) => (rows[0] = 3))).toThrow(/unknown document/);
  });
});

describe('rows of integers in binary files', () => {
  it('reads back what was written, from an unaligned buffer too', () => {
    const values = [0, -1, 2_147_483_647, -2_147_483_648, 7, 12];
    const bytes = int32Bytes(values);
    expect([...readInt32Rows(bytes, 6, 'rows.bin')]).toEqual(values);
    const unaligned = Buffer.concat([Buffer.alloc(1), bytes]).subarray(1);
    expect([...readInt32Rows(unaligned, 3, 'rows.bin')]).toEqual(values);
  });

  it('refuses a value that is not a 32-bit integer, and a file of partial rows', () => {
    expect(() => int32Bytes([1, 0.5])).toThrow(RangeError);
    expect(() => int32Bytes([2 ** 31])).toThrow(RangeError);
    expect(() => readInt32Rows(int32Bytes([1, 2, 3, 4, 5]), 6, 'rows.bin')).toThrow(/whole rows of 6/);
    expect(() => readInt32Rows(Buffer.alloc(6), 1, 'rows.bin')).toThrow(IndexCorruptError);
  });
});
