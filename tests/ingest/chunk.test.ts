import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { parseMarkdown } from '../../src/ingest/parsers/markdown.js';
import { parsePlainText } from '../../src/ingest/parsers/text.js';

const word = fc.stringMatching(/^[A-Za-z0-9éü’'-]{1,12}$/);
const separator = fc.constantFrom(' ', ' ', ' ', '. ', ', ', '\n', '\n\n', '? ', '; ', '  ', '\t', '\n# ', '\n- ', '\n```\n');
const text = fc.array(fc.tuple(word, separator), { maxLength: 400 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('chunkDocument', () => {
  it('gives every chunk offsets with text === citableText.slice(start, end), in order, covering every block, over random documents', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.boolean(), fc.integer({ min: 100, max: 600 }), fc.integer({ min: 0, max: 99 }), async (source, markdown, chunkSize, overlap) => {
        const document = markdown ? parseMarkdown('doc.md', source) : parsePlainText(source, 'doc.txt');
        const chunks = await chunkDocument('doc', document, { chunkSize, chunkOverlap: overlap });
        let previousStart = -1;
        for (const chunk of chunks) {
          expect(chunk.end).toBeGreaterThan(chunk.start);
          expect(chunk.start).toBeGreaterThan(previousStart);
          expect(chunk.id).toBe(`doc#${chunk.start}-${chunk.end}`);
          previousStart = chunk.start;
        }
        for (const block of document.blocks) {
          expect(block.end).toBeGreaterThan(block.start);
          expect(document.text.slice(block.start, block.end).trim()).not.toBe('');
          for (let i = block.start; i < block.end; i++) {
            if (!/\s/.test(document.text[i]!)) expect(chunks.some((chunk) => chunk.start <= i && i < chunk.end)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps a heading with what follows, sections apart, code and table rows whole', async () => {
    const source = [
      '# Moka pot',
      '',
      'The moka pot brews coffee on the stove.',
      '',
      '## Cleaning',
      '',
      'Rinse it with water only.',
      '',
      '```sh',
      'rinse --no-soap',
      'dry --upside-down',
      '```',
      '',
      '| Part | Material |',
      '|---|---|',
      '| Boiler | Aluminium |',
    ].join('\n');
    const document = parseMarkdown('moka.md', source);
    const chunks = await chunkDocument('moka.md', document, { chunkSize: 800, chunkOverlap: 100 });
    const texts = chunks.map((chunk) => document.text.slice(chunk.start, chunk.end));
    expect(texts[0]).toBe('Moka pot\n\nThe moka pot brews coffee on the stove.');
    expect(chunks[0]!.section).toEqual(['Moka pot']);
    expect(texts[1]).toMatch(/^Cleaning\n\nRinse it with water only\.\n\nrinse --no-soap\ndry --upside-down\n\nPart \| Material\n\nBoiler \| Aluminium$/);
    expect(chunks[1]!.section).toEqual(['Moka pot', 'Cleaning']);
  });

  it('cuts an oversized paragraph at sentence ends, its heading leading the first piece', async () => {
    const sentence = 'The quick brown fox jumps over the lazy dog near the river bank. ';
    const document = parsePlainText(`Foxes and Dogs\n${sentence.repeat(40)}`, 'fox.txt');
    const chunks = await chunkDocument('fox.txt', document, { chunkSize: 300, chunkOverlap: 60 });
    expect(chunks.length).toBeGreaterThan(5);
    expect(document.text.slice(chunks[0]!.start, chunks[0]!.end)).toMatch(/^Foxes and Dogs\nThe quick/);
    for (const chunk of chunks.slice(1)) {
      const text = document.text.slice(chunk.start, chunk.end);
      expect(text.endsWith('.')).toBe(true);
      expect(text.length).toBeLessThanOrEqual(300);
      expect(chunk.section).toEqual(['Foxes and Dogs']);
    }
  });
});
