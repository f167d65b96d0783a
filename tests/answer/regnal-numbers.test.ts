import { describe, expect, it } from 'vitest';
import { otherNumberedNames } from '../../src/answer/regnal-numbers.js';
import { analyse } from '../../src/match/facts.js';

const others = (question: string, evidence: string) => otherNumberedNames(analyse(question), analyse(evidence, { isNameAtStart: () => true })).map((fact) => fact.text);

describe('a name told apart by its number', () => {
  it('conflicts when the evidence gives the name only with another number', () => {
    expect(others('Who crowned Roger I of Sicily king in 1130?', "Roger's son, Roger II of Sicily, was crowned king in 1130 by Antipope Anacletus II.")).toEqual(['Roger']);
    expect(others('What happened after World War I?', 'After World War II, the city was rebuilt.')).toEqual(['World War']);
  });

  it('holds when the evidence gives the same number, also in a list, or no number', () => {
    expect(others('Who crowned Roger II of Sicily king?', 'Roger II of Sicily was crowned king in 1130.')).toEqual([]);
    expect(others('Who was the Most Valuable Player of Super Bowl II?', 'Bart Starr (MVP of Super Bowls I and II) and Chuck Howley (MVP of Super Bowl V) appeared.')).toEqual([]);
    expect(others('When did King Sigismund III Vasa move his court?', 'The king moved his court from Kraków to Warsaw in 1596.')).toEqual([]);
    expect(others('Who founded Momus?', 'Momus was founded by Arnold Szyfman.')).toEqual([]);
  });
});
