import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { parserFor } from '../../src/ingest/parsers/index.js';
import { columnsAt, firstRowOf } from '../../src/ingest/tables.js';
import { chunkContext } from '../../src/index/build.js';
import { LexicalIndex } from '../../src/index/lexical-index.js';

const TYPES = ['smallint | 2 bytes | small-range integer', 'integer | 4 bytes | typical choice for integer', 'bigint | 8 bytes | large-range integer', 'decimal | variable | user-specified precision, exact', 'real | 4 bytes | variable-precision, inexact', 'double precision | 8 bytes | variable-precision, inexact'];
const PAGE = ['# Numeric Types', 'Numeric types consist of two-, four-, and eight-byte integers.', '| Name | Storage Size | Description |', '|---|---|---|', ...TYPES.map((row) => `| ${row} |`), '', 'The type integer is the common choice.'].join('\n');

describe('tables: rows read under their column names', () => {
  it('finds the first row of a row\'s table, walking a table once', async () => {
    const document = await parserFor('numeric.md')!.parse(new TextEncoder().encode(PAGE), { source: 'numeric.md' });
    const rows = document.blocks.flatMap((block, i) => (block.kind === 'table-row' ? [i] : []));
    const remembered = new Map<number, number>();
    for (const row of rows) expect(firstRowOf(document.blocks, row, remembered)).toBe(rows[0]);
    expect(remembered.size).toBe(rows.length);
    expect(firstRowOf(document.blocks, 0)).toBe(0);
    expect(columnsAt(document, document.blocks[rows[3]!]!.start)).toBe('Name | Storage Size | Description');
    expect(columnsAt(document, document.blocks[rows[0]!]!.start)).toBeUndefined();
    expect(columnsAt(document, 0)).toBeUndefined();
  });

  it('indexes a chunk cut inside a table with the column names, so its rows are found by them', async () => {
    const document = { source: 'numeric.md', ...(await parserFor('numeric.md')!.parse(new TextEncoder().encode(PAGE), { source: 'numeric.md' })) };
    const chunks = await chunkDocument('numeric.md', document, { chunkSize: 120, chunkOverlap: 0 });
    const realChunk = chunks.find((chunk) => document.text.slice(chunk.start, chunk.end).includes('real | 4 bytes'))!;
    expect(document.text.slice(realChunk.start, realChunk.end)).not.toContain('Storage Size');
    expect(chunkContext(document, realChunk)).toBe('Numeric Types — Name | Storage Size | Description');
    for (const chunk of chunks.filter((chunk) => !document.text.slice(chunk.start, chunk.end).includes('|'))) expect(chunkContext(document, chunk)).toBe('Numeric Types');
    const lexical = LexicalIndex.build(chunks.map((chunk) => ({ id: chunk.id, text: document.text.slice(chunk.start, chunk.end), context: chunkContext(document, chunk) })));
    // "type" is a content word (src/match/analyzer.ts), and the page's title says it in every chunk: the query names the row alone.
    expect(lexical.search('storage size of real', 1)[0]!.id).toBe(realChunk.id);
  });
});
