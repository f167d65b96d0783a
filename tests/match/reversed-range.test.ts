import { describe, expect, it } from 'vitest';
import { reversedRanges } from '../../src/match/reversed-range.js';

const pairs = (claim: string, evidence: string) => reversedRanges(claim, evidence).map((pair) => [pair.claim.text, pair.evidence.text]);

describe('reversedRanges: a direction stated the other way round', () => {
  it('opposes "from right to left" to "from left to right", the words cited where they stand', () => {
    const claim = 'reduce applies its function to the items of the iterable from right to left.';
    const evidence = 'Apply function of two arguments cumulatively to the items of iterable, from left to right, so as to reduce the iterable to a single value.';
    const [pair] = reversedRanges(claim, evidence);
    expect([pair!.claim.text, pair!.evidence.text]).toEqual(['right', 'left']);
    expect(claim.slice(pair!.claim.start, pair!.claim.end)).toBe('right');
    expect(evidence.slice(pair!.evidence.start, pair!.evidence.end)).toBe('left');
    expect(pairs('The train runs from the north to the south.', 'The train runs from the south to the north.')).toEqual([['north', 'south']]);
  });

  it('finds nothing when the evidence states the claim’s direction too, or no direction', () => {
    expect(pairs('It flew from London to Paris.', 'It flew from London to Paris and back from Paris to London.')).toEqual([]);
    expect(pairs('It flew from London to Paris.', 'It flew from London to Paris.')).toEqual([]);
    expect(pairs('It flew from London to Paris.', 'It flew between Paris and London.')).toEqual([]);
  });
});
