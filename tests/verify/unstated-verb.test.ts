import { describe, expect, it } from 'vitest';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

describe('CitationChecker: evidence that names what a claim is about but states none of its verbs', async () => {
  const docent = await openTestDocent(
    await makeCorpus({
      'sky.md': [
        '# Sky',
        'Sam Chisholm ran the company from 1990, and under him it made its first profit.',
        'The Normans spread the printing of books across their kingdom in the twelfth century.',
      ].join('\n\n'),
    }),
  );

  it('is not found, not partially supported', async () => {
    expect((await docent.verify('Sam Chisholm later became chairman of the BBC.')).verdict).toBe('not_found');
    expect((await docent.verify('The Normans invented the printing press.')).verdict).toBe('not_found');
  });

  it('is still supported when the evidence states the verb', async () => {
    expect((await docent.verify('Under Sam Chisholm the company made its first profit.')).verdict).toBe('supported');
  });
});
