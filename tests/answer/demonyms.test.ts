import { describe, expect, it } from 'vitest';
import { unmatchedSpecifics } from '../../src/answer/decline.js';
import { isDemonym, replacedDemonyms } from '../../src/answer/demonyms.js';
import { checkSpecifics, questionFacts } from '../../src/answer/specifics.js';
import { analyse } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';

// Exact words only: these cases turn on demonyms, not on word meaning.
const exactWords = { similarity: (a: string, b: string) => (a === b ? 1 : 0) } as unknown as TermSimilarity;
const options = { names: nameMatcher(), similarity: exactWords, isNameAtStart: () => true };
const analysed = (text: string) => analyse(text, { isNameAtStart: () => true });
const check = (question: string, evidence: string, context: string[] = []) => checkSpecifics(questionFacts(question, () => true), analysed(evidence), context.map(analysed), options);
const names = (facts: ReadonlyArray<{ text: string }>) => facts.map((fact) => fact.text);

describe('demonyms as specifics', () => {
  it('knows a demonym by its WordNet pertainym to a place, and other capitalised words as none', () => {
    const facts = analysed('A Portuguese officer and a South Korean firm met the Huguenot pastor.').facts;
    expect(facts.filter(isDemonym).map((fact) => fact.text)).toEqual(['Portuguese', 'South Korean']);
  });

  it('declines by rule a demonym that neither the evidence nor its context says', () => {
    const result = check('Which Portuguese naval officer led an expedition that explored Florida in 1562?', 'In 1562, naval officer Jean Ribault led an expedition that explored Florida.');
    expect(names(result.absent)).toEqual(['Portuguese']);
    expect(result.unsaid).toEqual([]);
    expect(unmatchedSpecifics(result)).toBe(true);
  });

  it('finds a demonym said by the place it is of, in the evidence or in its context', () => {
    expect(unmatchedSpecifics(check('Which Portuguese navigator reached India?', 'Vasco da Gama of Portugal reached India in 1498.'))).toBe(false);
    const ruler = ['What German ruler invited Huguenot immigration?', 'Frederick William invited Huguenots to settle in his realms.'] as const;
    expect(names(check(...ruler).absent)).toEqual(['German']);
    expect(unmatchedSpecifics(check(...ruler, ['Huguenots in Germany']))).toBe(false);
  });

  it('finds a place said by another of its names or by a place inside it, and only so', () => {
    // "British": Great Britain, which WordNet also calls the UK; "American": America, whose United States the evidence names.
    expect(unmatchedSpecifics(check('What share of British teachers suffered stress in 2000?', 'A 2000 study found that 42% of UK teachers experienced occupational stress.'))).toBe(false);
    expect(unmatchedSpecifics(check('What share of American power is made by steam?', 'In the United States 90% of the electric power is produced in this way.'))).toBe(false);
    // A region by the countries in it ("European" by Germany), a country by its towns ("Ireland" by Dublin), in the evidence or its context.
    expect(unmatchedSpecifics(check('To which European countries were instructors sent?', 'Instructors were sent to countries including Australia, Germany and Thailand.'))).toBe(false);
    expect(unmatchedSpecifics(check('In which South American country was the exercise held?', 'The exercise was held in Brazil in April 2018.'))).toBe(false);
    expect(unmatchedSpecifics(check('In which African countries do the troops serve?', 'The troops serve in Mali, Sudan and Lebanon.'))).toBe(false);
    expect(unmatchedSpecifics(check('When did Garda vetting of teachers start in Ireland?', 'From 2006 Garda vetting has been introduced for new entrants.', ['Teachers in Dublin are paid by seniority.']))).toBe(false);
    // Not a place outside it: the countries are not African, Dublin is not in Austria.
    expect(names(check('To which African countries were instructors sent?', 'Instructors were sent to countries including Australia, Germany and Thailand.').absent)).toEqual(['African']);
    expect(names(check('When did Garda vetting of teachers start in Austria?', 'From 2006 Garda vetting has been introduced for new entrants.', ['Teachers in Dublin are paid by seniority.']).absent)).toEqual(['Austria']);
  });

  it('finds another demonym before the same word a conflict, even when the context says the question\'s', () => {
    const question = questionFacts('Which American rock group headlined the halftime show?', () => true);
    expect(names(replacedDemonyms(question, analysed('The halftime show was headlined by the British rock group Coldplay.')))).toEqual(['American']);
    const result = check('Which American rock group headlined the halftime show?', 'The halftime show was headlined by the British rock group Coldplay.', ['Super Bowl 50 was an American football game.']);
    expect(unmatchedSpecifics(result)).toBe(true);
    // Another demonym describing something else, or the question's own beside it, is no conflict.
    expect(replacedDemonyms(question, analysed('The American rock group toured with a British band.'))).toEqual([]);
    expect(replacedDemonyms(questionFacts('Which Polish general was born in Warsaw?', () => true), analysed('Casimir Pulaski, a Polish general and hero of the American Revolutionary War, was born here.'))).toEqual([]);
  });

  it('counts a demonym said elsewhere in the paragraph as nearby, and a name said there as absent still', () => {
    const question = questionFacts('What was the median pay of American teachers in 2004?', () => true);
    const paragraph = analysed('US teachers are generally paid on graduated scales. The median salary for all teachers was $46,000 in 2004.');
    const evidence = analysed('The median salary for all teachers was $46,000 in 2004.');
    const demonym = checkSpecifics(question, evidence, [], options, paragraph);
    expect(names(demonym.nearby)).toEqual(['American']);
    expect(unmatchedSpecifics(demonym)).toBe(false);
    // Not when the evidence names another place the question leaves out: those ministers are China's and Vietnam's.
    const ministers = checkSpecifics(
      questionFacts('When did the Chinese and Cambodian ministers sign a memorandum?', () => true),
      analysed('In April 2015, the ministers of China and Vietnam signed a memorandum.'),
      [],
      options,
      analysed('China worked with Cambodia and Vietnam. In April 2015, the ministers of China and Vietnam signed a memorandum.'),
    );
    expect(names(ministers.absent)).toEqual(['Cambodian']);
    const place = checkSpecifics(questionFacts('When did China and India sign a protocol?', () => true), analysed('China and Pakistan signed a protocol in May.'), [], options, analysed('China and India met in April. China and Pakistan signed a protocol in May.'));
    expect(unmatchedSpecifics(place)).toBe(true);
  });
});
