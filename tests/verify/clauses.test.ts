import { describe, expect, it } from 'vitest';
import { clauses } from '../../src/verify/clauses.js';

const partsOf = (claim: string) => clauses(claim).map((part) => part.text);

describe('clauses: the parts a claim states', () => {
  it('cuts before a coordinated verb, also one the lexicon lists first as a noun', () => {
    expect(partsOf('The French church in Portarlington dates back to 1696 and was designed by a Dutch architect.')).toEqual(['The French church in Portarlington dates back to 1696', 'was designed by a Dutch architect.']);
    expect(partsOf('mkdtemp() returns the absolute pathname of the new directory and registers it for deletion at exit.')).toEqual(['mkdtemp() returns the absolute pathname of the new directory', 'registers it for deletion at exit.']);
  });

  it('cuts before a subordinate clause whose subject comes before its verb, and before an absolute phrase', () => {
    expect(partsOf('Warsaw became the capital of Poland in 1596, when its population reached one million.')).toEqual(['Warsaw became the capital of Poland in 1596', 'its population reached one million.']);
    expect(partsOf('China and Mongolia held the exercise in Beijing, with 1,000 troops taking part.')).toEqual(['China and Mongolia held the exercise in Beijing', 'with 1,000 troops taking part.']);
  });

  it('cuts before a participle that follows a noun phrase, not one inside it', () => {
    expect(partsOf('Marconi made the first radio transmission in 1901 using equipment bought from Edison.')).toEqual(['Marconi made the first radio transmission in 1901', 'using equipment bought from Edison.']);
    expect(partsOf('Sky launched a music streaming service called Sky Tunes in 2012.')).toHaveLength(1);
    expect(partsOf('Bisection is effective for searching ranges of values.')).toHaveLength(1);
  });

  it('keeps lists and numbers with what they count whole', () => {
    expect(partsOf('China conducted the first BRICS consultation with Brazil, Russia, India and South Africa.')).toHaveLength(1);
    expect(partsOf('Nearly 50,000 Huguenots settled in Germany, 20,000 of them in Brandenburg-Prussia.')).toHaveLength(1);
  });
});
