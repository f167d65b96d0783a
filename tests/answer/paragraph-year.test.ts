import { describe, expect, it } from 'vitest';
import { datesBareMonth } from '../../src/answer/paragraph-year.js';
import { unmatchedSpecifics } from '../../src/answer/decline.js';
import { checkSpecifics, questionFacts } from '../../src/answer/specifics.js';
import { analyse } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';

const PARAGRAPH = 'In February 2017, a dialogue was held. In April 2018, advisers visited China. In May, a protocol was signed. In October, the minister visited.';
const year = (value: string) => analyse(`in ${value}`).facts.find((fact) => fact.kind === 'year')!;

describe('the year of a month given without one', () => {
  it('is the year the paragraph last named before the evidence', () => {
    const evidence = analyse('In October, the minister visited.');
    expect(datesBareMonth(year('2018'), evidence, analyse(PARAGRAPH))).toBe(true);
    expect(datesBareMonth(year('2017'), evidence, analyse(PARAGRAPH))).toBe(false);
  });

  it('is none when the evidence gives a year, gives no month, or opens the paragraph', () => {
    expect(datesBareMonth(year('2018'), analyse('In February 2017, a dialogue was held.'), analyse(PARAGRAPH))).toBe(false);
    expect(datesBareMonth(year('2018'), analyse('A protocol was signed.'), analyse(`In April 2018, advisers visited China. A protocol was signed.`))).toBe(false);
    expect(datesBareMonth(year('2018'), analyse('In May, a protocol was signed.'), analyse('In May, a protocol was signed. In April 2018, advisers visited China.'))).toBe(false);
    expect(datesBareMonth(year('2018'), analyse('In May, a protocol was signed.'), undefined)).toBe(false);
  });

  it('makes the question\'s year nearby only when the evidence states the question\'s names itself', () => {
    const options = { names: nameMatcher(), similarity: { similarity: (a: string, b: string) => (a === b ? 1 : 0) } as unknown as TermSimilarity, isNameAtStart: () => true };
    const paragraph = 'In April 2018, advisers visited China. In May, China and Pakistan signed a protocol. In October, a delegation from China visited Germany.';
    const evidence = 'In October, a delegation from China visited Germany.';
    const check = (question: string) => checkSpecifics(questionFacts(question, () => true), analyse(evidence), [analyse('In May, China and Pakistan signed a protocol.')], options, analyse(paragraph));
    expect(unmatchedSpecifics(check('Where did a delegation from China go in October 2018?'))).toBe(false);
    expect(unmatchedSpecifics(check('Where did a delegation from China go in October 2017?'))).toBe(true);
    // Pakistan only in the sentence before: the year is not read from the paragraph on top of that.
    expect(unmatchedSpecifics(check('Where did a delegation from Pakistan go in October 2018?'))).toBe(true);
  });
});
