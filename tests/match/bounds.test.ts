import { describe, expect, it } from 'vitest';
import { boundOf } from '../../src/match/bounds.js';
import { compareFacts } from '../../src/match/fact-compare.js';
import { analyse } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';

const names = nameMatcher();
const conflicts = (claim: string, evidence: string) =>
  compareFacts(analyse(claim, { isNameAtStart: () => true }), analyse(evidence, { isNameAtStart: () => true }), { names, similarity: () => 0 }).conflicts.map((c) => `${c.claim.text}≠${c.evidence.text}`);
const sideOf = (text: string) => {
  const analysed = analyse(text);
  return boundOf(analysed, analysed.facts.find((fact) => fact.kind === 'number')!)?.side;
};

describe('bounds on numbers', () => {
  it('reads the side the words before a number put the quantity on', () => {
    expect(sideOf('China has hosted over 10 events.')).toBe('above');
    expect(sideOf('China has hosted more than 10 events.')).toBe('above');
    expect(sideOf('China has hosted fewer than 10 events.')).toBe('below');
    expect(sideOf('China has hosted no more than 10 events.')).toBe('below');
    expect(sideOf('China has hosted 10 events.')).toBeUndefined();
  });

  it('contradicts the same number bounded from the other side, naming the bounding words', () => {
    const evidence = 'China has hosted over ten international events on peacekeeping.';
    expect(conflicts('China has hosted fewer than ten international events on peacekeeping.', evidence)).toEqual(['fewer than ten≠over ten']);
    expect(conflicts('China has hosted more than ten international events on peacekeeping.', evidence)).toEqual([]);
    // A plain number is no bound: it neither contradicts nor is contradicted by one.
    expect(conflicts('China has hosted ten international events on peacekeeping.', evidence)).toEqual([]);
  });
});
