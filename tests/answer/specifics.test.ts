import { describe, expect, it } from 'vitest';
import { statesOtherSpecifics } from '../../src/answer/decline.js';
import { checkSpecifics, questionFacts } from '../../src/answer/specifics.js';
import { analyse } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';

// Exact words only: these cases turn on names and numbers, not on word meaning.
const exactWords = { similarity: (a: string, b: string) => (a === b ? 1 : 0) } as unknown as TermSimilarity;
const options = { names: nameMatcher(), similarity: exactWords, isNameAtStart: () => true };
const check = (question: string, evidence: string, context: string[] = []) =>
  checkSpecifics(
    questionFacts(question, () => true),
    analyse(evidence, { isNameAtStart: () => true }),
    context.map((text) => analyse(text, { isNameAtStart: () => true })),
    options,
  );

describe('checkSpecifics', () => {
  it('finds the year a question swaps for another a conflict, and declines it', () => {
    const result = check('How many miners did the 1864 typhoid outbreak at Buckland Valley kill?', 'An outbreak of typhoid at Buckland Valley in 1854 killed over 1,000 miners.');
    expect(result.conflicting.map((fact) => fact.text)).toEqual(['1864']);
    expect(statesOtherSpecifics(result)).toBe(true);
  });

  it('matches a value the evidence states, even beside other values in closer wording', () => {
    const result = check(
      'Who provided a definition of linear bounded automata in 1960?',
      "Earlier papers include John Myhill's definition of linear bounded automata (Myhill 1960), Raymond Smullyan's study of rudimentary sets (1961), as well as Hisao Yamada's paper (1962).",
    );
    expect(result.conflicting).toEqual([]);
    expect(statesOtherSpecifics(result)).toBe(false);
  });

  it('finds a name in the title when the evidence lacks it, and counts a name found nowhere absent', () => {
    const result = check('When did Tesla move to Chicago?', 'In 1884 he moved house and began to work on motors.', ['Nikola Tesla']);
    expect(result.absent.map((fact) => fact.text)).toEqual(['Chicago']);
    expect(result.conflicting).toEqual([]);
  });
});
