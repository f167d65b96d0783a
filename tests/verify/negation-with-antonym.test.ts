import { describe, expect, it } from 'vitest';
import { openCheckerDocent } from '../helpers/fixtures.js';

/** A negation and an antonym cancel only when the negation bears on the antonym itself. */
describe('CitationChecker: negations beside antonyms', async () => {
  const docent = await openCheckerDocent({
    'schools.md': 'Corporal punishment is still used to a declining degree in some public schools in Alabama and Texas.',
    'codec.md': 'Any bytes-like objects are now accepted by all encoding and decoding functions in this module.',
  });

  it('contradicts a claim that negates one word and states the antonym of another', async () => {
    expect((await docent.verify('Private schools in Alabama and Texas may not use corporal punishment.')).verdict).toBe('contradicted');
  });

  it('reads "none of" against "all" as the negation it is, not as an antonym that undoes it', async () => {
    expect((await docent.verify('None of the encoding and decoding functions in this module accept bytes-like objects.')).verdict).toBe('contradicted');
    expect((await docent.verify('All encoding and decoding functions in this module accept bytes-like objects.')).verdict).toBe('supported');
  });
});
