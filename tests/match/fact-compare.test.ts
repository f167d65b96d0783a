import { describe, expect, it } from 'vitest';
import { compareFacts } from '../../src/match/fact-compare.js';
import { analyse } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';

const names = nameMatcher();
const compare = (claim: string, evidence: string) => {
  const result = compareFacts(analyse(claim, { isNameAtStart: () => true }), analyse(evidence, { isNameAtStart: () => true }), { names, similarity: () => 0 });
  return { supported: result.supported.map((fact) => fact.text), missing: result.missing.map((fact) => fact.text), conflicts: result.conflicts.map((c) => `${c.claim.text}≠${c.evidence.text}`) };
};

describe('compareFacts: aligning facts by what they are', () => {
  it('compares the day of a date only with days, never with a count', () => {
    const evidence = 'On 15 June 1520, the Pope warned Luther that he risked excommunication unless he recanted 41 sentences, including the 95 Theses, within 60 days.';
    expect(compare('The Pope gave Luther sixty days to recant 41 sentences.', evidence)).toMatchObject({ conflicts: [], missing: [] });
    expect(compare('On 18 June 1520, the Pope warned Luther.', evidence).conflicts).toEqual(['18≠15']);
  });

  it('anchors a name by the dates around it: another place after the same date fills the same slot', () => {
    const evidence = 'Martin Luther was born to Hans Luder (or Ludher) on 10 November 1483 in Eisleben, Saxony, then part of the Holy Roman Empire.';
    expect(compare('Martin Luther was born on 10 November 1483 in Erfurt, Saxony.', evidence).conflicts).toEqual(['Erfurt≠Eisleben']);
    const exercise = 'Personnel took part in the command-post exercise Viking 18 in Brazil in April 2018.';
    expect(compare('Viking 18, a command-post exercise, took place in Argentina in April 2018.', exercise).conflicts).toEqual(['Argentina≠Brazil']);
  });

  it('prefers a rival name the claim does not state elsewhere', () => {
    const evidence = 'As a consequence, Luther was excommunicated by Pope Leo X on 3 January 1521, in the bull Decet Romanum Pontificem.';
    expect(compare('Pope Julius II excommunicated Luther on 3 January 1521.', evidence).conflicts).toEqual(['Pope Julius II≠Pope Leo X']);
    // With no other name in the slot, a repeated one still is the rival: "China-UK … held in the UK".
    expect(compare('The first China-UK dialogue was held in Beijing.', 'The first China-UK dialogue was held in the UK.').conflicts).toEqual(['Beijing≠UK']);
  });

  it('contradicts two counts swapped between the two things they count', () => {
    const evidence = 'They have cooperated on peacekeeping with over 90 countries and 10 international and regional organizations.';
    expect(compare('They have cooperated on peacekeeping with 10 countries and over 90 international and regional organizations.', evidence).conflicts).toEqual(['10≠90', '90≠10']);
    expect(compare('They have cooperated on peacekeeping with over 90 countries and 10 international and regional organizations.', evidence)).toMatchObject({ conflicts: [], missing: [] });
  });

  it('does not take two initials that open a hyphenated term for a name', () => {
    expect(compare('Both received a Nobel Prize.', 'They proved that some problems are NP-complete.').missing).toEqual(['Nobel Prize']);
    expect(compare('It was visited by the African Union.', 'It received visits from the UN and the AU.').missing).toEqual([]);
  });
});
