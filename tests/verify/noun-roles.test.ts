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
