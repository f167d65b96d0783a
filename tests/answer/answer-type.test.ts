import { describe, expect, it } from 'vitest';
import { expectedAnswerType, offersAnswerType } from '../../src/answer/answer-type.js';

describe('offersAnswerType', () => {
  const none = new Set<string>();

  it('takes a count, not a year, as the number a "how many" question asks for', () => {
    expect(expectedAnswerType('How many people lived in Warsaw?')).toBe('number');
    expect(offersAnswerType('The city was rebuilt in 1945.', 'number', none)).toBe(false);
    expect(offersAnswerType('In 1945, 162,000 people lived there.', 'number', none)).toBe(true);
    expect(offersAnswerType('About twenty thousand stayed.', 'number', none)).toBe(true);
    // The year rule is facts.ts's: a four-digit number before a plural noun counts.
    expect(offersAnswerType('The army sent 2000 soldiers.', 'number', none)).toBe(true);
  });

  it('takes a year as the date a "when" question asks for, unless the question says it already', () => {
    expect(offersAnswerType('The city was rebuilt in 1945.', 'date', none)).toBe(true);
    expect(offersAnswerType('The city was rebuilt in 1945.', 'date', new Set(['1945']))).toBe(false);
  });
});
