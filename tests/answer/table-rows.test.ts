import { describe, expect, it } from 'vitest';
import { parserFor } from '../../src/ingest/parsers/index.js';
import { SentenceIndex } from '../../src/match/sentences.js';
import { openDocent } from '../../src/service.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';

const parse = (page: string) => parserFor('types.md')!.parse(new TextEncoder().encode(page), { source: 'types.md' });

const TYPES_PAGE = `# Data Types

Each type below is stored in a fixed number of bytes, whatever its value.

| Name | Storage Size | Description |
|------|--------------|-------------|
| boolean | 1 byte | state of true or false |
| smallint | 2 bytes | small-range integer |
| money | 8 bytes | currency amount |

Boolean constants are written TRUE and FALSE.
`;

describe('table rows read under their column names', () => {
  it('gives a row, not the header, the first row of its table as context', async () => {
    const document = await parse(TYPES_PAGE);
    const index = new SentenceIndex({ sources: new Map([['types.md', document]]) });
    const rows = index.of('types.md').filter((unit) => unit.kind === 'table-row');
    const words = (unit: (typeof rows)[number]) => index.contextOf(unit).map((token) => token.word);
    expect(rows.map((row) => document.text.slice(row.start, row.end))).toEqual(['Name | Storage Size | Description', 'boolean | 1 byte | state of true or false', 'smallint | 2 bytes | small-range integer', 'money | 8 bytes | currency amount']);
    expect(words(rows[0]!)).not.toContain('storage');
    for (const row of rows.slice(1)) expect(words(row)).toEqual(expect.arrayContaining(['storage', 'size', 'description']));
    // Prose keeps its title and headings only.
    const prose = index.of('types.md').find((unit) => unit.kind === 'sentence')!;
    expect(words(prose)).not.toContain('storage');
  });

  it('answers a question about one row with that row, cited exactly in the citable text', async () => {
    const docent = await openDocent(await testConfig(await makeCorpus({ 'types.md': TYPES_PAGE })), { embedder: hashEmbedder() });
    const { text } = await parse(TYPES_PAGE);
    const result = await docent.ask('What is the storage size of the boolean type?');
    expect(result.answerable).toBe(true);
    expect(result.citations[0]!.quote).toBe('boolean | 1 byte | state of true or false');
    for (const citation of result.citations) expect(citation.quote).toBe(text.slice(citation.start, citation.end));
  });
});
