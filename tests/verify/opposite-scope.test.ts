import { describe, expect, it } from 'vitest';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

/** How far an opposite reaches: each antonym of its own, a "not" only over its own clause, a bound on its own number. */
describe('CitationChecker: the reach of opposites', async () => {
  const docent = await openTestDocent(
    await makeCorpus({
      'cache.md': [
        '# The cache',
        'Because it never needs to evict old values, the simple cache is smaller and faster than the bounded cache with a size limit.',
        'The legacy interface does not support decoding from strings, but it adds newlines every 76 characters.',
        'Thirty states have banned corporal punishment, the others have not.',
        'The institute has hosted over ten international seminars on peacekeeping.',
      ].join('\n\n'),
    }),
  );

  it('contradicts a claim with two predicates turned round ("larger and slower"), naming both', async () => {
    const result = await docent.verify('Because it never needs to evict old values, the simple cache is larger and slower than the bounded cache with a size limit.');
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts?.map((c) => [c.claim, c.evidence])).toEqual([
      ['larger', 'smaller'],
      ['slower', 'faster'],
    ]);
  });

  it('reads a negation only over its own clause', async () => {
    expect((await docent.verify('The legacy interface adds newlines every 76 characters.')).verdict).toBe('supported');
    expect((await docent.verify('Thirty states have banned corporal punishment.')).verdict).toBe('supported');
    expect((await docent.verify('The legacy interface supports decoding from strings.')).verdict).toBe('contradicted');
  });

  it('contradicts the same number bounded from the other side', async () => {
    const result = await docent.verify('The institute has hosted fewer than ten international seminars on peacekeeping.');
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts?.map((c) => [c.claim, c.evidence])).toEqual([['fewer than ten', 'over ten']]);
    expect((await docent.verify('The institute has hosted more than ten international seminars on peacekeeping.')).verdict).toBe('supported');
  });
});
