import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FileBytes, TextBlob, writeText, type TextLayout } from '../../src/index/document-texts.js';
import { StreamedFile, writeJsonFile } from '../../src/index/streamed-file.js';
import { IndexCorruptError } from '../../src/index/versions.js';
import { tempDir } from '../helpers/fixtures.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the files of a version', () => {
  it('writes JSON piece by piece exactly as JSON.stringify would, and returns the sha256 of what it wrote', async () => {
    const dir = await tempDir();
    const value = {
      count: 3,
      skipped: undefined,
      nested: { list: [1, 'two', null, undefined, { deep: ['x', { deeper: true }] }], text: 'quote " and \\ and \n and é' },
      dated: new Date(0),
      empty: { array: [], object: {} },
      big: Array.from({ length: 20_000 }, (_, i) => ({ i, word: `w${i}` })),
    };
    for (const depth of [0, 1, 2, 5]) {
      const file = path.join(dir, `value-${depth}.json`);
      const checksum = await writeJsonFile(file, value, depth);
      const bytes = await fs.readFile(file);
      expect(bytes.toString('utf8')).toBe(JSON.stringify(value));
      expect(checksum).toBe(sha256(bytes));
    }
  });

  it('stores texts in one binary file and reads each back exactly, a lone surrogate included', async () => {
    const dir = await tempDir();
    const texts = ['plain ASCII', '', 'accents é and 東京 and 😀', 'broken \ud83d pair', 'tail \udc00'];
    const out = new StreamedFile(path.join(dir, 'texts.bin'));
    const layouts = [];
    for (const [i, text] of texts.entries()) layouts.push({ source: `doc-${i}`, ...(await writeText(out, text)) });
    const checksum = await out.close();
    const blob = await fs.readFile(path.join(dir, 'texts.bin'));
    expect(checksum).toBe(sha256(blob));
    expect(layouts.map((layout) => layout.encoding)).toEqual(['utf8', 'utf8', 'utf8', 'utf16le', 'utf16le']);
    const read = new TextBlob(blob, layouts, 'texts.bin');
    // Decoded in any order, each exactly as written.
    for (const i of [4, 0, 2, 3, 1]) expect(read.text(i)).toBe(texts[i]);
  });

  it('reads texts from the file when decoded: after the file is removed while open, and again once closed', async () => {
    const dir = await tempDir();
    const texts = ['plain ASCII', 'accents é and 東京 and 😀', 'broken \ud83d pair'];
    const out = new StreamedFile(path.join(dir, 'texts.bin'));
    const layouts: TextLayout[] = [];
    for (const text of texts) layouts.push(await writeText(out, text));
    await out.close();
    const bytes = FileBytes.open(path.join(dir, 'texts.bin'));
    const read = new TextBlob(bytes, layouts, 'texts.bin');
    expect(read.text(1)).toBe(texts[1]);
    await fs.rm(path.join(dir, 'texts.bin'));
    expect(read.text(2)).toBe(texts[2]);
    bytes.close();
    expect(() => read.text(0)).toThrow(/ENOENT/);
    await fs.writeFile(path.join(dir, 'texts.bin'), Buffer.concat(texts.map((text, i) => Buffer.from(text, layouts[i]!.encoding))));
    expect(read.text(0)).toBe(texts[0]);
  });

  it('hashes the texts file through its open descriptor: the bytes checked are the ones served, whatever the path holds now', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'texts.bin');
    await fs.writeFile(file, 'the bytes the manifest recorded');
    const bytes = FileBytes.open(file);
    await fs.rm(file);
    await fs.writeFile(file, 'other bytes put in its place');
    expect(await bytes.sha256()).toBe(createHash('sha256').update('the bytes the manifest recorded').digest('hex'));
    bytes.close();
  });

  it('refuses a texts file that is shorter or longer than its documents say', () => {
    const layouts = [{ encoding: 'utf8' as const, bytes: 5 }];
    expect(() => new TextBlob(Buffer.from('abc'), layouts, 'texts.bin')).toThrow(IndexCorruptError);
    expect(() => new TextBlob(Buffer.from('abcdefg'), layouts, 'texts.bin')).toThrow(IndexCorruptError);
    expect(new TextBlob(Buffer.from('abcde'), layouts, 'texts.bin').text(0)).toBe('abcde');
  });
});
