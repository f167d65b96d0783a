import { describe, expect, it } from 'vitest';
import { namesWithoutTheirNumber } from '../../src/answer/numbers-of-others.js';
import { questionFacts } from '../../src/answer/specifics.js';
import { analyse } from '../../src/match/facts.js';

const without = (question: string, evidence: string) => namesWithoutTheirNumber(questionFacts(question, () => true), analyse(evidence, { isNameAtStart: () => true })).map((fact) => fact.text);

const religions = 'Roman Catholics form the largest religious group in the state with 26.7% of the Victorian population, followed by Anglicans and members of the Uniting Church.';
const ages = 'Manning became the oldest quarterback to win a Super Bowl at age 39, while Gary Kubiak became the first head coach to win a Super Bowl with his own franchise.';

describe('a number that belongs to another name of the evidence', () => {
  it('finds a name the evidence states only after a number of another name, with no number of its own', () => {
    expect(without('What percentage of the Victorian population are Anglicans?', religions)).toEqual(['Anglicans']);
    expect(without('At what age did Gary Kubiak win a Super Bowl?', ages)).toEqual(['Gary Kubiak']);
    expect(without('How many Huguenots moved on to Ireland?', 'An estimated 50,000 Huguenots fled to England, with many moving on to Ireland and elsewhere.')).toEqual(['Ireland']);
  });

  it('leaves a name whose own clause, or the nameless clause after it, states a number', () => {
    expect(without('What percentage of the Victorian population are Roman Catholics?', religions)).toEqual([]);
    expect(without('How many sacks did Kony Ealy have?', 'Jared Allen was the career sack leader with 136, along with Kony Ealy, who had 5 sacks in just 9 starts.')).toEqual([]);
    expect(without('When did the Dutch Republic give Huguenots full rights?', 'In 1705, Amsterdam gave Huguenots full rights, followed by the Dutch Republic in 1715.')).toEqual([]);
    // A relative clause goes on about its number's fact: the year of the attack is the year Dyrrachium was invaded.
    expect(without('When did the Normans attack Dyrrachium?', 'Byzantine decline paved the road to a third attack in 1185, when a Norman army invaded Dyrrachium.')).toEqual([]);
  });

  it("finds a name whose own numbers count other things, when another name's clause has the counted thing and a number", () => {
    const linebackers = 'Davis compiled 5½ sacks, four forced fumbles, and four interceptions, while Kuechly led the team in tackles (118) and forced two fumbles.';
    expect(without('How many tackles did Davis lead the team in?', linebackers)).toEqual(['Davis']);
    expect(without('How many tackles did Kuechly lead the team in?', linebackers)).toEqual([]);
    // A bare number may count what the clause before counted.
    expect(without('How many total tackles did Danny Trevathan have?', 'Brandon Marshall led the team in total tackles with 109, while Danny Trevathan ranked second with 102.')).toEqual([]);
  });

  it('leaves a describing name, and a name in a clause that goes on with the subject of the number', () => {
    expect(without('How many times has the Chinese head of state met UN leaders since 2012?', 'Since 2012, President Xi Jinping has had 11 meetings with UN Secretary-Generals, proposed Chinese ideas and reiterated support.')).toEqual([]);
    expect(without('In which year did the legislature pass the act signed by John B. Weller?', 'The last attempt, the Pico Act of 1859, was passed by the Legislature and signed by governor John B. Weller.')).toEqual([]);
  });

  it('counts only the kind of fact the question asks for: years for a date, numbers for a count', () => {
    const evidence = 'In 2015, China and Vietnam signed a memorandum between the two ministries in Beijing. That same year, China held the first BRICS consultation.';
    expect(without('In what year was the first BRICS consultation held?', evidence)).toEqual([]);
    expect(without('How many ministries signed a memorandum with Brazil?', 'China and Vietnam signed a memorandum between the two ministries in Beijing, while Brazil signed none.')).toEqual(['Brazil']);
  });

  it('checks only questions that ask for a number, a date or an age', () => {
    expect(without('Which group follows the Roman Catholics among the Anglicans?', religions)).toEqual([]);
    expect(without('Which coach won a Super Bowl with Gary Kubiak?', ages)).toEqual([]);
  });
});
