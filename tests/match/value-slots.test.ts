import { describe, expect, it } from 'vitest';
import { compareFacts } from '../../src/match/fact-compare.js';
import { analyse } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';
import { misplacedValues } from '../../src/match/value-slots.js';

const names = nameMatcher();
const misplaced = (claim: string, evidence: string) => {
  const [c, e] = [analyse(claim, { isNameAtStart: () => true }), analyse(evidence, { isNameAtStart: () => true })];
  const { supported } = compareFacts(c, e, { names, similarity: () => 0 });
  return misplacedValues(c, e, supported).map((conflict) => `${conflict.claim.text}≠${conflict.evidence.text}`);
};

const LEVELS = 'level is an integer from 0 to 9 or -1 controlling the level of compression; 1 (Z_BEST_SPEED) is fastest and produces the least compression, 9 (Z_BEST_COMPRESSION) is slowest and produces the most.';

describe('misplacedValues: a number in another number’s slot', () => {
  it('finds the number the evidence puts next to the claim’s word', () => {
    expect(misplaced('In zlib.compress(), level 1 is the slowest and produces the most compression.', LEVELS)).toEqual(['1≠9']);
    expect(misplaced('For zlib.compress, a level of 9 is fastest and produces the least compression.', LEVELS)).toEqual(['9≠1']);
  });

  it('finds nothing when the number sits in its own slot, or the word is also next to the claim’s number', () => {
    expect(misplaced('Level 9 is slowest and produces the most compression.', LEVELS)).toEqual([]);
    expect(misplaced('Year 0 is 1 BC.', 'Year 0 is 1 BC, year -1 is 2 BC, and so on.')).toEqual([]);
  });

  it('leaves another measure alone', () => {
    expect(misplaced('More than 10,000 square miles of farmland are sown for grain.', 'More than 26,000 square kilometres (10,000 sq mi) of farmland are sown for grain.')).toEqual([]);
  });
});
