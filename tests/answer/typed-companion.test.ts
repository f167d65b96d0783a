import { describe, expect, it } from 'vitest';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

const text = [
  'The Meridian',
  'The clipper ship Meridian was carried into the main hall of the Harbour Museum by crane and volunteers.',
  'Visitors can walk her deck and see the captain’s cabin as it was.',
  'The ship came to the Harbour Museum in 1976.',
].join('\n\n');

describe('a typed companion, end to end', () => {
  it('quotes, beside a best sentence without the date asked for, the sentence that states one, each citation exact', async () => {
    const docent = await openTestDocent(await makeCorpus({ 'meridian.md': text }), { CHUNK_SIZE: '400', CHUNK_OVERLAP: '0' });
    const result = await docent.ask('When was the clipper ship Meridian carried into the main hall of the Harbour Museum?');
    expect(result.answerable).toBe(true);
    expect(result.citations[0]!.quote).not.toMatch(/\d{4}/);
    expect(result.citations.some((citation) => citation.quote.includes('1976'))).toBe(true);
    for (const citation of result.citations) expect(text.slice(citation.start, citation.end)).toBe(citation.quote);
  });
});
