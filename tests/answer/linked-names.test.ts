import { describe, expect, it } from 'vitest';
import { unlinkedNames } from '../../src/answer/linked-names.js';
import { analyse } from '../../src/match/facts.js';

const unlinked = (question: string, evidence: string) =>
  unlinkedNames(analyse(question, { isNameAtStart: () => true }), analyse(evidence, { isNameAtStart: () => true })).map((fact) => fact.text);

describe('names a question links must be linked in the evidence', () => {
  it('finds two names the evidence has apart, in another relation', () => {
    expect(unlinked('When was the University of Kraków established?', 'The University of Warsaw was established in 1816, when the partitions of Poland separated Warsaw from the oldest Polish academic center, in Kraków.')).toEqual(['Kraków']);
    expect(unlinked('When did the first China-France dialogue take place?', 'In April 2018, military advisers of Russia, France, the UK and the US to the UN Military Staff Committee visited China.')).toEqual(['France']);
  });

  it('accepts the same names linked in other words', () => {
    expect(unlinked('When was the first China-US consultation held?', 'The first consultation between China and the US was held in Beijing.')).toEqual([]);
    expect(unlinked('When was the University of Warsaw established?', 'The University of Warsaw was established in 1816.')).toEqual([]);
  });

  it('leaves names the evidence does not hold word for word to the name matcher', () => {
    expect(unlinked('When was the University of Kraków established?', 'The university was established in 1364.')).toEqual([]);
  });
});
