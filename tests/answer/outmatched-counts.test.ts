import { describe, expect, it } from 'vitest';
import { isOutmatched } from '../../src/answer/decline.js';
import { checkSpecifics, questionFacts } from '../../src/answer/specifics.js';
import { analyse } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';

// Exact words only: these cases turn on which specifics a sentence states, not on word meaning.
const exactWords = { similarity: (a: string, b: string) => (a === b ? 1 : 0) } as unknown as TermSimilarity;
const options = { names: nameMatcher(), similarity: exactWords, isNameAtStart: () => true };
const analysed = (text: string) => analyse(text, { isNameAtStart: () => true });

/** Whether `lower` (coverage 0.4) is outmatched by `higher` (coverage 0.8), both checked against `question`. */
function outmatched(question: string, higher: string, lower: string): boolean {
  const facts = questionFacts(question, () => true);
  const better = checkSpecifics(facts, analysed(higher), [], options);
  expect(better.conflicting.length).toBeGreaterThan(0);
  return isOutmatched(0.4, checkSpecifics(facts, analysed(lower), [], options), [{ coverage: 0.8, conflicting: better.conflicting, swapsNouns: better.swapped.length > 0 }], facts);
}

describe('outmatched by a better-covering sentence that states a specific differently', () => {
  it('is not, when all that sentence states differently is a count this one states as the question does', () => {
    expect(outmatched('How much did Sky pay for the remaining four Premier League packages?', 'In 2015 Sky bid £4.2bn for a package of 120 Premier League games.', 'Sky picked up the remaining four for £1.3bn.')).toBe(false);
  });

  it('is, when the count labels a name or the other states a year differently', () => {
    expect(outmatched('What network aired Super Bowl 49?', 'CBS aired Super Bowl 50 in the United States.', 'The Patriots won Super Bowl 49 and the title.')).toBe(true);
    expect(outmatched('In how many homes was the satellite service available in 2005?', 'The satellite service became available in 10 million homes in 2010.', 'Prior to October 2005, three channels were available.')).toBe(true);
  });
});
