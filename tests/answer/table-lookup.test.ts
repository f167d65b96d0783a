import { describe, expect, it } from 'vitest';
import { identifierFacts } from '../../src/answer/identifiers.js';
import { addressedCell, lookupQuestion, lookupsFirst } from '../../src/answer/table-lookup.js';
import { tokenize } from '../../src/match/analyzer.js';
import { parserFor } from '../../src/ingest/parsers/index.js';
import { openDocent } from '../../src/service.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';

const COLUMNS = 'Name | Storage Size | Description | Range';

describe('a table row the question addresses', () => {
  const cell = (question: string, row: string, columns = COLUMNS) => {
    const span = addressedCell(lookupQuestion(question, identifierFacts(question, tokenize(question))), row, columns);
    return span && row.slice(span.start, span.end);
  };

  it('is named by its first cell (one of its names) and by another column, whose cell answers', () => {
    const row = 'integer | 4 bytes | typical choice for integer | -2147483648 to +2147483647';
    expect(cell('What range of values can the integer type hold?', row)).toBe('-2147483648 to +2147483647');
    expect(cell('What is the storage size of an integer?', row)).toBe('4 bytes');
    // The row alone, or a column alone, is no lookup.
    expect(cell('Why is integer the usual choice?', row)).toBeUndefined();
    expect(cell('What range of values can the bigint type hold?', row)).toBeUndefined();
    // "character varying(n), varchar(n)": either name will do.
    expect(cell('What is the description of varchar?', 'character varying(n), varchar(n) | variable-length with limit', 'Name | Description')).toBe('variable-length with limit');
    // A column's word that is also the row's name does not name the column.
    expect(cell('What is a name?', 'name | 64 bytes | internal type for object names', 'Name | Storage Size | Description')).toBeUndefined();
    // A row missing a cell (a PDF drops an empty one) answers with all its cells after its name.
    expect(cell('What is the storage size of an integer?', 'integer | 4 bytes | -2147483648 to +2147483647')).toBe('4 bytes | -2147483648 to +2147483647');
    // A code identifier names its own row whole, not a row named by one of its parts.
    expect(cell('Which bits does the time_low field hold?', 'time | the 60-bit timestamp', 'Field | Meaning')).toBeUndefined();
    expect(cell('Which bits does the time_low field hold?', 'time_low | the first 32 bits of the UUID', 'Field | Meaning')).toBe('the first 32 bits of the UUID');
  });

  it('is ranked first, as certain, holding its cell, the others keeping their order', () => {
    const ranked = [{ sentence: 'a', score: 0.9 }, { sentence: 'row', score: 0.3 }, { sentence: 'b', score: 0.2 }];
    const span = { start: 4, end: 9 };
    expect(lookupsFirst(ranked, (candidate) => (candidate.sentence === 'row' ? span : undefined))).toEqual([{ sentence: 'row', score: 1, cell: span }, { sentence: 'a', score: 0.9 }, { sentence: 'b', score: 0.2 }]);
    expect(lookupsFirst(ranked, () => undefined)).toBe(ranked);
  });
});

const NUMERIC_PAGE = `# Numeric Types

## Integer Types

The types smallint, integer, and bigint store whole numbers, that is, numbers without fractional components, of various ranges.
Attempts to store values outside of the allowed range will result in an error.
The type integer is the common choice, as it offers the best balance between range, storage size, and performance.

| Name | Storage Size | Range |
|------|--------------|-------|
| smallint | 2 bytes | -32768 to +32767 |
| integer | 4 bytes | -2147483648 to +2147483647 |
| bigint | 8 bytes | -9223372036854775808 to +9223372036854775807 |

On all currently supported platforms, the real type has a range of around 1E-37 to 1E+37.
`;

describe('answering from a table', () => {
  it('quotes the row a question addresses, though prose repeats more of its words, cited exactly', async () => {
    const docent = await openDocent(await testConfig(await makeCorpus({ 'numeric.md': NUMERIC_PAGE })), { embedder: hashEmbedder() });
    const { text } = await parserFor('numeric.md')!.parse(new TextEncoder().encode(NUMERIC_PAGE), { source: 'numeric.md' });
    const result = await docent.ask('What range of values can the integer type hold?');
    expect(result.answerable).toBe(true);
    expect(result.citations[0]!.quote).toBe('integer | 4 bytes | -2147483648 to +2147483647');
    // The cell under the column asked for is the short answer, inside the first citation.
    expect(result.shortAnswer).toMatchObject({ text: '-2147483648 to +2147483647', n: 1 });
    expect(text.slice(result.shortAnswer!.start, result.shortAnswer!.end)).toBe('-2147483648 to +2147483647');
    for (const citation of result.citations) expect(citation.quote).toBe(text.slice(citation.start, citation.end));
    // A question asking more than the table holds is answered by the prose that says it.
    const real = await docent.ask('What is the range of the real type on currently supported platforms?');
    expect(real.citations[0]!.quote).toContain('1E-37 to 1E+37');
  });
});
