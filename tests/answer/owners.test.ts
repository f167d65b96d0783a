import { describe, expect, it } from 'vitest';
import { otherOwners } from '../../src/answer/owners.js';
import { questionFacts } from '../../src/answer/specifics.js';
import { analyse } from '../../src/match/facts.js';

const owners = (question: string, evidence: string) =>
  otherOwners(questionFacts(question, () => true), analyse(evidence, { isNameAtStart: () => true })).map((fact) => fact.text);

describe("a name owning a thing ('Holden's plants')", () => {
  it('conflicts with evidence that gives the thing to another name only', () => {
    const evidence = "Holden's announcement occurred in May 2013 (Ford's Victorian plants—in Broadmeadows and Geelong—will close in October 2016).";
    expect(owners("When will Holden's plants in Broadmeadows and Geelong close?", evidence)).toEqual(["Holden's"]);
  });

  it('holds when the evidence gives the thing to the same name, or to no name', () => {
    expect(owners("When will Ford's plants in Geelong close?", "Ford's Victorian plants in Geelong will close in October 2016.")).toEqual([]);
    expect(owners("When will Holden's plants close?", 'The plants of Holden will close in 2017.')).toEqual([]);
    expect(owners("What did Tesla's father do?", 'His father, Milutin, was an Eastern Orthodox priest.')).toEqual([]);
  });

  it('takes the thing owned from the words right after the possessive, not from later in the question', () => {
    const evidence = "Pieper observed that Luther's teaching about the state of the Christian's soul after death differed from later theologians.";
    expect(owners("Who noticed that Luther's view of the soul after death differed from later theologians?", evidence)).toEqual([]);
  });
});
