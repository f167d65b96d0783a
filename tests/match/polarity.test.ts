import { describe, expect, it } from 'vitest';
import { termOf } from '../../src/match/analyzer.js';
import { negatedTerms } from '../../src/match/polarity.js';

const negated = (text: string) => [...negatedTerms(text)];

describe('negation scope', () => {
  it('gives each cue the content word it bears on', () => {
    expect(negated('No tilde expansion is done.')).toEqual([termOf('tilde')]);
    expect(negated('They are not called when the program is killed by a signal not handled by Python.')).toEqual([termOf('called'), termOf('handled')]);
    expect(negated('BSkyB has no veto over the channels.')).toEqual([termOf('veto')]);
    expect(negated("Students don't pay tuition fees.")).toEqual([termOf('pay')]);
  });

  it('stops at the end of the phrase', () => {
    expect(negated('It was not, however, forgotten.')).toEqual([]);
    expect(negated('Tilde expansion is done.')).toEqual([]);
  });
});
