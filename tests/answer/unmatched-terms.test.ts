import { describe, expect, it } from 'vitest';
import { declinedByRule } from '../../src/answer/decline.js';
import { questionFacts, type SpecificsCheck } from '../../src/answer/specifics.js';
import { unmatchedTerms } from '../../src/answer/unmatched-terms.js';
import { weightedTerms } from '../../src/match/coverage.js';
import { analyse } from '../../src/match/facts.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';

// Word vectors that find only the listed pairs alike, and every other pair of different words unrelated.
const alike = new Map([
  ['toyota|holden', 0.7],
  ['drills|exercises', 0.6],
]);
const similarity = { similarity: (a: string, b: string) => (a === b ? 1 : (alike.get(`${a}|${b}`) ?? alike.get(`${b}|${a}`) ?? 0)) } as unknown as TermSimilarity;
// Every term weighs the same, so shares are word counts (halved for verbs and adjectives, see coverage.ts).
const unmatched = (question: string, evidence: string, context: string[] = []) => {
  const facts = questionFacts(question, () => true);
  const said = analyse(evidence);
  const stated = facts.facts.filter((fact) => said.facts.some((other) => other.value === fact.value));
  return unmatchedTerms(weightedTerms(question, () => 1), facts, said, context.map((text) => analyse(text)), stated, similarity);
};

const NO_SPECIFICS: SpecificsCheck = { conflicting: [], absent: [], nearby: [], unsaid: [], swapped: [], stated: [], total: 0 };

describe('what of the question a candidate leaves unsaid', () => {
  it('is nothing when the evidence says every word', () => {
    expect(unmatched('When did Holden close its plants?', 'Holden announced it would close its plants in 2013.')).toMatchObject({ unsaid: 0, vouched: 0, rarestUnsaid: 0, softName: 0, otherOfKind: 0, opposite: 0 });
  });

  it('tells words the context vouches for from words said nowhere', () => {
    const vouched = unmatched('When did Toyota close its plants?', 'The company closed its plants in 2013.', ['Toyota made cars in Victoria.']);
    expect(vouched.unsaid).toBeGreaterThan(0);
    expect(vouched.vouched).toBe(vouched.unsaid);
    expect(vouched.rarestUnnamed).toBe(0);
    const nowhere = unmatched('When did Toyota close its plants?', 'The company closed its plants in 2013.');
    expect(nowhere.vouched).toBe(0);
    expect(nowhere.rarestUnnamed).toBe(1);
  });

  it('marks a name matched only by another name, and another name of the same kind in its place', () => {
    const result = unmatched('When did Toyota close its plants?', 'In 2013, Holden closed its plants.');
    expect(result.softName).toBe(1);
    expect(result.rarestSoft).toBe(1);
    expect(result.otherOfKind).toBe(1);
    // Both together: another name in the question name's place (declined by rule), unless the question asks for a name.
    expect(result.anotherName).toBe(1);
    const asksName = unmatched('Which company did Toyota sell its plants to?', 'In 2013, Holden sold its plants to Ford.');
    expect(asksName.softName).toBe(1);
    expect(asksName.anotherName).toBe(0);
    // A common word matched by a similar one is no name.
    expect(unmatched('Where were the drills held?', 'The exercises were held in Mongolia.').softName).toBe(0);
  });

  it('marks an opposite in place of a word of the question', () => {
    expect(unmatched('Who was the youngest quarterback to play?', 'Manning was the oldest quarterback to play.').opposite).toBe(1);
    expect(unmatched('Who was the oldest quarterback to play?', 'Manning was the oldest quarterback to play.').opposite).toBe(0);
  });

  it('marks a superlative of the question stated only at another rank, which declines by rule', () => {
    const question = 'Which airport is the third busiest in the United States by total passenger volume?';
    const other = unmatched(question, 'Los Angeles International Airport is the second-busiest airport in the United States by passenger volume and the third by international passenger volume.');
    expect(other.otherRank).toBe(1);
    expect(declinedByRule({ specifics: NO_SPECIFICS, outmatched: false, unmatched: other })).toBe(true);
    const same = unmatched(question, 'Ontario International Airport is the third-busiest airport in the United States by passenger volume.');
    expect(same.otherRank).toBe(0);
    expect(declinedByRule({ specifics: NO_SPECIFICS, outmatched: false, unmatched: same })).toBe(false);
  });
});

