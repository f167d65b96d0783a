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
});
