import fc from 'fast-check';
import { Document } from '@langchain/core/documents';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { sha256, type SourceDocument } from '../../src/ingest/corpus.js';

const document = (text: string): SourceDocument => new Document({ pageContent: text, metadata: { source: 'doc.md', sha256: sha256(text) } });

const word = fc.stringMatching(/^[A-Za-z0-9éü’'-]{1,12}$/);
const separator = fc.constantFrom(' ', ' ', ' ', '. ', ', ', '\n', '\n\n', '? ', '; ', '  ', '\t');
const text = fc.array(fc.tuple(word, separator), { maxLength: 400 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('chunkDocument', () => {
  it('gives every chunk offsets with text === source.slice(start, end), in order, over random documents', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 100, max: 600 }), fc.integer({ min: 0, max: 99 }), async (source, chunkSize, overlap) => {
        const chunks = await chunkDocument(document(source), { chunkSize, chunkOverlap: overlap });
        let previousStart = -1;
        for (const chunk of chunks) {
          expect(chunk.pageContent).toBe(source.slice(chunk.metadata.start, chunk.metadata.end));
          expect(chunk.metadata.start).toBeGreaterThan(previousStart);
          expect(chunk.pageContent.length).toBeGreaterThan(0);
          previousStart = chunk.metadata.start;
        }
        // Every non-blank character of the source is in some chunk.
        const covered = new Array<boolean>(source.length).fill(false);
        for (const chunk of chunks) for (let i = chunk.metadata.start; i < chunk.metadata.end; i++) covered[i] = true;
        for (let i = 0; i < source.length; i++) if (!/\s/.test(source[i]!)) expect(covered[i]).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('ends chunks at sentence boundaries where it can and ids them by span', async () => {
    const sentence = 'The quick brown fox jumps over the lazy dog near the river bank. ';
    const chunks = await chunkDocument(document(sentence.repeat(40)), { chunkSize: 300, chunkOverlap: 60 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.pageContent.endsWith('.')).toBe(true);
      expect(chunk.id).toBe(`doc.md#${chunk.metadata.start}-${chunk.metadata.end}`);
      expect(chunk.pageContent.length).toBeLessThanOrEqual(300);
    }
  });
});
