import { describe, expect, it } from 'vitest';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

/** Claims that keep every word of their evidence yet say the opposite: an antonym, a "no", swapped roles; and hedges. */
describe('CitationChecker: opposite statements', async () => {
  const docent = await openTestDocent(
    await makeCorpus({
      'timer.md': [
        '# The timer',
        'The execution time of the setup statement is excluded from the overall timed execution run.',
        'No tilde expansion is done by the pattern matcher.',
        'Registered handlers are not called when the program is killed by a signal not handled by the runtime.',
        'In 2007, Virgin Media claimed that BSkyB had substantially increased the asking price for the channels.',
      ].join('\n\n'),
    }),
  );

  it('contradicts a word against its antonym, naming both', async () => {
    const result = await docent.verify('The execution time of the setup statement is included in the overall timed execution run.');
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts?.map((c) => [c.claim, c.evidence])).toEqual([['included', 'excluded']]);
    const conflict = result.conflicts![0]!;
    expect(docent.index.documents.get(conflict.source)!.slice(conflict.start, conflict.end)).toBe('excluded');
    // "not included" is "excluded": the negation and the antonym cancel out.
    expect((await docent.verify('The execution time of the setup statement is not included in the overall timed execution run.')).verdict).toBe('supported');
  });

  it('contradicts a statement the evidence makes with "no", and compares each negated word by itself', async () => {
    expect((await docent.verify('Tilde expansion is done by the pattern matcher.')).verdict).toBe('contradicted');
    expect((await docent.verify('Registered handlers are called when the program is killed by a signal not handled by the runtime.')).verdict).toBe('contradicted');
    expect((await docent.verify('Registered handlers are not called when the program is killed by a signal not handled by the runtime.')).verdict).toBe('supported');
  });

  it('contradicts swapped roles, naming the party the evidence puts first', async () => {
    const result = await docent.verify('In 2007, BSkyB claimed that Virgin Media had substantially increased the asking price for the channels.');
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts?.map((c) => [c.claim, c.evidence])).toEqual([['BSkyB', 'Virgin']]);
  });

  it('contradicts a claim that calls what the evidence states outright a mere rumour', async () => {
    expect((await docent.verify('It is only rumoured that Virgin Media claimed BSkyB had substantially increased the asking price for the channels.')).verdict).toBe('contradicted');
    expect((await docent.verify('It is rumoured that Virgin Media claimed BSkyB had substantially increased the asking price for the channels.')).verdict).toBe('partially_supported');
  });

  it('keeps a hedged claim partial, even when it reads as two clauses', async () => {
    const result = await docent.verify('Virgin Media is said to have claimed that BSkyB had substantially increased the asking price for the channels.');
    expect(result.verdict).toBe('partially_supported');
  });
});
