import { describe, expect, it } from 'vitest';
import { numbersInAnotherRole } from '../../src/answer/labelled-numbers.js';
import { analyse } from '../../src/match/facts.js';

const read = (text: string) => analyse(text, { isNameAtStart: () => false });
const inAnotherRole = (question: string, evidence: string, context: string[] = []) =>
  numbersInAnotherRole(read(question), read(evidence), context.map(read)).map((fact) => fact.text);

describe('a number that labels a name counts only with that name', () => {
  it('finds the number in another role: a score, not the game it names', () => {
    expect(inAnotherRole('What network aired Super Bowl 49?', 'They defeated the Arizona Cardinals 49–15 in the NFC Championship Game.')).toEqual(['49']);
    expect(inAnotherRole('What network aired Super Bowl 49?', 'The game was won by the home team 49ers.')).toEqual(['49']);
    expect(inAnotherRole('Where was Viking 18 held?', 'More than 18 officers attended the Viking exercise.')).toEqual(['18']);
  });

  it('accepts the number after the same name', () => {
    expect(inAnotherRole('What network aired Super Bowl 50?', 'CBS broadcast Super Bowl 50 in the U.S.')).toEqual([]);
  });

  it('accepts the labelled name in the context the evidence goes on about', () => {
    const [question, evidence] = ['What color was featured in promotions for Super Bowl 50?', 'The numbering of the 50-yard line was colored gold.'];
    expect(inAnotherRole(question, evidence)).toEqual(['50']);
    expect(inAnotherRole(question, evidence, ['This is the story of Super Bowl 50.'])).toEqual([]);
  });

  it('reads a count, not a label, after a possessive or before a name', () => {
    expect(inAnotherRole("When were Luther's 95 Theses translated?", 'The 95 Theses were translated in January 1518.')).toEqual([]);
    expect(inAnotherRole('When were the Luther 95 Theses translated?', 'The Theses, all 95 of them, were translated in 1518.')).toEqual([]);
  });

  it('accepts the number as another label of the same thing', () => {
    expect(inAnotherRole('What was the default value of repeat changed to in Python 3.7?', 'Changed in version 3.7: the default value of repeat changed from 3 to 5.')).toEqual([]);
  });

  it('leaves a number the evidence lacks to the comparison of facts', () => {
    expect(inAnotherRole('What network aired Super Bowl 49?', 'CBS broadcast Super Bowl 50 in the U.S.')).toEqual([]);
  });
});
