import { describe, expect, it } from 'vitest';
import { unmatchedSpecifics } from '../../src/answer/decline.js';
import { checkSpecifics, questionFacts } from '../../src/answer/specifics.js';
import { yearRange } from '../../src/answer/year-ranges.js';
import { analyse } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';

const exactWords = { similarity: (a: string, b: string) => (a === b ? 1 : 0) } as unknown as TermSimilarity;
const check = (question: string, evidence: string) =>
  checkSpecifics(questionFacts(question, () => true), analyse(evidence, { isNameAtStart: () => true }), [], { names: nameMatcher(), similarity: exactWords, isNameAtStart: () => true });

describe('decades and centuries', () => {
  it('reads "1850s" as a decade, "1500s" as a century and a plain year as no range', () => {
    const text = analyse('in the 1850s, the 1500s and 1851');
    expect(text.facts.map((fact) => yearRange(fact, text))).toEqual([[1850, 1859], [1500, 1599], undefined]);
  });

  it('takes a year inside the decade or century the question names as stating it', () => {
    expect(unmatchedSpecifics(check('What share of the world\'s gold came from Victoria in the 1850s?', 'Victoria produced in the decade 1851–1860 20 million ounces of gold, one third of the world\'s output.'))).toBe(false);
    expect(unmatchedSpecifics(check('A Huguenot colony from the 1500s was close to which Florida city?', 'In 1564, the Huguenot Laudonnière established Fort Caroline in what is now Jacksonville, Florida.'))).toBe(false);
  });

  it('declines a century the evidence states as another ("12th/13th-century" names both), and keeps the same one however written', () => {
    const question = 'Which village did the nobleman Warsz own in the 15th century?';
    expect(check(question, 'Warsz was a 12th/13th-century nobleman who owned a village.').conflicting.map((fact) => fact.text)).toEqual(['15th']);
    expect(unmatchedSpecifics(check(question, 'Warsz was a 14th/15th-century nobleman who owned a village.'))).toBe(false);
    expect(unmatchedSpecifics(check('Which building of Warsz was torn down in the nineteenth century?', 'Warsz built a 19th-century palace.'))).toBe(false);
    // A century the evidence does not date at all is left to the other checks.
    expect(check(question, 'Warsz was a nobleman who owned a village.').conflicting).toEqual([]);
  });

  it('still declines a year outside it, and a plain year that differs', () => {
    expect(unmatchedSpecifics(check('How much gold did Victoria produce in the 1870s?', 'Victoria produced in the decade 1851–1860 20 million ounces of gold.'))).toBe(true);
    expect(unmatchedSpecifics(check('How much gold did Victoria produce in 1855?', 'Victoria produced in 1851 two million ounces of gold.'))).toBe(true);
  });
});

describe('years that bound a time', () => {
  it('declines a year the evidence bounds from the other side', () => {
    const question = 'How many meetings did President Xi Jinping hold with UN Secretary-Generals before 2012?';
    expect(unmatchedSpecifics(check(question, 'Since 2012, President Xi Jinping has had 11 meetings with UN Secretary-Generals.'))).toBe(true);
    expect(unmatchedSpecifics(check('What did the PLA build after 1990?', 'Until 1990, the PLA built barracks.'))).toBe(true);
  });

  it('keeps a year bounded the same way, or stated plainly', () => {
    expect(unmatchedSpecifics(check('How many times has Xi met UN Secretary-Generals since 2012?', 'Since 2012, President Xi Jinping has had 11 meetings with UN Secretary-Generals.'))).toBe(false);
    expect(unmatchedSpecifics(check('How many meetings did Xi hold with UN Secretary-Generals before 2012?', 'In 2012, Xi held 3 meetings with UN Secretary-Generals.'))).toBe(false);
    expect(unmatchedSpecifics(check('What happened to the PLA after 1990?', 'After 1990 and until 2000, the PLA grew.'))).toBe(false);
  });
});
