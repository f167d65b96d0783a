import { describe, expect, it } from 'vitest';
import { numberMentions } from '../../src/match/numbers.js';

describe('number mentions', () => {
  it('reads words that name Object.prototype members ("constructor", "toString") as words, not numbers', () => {
    const text = 'The constructor calls toString and valueOf on two hundred arguments; the first one wins.';
    expect(numberMentions(text).map(({ value, ordinal }) => ({ value, ordinal }))).toEqual([
      { value: '200', ordinal: false },
      { value: '1', ordinal: true },
    ]);
  });

  it('finds number words next to digits and inside hyphenated words, whatever their case, and no words where there are none', () => {
    const found = (text: string) => numberMentions(text).map(({ value, ordinal, start, end }) => ({ value, ordinal, at: text.slice(start, end) }));
    // A digit before a letter is no word boundary (\b), yet "twenty" is a word of its own here.
    expect(found('model x2twenty')).toEqual([{ value: '20', ordinal: false, at: 'twenty' }]);
    expect(found('Twenty-one tables, the THIRD in 3 schemas')).toEqual([
      { value: '21', ordinal: false, at: 'Twenty-one' },
      { value: '3', ordinal: true, at: 'THIRD' },
      { value: '3', ordinal: false, at: '3' },
    ]);
    expect(found('ISO 8601 dates at 2 a.m. for someone')).toEqual([
      { value: '8601', ordinal: false, at: '8601' },
      { value: '2', ordinal: false, at: '2' },
    ]);
    expect(found('a dozen rows and a hundred columns')).toEqual([
      { value: '12', ordinal: false, at: 'a dozen' },
      { value: '100', ordinal: false, at: 'a hundred' },
    ]);
  });
});
