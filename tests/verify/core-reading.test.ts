import { describe, expect, it } from 'vitest';
import { coreStatements } from '../../src/verify/core-reading.js';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

describe('core statements', () => {
  it('cuts a claim before each trailing phrase, longest statement first', () => {
    expect(coreStatements('Myhill defined linear bounded automata in 1960 at the University of Buffalo.').map(({ core, detail }) => [core.text, detail])).toEqual([
      ['Myhill defined linear bounded automata in 1960', 'at the University of Buffalo'],
      ['Myhill defined linear bounded automata', 'in 1960 at the University of Buffalo'],
    ]);
  });
});

describe('CitationChecker: a stated claim with a detail added', async () => {
  const docent = await openTestDocent(
    await makeCorpus({
      'automata.md': [
        '# Automata',
        'In 1960, John Myhill defined linear bounded automata for the study of grammars.',
        'The research group moved several times over the following decades.',
      ].join('\n\n'),
    }),
  );

  it('is partially supported, naming the detail as missing', async () => {
    const result = await docent.verify('John Myhill defined linear bounded automata in 1960 at the University of Buffalo.');
    expect(result.verdict).toBe('partially_supported');
    expect(result.missing?.[0]).toBe('at the University of Buffalo');
    expect(result.evidence[0]?.quote).toContain('John Myhill defined linear bounded automata');
  });

  it('is not found when the detail is all the claim says beyond its subject and verb', async () => {
    expect((await docent.verify('The research group moved to Lisbon in 1990.')).verdict).toBe('not_found');
  });
});
