import { describe, expect, it } from 'vitest';
import { unmatchedSpecifics } from '../../src/answer/decline.js';
import { fractionsIn } from '../../src/answer/fractions.js';
import { checkSpecifics, questionFacts } from '../../src/answer/specifics.js';
import { analyse } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';

const same = (a: string, b: string) => (a === b ? 1 : 0);
const exactWords = { similarity: same, modelSimilarity: same } as unknown as TermSimilarity;
const check = (question: string, evidence: string) =>
  checkSpecifics(questionFacts(question, () => true), analyse(evidence, { isNameAtStart: () => true }), [], { names: nameMatcher(), similarity: exactWords, isNameAtStart: () => true });

describe('fractions', () => {
  it('reads fractions in words and signs, with their values', () => {
    expect(fractionsIn('a three-quarters majority, a third of apples, two thirds of pears, ⅓ to Tesla, half as much coal').map((f) => Number(f.value.toFixed(3)))).toEqual([0.75, 0.333, 0.667, 0.333, 0.5]);
  });

  it('leaves ordinals, dates and periods alone', () => {
    expect(fractionsIn('the third attack on the third of May in the second half of the season')).toEqual([]);
    expect(fractionsIn('a half-minute advert and his half-brother')).toEqual([]);
  });

  it('declines a fraction the evidence states as another, and answers one it states as asked', () => {
    const swapped = check('How many days does the Council have to override the veto by a three-quarters majority vote?', 'If the mayor vetoes a bill, the Council has 30 days to override the veto by a two-thirds majority vote.');
    expect(swapped.conflicting.map((fact) => fact.text)).toEqual(['three-quarters']);
    expect(unmatchedSpecifics(swapped)).toBe(true);
    expect(unmatchedSpecifics(check('Who received a third of the profits?', 'Profits would go ⅓ to Tesla, ⅓ to Peck and Brown, and ⅓ to fund development.'))).toBe(false);
  });

  it('takes a percentage rounding the fraction as stating it, and another percentage as stating it differently', () => {
    expect(check('Who received a third of the profits?', 'Tesla received 33% of the profits.').conflicting).toEqual([]);
    expect(check('What share of pears do nine-tenths of farms grow?', 'Nearly 90% of farms grow pears.').conflicting).toEqual([]);
    const other = check('In which year did a third of classes use Welsh?', 'In 2008/09, 22 per cent of classes used Welsh.');
    expect(other.conflicting.map((fact) => fact.text)).toEqual(['a third']);
  });

  it('leaves a fraction the evidence gives in neither form to the other signals', () => {
    expect(check('Who received a third of the profits?', 'One in three shares of the profits went to Tesla.').conflicting).toEqual([]);
  });
});
