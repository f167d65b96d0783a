import { describe, expect, it } from 'vitest';
import { openCheckerDocent, verifyExact } from '../helpers/fixtures.js';

/** A changed value contradicts a statement whose subject the evidence words another way, not only one it repeats word for word. */
describe('CitationChecker: a changed value beside a paraphrased subject', async () => {
  const docent = await openCheckerDocent({
    'tesla.md': [
      '# Nikola Tesla',
      'Tesla moved to Colorado Springs in 1899 to experiment with high voltage.',
      'Thunder from the released energy was heard 15 miles away in Cripple Creek, Colorado.',
      'People walking along the street observed sparks jumping between their feet and the ground.',
    ].join('\n\n'),
  });

  it('contradicts the changed distance, naming the evidence’s', async () => {
    const result = await verifyExact(docent, 'His artificial lightning was heard 50 miles away in Cripple Creek.');
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts?.map((conflict) => [conflict.claim, conflict.evidence])).toEqual([['50', '15']]);
  });

  it('still supports the stated distance', async () => {
    const result = await verifyExact(docent, 'Thunder from the released energy was heard 15 miles away in Cripple Creek.');
    expect(result.verdict).toBe('supported');
  });
});
