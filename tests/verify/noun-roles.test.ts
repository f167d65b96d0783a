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

describe('CitationChecker: roles around near-synonymous verbs', async () => {
  const docent = await openTestDocent(
    await makeCorpus({ 'games.md': ['# Games', 'The AFC champion Denver Broncos defeated the NFC champion Carolina Panthers 24–10 to earn their third Super Bowl title.'].join('\n\n') }),
  );

  it('reads "beat" as the verb the evidence says "defeated" with', async () => {
    expect((await docent.verify('The Carolina Panthers beat the Denver Broncos.')).verdict).toBe('contradicted');
    expect((await docent.verify('The Denver Broncos beat the Carolina Panthers.')).verdict).toBe('supported');
  });
});
