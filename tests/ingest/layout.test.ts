import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../src/ingest/parsers/text.js';

describe('plain-text layout of very long files', () => {
  it('reads a file of 300,000 wrapped lines without overflowing the stack', () => {
    const paragraph = Array.from({ length: 3 }, (_, i) => `Line ${i} of a hard-wrapped paragraph about storage and indexes, kept near one width.`).join('\n');
    const text = Array.from({ length: 100_000 }, () => paragraph).join('\n\n');
    const document = parsePlainText(text, 'long.txt');
    expect(document.blocks.length).toBe(100_000);
    expect(document.blocks.every((block) => block.end > block.start)).toBe(true);
  });
});
