import { describe, expect, it } from 'vitest';
import { expectedAnswerType, offersAnswerType } from '../../src/answer/answer-type.js';

describe('expectedAnswerType', () => {
  it('reads a date from "on what date", "which years" and "since which decade"', () => {
    for (const question of ['On what date did Luther join the cloister?', 'In which two years did the drills take place?', 'Major industries since which decade?', 'When did it open?', 'In what year was he born?']) {
      expect(expectedAnswerType(question), question).toBe('date');
    }
  });

  it('reads a number from the noun of a quantity after the wh-word ("What share of", "What monthly wage", "What was the estimated cost")', () => {
    for (const question of ['What share of Warsaw was Jewish?', 'What monthly wage did Tesla earn?', 'What was the estimated cost of the damage?', 'What is the population of Los Angeles?', 'How many people lived there?']) {
      expect(expectedAnswerType(question), question).toBe('number');
    }
  });

  it('reads no number from such a word used as a verb after an auxiliary, nor from other nouns', () => {
    for (const question of ['What did the two kings share?', 'What kind of agreement did they sign?', 'Which seminar did China host?']) {
      expect(expectedAnswerType(question), question).toBeUndefined();
    }
  });
});

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
