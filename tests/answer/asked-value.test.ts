import { describe, expect, it } from 'vitest';
import { askedValue, statesAskedValue } from '../../src/answer/asked-value.js';
import { lacksAskedValue } from '../../src/answer/decline.js';
import { questionFacts } from '../../src/answer/specifics.js';
import { analyse } from '../../src/match/facts.js';
import { NONE_UNMATCHED } from '../../src/answer/unmatched-terms.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';

/** Word similarities as the word vectors give them: "nations" and "countries" alike, other pairs far apart. */
const alike = new Map([['nations|countries', 0.75]]);
const similarity = { similarity: (a: string, b: string) => (a === b ? 1 : (alike.get(`${a}|${b}`) ?? alike.get(`${b}|${a}`) ?? 0.2)) } as unknown as TermSimilarity;
const states = (question: string, evidence: string) =>
  statesAskedValue(askedValue(question)!, questionFacts(question, () => true), analyse(evidence, { isNameAtStart: () => true }), similarity);

describe('the value a question asks for', () => {
  it('is a year, a month, a count or a length of time, read from the question', () => {
    expect(askedValue('In what year was Chopin born in Żelazowa Wola?')).toBe('year');
    expect(askedValue('In which month of 2019 was the Viking exercise held?')).toBe('month');
    expect(askedValue('How many beds does the institute have?')).toBe('count');
    expect(askedValue('What was the number of advisers who came to China?')).toBe('count');
    expect(askedValue('How long did the visit last?')).toBe('duration');
    expect(askedValue('How long is the Bayeux Tapestry?')).toBeUndefined();
    // "When" is as often answered by an event as by a date; "who" and "where" by names (answer-type.ts).
    expect(askedValue('When did Warsaw start to rebuild?')).toBeUndefined();
    expect(askedValue('Who founded Momus?')).toBeUndefined();
  });

  it('is stated only by a value of its kind that the question does not already say', () => {
    expect(states('In what year was Chopin born in Żelazowa Wola?', 'Chopin was born in the village of Żelazowa Wola, about 60 km from Warsaw.')).toBe(false);
    expect(states('In what year was Chopin born in Żelazowa Wola?', 'Chopin was born in Żelazowa Wola in 1810.')).toBe(true);
    expect(states('In what year did the Duchy of Normandy begin as a fiefdom?', 'The duchy began in 911 as a fiefdom.')).toBe(true);
    expect(states('How many soldiers took part in the exercises between 2015 and 2019?', 'Soldiers took part in the exercises in Mongolia from 2015 to 2019.')).toBe(false);
    expect(states('How many soldiers took part in the exercises?', 'About 2,000 soldiers took part.')).toBe(true);
    expect(states('How many Grammy Awards has Lady Gaga won?', 'Six-time Grammy winner Lady Gaga sang.')).toBe(true);
    expect(states('How many times has Polonia won the cup?', 'Polonia won the cup twice.')).toBe(true);
    expect(states('How long has the mermaid been used by Warsaw?', 'It has been used since at least the mid-14th century.')).toBe(true);
    expect(states('How long did the October visit last?', 'In October, the minister visited the base.')).toBe(false);
    expect(states('In which month was the exercise held?', 'The exercise was held in March 2019.')).toBe(true);
  });

  it('is a count only of what the question counts: a number right before another noun counts that noun', () => {
    expect(states('How many peacekeepers has the PLA trained since 2009?', 'Since then, the PLA has run over 20 international training programs for UN peacekeepers.')).toBe(false);
    expect(states('How many weeks does the UN Staff Officers Course last?', 'The PLA has run over 20 international training programs for peacekeepers, including the UN Staff Officers Course.')).toBe(false);
    // The same thing in other words, or the same noun, is a count of it.
    expect(states('With how many nations have Chinese forces worked together on peacekeeping?', "China's armed forces have cooperated on peacekeeping with over 90 countries and 10 organizations.")).toBe(true);
    expect(states('How many steam-driven inventions did Ayanz patent in 1606?', 'Ayanz received patents in 1606 for fifty steam-powered inventions.')).toBe(true);
    // "How many times" counts occurrences, whatever noun names them; past a coordination the phrase's noun is not yet known.
    expect(states('How many times has Xi met UN Secretary-Generals since 2012?', 'Since 2012, President Xi Jinping has had 11 meetings with UN Secretary-Generals.')).toBe(true);
    expect(states('How many problems did Karp prove NP-complete?', 'Karp showed that 21 diverse combinatorial and graph theoretical problems are NP-complete.')).toBe(true);
  });

  it('declines only when neither the best sentence nor one quoted beside it states it', () => {
    const unsaid = { unmatched: { ...NONE_UNMATCHED, valueUnsaid: 1 } };
    const said = { unmatched: NONE_UNMATCHED };
    expect(lacksAskedValue(unsaid, [])).toBe(true);
    expect(lacksAskedValue(unsaid, [unsaid])).toBe(true);
    expect(lacksAskedValue(unsaid, [unsaid, said])).toBe(false);
    expect(lacksAskedValue(said, [unsaid])).toBe(false);
  });
});
