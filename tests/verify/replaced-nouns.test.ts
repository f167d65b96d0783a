import { describe, expect, it } from 'vitest';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

describe('CitationChecker: a noun replaced by another kind of the same thing', async () => {
  const docent = await openTestDocent(
    await makeCorpus({
      'valley.md': ['# The valley', 'An outbreak of typhoid at Buckland Valley in 1854 killed over 1,000 miners.'].join('\n\n'),
    }),
  );

  it('contradicts the claim, naming both nouns', async () => {
    const result = await docent.verify('An outbreak of cholera at Buckland Valley in 1854 killed over 1,000 miners.');
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts?.map((c) => [c.claim, c.evidence])).toEqual([['cholera', 'typhoid']]);
  });

  it('still supports the same statement in the same words', async () => {
    expect((await docent.verify('An outbreak of typhoid at Buckland Valley in 1854 killed more than 1,000 miners.')).verdict).toBe('supported');
  });
});
