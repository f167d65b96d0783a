import { describe, expect, it } from 'vitest';
import { askOneDocument } from '../helpers/fixtures.js';

const text = [
  'The Meridian',
  'The clipper ship Meridian was carried into the main hall of the Harbour Museum by crane and volunteers.',
  'Visitors can walk her deck and see the captain’s cabin as it was.',
  'The ship came to the Harbour Museum in 1976.',
].join('\n\n');

describe('a typed companion, end to end', () => {
  it('quotes, beside a best sentence without the date asked for, the sentence that states one, each citation exact', async () => {
    const result = await askOneDocument('meridian.md', text, 'When was the clipper ship Meridian carried into the main hall of the Harbour Museum?', 400);
    expect(result.answerable).toBe(true);
    expect(result.citations[0]!.quote).not.toMatch(/\d{4}/);
    expect(result.citations.some((citation) => citation.quote.includes('1976'))).toBe(true);
  });
});
