import { describe, expect, it } from 'vitest';
import { unmatchedSpecifics } from '../../src/answer/decline.js';
import { checkSpecifics, questionFacts } from '../../src/answer/specifics.js';
import { analyse } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';

// Exact words only: these cases turn on names and numbers, not on word meaning.
const same = (a: string, b: string) => (a === b ? 1 : 0);
const exactWords = { similarity: same, modelSimilarity: same } as unknown as TermSimilarity;
const options = { names: nameMatcher(), similarity: exactWords, isNameAtStart: () => true };
const check = (question: string, evidence: string, context: string[] = []) =>
  checkSpecifics(
    questionFacts(question, () => true),
    analyse(evidence, { isNameAtStart: () => true }),
    context.map((text) => analyse(text, { isNameAtStart: () => true })),
    options,
  );

describe('checkSpecifics', () => {
  it('reads a number right after the request, a preposition before it or not, as the count of answers wanted', () => {
    const evidence = 'Chinese personnel joined peacekeeping table-top exercises in Thailand in May 2016 and May 2018.';
    expect(check('In which two years did Chinese personnel join table-top exercises in Thailand?', evidence).conflicting).toEqual([]);
    expect(check('Which two years saw Chinese personnel join table-top exercises in Thailand?', evidence).conflicting).toEqual([]);
    expect(check('In which three years did Chinese personnel join table-top exercises in Thailand?', evidence).conflicting).toEqual([]);
    expect(check('When did the two Chinese officers join table-top exercises in Thailand?', evidence).total).toBeGreaterThan(2);
  });

  it('finds the year a question swaps for another a conflict, and declines it', () => {
    const result = check('How many miners did the 1864 typhoid outbreak at Buckland Valley kill?', 'An outbreak of typhoid at Buckland Valley in 1854 killed over 1,000 miners.');
    expect(result.conflicting.map((fact) => fact.text)).toEqual(['1864']);
    expect(unmatchedSpecifics(result)).toBe(true);
  });

  it('matches a value the evidence states, even beside other values in closer wording', () => {
    const result = check(
      'Who provided a definition of linear bounded automata in 1960?',
      "Earlier papers include John Myhill's definition of linear bounded automata (Myhill 1960), Raymond Smullyan's study of rudimentary sets (1961), as well as Hisao Yamada's paper (1962).",
    );
    expect(result.conflicting).toEqual([]);
    expect(unmatchedSpecifics(result)).toBe(false);
  });

  it('finds a name in the title when the evidence lacks it, and counts a name found nowhere absent', () => {
    const result = check('When did Tesla move to Chicago?', 'In 1884 he moved house and began to work on motors.', ['Nikola Tesla']);
    expect(result.absent.map((fact) => fact.text)).toEqual(['Chicago']);
    expect(result.conflicting).toEqual([]);
  });

  it('declines by rule a swapped place named nowhere, and not a sentence naming the question\'s specifics', () => {
    const swapped = check('When did China establish a peacekeeping training institution in Shanghai?', "China's armed forces established a specialized peacekeeping training institution in June 2009.");
    expect(swapped.absent.map((fact) => fact.text)).toEqual(['Shanghai']);
    expect(unmatchedSpecifics(swapped)).toBe(true);
    expect(unmatchedSpecifics(check('When did China establish a peacekeeping training institution?', "China's armed forces established a specialized peacekeeping training institution in June 2009."))).toBe(false);
  });

  it('reads a name spelled with a slip or without accents as the evidence\'s name', () => {
    expect(unmatchedSpecifics(check('Who wrote the 1965 paper with Hatmanis?', 'The seminal paper by Juris Hartmanis and Richard Stearns (1965) laid out the definitions.'))).toBe(false);
    expect(check('Why was Tesla returned to Gospic?', 'Tesla was returned to Gospić under police guard.').absent).toEqual([]);
  });

  it('declines a describing name said nowhere around the evidence, and counts one its paragraph says as nearby', () => {
    const question = 'Which Google product did the High Court find infringed the Sky trademark?';
    const evidence = 'The High Court found that Microsoft’s use of the term "SkyDrive" infringed on the Sky trademark.';
    const elsewhere = check(question, evidence);
    expect(elsewhere.absent.map((fact) => fact.text)).toEqual(['Google']);
    expect(unmatchedSpecifics(elsewhere)).toBe(true);
    const plant = questionFacts('Which company bought the FSO car plant in 1995?', () => true);
    const paragraph = analyse('The FSO Car Factory was established in 1951. In 1995 the factory was purchased by Daewoo.', { isNameAtStart: () => true });
    const described = checkSpecifics(plant, analyse('In 1995 the factory was purchased by Daewoo.', { isNameAtStart: () => true }), [], options, paragraph);
    expect(described.nearby.map((fact) => fact.text)).toEqual(['FSO']);
    expect(unmatchedSpecifics(described)).toBe(false);
    expect(check('Which training facilities did the PLA visit in Chile?', 'The PLA sent delegations to visit the training facilities of Argentina.').absent.map((fact) => fact.text)).toEqual(['Chile']);
  });

  it('finds a date the evidence has only in parts of other dates stated differently', () => {
    const result = check('Which exercise took place in April 2019?', 'The exercise Viking 18 took place in April 2018, and another in September 2019.');
    expect(result.conflicting.map((fact) => fact.text)).toEqual(['April']);
    expect(check('Which exercise took place in April 2018?', 'The exercise Viking 18 took place in April 2018, and another in September 2019.').conflicting).toEqual([]);
  });

  it('matches a year the question writes as a number ("Xi\'s 2015 proposals")', () => {
    expect(check("Which continent should receive more support, according to Xi's 2015 proposals?", 'In 2015, President Xi presented proposals that greater support should be given to Africa.').absent).toEqual([]);
  });
});
