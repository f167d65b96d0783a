import { describe, expect, it } from 'vitest';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

describe('CitationChecker: roles of nouns the lexicon lacks', async () => {
  const docent = await openTestDocent(await makeCorpus({ 'legend.md': ['# The legend', 'In the legend the greedy merchant captured the mermaid.'].join('\n\n') }));

  it('contradicts swapped parties that only WordNet knows as nouns', async () => {
    const swapped = await docent.verify('In the legend the mermaid captured the greedy merchant.');
    expect(swapped.verdict).toBe('contradicted');
    expect(swapped.conflicts?.map((c) => [c.claim, c.evidence])).toEqual([['mermaid', 'merchant']]);
    expect((await docent.verify('In the legend the greedy merchant captured the mermaid.')).verdict).toBe('supported');
  });
});

describe('CitationChecker: roles need the same verb, not a loosely similar one', async () => {
  const docent = await openTestDocent(
    await makeCorpus({
      'timeit.md': [
        '# timeit',
        'Create a Timer instance with the given statement, setup code and timer function and run its timeit() method with number executions.',
        'The execution time of setup is excluded from the overall timed execution run.',
      ].join('\n\n'),
    }),
  );

  it('does not read "run" as the "included" of the claim, so the sentence that excludes it is the contradiction cited', async () => {
    const result = await docent.verify('The execution time of the setup statement is included in the timed run.');
    expect(result.verdict).toBe('contradicted');
    expect(result.evidence[0]?.quote).toBe('The execution time of setup is excluded from the overall timed execution run.');
  });
});
