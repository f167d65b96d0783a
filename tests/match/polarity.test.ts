import { describe, expect, it } from 'vitest';
import { termOf } from '../../src/match/analyzer.js';
import { clauseEnd, cueWords, hedges, negatedTerms, negations, termsInScopeOf } from '../../src/match/polarity.js';

const negated = (text: string) => [...negatedTerms(text)];

describe('negation scope', () => {
  it('gives each cue the content word it bears on', () => {
    expect(negated('No tilde expansion is done.')).toEqual([termOf('tilde')]);
    expect(negated('They are not called when the program is killed by a signal not handled by Python.')).toEqual([termOf('called'), termOf('handled')]);
    expect(negated('BSkyB has no veto over the channels.')).toEqual([termOf('veto')]);
    expect(negated("Students don't pay tuition fees.")).toEqual([termOf('pay')]);
  });

  it('reads Python\'s None inside a sentence as a value, and "not until" as a date, not as negations', () => {
    expect(negations('Returns the same as lru_cache(maxsize=None), creating a thin wrapper.')).toEqual([]);
    expect(negations('class SpooledTemporaryFile(max_size=0, buffering=-1, encoding=None, newline=None)')).toEqual([]);
    expect(negated('It was not until January 1518 that friends of Luther translated the 95 Theses.')).toEqual([]);
    expect(negated('None of the functions accept bytes.')).toEqual([termOf('functions')]);
  });

  it('reads "too small to be felt" as denying the verb, the adjective left as wording to cover', () => {
    expect(negated('Nearly all of them are too small to be felt.')).toEqual([termOf('felt')]);
    expect(negated('Nearly all of them are so small that they are not felt.')).toEqual([termOf('felt')]);
    expect(negations('too small to be felt').map(cueWords)).toEqual([['too', 'to']]);
  });

  it('reaches every word of the negation\'s clause after the cue, and no further', () => {
    const text = 'If the size cannot be successfully queried, the fallback is used.';
    const inScope = termsInScopeOf(text, negations(text));
    expect(inScope.has(termOf('queried'))).toBe(true);
    expect(inScope.has(termOf('successfully'))).toBe(true);
    expect(inScope.has(termOf('fallback'))).toBe(false);
    expect(inScope.has(termOf('size'))).toBe(false);
  });

  it('stops at the end of the phrase', () => {
    expect(negated('It was not, however, forgotten.')).toEqual([]);
    expect(negated('Tilde expansion is done.')).toEqual([]);
  });
});

describe('clause ends', () => {
  const clauseAfter = (text: string, cue: string) => {
    const from = text.indexOf(cue) + cue.length;
    return text.slice(from, clauseEnd(text, from)).trim();
  };

  it('ends the clause a cue stands in at a comma, a sentence end or a contrasting connective', () => {
    expect(clauseAfter('30 US states have banned it, the others have not. It is still used.', 'have not')).toBe('');
    expect(clauseAfter('The legacy interface does not support decoding from strings, but it adds newlines.', 'not')).toBe('support decoding from strings');
    expect(clauseAfter('The file is not deleted but kept open', 'not')).toBe('deleted');
    expect(clauseAfter('Handlers are not called when the program is killed', 'not')).toBe('called when the program is killed');
  });
});

describe('denials', () => {
  const cueTexts = (text: string) => negations(text).map((cue) => cue.text.toLowerCase());

  it('reads "only rumoured", "falsely claimed" and "it is a myth that" as negations', () => {
    expect(cueTexts('It is only rumoured that Karp showed the problems to be complete.')).toEqual(['only rumoured']);
    expect(cueTexts('He falsely claimed that the treaty was signed in 1990.')).toEqual(['falsely claimed']);
    expect(cueTexts('It is a myth that the wall is visible from space.')).toEqual(['it is a myth that']);
    expect(negated('It is merely alleged that Karp showed the problems to be complete.')).toEqual([termOf('Karp')]);
  });

  it('leaves a plain hedge and an unrelated "only" alone', () => {
    expect(cueTexts('It is rumoured that Karp showed the problems to be complete.')).toEqual([]);
    expect(hedges('It is rumoured that Karp showed the problems to be complete.')).toHaveLength(1);
    expect(cueTexts('Only members claimed the prize.')).toEqual([]);
  });
});
