import { describe, expect, it } from 'vitest';
import { expectExactSlices, makeCorpus, openTestDocent } from '../helpers/fixtures.js';

/** A changed value contradicts a statement whose subject the evidence words another way, not only one it repeats word for word. */
describe('CitationChecker: a changed value beside a paraphrased subject', async () => {
  const docent = await openTestDocent(
    await makeCorpus({
      'tesla.md': [
        '# Nikola Tesla',
        'Tesla moved to Colorado Springs in 1899 to experiment with high voltage.',
        'Thunder from the released energy was heard 15 miles away in Cripple Creek, Colorado.',
        'People walking along the street observed sparks jumping between their feet and the ground.',
      ].join('\n\n'),
      'other.md': 'Schools in Ohio teach music. The module reads files and writes reports.',
    }),
  );

  it('contradicts the changed distance, naming the evidence’s', async () => {
    const result = await docent.verify('His artificial lightning was heard 50 miles away in Cripple Creek.');
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts?.map((conflict) => [conflict.claim, conflict.evidence])).toEqual([['50', '15']]);
    expectExactSlices(docent.index.documents, result);
  });

  it('still supports the stated distance', async () => {
    const result = await docent.verify('Thunder from the released energy was heard 15 miles away in Cripple Creek.');
    expect(result.verdict).toBe('supported');
    expectExactSlices(docent.index.documents, result);
  });
});
