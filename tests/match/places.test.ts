import { describe, expect, it } from 'vitest';
import { compareFacts } from '../../src/match/fact-compare.js';
import { analyse } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';
import table from '../../src/match/places.json' with { type: 'json' };
import { placeRelation } from '../../src/match/places.js';
import { placesFromWordNet } from '../../tools/wordnet-tables/places.js';

const names = nameMatcher();
const compare = (claim: string, evidence: string) => {
  const result = compareFacts(analyse(claim, { isNameAtStart: () => true }), analyse(evidence, { isNameAtStart: () => true }), { names, similarity: () => 0 });
  return { supported: result.supported.map((fact) => fact.text), missing: result.missing.map((fact) => fact.text), conflicts: result.conflicts.map((c) => `${c.claim.text}≠${c.evidence.text}`) };
};

describe('places inside places', () => {
  it('reads a table that is current with the installed WordNet (rebuild: npx tsx tools/wordnet-tables/build.ts)', () => {
    expect(table).toEqual(placesFromWordNet());
  });

  it('follows part holonyms up the chain, accents and "the" aside', () => {
    expect(placeRelation('Rotterdam', 'the Netherlands')).toBe('inside');
    expect(placeRelation('Florida', 'Jacksonville')).toBe('contains');
    expect(placeRelation('Kraków', 'Poland')).toBe('inside');
    expect(placeRelation('Amsterdam', 'Rotterdam')).toBe('apart');
    expect(placeRelation('Fort Caroline', 'Florida')).toBeUndefined();
  });

  it('follows the chain from place to place, never through a word two places share', () => {
    // Europe is part of the West (the Occident); the American West is another place of that name.
    expect(placeRelation('France', 'the West')).toBe('inside');
    expect(placeRelation('France', 'US')).toBe('apart');
    expect(placeRelation('Rotterdam', 'United States')).toBe('apart');
    expect(compare('The first China-France consultation was held in 2010.', 'The first China-US consultation was held in 2010.').conflicts).toEqual(['France≠US']);
    // A name that is also a property of every object is no place.
    expect(placeRelation('constructor', 'France')).toBeUndefined();
  });

  it('supports a place by one inside it, contradicts another place in the same slot, and takes a containing one as less specific', () => {
    expect(compare('Bayle taught in the Netherlands.', 'Bayle taught in Rotterdam.')).toMatchObject({ supported: ['Bayle', 'Netherlands'], conflicts: [] });
    expect(compare('Bayle taught in Amsterdam.', 'Bayle taught in Rotterdam.').conflicts).toEqual(['Amsterdam≠Rotterdam']);
    expect(compare('The ministers signed the memorandum in Hanoi.', 'The ministers signed the memorandum between the two ministries in Beijing.').conflicts).toEqual(['Hanoi≠Beijing']);
    expect(compare('The dialogue was held in London.', 'The first dialogue was held in England.')).toMatchObject({ missing: ['London'], conflicts: [] });
  });
});
