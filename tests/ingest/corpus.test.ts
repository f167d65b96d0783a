import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCorpus, loadDocument, resolveSourcePath, SourcePathError } from '../../src/ingest/corpus.js';
import { makeCorpus, tempDir } from '../helpers/fixtures.js';

describe('listCorpus', () => {
  it('lists supported files recursively, sorted, with relative / paths, and reports the others', async () => {
    const dir = await makeCorpus({ 'b.txt': 'bee', 'a.md': 'ay', 'sub/c.md': 'see', 'd.png': 'binary', '.hidden.md': 'no', 'e': 'none' });
    const { files, skipped } = await listCorpus(dir);
    expect(files.map((file) => file.source)).toEqual(['a.md', 'b.txt', 'sub/c.md']);
    expect(skipped).toEqual([
      { source: 'd.png', reason: 'unsupported file type .png' },
      { source: 'e', reason: 'unsupported file type (no extension)' },
    ]);
  });

  it('refuses names a citation cannot carry, and symbolic links that leave the folder', async () => {
    const outside = await tempDir();
    await fs.writeFile(path.join(outside, 'secret.md'), 'Outside the corpus.');
    const dir = await makeCorpus({ 'back\\slash.md': 'A backslash.', 'inside.md': 'Inside.' });
    await fs.symlink(path.join(outside, 'secret.md'), path.join(dir, 'escape.md'));
    await fs.symlink(path.join(dir, 'inside.md'), path.join(dir, 'alias.md'));
    await fs.symlink(outside, path.join(dir, 'folder'));
    const { files, skipped } = await listCorpus(dir);
    expect(files.map((file) => file.source)).toEqual(['alias.md', 'inside.md']);
    expect(Object.fromEntries(skipped.map((skip) => [skip.source, skip.reason]))).toEqual({
      'back\\slash.md': expect.stringMatching(/backslash/),
      'escape.md': 'a symbolic link that points outside the corpus folder',
      folder: 'a symbolic link that points outside the corpus folder',
    });
  });

  it('names the folder when it does not exist', async () => {
    await expect(listCorpus('/nonexistent/corpus')).rejects.toThrow(/Corpus folder not found: \/nonexistent\/corpus/);
  });
});

describe('loadDocument', () => {
  const load = async (name: string, content: string | Uint8Array) => {
    const dir = await makeCorpus({});
    await fs.writeFile(path.join(dir, name), content);
    const { files } = await listCorpus(dir);
    return loadDocument(files[0]!);
  };

  it('keeps a text file byte-identical as its citable text', async () => {
    const text = '\uFEFFCafé — naïve “quotes”\r\nline two\n';
    const document = await load('x.txt', text);
    expect(document.text).toBe(text);
    expect(document).toMatchObject({ format: 'text', bytes: Buffer.byteLength(text) });
  });

  it.each([
    ['empty.md', '', /empty/],
    ['blank.txt', '  \n\n ', /white space/],
    ['binary.md', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), /binary/],
    ['latin1.txt', Uint8Array.from(Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu', 'latin1')), /not UTF-8/],
  ])('refuses %s with a reason', async (name, content, reason) => {
    await expect(load(name, content)).rejects.toThrow(reason);
  });
});

describe('resolveSourcePath', () => {
  it('resolves paths inside the corpus', () => {
    expect(resolveSourcePath('/corpus', 'sub/a.md')).toBe('/corpus/sub/a.md');
  });

  it.each(['../etc/passwd', '/etc/passwd', 'sub/../../x', 'a\\..\\b', '', 'a//b', './a', 'a\0b'])('rejects %j', (source) => {
    expect(() => resolveSourcePath('/corpus', source)).toThrow(SourcePathError);
  });
});
