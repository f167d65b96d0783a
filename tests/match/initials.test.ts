import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/match/analyzer.js';
import { weightedTerms } from '../../src/match/coverage.js';
import { analyse } from '../../src/match/facts.js';
import { initialOf } from '../../src/match/initials.js';
import { nameMatcher } from '../../src/match/names.js';

const names = nameMatcher();
const nameIn = (claim: string, evidence: string) => {
  const facts = analyse(claim, { isNameAtStart: () => true }).facts.filter((fact) => fact.kind === 'name');
  return facts.map((fact) => names.found(fact, claim, analyse(evidence, { isNameAtStart: () => true })));
};

describe('initials of names: a Roman numeral counts whole', () => {
  it('takes the first letter of a word and the whole of a Roman numeral', () => {
    expect(['World', 'War', 'II'].map(initialOf).join('')).toBe('WWII');
  });

  it('finds an abbreviation and the name it abbreviates in either direction', () => {
    expect(nameIn('What campaign began after WWII?', 'After World War II, the campaign began.')).toEqual([true]);
    expect(nameIn('What campaign began after World War II?', 'After WWII, the campaign began.')).toEqual([true]);
    // The first war is not the second.
    expect(nameIn('What campaign began after WWI?', 'After World War II, the campaign began.')).toEqual([false]);
  });

  it('gives a name with a Roman numeral its full initials as an alias for coverage', () => {
    const terms = weightedTerms('the damage of World War II', () => 1);
    expect(terms.find((term) => term.word === 'world')?.aliases).toEqual(['wwii']);
    expect(tokenize('WWII').map((token) => token.term)).toEqual(['wwii']);
  });
});
