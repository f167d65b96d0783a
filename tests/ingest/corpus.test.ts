import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, resolveSourcePath, SourcePathError } from '../../src/ingest/corpus.js';
import { makeCorpus } from '../helpers/fixtures.js';

describe('loadCorpus', () => {
  it('reads .md and .txt files recursively, sorted, with relative / paths, and skips other files', async () => {
    const dir = await makeCorpus({ 'b.txt': 'bee', 'a.md': 'ay', 'sub/c.md': 'see', 'd.pdf': 'binary', '.hidden.md': 'no' });
    const documents = await loadCorpus(dir);
    expect(documents.map((d) => d.metadata.source)).toEqual(['a.md', 'b.txt', 'sub/c.md']);
    expect(documents[2]!.pageContent).toBe('see');
  });

  it('keeps the text byte-identical to the file', async () => {
    const text = '\uFEFFCafé — naïve “quotes”\r\nline two\n';
    const dir = await makeCorpus({ 'x.md': text });
    const [document] = await loadCorpus(dir);
    expect(document!.pageContent).toBe(await fs.readFile(path.join(dir, 'x.md'), 'utf8'));
  });

  it('names the folder when it does not exist', async () => {
    await expect(loadCorpus('/nonexistent/corpus')).rejects.toThrow(/Corpus folder not found: \/nonexistent\/corpus/);
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
