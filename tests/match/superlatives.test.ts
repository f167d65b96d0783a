import { describe, expect, it } from 'vitest';
import { rankedSuperlatives } from '../../src/match/superlatives.js';

const pairs = (claim: string, evidence: string) => rankedSuperlatives(claim, evidence).map((pair) => [pair.claim.text, pair.evidence.text]);

describe('rankedSuperlatives: a superlative stated only at another rank', () => {
  it('opposes "most populous" to "second-most populous", with or without the hyphen', () => {
    expect(pairs("Victoria is Australia's most populous state.", "Victoria is Australia's most densely populated state and its second-most populous state overall.")).toEqual([['most', 'second-most']]);
    expect(pairs('San Diego is the most populous city in California.', 'San Diego is the second most populous city in the state and the eighth most populous in the nation.')).toEqual([['most', 'second most']]);
  });

  it('opposes a ranked claim to the unranked superlative, for "-est" words too', () => {
    expect(pairs('Warsaw is the second largest city of Poland.', 'Warsaw is the largest city of Poland.')).toEqual([['second largest', 'largest']]);
    expect(pairs('Kraków is the 2nd largest city of Poland.', 'Kraków is the largest city of Poland.')).toEqual([['2nd largest', 'largest']]);
  });

  it('reads a superlative of another thing, or one in brackets, as no statement of the claim’s rank', () => {
    const evidence =
      'Southern California is home to Los Angeles International Airport, the second-busiest airport in the United States by passenger volume (see World\'s busiest airports by passenger traffic); San Diego International Airport the busiest single runway airport in the world.';
    expect(pairs('Los Angeles International Airport is the busiest airport in the United States by passenger volume.', evidence)).toEqual([['busiest', 'second-busiest']]);
    expect(pairs('San Diego International Airport is the busiest single runway airport in the world.', evidence)).toEqual([]);
  });

  it('finds nothing when the evidence also states the claim’s rank, or another superlative', () => {
    expect(pairs('Los Angeles is the most populous city in California.', 'Los Angeles is the most populous city in California and the second most populous in the United States.')).toEqual([]);
    expect(pairs('Victoria is the most densely populated state.', 'Victoria is the second most populous state.')).toEqual([]);
    expect(pairs('Warsaw is the largest city.', 'Warsaw is the largest city of Poland.')).toEqual([]);
  });
});
